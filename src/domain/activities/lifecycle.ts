// The lifecycle every activity follows. Side states (deferred, paused, incomplete, cancelled)
// and backward moves need a written reason. Activity types without a written output (meetings,
// self-evaluations) may go straight from on site to published ("recorded").

export const activityStates = [
  'planned',
  'notified',
  'on_site',
  'analysis',
  'drafting',
  'quality_assurance',
  'factual_accuracy',
  'published',
  'deferred',
  'paused',
  'incomplete',
  'cancelled',
] as const;
export type ActivityState = (typeof activityStates)[number];

export const stateLabels: Record<ActivityState, string> = {
  planned: 'Planned',
  notified: 'Notified',
  on_site: 'On site',
  analysis: 'Analysis',
  drafting: 'Drafting',
  quality_assurance: 'Quality assurance',
  factual_accuracy: 'Factual accuracy check',
  published: 'Published',
  deferred: 'Deferred',
  paused: 'Paused',
  incomplete: 'Incomplete',
  cancelled: 'Cancelled',
};

/** Colour of the GOV.UK tag for each state. */
export const stateTagColours: Record<ActivityState, string> = {
  planned: 'grey',
  notified: 'light-blue',
  on_site: 'blue',
  analysis: 'purple',
  drafting: 'purple',
  quality_assurance: 'pink',
  factual_accuracy: 'orange',
  published: 'green',
  deferred: 'yellow',
  paused: 'yellow',
  incomplete: 'red',
  cancelled: 'red',
};

const forward: Record<ActivityState, ActivityState[]> = {
  planned: ['notified', 'deferred', 'cancelled'],
  notified: ['on_site', 'deferred', 'paused', 'cancelled'],
  on_site: ['analysis', 'paused', 'incomplete'],
  analysis: ['drafting', 'paused', 'incomplete'],
  drafting: ['quality_assurance', 'paused'],
  quality_assurance: ['factual_accuracy', 'published', 'drafting'],
  factual_accuracy: ['quality_assurance'],
  published: [],
  deferred: ['planned', 'cancelled'],
  paused: ['incomplete', 'cancelled'], // plus back to the state it was paused from
  incomplete: ['planned'],
  cancelled: [],
};

const needsReason = new Set<ActivityState>(['deferred', 'paused', 'incomplete', 'cancelled']);
const order: ActivityState[] = [
  'planned',
  'notified',
  'on_site',
  'analysis',
  'drafting',
  'quality_assurance',
  'factual_accuracy',
  'published',
];

export interface TransitionCheck {
  allowed: boolean;
  reasonRequired: boolean;
  problem?: string;
}

export function allowedNextStates(
  from: ActivityState,
  opts: { pausedFrom: ActivityState | null; hasWrittenOutput: boolean },
): ActivityState[] {
  const next = [...forward[from]];
  if (from === 'paused' && opts.pausedFrom) next.unshift(opts.pausedFrom);
  if (from === 'on_site' && !opts.hasWrittenOutput) next.unshift('published');
  return next;
}

export function checkTransition(
  from: ActivityState,
  to: ActivityState,
  opts: { pausedFrom: ActivityState | null; hasWrittenOutput: boolean; reason?: string | null },
): TransitionCheck {
  const allowed = allowedNextStates(from, opts).includes(to);
  const backwards =
    order.includes(from) && order.includes(to) && order.indexOf(to) < order.indexOf(from);
  const reasonRequired = needsReason.has(to) || backwards || from === 'incomplete';
  if (!allowed) {
    return {
      allowed,
      reasonRequired,
      problem: `An activity that is ${stateLabels[from].toLowerCase()} cannot move to ${stateLabels[to].toLowerCase()}.`,
    };
  }
  if (reasonRequired && !opts.reason?.trim()) {
    return {
      allowed: false,
      reasonRequired,
      problem: `Give a reason for moving to ${stateLabels[to].toLowerCase()}.`,
    };
  }
  return { allowed: true, reasonRequired };
}

export function isActivityState(value: string): value is ActivityState {
  return (activityStates as readonly string[]).includes(value);
}

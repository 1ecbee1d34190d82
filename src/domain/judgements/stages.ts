// The stages an activity's judgements pass through, from the team's provisional view to final,
// and what must be true before each move. Pure: the use cases gather the facts; who may edit
// or move judgements at a stage is decided in domain/access/policies.ts.

export const judgementStages = [
  'team_provisional',
  'consistency_panel',
  'quality_assurance',
  'final',
] as const;
export type JudgementStage = (typeof judgementStages)[number];

export const stageLabels: Record<JudgementStage, string> = {
  team_provisional: 'Team provisional',
  consistency_panel: 'Consistency panel',
  quality_assurance: 'Quality assurance',
  final: 'Final',
};

export const stageTagColours: Record<JudgementStage, string> = {
  team_provisional: 'blue',
  consistency_panel: 'purple',
  quality_assurance: 'pink',
  final: 'green',
};

export function isJudgementStage(s: unknown): s is JudgementStage {
  return typeof s === 'string' && (judgementStages as readonly string[]).includes(s);
}

/**
 * Allowed moves. Forward one step at a time; the QAM may send judgements back to the team or to
 * the panel (with a reason). Final is the end: a published report depends on it.
 */
const moves: Record<JudgementStage, JudgementStage[]> = {
  team_provisional: ['consistency_panel'],
  consistency_panel: ['quality_assurance', 'team_provisional'],
  quality_assurance: ['final', 'team_provisional', 'consistency_panel'],
  final: [],
};

export function nextStages(from: JudgementStage): JudgementStage[] {
  return [...moves[from]];
}

export const isBackward = (from: JudgementStage, to: JudgementStage): boolean =>
  judgementStages.indexOf(to) < judgementStages.indexOf(from);

/** After the team's provisional stage every change needs a written reason. */
export const changeNeedsReason = (stage: JudgementStage): boolean => stage !== 'team_provisional';

/** Facts about the judgements of one activity that decide whether a move may happen. */
export interface StageFacts {
  /** Judgements with no grade yet (titles). */
  ungraded: string[];
  /** Judgements not secure in their grade but with no nearness narrative (titles). */
  missingNearness: string[];
  /** Judgements with no context statement (titles). */
  missingContext: string[];
  /** Judgements with no narrative (titles). */
  missingNarrative: string[];
  /** Hard aggregation rules broken (explanations). */
  hardViolations: string[];
  /** Soft aggregation rules broken and not yet given a written reason (titles). */
  unexplainedSoft: string[];
  /** Panel challenges with no answer yet. */
  openChallenges: number;
  /** Panel members assigned. */
  panelMembers: number;
  /** Divergence flags (feedback on site vs current grades) with no explanation. */
  unexplainedDivergence: number;
}

/** What stops a move, in plain English; empty when it may happen. Backward moves need a reason. */
export function moveProblems(
  from: JudgementStage,
  to: JudgementStage,
  facts: StageFacts,
  reason: string | null | undefined,
): string[] {
  if (!moves[from].includes(to))
    return [
      `Judgements at ${stageLabels[from].toLowerCase()} cannot move to ${stageLabels[to].toLowerCase()}.`,
    ];
  if (isBackward(from, to))
    return reason?.trim()
      ? []
      : [`Give a reason for sending the judgements back to ${stageLabels[to].toLowerCase()}.`];
  const out: string[] = [];
  const list = (xs: string[]) => xs.join(', ');
  if (facts.ungraded.length) out.push(`Grade every judgement first: ${list(facts.ungraded)}.`);
  if (facts.missingNearness.length)
    out.push(`Say how near the adjacent grade is for: ${list(facts.missingNearness)}.`);
  for (const h of facts.hardViolations) out.push(h);
  if (facts.unexplainedSoft.length)
    out.push(`Give a written reason for departing from: ${list(facts.unexplainedSoft)}.`);
  if (to === 'consistency_panel' && facts.missingNarrative.length)
    out.push(`Write the narrative for: ${list(facts.missingNarrative)}.`);
  if (to === 'quality_assurance') {
    if (facts.panelMembers === 0) out.push('Assign at least one consistency panel member.');
    if (facts.openChallenges > 0)
      out.push(`Answer every panel challenge first (${facts.openChallenges} still open).`);
  }
  if (to === 'final') {
    // A consistency panel across inspections may query judgements at any provisional stage.
    if (facts.openChallenges > 0)
      out.push(`Answer every panel challenge first (${facts.openChallenges} still open).`);
    if (facts.missingContext.length)
      out.push(`State how context was taken into account for: ${list(facts.missingContext)}.`);
    if (facts.unexplainedDivergence > 0)
      out.push(
        `Explain every difference between what was said on site and the grades (${facts.unexplainedDivergence} not yet explained).`,
      );
  }
  return out;
}

// The LA's action plan after a published inspection (issue 16). Each "what needs to improve" item
// and each area for priority action of the published report is one line the LA answers with
// actions (an owner, a dated milestone and a measure of impact each: what will be different for
// children, not only the task) and dated updates on progress. Pure: the use cases store it.
import type { ErrorDetail } from '../../errors.js';
import type { PersonRef } from '../evidence/records.js';
import type { ReportDocument } from '../reports/types.js';

export type ItemKind = 'priority_action' | 'improvement';

export interface PlanAction {
  id: string;
  action: string;
  owner: string;
  /** What marks the step done, and when (a dated milestone). */
  milestone: string;
  dueOn: string;
  /** How the LA will know it made a difference (not the task itself). */
  impactMeasure: string;
}

export interface ProgressUpdate {
  id: string;
  /** The day the progress is as of. */
  on: string;
  text: string;
  by: string;
}

export interface PlanItem {
  key: string;
  kind: ItemKind;
  /** The report's words, as published. */
  text: string;
  actions: PlanAction[];
  updates: ProgressUpdate[];
}

export type PlanResponse = 'acknowledged' | 'returned';

export interface ActionPlanVersion {
  id: string;
  activityId: string;
  laId: string;
  version: number;
  items: PlanItem[];
  submittedAt: Date;
  submittedBy: PersonRef;
  response: {
    kind: PlanResponse;
    at: Date;
    by: PersonRef;
    comment: string | null;
  } | null;
}

export interface ActionPlanDraft {
  activityId: string;
  laId: string;
  items: PlanItem[];
  basedOnVersion: number | null;
  updatedBy: PersonRef;
  updatedAt: Date;
}

export type PlanStatus = 'not_started' | 'draft' | 'submitted' | 'acknowledged' | 'returned';

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  not_started: 'Not started',
  draft: 'Draft, not submitted',
  submitted: 'Submitted, awaiting the region',
  acknowledged: 'Acknowledged by the region',
  returned: 'Returned by the region with comments',
};

export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  priority_action: 'Area for priority action',
  improvement: 'What needs to improve',
};

/**
 * The plan's items from a published report: areas for priority action first, then what needs to
 * improve, one item per paragraph (the report lists each as a bullet). Keys are stable because a
 * published version never changes.
 */
export function itemsFromReport(doc: ReportDocument): Omit<PlanItem, 'actions' | 'updates'>[] {
  // Plans answer inspection reports. A visit's letter (focused or monitoring) reviews the plan
  // in force; what it says needs to improve is taken into that plan's next version by the LA.
  if (doc.documentKind !== 'inspection-report') return [];
  const kinds: [ItemKind, string][] = [
    ['priority_action', 'priority_actions'],
    ['improvement', 'improvements'],
  ];
  return kinds.flatMap(([kind, content]) =>
    doc.sections
      // The main document only: annexes (the children's summary) restate the same items.
      .filter((s) => s.content === content && s.part === doc.templateKey)
      .flatMap((s) =>
        s.paragraphs
          .map((p) => p.trim())
          // A template's lead-in ("... these areas:") is not an item.
          .filter((p) => p.length > 0 && !p.endsWith(':'))
          .map((text, i) => ({ key: `${s.key}-${i + 1}`, kind, text })),
      ),
  );
}

/** The report's items with what a saved plan (draft or version) says of each, in report order. */
export function mergeItems(
  fromReport: Omit<PlanItem, 'actions' | 'updates'>[],
  saved: PlanItem[] | null,
): PlanItem[] {
  const byKey = new Map((saved ?? []).map((i) => [i.key, i]));
  return fromReport.map((r) => ({
    ...r,
    actions: byKey.get(r.key)?.actions ?? [],
    updates: byKey.get(r.key)?.updates ?? [],
  }));
}

/** The next id in a list ("A1", "A2"... or "U1"...): short, stable, readable in the CLI. */
export function nextId(prefix: string, existing: { id: string }[]): string {
  const n = existing.reduce((m, x) => Math.max(m, Number(x.id.slice(prefix.length)) || 0), 0);
  return `${prefix}${n + 1}`;
}

/** What stops a plan being submitted: every item needs at least one complete action. */
export function submissionProblems(items: PlanItem[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (items.length === 0)
    problems.push({ reason: 'The published report has no items for an action plan' });
  for (const item of items) {
    if (item.actions.length === 0)
      problems.push({ field: item.key, reason: `Add at least one action for “${item.text}”` });
    for (const a of item.actions) {
      const missing = [
        !a.owner.trim() && 'an owner',
        !a.dueOn && 'a milestone date',
        !a.impactMeasure.trim() && 'a measure of impact',
      ].filter(Boolean);
      if (missing.length)
        problems.push({
          field: `${item.key}.${a.id}`,
          reason: `Action ${a.id} for “${item.text}” needs ${missing.join(' and ')}`,
        });
    }
  }
  return problems;
}

/** Where the plan stands: the draft (if any) is ahead of the latest version. */
export function planStatus(
  draft: { basedOnVersion: number | null } | null,
  latest: Pick<ActionPlanVersion, 'response'> | null,
): PlanStatus {
  if (draft) return 'draft';
  if (!latest) return 'not_started';
  return latest.response?.kind ?? 'submitted';
}

/** How each item changed between two versions (actions and updates added), for the reader. */
export function itemChanges(
  before: PlanItem[],
  after: PlanItem[],
): { key: string; actionsAdded: number; actionsRemoved: number; updatesAdded: number }[] {
  const prev = new Map(before.map((i) => [i.key, i]));
  return after.map((i) => {
    const p = prev.get(i.key);
    const was = new Set(p?.actions.map((a) => a.id) ?? []);
    const now = new Set(i.actions.map((a) => a.id));
    return {
      key: i.key,
      actionsAdded: [...now].filter((id) => !was.has(id)).length,
      actionsRemoved: [...was].filter((id) => !now.has(id)).length,
      updatesAdded: i.updates.length - (p?.updates.length ?? 0),
    };
  });
}

// The scheduling rules of a planned activity, checked against what is known of its authority:
// its last judgement (the published history, which Triangulate's own publications join) and its
// other activities and visits. Creating and moving an activity by hand both go this way.
import { listLaActivityDates } from '../../data/repositories/activities.js';
import { latestJudgements, listHistoryForLas } from '../../data/repositories/inspection-history.js';
import { isoDayText } from '../../domain/calendar/format.js';
import {
  checkActivityRules,
  type RuleCheck,
  type TimelineItem,
} from '../../domain/scheduling/check-rules.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import { requireCatalog, type UseCaseContext } from '../context.js';

export interface PlannedDates {
  laId: string;
  frameworkId: string;
  activityType: string;
  start: string;
  end: string | null;
  /** Leave this activity out of the timeline (when it is the one being moved). */
  exceptActivityId?: string;
}

/** Every rule the planned activity breaks; empty when the framework has no rules. */
export async function checkScheduling(ctx: UseCaseContext, p: PlannedDates): Promise<RuleCheck> {
  const known = requireCatalog(ctx).schedulingRules?.(p.frameworkId) ?? null;
  if (!known) return { findings: [], notes: [], end: p.end ?? p.start };
  const [latest, history, activities] = await Promise.all([
    latestJudgements(ctx.db, { laIds: [p.laId], asAt: p.start }),
    listHistoryForLas(ctx.db, [p.laId]),
    listLaActivityDates(ctx.db, p.laId, p.exceptActivityId),
  ]);
  const last = latest.get(p.laId) ?? null;
  const grades = (last?.grades ?? {}) as Record<string, string>;
  const overall = known.rules.overallFrom.map((k) => grades[k]).find(Boolean) ?? null;
  const timeline: TimelineItem[] = activities.map((a) => ({
    activityType: a.activityType,
    start: a.start,
    end: a.end,
    label: `${a.title} (from ${isoDayText(a.start)})`,
  }));
  const recorded = new Set(timeline.map((t) => `${t.activityType}|${t.start}`));
  for (const h of history) {
    // Triangulate's own publications are in the history too: count each activity once.
    if (recorded.has(`${h.activityType}|${h.startDate}`)) continue;
    timeline.push({
      activityType: h.activityType,
      start: h.startDate,
      end: h.endDate ?? null,
      label: `${known.typeLabel(h.activityType)} (from ${isoDayText(h.startDate)})`,
    });
  }
  return checkActivityRules(
    known.rules,
    { activityType: p.activityType, start: p.start, end: p.end },
    {
      lastJudgement: last ? { start: last.startDate, overall, grades } : null,
      timeline,
      gradeOrder: known.gradeOrder,
      gradeLabel: known.gradeLabel,
      typeLabel: known.typeLabel,
      dateText: isoDayText,
    },
  );
}

/**
 * Refuses a plan that breaks a hard rule, or a soft rule without a reason; otherwise returns
 * what to record in the audit event (findings, notes and the reason given).
 */
export function enforceScheduling(
  check: RuleCheck,
  reason: string | null | undefined,
): { findings: RuleCheck['findings']; notes: string[]; reason: string | null } {
  const detail = (f: RuleCheck['findings'][number]): ErrorDetail => ({
    field: f.severity === 'hard' ? 'plannedStart' : 'ruleReason',
    value: f.rule,
    reason: `${f.label}. ${f.detail}`,
  });
  const hard = check.findings.filter((f) => f.severity === 'hard');
  if (hard.length > 0) throw new AppError('ACTIVITY_RULE_BROKEN', { details: hard.map(detail) });
  const soft = check.findings.filter((f) => f.severity === 'soft');
  const given = reason?.trim() || null;
  if (soft.length > 0 && !given)
    throw new AppError('ACTIVITY_RULE_REASON_NEEDED', { details: soft.map(detail) });
  return { findings: check.findings, notes: check.notes, reason: soft.length > 0 ? given : null };
}

// The inspectors area's shared step: the week-by-week load of some inspectors over a window, from
// the activities whose teams they are on (every state but cancelled) and the framework's team
// workload (domain/scheduling/team-shape.ts), with their leave and training.
import { addDays, mondayOf } from '../../clock.js';
import {
  listAbsences,
  listTeamAssignments,
  type DatedAbsence,
  type InspectorProfile,
  type TeamAssignment,
} from '../../data/repositories/inspectors.js';
import {
  inspectorLoad,
  nextQuarterStart,
  quarterStart,
  type InspectorLoad,
  type LoadAssignment,
} from '../../domain/scheduling/inspector-load.js';
import { fieldworkDaysOf, roleWorkload } from '../../domain/scheduling/team-shape.js';
import { addWorkingDays, isWorkingDay } from '../../domain/calendar/working-days.js';
import { requireCatalog, type UseCaseContext } from '../context.js';

export interface LoadOf {
  load: InspectorLoad;
  absences: DatedAbsence[];
}

/** The last day on site: the planned end, else as many working days as the type's shape. */
function endOf(a: TeamAssignment, days: number | null): string {
  if (a.plannedEnd) return a.plannedEnd;
  const n = Math.max(1, days ?? 1);
  const first = isWorkingDay(a.plannedStart) ? a.plannedStart : addWorkingDays(a.plannedStart, 1);
  return addWorkingDays(first, n - 1);
}

function toAssignment(ctx: UseCaseContext, a: TeamAssignment): LoadAssignment {
  // Without the catalogue the load would silently lose every day off site: it is required.
  const rules = requireCatalog(ctx).schedulingRules?.(a.frameworkId)?.rules ?? null;
  return {
    activityId: a.activityId,
    title: a.title,
    laName: a.laName,
    activityType: a.activityType,
    teamRole: a.teamRole,
    start: a.plannedStart,
    end: endOf(a, fieldworkDaysOf(rules, a.activityType)),
    workload: roleWorkload(rules, a.activityType, a.teamRole),
    qaAfterDays: roleWorkload(rules, a.activityType, 'lead_inspector').writeUpDays,
  };
}

/** Each inspector's load over `weeks` weeks from the Monday of `from`, by user id. */
export async function loadsOf(
  ctx: UseCaseContext,
  profiles: readonly InspectorProfile[],
  from: string,
  weeks: number,
): Promise<Map<string, LoadOf>> {
  const first = mondayOf(from);
  const last = addDays(first, weeks * 7 - 1);
  const ids = profiles.map((p) => p.userId);
  // On-site weeks are counted over whole quarters; preparation and write-up reach weeks beyond
  // the fieldwork, so activities a little outside the quarters count too.
  const [assignments, absences] = await Promise.all([
    listTeamAssignments(ctx.db, ids, {
      from: addDays(quarterStart(first), -56),
      to: addDays(nextQuarterStart(last), 42),
    }),
    listAbsences(ctx.db, ids, { from: first, to: last }),
  ]);
  const out = new Map<string, LoadOf>();
  for (const p of profiles) {
    const mine = absences.filter((a) => a.userId === p.userId);
    const load = inspectorLoad({
      workingDays: p.workingDays,
      maxSiteWeeksPerQuarter: p.maxSiteWeeksPerQuarter,
      preparationDays: p.preparationDays,
      absences: mine,
      assignments: assignments
        .filter((a) => a.userId === p.userId)
        .map((a) => toAssignment(ctx, a)),
      from: first,
      weeks,
    });
    out.set(p.userId, { load, absences: mine });
  }
  return out;
}

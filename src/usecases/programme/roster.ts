// The roster a programme plans with when none is given: the inspectors with a profile (of the
// region, or all for England), their leave and training in the horizon, and the LAs they are
// conflicted with then. An inspector's id in the plan is their account's id, so a published plan's
// teams are real accounts.
import {
  listAbsences,
  listConflicts,
  listInspectorProfiles,
} from '../../data/repositories/inspectors.js';
import { addDays, type InspectorInput } from '../../domain/programme/instance.js';
import { conflictHolds } from '../../domain/scheduling/inspector-profile.js';
import type { UseCaseContext } from '../context.js';

/** Preparation days when a profile leaves them to the framework (the planner needs a number). */
const DEFAULT_PREPARATION_DAYS = 2;

export async function rosterFromProfiles(
  ctx: UseCaseContext,
  p: { region: string | null; start: string; weeks: number },
): Promise<InspectorInput[]> {
  const profiles = (await listInspectorProfiles(ctx.db, { region: p.region })).filter(
    (x) => !x.disabled,
  );
  const ids = profiles.map((x) => x.userId);
  const end = addDays(p.start, 7 * p.weeks - 1);
  const [absences, conflicts] = await Promise.all([
    listAbsences(ctx.db, ids, { from: p.start, to: end }),
    listConflicts(ctx.db, ids),
  ]);
  return profiles.map((x) => ({
    id: x.userId,
    name: x.displayName,
    homeRegion: x.homeRegion,
    leadQualified: x.leadQualified,
    roles: [x.inspectorRole],
    unavailable: absences
      .filter((a) => a.userId === x.userId)
      .map((a) => ({ from: a.startsOn, to: a.endsOn, reason: a.kind })),
    conflictedLaIds: [
      ...new Set(
        conflicts
          .filter((c) => c.userId === x.userId && conflictHolds(c, p.start, end))
          .map((c) => c.laId),
      ),
    ],
    maxWeeksOnSitePerQuarter: x.maxSiteWeeksPerQuarter,
    preparationDays: Math.min(5, x.preparationDays ?? DEFAULT_PREPARATION_DAYS),
  }));
}

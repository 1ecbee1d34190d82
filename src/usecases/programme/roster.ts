// The one roster a programme plans with when the caller gives none: the inspectors' profiles (of
// the region, or all for England or when teams may cross regions), with their leave and training
// in the horizon, the conflicts of interest that hold at any time in it, their working days,
// quarter limit and preparation days. An inspector's id in the plan is their account's id, so a
// published plan's teams are real accounts. Saved runs plan with every profile (specialists are
// on teams as specialists); a plain solve (`solveProgramme` without a roster) with those who may
// be team inspectors (HMIs and senior HMIs), whose working days also hold. Either way only an HMI
// or senior HMI whose profile says so may lead.
import {
  listAbsences,
  listConflicts,
  listInspectorProfiles,
} from '../../data/repositories/inspectors.js';
import { frameworkRegistry } from '../../domain/frameworks/installed.js';
import { addDays, type InspectorInput } from '../../domain/programme/instance.js';
import { conflictHolds, mayFillTeamRole } from '../../domain/scheduling/inspector-profile.js';
import type { UseCaseContext } from '../context.js';

/** Who is on the roster: every profile, or only those who may be team inspectors. */
export type RosterMembers = 'all' | 'team-inspectors';

/** Preparation days when neither the profile nor the framework sets them. */
const FALLBACK_PREPARATION_DAYS = 2;

/** Preparation days when a profile sets none: the most a team inspector needs in the framework. */
function frameworkPreparationDays(start: string): number {
  const fw = frameworkRegistry().forDate(start, 'short_inspection');
  const workload = fw?.activityRules?.teams?.workload ?? [];
  const days = workload.map((w) => w.roles.team_inspector?.preparationDays ?? 0);
  return days.length === 0 ? FALLBACK_PREPARATION_DAYS : Math.min(5, Math.max(0, ...days));
}

export interface RosterOptions {
  region: string | null;
  start: string;
  weeks: number;
  members: RosterMembers;
  /**
   * Whether each profile's working days hold (a team member then works every day on site).
   * Saved runs leave them out for now: with them HiGHS proves the demo's North West over ten
   * weeks infeasible (two of its HMIs work three or four days), so whether part-time patterns
   * bind a saved plan is for the planners to decide, not a silent change here.
   */
  workingDays: boolean;
}

export async function loadRoster(ctx: UseCaseContext, p: RosterOptions): Promise<InspectorInput[]> {
  const profiles = (await listInspectorProfiles(ctx.db, { region: p.region })).filter(
    (x) => !x.disabled && (p.members === 'all' || mayFillTeamRole(x, 'team_inspector')),
  );
  const ids = profiles.map((x) => x.userId);
  const end = addDays(p.start, 7 * p.weeks - 1);
  const [absences, conflicts] = await Promise.all([
    listAbsences(ctx.db, ids, { from: p.start, to: end }),
    listConflicts(ctx.db, ids),
  ]);
  const prep = frameworkPreparationDays(p.start);
  return profiles.map((x) => ({
    id: x.userId,
    name: x.displayName,
    homeRegion: x.homeRegion,
    leadQualified: mayFillTeamRole(x, 'lead_inspector'),
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
    preparationDays: Math.min(5, x.preparationDays ?? prep),
    ...(p.workingDays ? { workingDays: [...x.workingDays] } : {}),
  }));
}

// Team shapes from the framework's data (`activityRules.teams`): the size band of an authority,
// the team an activity of a type needs there, and the days each team role spends on it. Pure:
// the inspectors' load and the programme read teams through these functions, never the file.
import type { TeamRole } from '../access/roles.js';
import type { ActivityRules } from './rules-schema.js';
import type { RoleWorkloadRule, SizeBandRule, TeamRules } from './team-rules-schema.js';

/** Roles counted in a team's size: the inspectors (not the QAM, analyst or people shadowing). */
const INSPECTING: ReadonlySet<TeamRole> = new Set([
  'lead_inspector',
  'team_inspector',
  'regulatory_inspector',
  'education_inspector',
]);

export interface TeamComposition {
  activityType: string;
  /** The size band used, or null when the authority's size is unknown (the default applies). */
  band: Pick<SizeBandRule, 'key' | 'label'> | null;
  /** How many of each team role (roles not needed are left out). */
  roles: Partial<Record<TeamRole, number>>;
  /** Inspectors on site (lead, team, regulatory, education). */
  inspectors: number;
  /** Social care HMI among them (lead and team inspectors): the review's team size. */
  socialCareHmi: number;
  ruleKey: string;
  source: string | null;
}

/** The band an authority with this many children (aged 0-17) falls in; null if unknown. */
export function sizeBandFor(teams: TeamRules, children: number | null): SizeBandRule | null {
  if (children === null || !Number.isFinite(children)) return null;
  return (
    teams.sizeBands.find((b) => b.childrenBelow === null || children < b.childrenBelow) ?? null
  );
}

/**
 * The team an activity of this type needs in an authority of this many children (null: not
 * known, the rule's default). Null when the framework says nothing about the type.
 */
export function teamComposition(
  rules: Pick<ActivityRules, 'teams'>,
  activityType: string,
  children: number | null,
): TeamComposition | null {
  const teams = rules.teams;
  const rule = teams?.composition.find((c) => c.activityType === activityType);
  if (!teams || !rule) return null;
  const band = sizeBandFor(teams, children);
  const counts = (band && rule.bySize[band.key]) || rule.default;
  const roles: Partial<Record<TeamRole, number>> = {};
  for (const [role, n] of Object.entries(counts) as [TeamRole, number][])
    if (n > 0) roles[role] = n;
  const sum = (pick: (r: TeamRole) => boolean) =>
    Object.entries(roles).reduce((t, [r, n]) => t + (pick(r as TeamRole) ? n : 0), 0);
  return {
    activityType,
    band: band ? { key: band.key, label: band.label } : null,
    roles,
    inspectors: sum((r) => INSPECTING.has(r)),
    socialCareHmi: sum((r) => r === 'lead_inspector' || r === 'team_inspector'),
    ruleKey: rule.key,
    source: rule.source ?? null,
  };
}

/** Days a role spends on an activity when the framework says nothing: on site, nothing else. */
export const DEFAULT_WORKLOAD: RoleWorkloadRule = {
  preparationDays: 0,
  onSiteDays: 'all',
  writeUpDays: 0,
  qaDays: 0,
};

/** The days a team role spends on an activity of this type (the framework's, or on site only). */
export function roleWorkload(
  rules: Pick<ActivityRules, 'teams'> | null,
  activityType: string,
  teamRole: TeamRole,
): RoleWorkloadRule & { ruleKey: string | null } {
  const rule = rules?.teams?.workload.find((w) => w.activityType === activityType);
  const role = rule?.roles[teamRole];
  return role ? { ...role, ruleKey: rule.key } : { ...DEFAULT_WORKLOAD, ruleKey: null };
}

/** Days on site of an activity of this type when it has no planned end (the shape's). */
export function fieldworkDaysOf(
  rules: Pick<ActivityRules, 'shapes'> | null,
  activityType: string,
): number | null {
  return rules?.shapes.find((s) => s.activityType === activityType)?.fieldworkDays ?? null;
}

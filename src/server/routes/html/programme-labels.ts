// Words the programme pages show for the solver's statuses, the soft rules and the changes
// between two runs (presentation only).
export const statusLabels: Record<string, string> = {
  optimal: 'Optimal',
  time_limit: 'Stopped at the time limit',
  infeasible: 'No plan exists',
  no_plan_in_time: 'No plan found in time',
  error: 'Solver error',
};
export const statusColours: Record<string, string> = {
  optimal: 'green',
  time_limit: 'yellow',
  infeasible: 'red',
  no_plan_in_time: 'red',
  error: 'red',
};
export const ruleLabels: Record<string, string> = {
  risk_seen_sooner: 'High-risk LAs seen sooner',
  lateness: 'Late against the inspection window',
  travel: 'Travel across regions',
  uneven_load: 'Uneven load across inspectors',
  change_from_previous: 'Change from the published plan',
  optional_left_out: 'Optional activity left out',
  soft_rule: 'A soft rule of the framework',
};
export const changeLabels: Record<string, string> = {
  added: 'Added',
  removed: 'Removed',
  moved: 'Moved',
  team: 'Team changed',
};
export const planTeamRoleLabels: Record<string, string> = {
  lead: 'lead',
  inspector: 'inspector',
  specialist: 'specialist',
  qam: 'QAM',
};
export const programmeLabels = {
  statusLabels,
  statusColours,
  ruleLabels,
  changeLabels,
  teamRoleLabels: planTeamRoleLabels,
};

/** The progress of a solve in a sentence. */
export function solveProgressText(j: {
  state: string;
  phase: string;
  seconds: number;
  timeLimitSeconds: number | null;
  objective: number | null;
  gap: number | null;
}): string {
  if (j.state === 'queued') return 'The solve is waiting to start.';
  if (j.phase === 'diagnosing')
    return `No plan holds every hard rule: finding which rules conflict (${j.seconds.toFixed(1)} seconds).`;
  const of = j.timeLimitSeconds ? ` of at most ${j.timeLimitSeconds}` : '';
  const best =
    j.objective === null
      ? 'no plan found yet.'
      : `best plan so far costs ${j.objective.toFixed(1)}${j.gap === null ? '' : `, proven within ${(100 * j.gap).toFixed(2)}% of the best possible`}.`;
  if (j.phase === 'model' || j.phase === 'queued') return 'Building the model.';
  return `Solving: ${j.seconds.toFixed(1)} seconds${of}; ${best}`;
}

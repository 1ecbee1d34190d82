// Cross-references of a framework's activity rules that the schema cannot see: grades that
// exist, and rules about activity types the framework has. Earlier frameworks' types (SIF) may
// appear among the activities a rule looks back at.
import type { ActivityRules } from './rules-schema.js';

export interface RulesProblem {
  field: string;
  reason: string;
}

export function checkActivityRulesRefs(
  rules: ActivityRules,
  known: { grades: readonly string[]; activityTypes: readonly string[] },
): RulesProblem[] {
  const problems: RulesProblem[] = [];
  const grades = new Set(known.grades);
  const types = new Set(known.activityTypes);
  const grade = (g: string, field: string) => {
    if (!grades.has(g)) problems.push({ field, reason: `Unknown grade '${g}'` });
  };
  const ownTypes = (list: readonly string[], field: string) =>
    list.forEach((t, i) => {
      if (!types.has(t))
        problems.push({
          field: `${field}[${i}]`,
          reason: `Not an activity type of this framework: '${t}'`,
        });
    });
  rules.eligibility.forEach((r, i) => {
    const at = `activityRules.eligibility[${i}]`;
    ownTypes(r.activityTypes, `${at}.activityTypes`);
    r.lastOverallIn?.forEach((g, j) => grade(g, `${at}.lastOverallIn[${j}]`));
    r.whenLastOverall?.forEach((g, j) => grade(g, `${at}.whenLastOverall[${j}]`));
    r.atLeast.forEach((a, j) => grade(a.grade, `${at}.atLeast[${j}].grade`));
  });
  rules.shapes.forEach((r, i) =>
    ownTypes([r.activityType], `activityRules.shapes[${i}].activityType`),
  );
  rules.spacing.forEach((r, i) =>
    ownTypes(r.activityTypes, `activityRules.spacing[${i}].activityTypes`),
  );
  rules.windows.forEach((r, i) => {
    ownTypes(r.activityTypes, `activityRules.windows[${i}].activityTypes`);
    r.whenLastOverall?.forEach((g, j) =>
      grade(g, `activityRules.windows[${i}].whenLastOverall[${j}]`),
    );
  });
  rules.between.forEach((r, i) => {
    ownTypes(r.activityTypes, `activityRules.between[${i}].activityTypes`);
    r.whenLastOverall?.forEach((g, j) =>
      grade(g, `activityRules.between[${i}].whenLastOverall[${j}]`),
    );
  });
  rules.blackouts.forEach((b, i) => {
    if (!b.everyYear && !b.once)
      problems.push({ field: `activityRules.blackouts[${i}]`, reason: 'Give everyYear or once' });
    if (b.once && b.once.to < b.once.from)
      problems.push({
        field: `activityRules.blackouts[${i}].once.to`,
        reason: 'Ends before it starts',
      });
  });
  const seen = new Set<string>();
  for (const k of [
    ...rules.eligibility,
    ...rules.shapes,
    ...rules.spacing,
    ...rules.windows,
    ...rules.cadence,
    ...rules.between,
    ...rules.blackouts,
  ].map((r) => r.key)) {
    if (seen.has(k)) problems.push({ field: 'activityRules', reason: `Duplicate rule key '${k}'` });
    seen.add(k);
  }
  if (rules.teams) problems.push(...checkTeamRulesRefs(rules.teams, known.activityTypes));
  return problems;
}

/** Team rules: activity types the framework has, size bands that exist, keys used once. */
export function checkTeamRulesRefs(
  teams: NonNullable<ActivityRules['teams']>,
  activityTypes: readonly string[],
): RulesProblem[] {
  const problems: RulesProblem[] = [];
  const types = new Set(activityTypes);
  const bands = new Set(teams.sizeBands.map((b) => b.key));
  const at = 'activityRules.teams';
  if (teams.sizeBands.filter((b) => b.childrenBelow === null).length !== 1)
    problems.push({ field: `${at}.sizeBands`, reason: 'Exactly one band has no upper limit' });
  for (const [list, name] of [
    [teams.composition, 'composition'],
    [teams.workload, 'workload'],
  ] as const)
    list.forEach((r, i) => {
      if (!types.has(r.activityType))
        problems.push({
          field: `${at}.${name}[${i}].activityType`,
          reason: `Not an activity type of this framework: '${r.activityType}'`,
        });
    });
  teams.composition.forEach((r, i) => {
    for (const band of Object.keys(r.bySize))
      if (!bands.has(band))
        problems.push({
          field: `${at}.composition[${i}].bySize.${band}`,
          reason: `Not a size band: '${band}'`,
        });
  });
  const seen = new Set<string>();
  for (const k of [...teams.sizeBands, ...teams.composition, ...teams.workload].map((r) => r.key)) {
    if (seen.has(k)) problems.push({ field: at, reason: `Duplicate key '${k}'` });
    seen.add(k);
  }
  return problems;
}

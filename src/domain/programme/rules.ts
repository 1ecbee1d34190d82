// The planner's view of a framework version: its activity rules as they are, the team size of
// each activity type (the type's defaults) and the labels.
import type { Framework } from '../frameworks/schema.js';
import type { ProgrammeRules } from './instance.js';

export function programmeRulesOf(fw: Framework): ProgrammeRules | null {
  if (!fw.activityRules) return null;
  const teamSize: Record<string, number> = {};
  const typeLabels: Record<string, string> = {};
  for (const t of fw.activityTypes) {
    typeLabels[t.key] = t.label;
    const size = t.defaults?.teamSize;
    if (typeof size === 'number') teamSize[t.key] = size;
  }
  return {
    rules: fw.activityRules,
    gradeOrder: fw.grades.map((g) => g.key),
    teamSize,
    typeLabels,
  };
}

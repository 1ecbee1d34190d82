// The roster a programme plans with when none is given: the inspectors' profiles (loadRoster in
// programme-instance.ts) for the framework in force at the start. An inspector's id in the plan is
// their account's id, so a published plan's teams are real accounts.
import { frameworkRegistry } from '../../domain/frameworks/installed.js';
import { addDays, type InspectorInput } from '../../domain/programme/instance.js';
import { programmeRulesOf } from '../../domain/programme/rules.js';
import type { UseCaseContext } from '../context.js';
import { loadRoster } from './programme-instance.js';

export async function rosterFromProfiles(
  ctx: UseCaseContext,
  p: { region: string | null; start: string; weeks: number },
): Promise<InspectorInput[]> {
  const fw = frameworkRegistry().forDate(p.start, 'short_inspection');
  const rules = fw ? programmeRulesOf(fw) : null;
  if (!rules) return [];
  return loadRoster(ctx, {
    region: p.region,
    start: p.start,
    end: addDays(p.start, 7 * p.weeks - 1),
    rules: rules.rules,
  });
}

// Small programme instances for the solver's tests: the real ILACS 2026 activity rules, LAs and
// inspectors made up to exercise one rule at a time.
import { loadFrameworks } from '../../src/domain/frameworks/load.js';
import {
  defaultSettings,
  type InspectorInput,
  type ProgrammeInstance,
  type ProgrammeLa,
} from '../../src/domain/programme/instance.js';
import { programmeRulesOf } from '../../src/domain/programme/rules.js';
import { frameworksDir } from '../../src/paths.js';

const fw = loadFrameworks(frameworksDir()).get('ilacs-2026')!;
export const ilacsRules = programmeRulesOf(fw)!;

export function la(
  id: string,
  overall: string | null,
  lastStart = '2024-01-15',
  extra: Partial<ProgrammeLa> = {},
): ProgrammeLa {
  return {
    id,
    name: id.toUpperCase(),
    region: 'South West',
    lastJudgement: overall
      ? {
          start: lastStart,
          overall,
          grades: {
            impact_of_leaders: overall,
            help_and_protection: overall,
            children_in_care: overall,
            care_leavers: overall,
          },
        }
      : null,
    lastJudgementType: overall ? 'standard_inspection' : null,
    riskLevel: null,
    timeline: overall
      ? [{ activityType: 'standard_inspection', start: lastStart, end: null, label: 'last' }]
      : [],
    ...extra,
  };
}

export function inspector(id: string, extra: Partial<InspectorInput> = {}): InspectorInput {
  return {
    id,
    homeRegion: 'South West',
    leadQualified: true,
    roles: ['hmi'],
    unavailable: [],
    conflictedLaIds: [],
    maxWeeksOnSitePerQuarter: 6,
    preparationDays: 0,
    ...extra,
  };
}

export function instance(
  las: ProgrammeLa[],
  inspectors: InspectorInput[],
  extra: Partial<ProgrammeInstance> = {},
): ProgrammeInstance {
  return {
    start: '2027-01-04',
    weeks: 52,
    las,
    inspectors,
    rules: ilacsRules,
    settings: { ...defaultSettings, weights: { ...defaultSettings.weights } },
    pins: [],
    previous: null,
    ...extra,
  };
}

// Which inspection framework an event fell under, by its start date and type, and which
// judgements that framework grades. The ids, start dates and judgement keys are those of
// frameworks/*.json; the parser keeps this small dated copy so that it stays pure (no files),
// and it must be kept in step with those files when a framework version is added.
import type { HistoryActivityType, JudgementKey } from './types.js';

interface FrameworkPeriod {
  id: string;
  /** First start date (inclusive) the framework applies to. */
  from: string;
  judgements: readonly JudgementKey[];
}

const SIF: FrameworkPeriod = {
  id: 'sif-2013',
  from: '2013-11-01',
  judgements: [
    'overall_effectiveness',
    'help_and_protection',
    'children_looked_after',
    'adoption',
    'care_leavers',
    'leadership',
    'lscb',
  ],
};

// ILACS from January 2018; care leavers a separate judgement for inspections from 1 January
// 2023; no overall effectiveness grade from 1 April 2026.
const ILACS: readonly FrameworkPeriod[] = [
  {
    id: 'ilacs-2018',
    from: '2018-01-01',
    judgements: [
      'overall_effectiveness',
      'impact_of_leaders',
      'help_and_protection',
      'children_in_care',
    ],
  },
  {
    id: 'ilacs-2023',
    from: '2023-01-01',
    judgements: [
      'overall_effectiveness',
      'impact_of_leaders',
      'help_and_protection',
      'children_in_care',
      'care_leavers',
    ],
  },
  {
    id: 'ilacs-2026',
    from: '2026-04-01',
    judgements: ['impact_of_leaders', 'help_and_protection', 'children_in_care', 'care_leavers'],
  },
];

/**
 * The framework an event fell under: the SIF for SIF inspections (some SIF re-inspections ran
 * into 2018) and for anything before ILACS; otherwise the ILACS version in force on the start
 * date. Null before the SIF began.
 */
export function frameworkFor(startDate: string, activityType: HistoryActivityType): string | null {
  if (startDate < SIF.from) return null;
  if (activityType === 'sif_inspection') return SIF.id;
  let found = SIF.id;
  for (const p of ILACS) if (startDate >= p.from) found = p.id;
  return found;
}

/** The judgements a framework grades (empty for an unknown framework). */
export function judgementsOf(frameworkId: string | null): readonly JudgementKey[] {
  return [SIF, ...ILACS].find((p) => p.id === frameworkId)?.judgements ?? [];
}

/**
 * Sources that only know ILACS column names put a SIF inspection's leadership and children
 * looked after grades under the ILACS judgements that replaced them.
 */
export const sifEquivalents: Partial<Record<JudgementKey, JudgementKey>> = {
  impact_of_leaders: 'leadership',
  children_in_care: 'children_looked_after',
};

/** Only these events carry grades; visits end in a letter. */
export function isGraded(activityType: HistoryActivityType): boolean {
  return (
    activityType === 'standard_inspection' ||
    activityType === 'short_inspection' ||
    activityType === 'judgement_inspection' ||
    activityType === 'sif_inspection'
  );
}

/**
 * Before ILACS the only graded LA inspection was the SIF, so a graded inspection under the SIF is a
 * SIF inspection whatever a source calls it (the scrape labels fieldwork of two weeks or more
 * "standard", even in 2017).
 */
export function refineActivityType(
  activityType: HistoryActivityType,
  frameworkId: string | null,
): HistoryActivityType {
  return isGraded(activityType) && frameworkId === SIF.id ? 'sif_inspection' : activityType;
}

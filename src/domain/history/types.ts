// The shape of one past inspection event, whichever file it came from.

export const activityTypes = [
  'standard_inspection',
  'short_inspection',
  /** A graded ILACS inspection whose source does not say whether it was short or standard. */
  'judgement_inspection',
  'sif_inspection',
  'focused_visit',
  'monitoring_visit',
  'jtai',
] as const;
export type HistoryActivityType = (typeof activityTypes)[number];

/** Graded inspections: the ones that give an LA its "latest judgement". */
export const judgementActivityTypes: readonly HistoryActivityType[] = [
  'standard_inspection',
  'short_inspection',
  'judgement_inspection',
  'sif_inspection',
];

export const activityTypeLabels: Record<HistoryActivityType, string> = {
  standard_inspection: 'Standard inspection',
  short_inspection: 'Short inspection',
  judgement_inspection: 'Inspection (short or standard not recorded)',
  sif_inspection: 'Single inspection (SIF)',
  focused_visit: 'Focused visit',
  monitoring_visit: 'Monitoring visit',
  jtai: 'Joint targeted area inspection',
};

/** ILACS judgements first, then the SIF's own (keys as in frameworks/*.json). */
export const judgementKeys = [
  'overall_effectiveness',
  'impact_of_leaders',
  'help_and_protection',
  'children_in_care',
  'care_leavers',
  'children_looked_after',
  'adoption',
  'leadership',
  'lscb',
] as const;
export type JudgementKey = (typeof judgementKeys)[number];

export const judgementLabels: Record<JudgementKey, string> = {
  overall_effectiveness: 'Overall effectiveness',
  impact_of_leaders: 'The impact of leaders on social work practice with children and families',
  help_and_protection: 'The experiences and progress of children who need help and protection',
  children_in_care: 'The experiences and progress of children in care',
  care_leavers: 'The experiences and progress of care leavers',
  children_looked_after: 'Children looked after and achieving permanence',
  adoption: 'Adoption performance',
  leadership: 'Leadership, management and governance',
  lscb: 'The effectiveness of the Local Safeguarding Children Board',
};

export const gradeKeys = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;
export type GradeKey = (typeof gradeKeys)[number];

export const gradeLabels: Record<GradeKey, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement to be good',
  inadequate: 'Inadequate',
};

export type Grades = Partial<Record<JudgementKey, GradeKey>>;

/**
 * Where a fact came from, least authoritative first: grades extracted from SIF report text, the
 * scraped ILACS report data, Ofsted's official statistics (see merge.ts), then reports published
 * in Triangulate itself (the inspectorate's own record).
 */
export const historySources = ['sif-extract', 'd2i-scrape', 'ofsted-mi', 'triangulate'] as const;
export type HistorySource = (typeof historySources)[number];

export interface HistoryEvent {
  /** LA + kind of event + start date; see merge.ts#sourceKeyFor. */
  sourceKey: string;
  laId: string;
  activityType: HistoryActivityType;
  frameworkId: string | null;
  startDate: string;
  endDate: string | null;
  publicationDate: string | null;
  theme: string | null;
  grades: Grades;
  source: HistorySource;
}

/** An event as parsed, with where it came from (for conflict reports). */
export interface ParsedHistoryEvent extends HistoryEvent {
  file: string;
  row: number;
}

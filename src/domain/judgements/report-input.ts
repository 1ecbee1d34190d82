// What a report needs from the judgements of an activity, built by report-judgements.ts from the
// recorded judgements (the judgements API serves it; the reports area assembles a draft from it).
// Kept as a small contract so the two areas can change independently.
import type { AreaSpread } from './case-rating-spread.js';

/** Where a grade sits within its band (Munro recommendation 6: a grade hides nearness). */
export type GradePosition = 'secure' | 'close_to_above' | 'close_to_below';

export interface ReportJudgement {
  /** The framework's judgement key, e.g. "help_and_protection". */
  judgementKey: string;
  /** The framework's title for it. */
  title: string;
  /** The framework's grade key ("good") and label ("Good"); null when not yet graded. */
  grade: string | null;
  gradeLabel: string | null;
  position: GradePosition | null;
  /** Short narrative on how near the adjacent grade is. */
  nearness: string;
  /** How context (deprivation, demand) was taken into account. */
  context: string;
  /** The team's evaluative narrative for the judgement (paragraphs separated by blank lines). */
  narrative: string;
  /** Evaluation criteria keys met and not met. */
  criteriaMet: string[];
  criteriaNotMet: string[];
  /** The judgement's state in the workflow (team_provisional, consistency_panel, quality_assurance, final). */
  state: string;
  /** The spread of the sampled cases' ratings for this area (the Slough point); absent if none. */
  caseRatings?: AreaSpread | null;
}

// The activity rules of a framework version (frameworks/*.json, key `activityRules`): which
// activity an authority may have, its shape, and how activities are spaced. Data, not code: where
// Ofsted has not published a rule, the file holds a setting with its source and confidence.
import { z } from 'zod';
import { TeamRulesSchema } from './team-rules-schema.js';

const key = z.string().regex(/^[a-z][a-z0-9_]*$/, 'Use lower-case letters, digits and underscores');
const text = z.string().trim().min(1, 'Must not be empty');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD');
const monthDay = z.string().regex(/^\d{2}-\d{2}$/, 'Use a month and day as MM-DD');

/**
 * hard: refused, the rule named. soft: allowed with a recorded reason. advice: what usually
 * happens (a Tuesday start); shown and recorded, no reason asked.
 */
export const Severity = z.enum(['hard', 'soft', 'advice']);
export type Severity = z.infer<typeof Severity>;

const common = {
  key,
  /** What the rule says, as the refusal or the request for a reason names it. */
  label: text,
  severity: Severity,
  /** Where the rule comes from and how sure we are ([C], [S], [E], [M] as in ilacs-facts). */
  source: text.optional(),
};

/** At least `count` of these judgements graded `grade` or better at the last inspection. */
const AtLeast = z.strictObject({
  judgements: z.array(key).min(1),
  grade: key,
  count: z.number().int().min(1),
});

export const EligibilityRule = z.strictObject({
  ...common,
  activityTypes: z.array(key).min(1),
  /** The rule applies only when the last overall grade is one of these (default: always). */
  whenLastOverall: z.array(key).optional(),
  /** The last overall grade must be one of these. */
  lastOverallIn: z.array(key).optional(),
  /** Each of these must hold at the last inspection. */
  atLeast: z.array(AtLeast).default([]),
});

export const ShapeRule = z.strictObject({
  ...common,
  activityType: key,
  /** Days on site, counted in working days from the start. */
  fieldworkDays: z.number().int().min(1),
  /** ISO weekday names the fieldwork usually starts on. */
  startDays: z.array(z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'])).min(1),
});

export const SpacingRule = z.strictObject({
  ...common,
  /** The new activity's types this rule constrains. */
  activityTypes: z.array(key).min(1),
  /**
   * overlap: no two of these activities of one authority on site at once;
   * gap: at least `weeks` between the new activity and another of `otherTypes`.
   */
  kind: z.enum(['overlap', 'gap']),
  otherTypes: z.array(key).min(1),
  weeks: z.number().min(0).default(0),
});

/** Judgement inspections: the window around an anniversary of the last judgement inspection. */
export const WindowRule = z.strictObject({
  ...common,
  activityTypes: z.array(key).min(1),
  /** Which earlier activities count as the last judgement inspection. */
  previousTypes: z.array(key).min(1),
  /** The rule applies only when the last overall grade is one of these (default: always). */
  whenLastOverall: z.array(key).optional(),
  anniversaryMonths: z.number().int().min(1),
  monthsBefore: z.number().int().min(0),
  monthsAfter: z.number().int().min(0),
});

/** Visits that follow a cadence: e.g. monitoring visits about quarterly. */
export const CadenceRule = z.strictObject({
  ...common,
  activityTypes: z.array(key).min(1),
  minMonths: z.number().min(0),
});

/** At least one of `requiredTypes` since the last of `previousTypes` (e.g. a focused visit). */
export const BetweenRule = z.strictObject({
  ...common,
  activityTypes: z.array(key).min(1),
  previousTypes: z.array(key).min(1),
  requiredTypes: z.array(key).min(1),
  /** The rule applies only when the last overall grade is one of these. */
  whenLastOverall: z.array(key).optional(),
});

export const Blackout = z.strictObject({
  ...common,
  /** Every year from MM-DD to MM-DD (may cross the new year), or once between two dates. */
  everyYear: z.strictObject({ from: monthDay, to: monthDay }).optional(),
  once: z.strictObject({ from: isoDate, to: isoDate }).optional(),
  activityTypes: z.array(key).min(1),
});

export const ActivityRulesSchema = z.strictObject({
  note: text.optional(),
  /**
   * Which judgement stands for an authority's overall grade: the first of these graded at its
   * last inspection (ILACS 2026 has no overall effectiveness grade).
   */
  overallFrom: z.array(key).min(1),
  eligibility: z.array(EligibilityRule).default([]),
  shapes: z.array(ShapeRule).default([]),
  spacing: z.array(SpacingRule).default([]),
  windows: z.array(WindowRule).default([]),
  cadence: z.array(CadenceRule).default([]),
  between: z.array(BetweenRule).default([]),
  blackouts: z.array(Blackout).default([]),
  /** Team size, composition by LA size and each role's days (team-rules-schema.ts). */
  teams: TeamRulesSchema.optional(),
});

export type ActivityRules = z.infer<typeof ActivityRulesSchema>;
export type ActivityRulesInput = z.input<typeof ActivityRulesSchema>;

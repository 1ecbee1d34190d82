// The documented file format of frameworks/*.json (see docs/frameworks.md). zod checks the
// shape; validate.ts checks the cross-references zod cannot see (keys, parents, rule inputs).
import { z } from 'zod';
import { ActivityRulesSchema } from '../scheduling/rules-schema.js';

/** Current version of the file format; bump when the shape changes incompatibly. */
export const FRAMEWORK_SCHEMA_VERSION = 1;

const key = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]*$/,
    'Use lower-case letters, digits and underscores, starting with a letter',
  );
const dottedKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'Use lower-case words joined by dots or underscores');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'Not a real calendar date',
    },
  );
const text = z.string().trim().min(1, 'Must not be empty');

/** Optional in-force window (inclusive). Used on label variants, activity types, themes, etc. */
const inForce = { validFrom: isoDate.optional(), validTo: isoDate.nullable().optional() };

export const GradeSchema = z.strictObject({
  key,
  label: text,
  shortLabel: text,
  numeric: z.number().int().min(1),
  /** Other spellings seen in data files (matched case-insensitively by parseGrade). */
  aliases: z.array(text).default([]),
  /** Labels printed in reports for part of the framework's life, e.g. SIF 2013-14. */
  labelVariants: z
    .array(z.strictObject({ label: text, ...inForce, note: text.optional() }))
    .default([]),
});

export const JudgementSchema = z.strictObject({
  key,
  title: text,
  shortTitle: text,
  kind: z.enum(['headline', 'key', 'sub-judgement', 'separate']),
  parent: key.optional(),
  graded: z.boolean(),
  note: text.optional(),
});

/** A grade to compare with: a grade key, or a grade taken from judgements. */
export interface Operand {
  grade?: string;
  judgement?: string;
  worstOf?: string[];
  bestOf?: string[];
}
const OPERAND_FORMS = ['grade', 'judgement', 'worstOf', 'bestOf'] as const;
export const OperandSchema = z.union([
  key,
  z
    .strictObject({
      grade: key.optional(),
      judgement: key.optional(),
      worstOf: z.array(key).min(1).optional(),
      bestOf: z.array(key).min(1).optional(),
    })
    .refine((o) => OPERAND_FORMS.filter((f) => o[f] !== undefined).length === 1, {
      message: `Give exactly one of: ${OPERAND_FORMS.join(', ')}`,
    }),
]);
export type OperandInput = string | Operand;

/** A condition over judgement grades: one comparison, or and/or/not of conditions. */
export interface Condition {
  judgement?: string;
  any?: string[];
  all?: string[];
  is?: OperandInput;
  isNot?: OperandInput;
  noBetterThan?: OperandInput;
  noWorseThan?: OperandInput;
  and?: Condition[];
  or?: Condition[];
  not?: Condition;
}
export const SUBJECTS = ['judgement', 'any', 'all'] as const;
export const COMPARATORS = ['is', 'isNot', 'noBetterThan', 'noWorseThan'] as const;
export type Comparator = (typeof COMPARATORS)[number];
const LOGICAL = ['and', 'or', 'not'] as const;

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z
    .strictObject({
      judgement: key.optional(),
      any: z.array(key).min(1).optional(),
      all: z.array(key).min(1).optional(),
      is: OperandSchema.optional(),
      isNot: OperandSchema.optional(),
      noBetterThan: OperandSchema.optional(),
      noWorseThan: OperandSchema.optional(),
      and: z.array(ConditionSchema).min(1).optional(),
      or: z.array(ConditionSchema).min(1).optional(),
      not: ConditionSchema.optional(),
    })
    .superRefine((c, ctx) => {
      const count = (names: readonly string[]) =>
        names.filter((n) => (c as Record<string, unknown>)[n] !== undefined).length;
      const logical = count(LOGICAL);
      const subjects = count(SUBJECTS);
      const comparators = count(COMPARATORS);
      if (logical > 0 && (logical > 1 || subjects > 0 || comparators > 0)) {
        ctx.addIssue({
          code: 'custom',
          message: 'A condition using and/or/not must contain nothing else',
        });
      } else if (logical === 0 && (subjects !== 1 || comparators !== 1)) {
        ctx.addIssue({
          code: 'custom',
          message: `A comparison needs exactly one of ${SUBJECTS.join('/')} and exactly one of ${COMPARATORS.join('/')}`,
        });
      }
    }),
);

export const RuleSchema = z.strictObject({
  id: dottedKey,
  severity: z.enum(['hard', 'soft']),
  title: text,
  /** The rule in plain English, as shown to inspectors. */
  description: text,
  /** Why the rule is believed: the written rule or the observed data. */
  evidence: text.optional(),
  when: ConditionSchema.optional(),
  require: ConditionSchema,
});

const CriterionSchema = z.strictObject({
  key: dottedKey,
  text,
  source: z.enum(['paraphrase', 'official']),
  /** Paragraph or section of the official text, once loaded. */
  reference: text.optional(),
});

export const CriteriaSchema = z.strictObject({
  /** Required: says whether the wording is official or a draft paraphrase. */
  notice: text,
  areas: z.array(
    z.strictObject({
      judgement: key,
      gradeDescriptors: z.record(key, text).optional(),
      items: z.array(CriterionSchema).min(1),
    }),
  ),
});

const ThemeSchema = z.strictObject({
  key,
  label: text,
  aliases: z.array(text).default([]),
  /** For JTAIs: the inspectorates taking part in this theme, if narrower than the default. */
  partners: z.array(key).optional(),
  ...inForce,
  note: text.optional(),
});

export const ActivityTypeSchema = z.strictObject({
  key,
  label: text,
  description: text.optional(),
  output: z.enum(['graded_report', 'letter', 'none']),
  /** The judgements this activity grades (empty for letters and meetings). */
  judgements: z.array(key).default([]),
  hasTheme: z.boolean(),
  themes: z.array(ThemeSchema).default([]),
  hasSequenceNumber: z.boolean(),
  hasPartnerInspectorates: z.boolean(),
  partnerInspectorates: z.array(z.strictObject({ key, label: text })).default([]),
  /** Questions or prompts, e.g. the self-evaluation's three questions. */
  prompts: z.array(text).default([]),
  reportTemplates: z.array(key).default([]),
  improvementItems: z.array(key).default([]),
  /** Starting values for planning; every activity may override them. Not rules. */
  defaults: z.strictObject({
    fieldworkDays: z.number().positive().nullable(),
    teamSize: z.number().int().positive().nullable(),
    cadence: text.nullable().default(null),
    note: text.optional(),
  }),
  ...inForce,
});

/** What a report section holds; the assembler fills each kind from its inputs. */
export const SECTION_CONTENTS = [
  'title',
  'text',
  'grade_table',
  'narrative',
  'findings',
  'improvements',
  'priority_actions',
  'sample_statement',
  'plain_grades',
] as const;

export const ReportTemplateSchema = z.strictObject({
  key,
  label: text,
  ...inForce,
  sections: z
    .array(
      z.strictObject({
        key,
        /** null for an unheaded part (e.g. the ILACS summary). May use {la}, {title}, {grade}. */
        heading: text.nullable(),
        judgement: key.optional(),
        level: z.union([z.literal(1), z.literal(2)]).default(1),
        note: text.optional(),
        /** What the draft assembler puts here (docs/reports.md); default: the judgement's narrative. */
        content: z.enum(SECTION_CONTENTS).optional(),
        /** Whether its paragraphs take the report's continuous paragraph numbers. */
        numbered: z.boolean().default(false),
        /** Standard paragraphs, with {la}, {dates}, {lead}, {theme}, {visit} placeholders. */
        text: z.array(text).default([]),
        /** Extras a judgement section carries: nearness to the adjacent grade, context, vignettes. */
        include: z.array(z.enum(['nearness', 'context', 'vignettes'])).default([]),
        /** Each paragraph must state one of these phrases (e.g. how far below good an area is). */
        eachParagraphStates: z.array(text).default([]),
        /** Plain words for grades (children's summary), keyed by grade key. */
        gradePhrases: z.record(key, text).optional(),
        /**
         * Must have text before the QAM signs off and before publication. Default: sections the
         * team writes (narrative, improvements, findings, priority actions) are required.
         */
        required: z.boolean().optional(),
      }),
    )
    .min(1),
  /** Templates appended after this one in the same document (e.g. the children's summary). */
  annexes: z.array(key).default([]),
  /** Which language-check rules apply (the kinds of src/domain/language). */
  documentKind: z
    .enum(['inspection-report', 'focused-visit-letter', 'monitoring-visit-letter'])
    .default('inspection-report'),
});

export const ImprovementConventionSchema = z.strictObject({
  key,
  kind: z.enum([
    'recommendation',
    'area_for_improvement',
    'what_needs_to_improve',
    'area_for_priority_action',
  ]),
  heading: text,
  numbered: z.boolean(),
  audience: z.enum(['local_authority', 'lscb', 'partnership']).default('local_authority'),
  categories: z.array(z.strictObject({ key, label: text })).default([]),
  requiresActionPlan: z.boolean().default(false),
  nationalFrameworkReference: z
    .strictObject({
      required: z.boolean(),
      kinds: z.array(key).min(1),
      example: text,
      ...inForce,
    })
    .optional(),
  ...inForce,
  note: text.optional(),
});

/**
 * The settings of a fieldwork plan (issue 17): the service areas children's and families' voices
 * are planned and counted in (each names the judgement areas whose evidence counts for it), how
 * many pieces of evidence a line of enquiry needs before it stops being named as thin, and the
 * expectations an activity starts with until its lead sets its own.
 */
export const FieldworkSettingsSchema = z.strictObject({
  note: text.optional(),
  serviceAreas: z
    .array(
      z.strictObject({
        key,
        label: text,
        /** Who is heard, in a sentence: "No {who} heard yet" ("care leavers"). */
        who: text.optional(),
        judgements: z.array(key).default([]),
      }),
    )
    .min(1),
  minEvidencePerLine: z.number().int().min(0).max(1000).default(3),
  defaultRemoteShareMaxPercent: z.number().int().min(0).max(100).default(30),
  defaultMinutesPerCase: z.number().int().min(0).max(1440).default(60),
});

export const FrameworkSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(FRAMEWORK_SCHEMA_VERSION),
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'Use lower-case letters, digits and hyphens, e.g. ilacs-2023'),
  /** Versions of one framework share a family; their in-force windows must not overlap. */
  family: key,
  name: text,
  versionLabel: text,
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  status: text,
  sources: z.array(text).default([]),
  grades: z.array(GradeSchema).min(2),
  judgements: z.array(JudgementSchema).min(1),
  aggregation: z.strictObject({ rules: z.array(RuleSchema) }),
  criteria: CriteriaSchema,
  activityTypes: z.array(ActivityTypeSchema).min(1),
  reportTemplates: z.array(ReportTemplateSchema).default([]),
  improvementItems: z.array(ImprovementConventionSchema).default([]),
  /** Which activity an authority may have, when, and how activities are spaced (scheduling). */
  activityRules: ActivityRulesSchema.optional(),
  /** Service areas and thresholds of the fieldwork plan (when absent: the judgement areas). */
  fieldwork: FieldworkSettingsSchema.optional(),
});

export type Framework = z.infer<typeof FrameworkSchema>;
export type FrameworkInput = z.input<typeof FrameworkSchema>;
export type Grade = z.infer<typeof GradeSchema>;
export type FieldworkSettings = z.infer<typeof FieldworkSettingsSchema>;
export type Judgement = z.infer<typeof JudgementSchema>;
export type Rule = z.infer<typeof RuleSchema>;
export type Criteria = z.infer<typeof CriteriaSchema>;
export type ActivityType = z.infer<typeof ActivityTypeSchema>;
export type ActivityTheme = ActivityType['themes'][number];
export type ReportTemplate = z.infer<typeof ReportTemplateSchema>;
export type ImprovementConvention = z.infer<typeof ImprovementConventionSchema>;

// Risk models: the domains a region rates for each LA, the rating scale and the rule that combines
// the ratings into an overall risk level, as versioned data files in frameworks/risk/
// (docs/risk.md). This file is the format; load.ts reads and checks the files.
import { z } from 'zod';
import { intelligenceKinds } from './intelligence.js';

const key = z.string().regex(/^[a-z][a-z0-9_]*$/, 'Use lower-case letters, digits and _');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD');
const colour = z.enum(['green', 'yellow', 'orange', 'red', 'grey', 'blue', 'turquoise', 'purple']);

const Condition = z.strictObject({
  /** Counts domains rated this or worse (by weight)... */
  rating: key,
  /** ...and holds when at least this many are. */
  atLeast: z.number().int().min(1),
  /** Only these domains count (default: all). */
  domains: z.array(key).min(1).optional(),
});

export const RiskModelSchema = z.strictObject({
  id: key.or(z.string().regex(/^[a-z][a-z0-9-]*$/)),
  name: z.string().min(1),
  versionLabel: z.string().min(1),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  status: z.enum(['draft', 'current', 'superseded']),
  source: z.string().optional(),
  /** Months to the next review by overall level (the default next review date). */
  reviewMonths: z.record(z.string(), z.number().int().min(1).max(36)),
  ratings: z
    .array(
      z.strictObject({
        key,
        label: z.string().min(1),
        description: z.string().optional(),
        colour,
        weight: z.number().int().min(0),
      }),
    )
    .min(2),
  levels: z
    .array(z.strictObject({ key, label: z.string().min(1), colour, rank: z.number().int() }))
    .min(2),
  domains: z
    .array(
      z.strictObject({
        key,
        title: z.string().min(1),
        description: z.string().optional(),
        /** Intelligence kinds that bear on this domain (suggested links when recording). */
        kinds: z.array(z.enum(intelligenceKinds)).default([]),
      }),
    )
    .min(1),
  rule: z.strictObject({
    description: z.string().min(1),
    /** Tried in order: the first level whose conditions hold (any of them) is the level. */
    levels: z.array(z.strictObject({ level: key, anyOf: z.array(Condition).min(1) })),
    otherwise: key,
  }),
});
export type RiskModel = z.infer<typeof RiskModelSchema>;
export type RiskCondition = z.infer<typeof Condition>;

/** Cross-references a schema cannot check: every key named exists, keys are unique. */
export function checkRiskModel(m: RiskModel): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  const ratings = new Set(m.ratings.map((r) => r.key));
  const levels = new Set(m.levels.map((l) => l.key));
  const domains = new Set(m.domains.map((d) => d.key));
  const unique = (list: { key: string }[], field: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.key)) problems.push({ field: `${field}[${i}].key`, reason: `${x.key} twice` });
      seen.add(x.key);
    });
  };
  unique(m.ratings, 'ratings');
  unique(m.levels, 'levels');
  unique(m.domains, 'domains');
  m.rule.levels.forEach((l, i) => {
    if (!levels.has(l.level))
      problems.push({ field: `rule.levels[${i}].level`, reason: `No level ${l.level}` });
    l.anyOf.forEach((c, j) => {
      const at = `rule.levels[${i}].anyOf[${j}]`;
      if (!ratings.has(c.rating))
        problems.push({ field: `${at}.rating`, reason: `No rating ${c.rating}` });
      for (const d of c.domains ?? [])
        if (!domains.has(d)) problems.push({ field: `${at}.domains`, reason: `No domain ${d}` });
    });
  });
  if (!levels.has(m.rule.otherwise))
    problems.push({ field: 'rule.otherwise', reason: `No level ${m.rule.otherwise}` });
  for (const l of levels)
    if (m.reviewMonths[l] === undefined)
      problems.push({ field: 'reviewMonths', reason: `No review interval for level ${l}` });
  if (m.validTo !== null && m.validTo < m.validFrom)
    problems.push({ field: 'validTo', reason: 'validTo is before validFrom' });
  return problems;
}

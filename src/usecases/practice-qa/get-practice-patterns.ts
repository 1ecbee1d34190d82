// Patterns of practice QA across inspections, for national staff: per prompt, how many
// observations gave each rating, grouped by region, year or activity type, with small numbers
// suppressed. Never per inspector or observer: asking for that is refused by name, and nothing
// returned names a person.
import { z } from 'zod';
import { todayInEngland } from '../../clock.js';
import { countPatterns } from '../../data/repositories/practice-qa.js';
import { policies } from '../../domain/access/policies.js';
import {
  MIN_CELL,
  MIN_INSPECTORS,
  MIN_OBSERVATIONS,
  patternGroupings,
  suppressPatterns,
  type PatternGrouping,
} from '../../domain/practice-qa/patterns.js';
import { promptSet } from '../../domain/practice-qa/prompts.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

/** Groupings that would rank people: refused with their own error, never silently ignored. */
const PERSONAL = new Set(['inspector', 'observer', 'person', 'user', 'qam', 'lead']);

export const GetPracticePatternsInput = z.object({
  groupBy: z.string().max(40).default('region'),
  region: z.string().max(100).nullish(),
  year: z.coerce.number().int().min(2000).max(2100).nullish(),
  activityType: z.string().max(100).nullish(),
});

export async function getPracticePatterns(
  ctx: UseCaseContext,
  raw: z.input<typeof GetPracticePatternsInput>,
) {
  if (!policies.viewPracticePatterns(ctx.actor)) throw new AppError('NOT_FOUND');
  const input = GetPracticePatternsInput.parse(raw);
  if (PERSONAL.has(input.groupBy.toLowerCase())) throw new AppError('PRACTICE_QA_NO_LEAGUE_TABLE');
  if (!(patternGroupings as readonly string[]).includes(input.groupBy))
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'groupBy',
          value: input.groupBy,
          reason: `Choose one of: ${patternGroupings.join(', ')}`,
        },
      ],
    });
  const groupBy = input.groupBy as PatternGrouping;
  const set = promptSet({ onDate: todayInEngland() });
  const { sizes, counts } = await countPatterns(ctx.db, groupBy, {
    region: input.region,
    year: input.year,
    activityType: input.activityType,
  });
  const rows = suppressPatterns(
    sizes,
    counts,
    set.scale.map((s) => s.key),
  );
  return {
    groupBy,
    filter: {
      region: input.region ?? null,
      year: input.year ?? null,
      activityType: input.activityType ?? null,
    },
    prompts: set.prompts.map((p) => ({ key: p.key, title: p.title })),
    scale: set.scale.map((s) => ({ key: s.key, label: s.label })),
    rows,
    rules: { minObservations: MIN_OBSERVATIONS, minInspectors: MIN_INSPECTORS, minCell: MIN_CELL },
  };
}
export type PracticePatterns = Awaited<ReturnType<typeof getPracticePatterns>>;

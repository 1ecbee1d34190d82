// The shape of the review tables in the JSON API (and so in /api/openapi.json).
import { z } from 'zod';

const period = z.string().describe('"2018", or "2018-19" for years from April or September');
const count = z.number().int().nonnegative();

export const ReviewTablesResponse = z.object({
  source: z.enum(['history', 'app']),
  yearStartMonth: z.union([z.literal(1), z.literal(4), z.literal(9)]),
  year: z.string().nullable(),
  periods: z.array(period),
  table1: z.array(
    z.object({
      period,
      type: z.string().describe('an activity type key, or "all" for the LAs engaged on site'),
      occurrences: count,
      las: count,
    }),
  ),
  table2: z.array(
    z.object({
      period,
      grade: z.enum(['outstanding', 'good', 'requires_improvement', 'inadequate', 'overall']),
      averageDays: z.number().nullable(),
      lasVisited: count,
      lasWithGrade: count,
    }),
  ),
  table3: z.object({
    computable: z.boolean(),
    reason: z.string(),
    total: count,
    rows: z.array(
      z.object({
        category: z.enum([
          'more_than_three_months',
          'within_three_months',
          'within_one_month',
          'same_term',
        ]),
        count,
        percent: z.number(),
      }),
    ),
  }),
  table4: z.array(
    z.object({
      period,
      framework: z.enum(['SIF', 'ILACS']),
      events: count,
      lasEngaged: count,
      daysOnSite: count,
      inspectorDays: count,
      eventsWithoutTeamSize: count,
    }),
  ),
  table7: z.array(
    z.object({
      period,
      theme: z.string(),
      label: z.string(),
      area: z.string(),
      count,
      percent: z.number(),
      areaPercent: z.number(),
    }),
  ),
  typeLabels: z.record(z.string(), z.string()),
});

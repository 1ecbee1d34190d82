// Case-level ratings over JSON: the spread of the sampled cases' ratings by judgement area and
// cohort with inspectors' agreement (GET), and one inspector's rating of a case for an area (PUT).
import { z } from 'zod';
import type { Actor } from '../../../domain/access/actor.js';
import { LEVELS } from '../../../domain/agreement/index.js';
import { getCaseRatings } from '../../../usecases/judgements/get-case-ratings.js';
import { rateCase, RateCaseInput } from '../../../usecases/judgements/rate-case.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const BASE = '/api/v1/activities/:id/case-ratings';
const TAG = 'judgements';

const Counts = z.object({ grade: z.string(), label: z.string(), count: z.number() });
const Spread = z.object({
  cases: z.number(),
  counts: z.array(Counts),
  ratedDifferently: z.number(),
  sentence: z.string(),
});

const Rating = z.object({
  rater: z.string(),
  mine: z.boolean(),
  grade: z.string(),
  gradeLabel: z.string(),
  criteriaMet: z.array(z.string()),
  criteriaNotMet: z.array(z.string()),
  note: z.string(),
  ratedAt: z.string(),
});

const Statistic = z.object({
  name: z.string(),
  value: z.number().nullable(),
  reason: z.string().nullable(),
  interval: z.object({ lower: z.number(), upper: z.number(), confidence: z.number() }).nullable(),
  units: z.number(),
  raters: z.number(),
});

const CaseRatingsSchema = z.object({
  grades: z.array(z.object({ key: z.string(), label: z.string() })),
  areas: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      spread: Spread.extend({ byCohort: z.array(Spread.extend({ cohort: z.string() })) }),
      agreement: z
        .object({ level: z.enum(LEVELS), raters: z.array(z.string()), results: z.array(Statistic) })
        .nullable(),
    }),
  ),
  cases: z.array(
    z.object({
      id: z.string(),
      childRef: z.string(),
      cohort: z.string(),
      ratings: z.record(z.string(), z.array(Rating)),
    }),
  ),
});

export const registerCaseRatingApi: RouteModule = (app, ctx) => {
  const uc = (actor: Actor) => ({ db: ctx.database.db, actor, catalog: ctx.catalog });
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: BASE,
      summary:
        'Case-level ratings: each sampled case’s ratings by judgement area, the spread by area and cohort, and inspectors’ agreement',
      tag: TAG,
      response: CaseRatingsSchema,
      handler: async ({ actor, params }) => {
        const d = await getCaseRatings(uc(actor), params.id ?? '');
        return {
          grades: d.grades,
          areas: d.areas.map((a) => ({
            key: a.key,
            label: a.label,
            spread: a.spread,
            agreement: a.agreement
              ? {
                  level: a.agreement.level,
                  raters: a.agreement.raters,
                  results: a.agreement.results,
                }
              : null,
          })),
          cases: d.cases.map((c) => ({
            ...c,
            ratings: Object.fromEntries(
              Object.entries(c.ratings).map(([k, list]) => [
                k,
                list.map((r) => ({ ...r, ratedAt: r.ratedAt.toISOString() })),
              ]),
            ),
          })),
        };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${BASE}/:caseId/:key`,
      summary:
        'Rate a sampled case for a judgement area: grade, criteria met and not met, note (your own rating)',
      tag: TAG,
      body: RateCaseInput.omit({ activityId: true, sampleCaseId: true, judgementKey: true }),
      response: z.object({ id: z.string() }),
      handler: async ({ actor, params, body }) =>
        rateCase(uc(actor), {
          ...body,
          activityId: params.id ?? '',
          sampleCaseId: params.caseId ?? '',
          judgementKey: params.key ?? '',
        }),
    }),
  ]);
};

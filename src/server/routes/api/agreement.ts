// Agreement statistics over JSON: post a ratings table (units by raters, null for a rating not
// given), get every statistic the level allows, each with its weights or level, a seeded bootstrap
// interval and the disagreements. The same engine as `triangulate agreement`. It holds no data:
// any signed-in person may run it.
import { z } from 'zod';
import { computeAgreement, LEVELS } from '../../../domain/agreement/index.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const Label = z.string().trim().min(1).max(200);

const AgreementBody = z.object({
  unit: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .default('unit')
    .describe('What one unit is: "case", "judgement", "text span"'),
  level: z.enum(LEVELS).default('nominal'),
  categories: z
    .array(Label)
    .min(1)
    .max(1000)
    .optional()
    .describe('The scale in order, used or not'),
  resamples: z.number().int().min(0).max(10_000).default(1000),
  seed: z.number().int().min(0).max(4_294_967_295).default(1),
  raters: z.array(Label).min(2).max(200),
  units: z
    .array(z.object({ id: Label, ratings: z.array(Label.nullable()) }))
    .min(1)
    .max(20_000),
});

const Disagreement = z.object({ unit: z.string(), ratings: z.record(z.string(), z.string()) });

const Result = z.object({
  statistic: z.string(),
  name: z.string(),
  weights: z.string().nullable(),
  level: z.enum(LEVELS).nullable(),
  value: z.number().nullable(),
  reason: z.string().nullable(),
  interval: z
    .object({
      lower: z.number(),
      upper: z.number(),
      confidence: z.number(),
      resamples: z.number(),
      undefinedResamples: z.number(),
      seed: z.number(),
      method: z.string(),
    })
    .nullable(),
  unit: z.string(),
  units: z.number(),
  raters: z.number(),
  ratings: z.number(),
  disagreements: z.array(Disagreement),
});

export const registerAgreementApi: RouteModule = (app) => {
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/agreement',
      summary:
        "Agreement between raters: percentage agreement, within one grade, Cohen's kappa, Scott's pi, Fleiss' and Conger's kappa, Gwet's AC1/AC2, Brennan-Prediger, Krippendorff's alpha, each with a bootstrap interval",
      tag: 'agreement',
      body: AgreementBody,
      response: z.object({
        unit: z.string(),
        level: z.enum(LEVELS),
        categories: z.array(z.string()),
        raters: z.array(z.string()),
        units: z.number(),
        unitsWithoutRatings: z.number(),
        ratersWithoutRatings: z.array(z.string()),
        results: z.array(Result),
      }),
      handler: async ({ body }) =>
        computeAgreement(
          { unit: body.unit, raters: body.raters, units: body.units },
          {
            level: body.level,
            categories: body.categories,
            resamples: body.resamples,
            seed: body.seed,
          },
        ),
    }),
  ]);
};

// Inter-coder agreement over JSON: how far the people who coded one evidence record agree, code by
// code, at character and segment level, with intervals and the disagreements.
import { z } from 'zod';
import type { Actor } from '../../../domain/access/actor.js';
import { getCodingAgreement } from '../../../usecases/coding/get-coding-agreement.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const Report = z.object({
  unit: z.string(),
  raters: z.array(z.string()),
  units: z.number(),
  results: z.array(
    z.object({
      name: z.string(),
      value: z.number().nullable(),
      reason: z.string().nullable(),
      interval: z
        .object({ lower: z.number(), upper: z.number(), confidence: z.number() })
        .nullable(),
      units: z.number(),
      raters: z.number(),
      disagreements: z.array(
        z.object({ unit: z.string(), ratings: z.record(z.string(), z.string()) }),
      ),
    }),
  ),
});

export const registerCodingAgreementApi: RouteModule = (app, ctx) => {
  const uc = (actor: Actor) => ({ db: ctx.database.db, actor, catalog: ctx.catalog });
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/evidence/:evidenceId/coding-agreement',
      summary:
        'Inter-coder agreement on one evidence record, per code: character level and segment level (text nobody coded left out unless includeUncoded)',
      tag: 'coding',
      query: z.object({
        includeUncoded: flag.optional(),
        resamples: z.coerce.number().int().min(0).max(10_000).optional(),
        seed: z.coerce.number().int().min(0).max(4_294_967_295).optional(),
      }),
      response: z.object({
        evidence: z.object({
          id: z.string(),
          reference: z.string(),
          version: z.number(),
          characters: z.number(),
        }),
        uncodedText: z.enum(['excluded', 'included']),
        coders: z.array(z.string()),
        codingsLeftOut: z.number(),
        codes: z.array(
          z.object({
            code: z.string(),
            characters: z.number(),
            characterLevel: Report,
            segmentLevel: Report,
          }),
        ),
      }),
      handler: async ({ actor, params, query }) =>
        getCodingAgreement(uc(actor), {
          activityId: params.id ?? '',
          evidenceId: params.evidenceId ?? '',
          includeUncoded: query.includeUncoded,
          resamples: query.resamples,
          seed: query.seed,
        }),
    }),
  ]);
};

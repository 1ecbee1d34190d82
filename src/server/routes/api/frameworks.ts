import { z } from 'zod';
import { AppError } from '../../../errors.js';
import { evaluateAggregation, loadFrameworks } from '../../../domain/frameworks/index.js';
import { frameworksDir } from '../../../paths.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const Summary = z.object({
  id: z.string(),
  name: z.string(),
  versionLabel: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export const registerFrameworkApi: RouteModule = (app) => {
  const registry = loadFrameworks(frameworksDir());
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/frameworks',
      summary: 'The framework versions Triangulate knows, oldest first',
      tag: 'frameworks',
      response: z.object({ frameworks: z.array(Summary) }),
      handler: async () => ({
        frameworks: registry.list().map((f) => ({
          id: f.id,
          name: f.name,
          versionLabel: f.versionLabel,
          validFrom: f.validFrom,
          validTo: f.validTo ?? null,
        })),
      }),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/frameworks/:id',
      summary:
        'One framework version in full (judgements, grades, rules, criteria, activity types, report templates)',
      tag: 'frameworks',
      response: z.record(z.string(), z.unknown()),
      handler: async ({ params }) => {
        const fw = registry.get(params.id ?? '');
        if (!fw) throw new AppError('NOT_FOUND');
        return fw as unknown as Record<string, unknown>;
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/frameworks/:id/aggregation-check',
      summary:
        "Check a set of grades against the framework's aggregation rules (hard rules block, soft rules need a reason)",
      tag: 'frameworks',
      body: z.object({ grades: z.record(z.string(), z.string()), date: z.string().optional() }),
      response: z.object({
        hard: z.array(z.unknown()),
        soft: z.array(z.unknown()),
        notApplicable: z.array(z.string()),
      }),
      handler: async ({ params, body }) => {
        const fw = registry.get(params.id ?? '');
        if (!fw) throw new AppError('NOT_FOUND');
        const r = evaluateAggregation(fw, body.grades, body.date ? { date: body.date } : {});
        return { hard: r.hard, soft: r.soft, notApplicable: r.notApplicable };
      },
    }),
  ]);
};

// National statistics over JSON: an LA's figures beside its neighbours, region and England, and
// the import of DfE extracts (national staff and admins). Access as the page (policies.ts).
import { z } from 'zod';
import { getLaStatistics } from '../../../usecases/stats/get-la-statistics.js';
import { importNationalStatistics } from '../../../usecases/stats/import-national-statistics.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const Obj = z.record(z.string(), z.unknown());
const asObj = (v: unknown) => v as Record<string, unknown>;

export const registerStatsApi: RouteModule = (app, ctx) => {
  const uc = (actor: Parameters<typeof getLaStatistics>[0]['actor']) => ({
    db: ctx.database.db,
    actor,
    catalog: ctx.catalog,
  });
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/las/:id/statistics',
      summary:
        "An LA's DfE national statistics by indicator and year, beside its statistical neighbours' average, its region and England",
      tag: 'national statistics',
      response: Obj,
      handler: async ({ actor, params }) =>
        asObj(await getLaStatistics(uc(actor), { laId: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/national-statistics/imports',
      summary:
        'Import DfE extracts (CSV text) in one transaction; any bad row fails it; re-importing changes nothing (national staff, admins)',
      tag: 'national statistics',
      body: z.object({
        files: z
          .array(
            z.object({
              fileName: z.string().min(1).max(500),
              content: z.string().max(20_000_000).describe('The CSV text'),
            }),
          )
          .min(1)
          .max(50),
      }),
      response: Obj,
      handler: async ({ actor, body }) => asObj(await importNationalStatistics(uc(actor), body)),
    }),
  ]);
};

import { z } from 'zod';
import { importHistory } from '../../../usecases/history/import-history.js';
import { analyseHistory, AnalyseHistoryInput } from '../../../usecases/history/analyse-history.js';
import { getLa } from '../../../usecases/las/get-la.js';
import { listLas, ListLasInput } from '../../../usecases/las/list-las.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';

// LA records are already shaped by the use cases (camelCase, dates as YYYY-MM-DD).
const Record = z.record(z.string(), z.unknown());

export const registerLaApi: RouteModule = (app, ctx) => {
  const uc = (actor: Parameters<typeof listLas>[0]['actor']) => ({
    db: ctx.database.db,
    actor,
    catalog: ctx.catalog,
  });
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/las',
      summary:
        'The local authority register with each LA’s latest judgement (LA users: their own LA)',
      tag: 'local authorities',
      query: ListLasInput.extend({
        includeFormer: z
          .enum(['true', 'false'])
          .transform((v) => v === 'true')
          .optional(),
      }),
      response: z.object({ localAuthorities: z.array(Record) }),
      handler: async ({ actor, query }) => ({
        localAuthorities: (await listLas(uc(actor), query)) as unknown as Record<string, unknown>[],
      }),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/las/:id',
      summary:
        'One LA (by id, GSS or DfE code, URN or name) with predecessors, successors and inspection history',
      tag: 'local authorities',
      response: Record,
      handler: async ({ actor, params }) =>
        (await getLa(uc(actor), { id: params.id ?? '' })) as unknown as Record<string, unknown>,
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/history/analysis',
      summary:
        'National analysis of the inspection history: grade distributions by year, region and framework, transitions (up, same, down) and time between inspections',
      tag: 'local authorities',
      query: AnalyseHistoryInput,
      response: Record,
      handler: async ({ actor, query }) =>
        (await analyseHistory(uc(actor), query)) as unknown as Record<string, unknown>,
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/history/imports',
      summary:
        'Import an inspection-history CSV (Ofsted management information or the scraped history); one transaction',
      tag: 'local authorities',
      body: z.object({
        fileName: z.string().min(1).max(500),
        content: z.string().max(20_000_000).describe('The CSV text'),
        skipInvalid: z.boolean().default(false),
      }),
      response: Record,
      handler: async ({ actor, body }) =>
        (await importHistory(uc(actor), body)) as unknown as Record<string, unknown>,
    }),
  ]);
};

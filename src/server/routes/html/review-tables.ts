// The 2019 review's tables recomputed from the history and the activities: each table with its
// definition and a CSV download (cells made safe for spreadsheets); the JSON API beside it.
import { z } from 'zod';
import { tableCsv } from '../../../domain/exports/table.js';
import {
  reviewTableKeys,
  reviewTableSpecs,
  type ReviewTableSpec,
} from '../../../domain/history/review-table-specs.js';
import {
  computeReviewTables,
  ComputeReviewTablesInput,
} from '../../../usecases/history/compute-review-tables.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const Query = z.object({ yearStartMonth: z.enum(['1', '4']).catch('1').transform(Number) });
const DownloadQuery = Query.extend({ table: z.enum(reviewTableKeys).catch('table1') });
const TEXT_COLUMNS = /^(Year|Source|Type|Overall effectiveness|Framework|Judgement area|Theme)$/;

function govukTable(t: ReviewTableSpec) {
  return {
    head: t.columns.map((c) => ({
      text: c.header,
      ...(TEXT_COLUMNS.test(c.header) ? {} : { format: 'numeric' }),
    })),
    rows: t.rows.map((r) =>
      t.columns.map((c) => {
        const v = c.value(r);
        return { text: String(v ?? '–'), ...(typeof v === 'number' ? { format: 'numeric' } : {}) };
      }),
    ),
  };
}

export const registerReviewTableRoutes: RouteModule = (app, ctx) => {
  app.get('/history/review-tables', async (request, reply) => {
    const { yearStartMonth } = Query.parse(request.query);
    const t = await computeReviewTables(useCaseContext(request, ctx), { yearStartMonth });
    return reply.render('las/review-tables.njk', {
      yearStartMonth,
      table3: t.table3,
      tables: reviewTableSpecs(t).map((s) => ({
        key: s.key,
        title: s.title,
        definition: s.definition,
        table: govukTable(s),
      })),
      years: [
        { value: '1', text: 'Calendar years (as the review)', selected: yearStartMonth === 1 },
        {
          value: '4',
          text: 'Years from April (Ofsted statistics)',
          selected: yearStartMonth === 4,
        },
      ],
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: 'Inspection history: national analysis', href: '/history/analysis' },
      ],
    });
  });

  app.get('/history/review-tables/download', async (request, reply) => {
    const { yearStartMonth, table } = DownloadQuery.parse(request.query);
    const t = await computeReviewTables(useCaseContext(request, ctx), { yearStartMonth });
    const spec = reviewTableSpecs(t).find((s) => s.key === table) as ReviewTableSpec;
    reply.header('content-disposition', `attachment; filename="review-${table}.csv"`);
    reply.type('text/csv; charset=utf-8');
    return tableCsv(spec.columns, spec.rows);
  });

  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/history/review-tables',
      summary:
        'The 2019 ILACS review’s Tables 1, 2, 3, 4 and 7 recomputed from the inspection history and Triangulate’s activities',
      tag: 'local authorities',
      query: ComputeReviewTablesInput,
      response: z.record(z.string(), z.unknown()),
      handler: async ({ actor, query }) =>
        (await computeReviewTables(
          { db: ctx.database.db, actor, catalog: ctx.catalog },
          query,
        )) as unknown as Record<string, unknown>,
    }),
  ]);
};

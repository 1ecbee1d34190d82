// The 2019 review's tables recomputed from the published history or Triangulate's activities:
// each table as a chart, its data table, its definition and CSV/XLSX downloads (cells made safe
// for spreadsheets); the JSON API beside it.
import { z } from 'zod';
import { tableCsv, tableXlsx } from '../../../domain/exports/table.js';
import { reviewSources } from '../../../domain/review-tables/engagements.js';
import {
  reviewTableKeys,
  reviewTableSpecs,
  sourceLabels,
  textColumns,
  type ReviewTableSpec,
} from '../../../domain/review-tables/specs.js';
import {
  computeReviewTables,
  ComputeReviewTablesInput,
} from '../../../usecases/history/compute-review-tables.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import { ReviewTablesResponse } from '../api/review-tables-schemas.js';
import { downloadHeaders } from '../../download.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { reviewTableCharts } from './review-tables-charts.js';

// A bad value in the page's own form falls back to the default rather than erroring.
const Query = z.object({
  source: z.enum(reviewSources).catch('history'),
  yearStartMonth: z.enum(['1', '4', '9']).catch('1').transform(Number),
  year: z
    .string()
    .regex(/^\d{4}(-\d{2})?$/)
    .optional()
    .catch(undefined),
});
const DownloadQuery = Query.extend({
  table: z.enum(reviewTableKeys).catch('table1'),
  format: z.enum(['csv', 'xlsx']).catch('csv'),
});

function govukTable(t: ReviewTableSpec) {
  return {
    head: t.columns.map((c) => ({
      text: c.header,
      ...(textColumns.has(c.header) ? {} : { format: 'numeric' }),
    })),
    rows: t.rows.map((r) =>
      t.columns.map((c) => {
        const v = c.value(r);
        const text = typeof v === 'number' ? v.toLocaleString('en-GB') : String(v ?? '–');
        return { text, ...(typeof v === 'number' ? { format: 'numeric' } : {}) };
      }),
    ),
  };
}

const yearStartItems = (m: number) =>
  [
    ['1', 'Calendar years (as the review)'],
    ['4', 'Years from April (Ofsted statistics)'],
    ['9', 'Academic years from September (the review’s SIF year)'],
  ].map(([value, text]) => ({ value, text, selected: String(m) === value }));

export const registerReviewTableRoutes: RouteModule = (app, ctx) => {
  app.get('/history/review-tables', async (request, reply) => {
    const q = Query.parse(request.query);
    const t = await computeReviewTables(useCaseContext(request, ctx), q);
    const charts = reviewTableCharts(t);
    const query = new URLSearchParams({
      source: q.source,
      yearStartMonth: String(q.yearStartMonth),
      ...(q.year ? { year: q.year } : {}),
    }).toString();
    return reply.render('las/review-tables.njk', {
      query,
      table3: t.table3,
      sourceLabel: sourceLabels[q.source],
      tables: reviewTableSpecs(t, t.typeLabels).map((s) => ({
        key: s.key,
        title: s.title,
        definition: s.definition,
        chart: charts[s.key] ?? '',
        table: govukTable(s),
      })),
      sources: reviewSources.map((value) => ({
        value,
        text: sourceLabels[value],
        checked: value === q.source,
      })),
      years: yearStartItems(q.yearStartMonth),
      periods: [
        { value: '', text: 'Every year', selected: !q.year },
        ...t.periods.map((p) => ({ value: p, text: p, selected: p === q.year })),
      ],
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: 'Local authorities', href: '/las' },
      ],
    });
  });

  app.get('/history/review-tables/download', async (request, reply) => {
    const { table, format, ...q } = DownloadQuery.parse(request.query);
    const t = await computeReviewTables(useCaseContext(request, ctx), q);
    const spec = reviewTableSpecs(t, t.typeLabels).find((s) => s.key === table) as ReviewTableSpec;
    const name = `review-${table}-${q.source}${q.year ? `-${q.year}` : ''}`;
    if (format === 'xlsx') {
      downloadHeaders(
        reply,
        `${name}.xlsx`,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      return Buffer.from(tableXlsx(spec.title, spec.columns, spec.rows));
    }
    downloadHeaders(reply, `${name}.csv`, 'text/csv; charset=utf-8');
    return tableCsv(spec.columns, spec.rows);
  });

  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/history/review-tables',
      summary:
        'The 2019 ILACS review’s Tables 1, 2, 3, 4 and 7 recomputed from the published inspection history (source=history) or Triangulate’s activities (source=app)',
      tag: 'local authorities',
      query: ComputeReviewTablesInput,
      response: ReviewTablesResponse,
      handler: async ({ actor, query }) =>
        computeReviewTables({ db: ctx.database.db, actor, catalog: ctx.catalog }, query),
    }),
  ]);
};

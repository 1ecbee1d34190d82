// The national analysis of the inspection history: grade distributions by year, region and
// framework, transitions between consecutive inspections, and the time between them; each table
// downloads as CSV (cells made safe for spreadsheets).
import { z } from 'zod';
import type { HistoryAnalysis } from '../../../domain/history/analyse.js';
import { tableCsv, type Column } from '../../../domain/exports/table.js';
import { judgementKeys, judgementLabels } from '../../../domain/history/types.js';
import { analyseHistory } from '../../../usecases/history/analyse-history.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const Query = z.object({ judgement: z.enum(judgementKeys).catch('overall_effectiveness') });
const DownloadQuery = Query.extend({
  table: z.enum(['distributions', 'transitions', 'intervals']).catch('distributions'),
});

type Table = 'distributions' | 'transitions' | 'intervals';
type Row = Record<string, string | number>;

/** Each table's columns, for the page and the CSV alike. */
function tables(a: HistoryAnalysis): Record<Table, { columns: Column<Row>[]; rows: Row[] }> {
  const col = (header: string, key: string): Column<Row> => ({ header, value: (r) => r[key] });
  return {
    distributions: {
      columns: [
        col('By', 'dimension'),
        col('Value', 'value'),
        ...a.grades.map((g) => col(g.label, g.key)),
        col('Total', 'total'),
      ],
      rows: a.distributions.map((d) => ({
        dimension: d.dimension,
        value: d.value,
        ...d.counts,
        total: d.total,
      })),
    },
    transitions: {
      columns: [
        col('From', 'from'),
        col('To', 'to'),
        col('Up', 'up'),
        col('Same', 'same'),
        col('Down', 'down'),
        col('Not comparable', 'notComparable'),
        col('Total', 'total'),
      ],
      rows: a.transitions.map((t) => ({ ...t, comparable: String(t.comparable) })),
    },
    intervals: {
      columns: [
        col('By', 'groupBy'),
        col('Value', 'value'),
        col('Inspections', 'count'),
        col('Fewest days', 'minDays'),
        col('Median days', 'medianDays'),
        col('Most days', 'maxDays'),
      ],
      rows: a.intervals.map((i) => ({ ...i })),
    },
  };
}

function govukRows(t: { columns: Column<Row>[]; rows: Row[] }) {
  return {
    head: t.columns.map((c) => ({
      text: c.header,
      ...(/^(By|Value|From|To)$/.test(c.header) ? {} : { format: 'numeric' }),
    })),
    rows: t.rows.map((r) =>
      t.columns.map((c) => {
        const v = c.value(r);
        return { text: String(v ?? ''), ...(typeof v === 'number' ? { format: 'numeric' } : {}) };
      }),
    ),
  };
}

export const registerHistoryAnalysisRoutes: RouteModule = (app, ctx) => {
  app.get('/history/analysis', async (request, reply) => {
    const { judgement } = Query.parse(request.query);
    const a = await analyseHistory(useCaseContext(request, ctx), { judgement });
    const t = tables(a);
    const byDimension = (d: string) =>
      govukRows({
        columns: t.distributions.columns.filter((c) => c.header !== 'By'),
        rows: t.distributions.rows.filter((r) => r.dimension === d),
      });
    return reply.render('las/history-analysis.njk', {
      analysis: a,
      judgement,
      judgementLabel: judgementLabels[judgement],
      judgements: judgementKeys.map((k) => ({
        value: k,
        text: judgementLabels[k],
        selected: k === judgement,
      })),
      byYear: byDimension('year'),
      byRegion: byDimension('region'),
      byFramework: byDimension('framework'),
      transitions: govukRows(t.transitions),
      intervals: govukRows(t.intervals),
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: 'Local authorities', href: '/las' },
      ],
    });
  });

  app.get('/history/analysis/download', async (request, reply) => {
    const { judgement, table } = DownloadQuery.parse(request.query);
    const a = await analyseHistory(useCaseContext(request, ctx), { judgement });
    const t = tables(a)[table];
    reply.header(
      'content-disposition',
      `attachment; filename="history-${table}-${judgement.replace(/_/g, '-')}.csv"`,
    );
    reply.type('text/csv; charset=utf-8');
    return tableCsv(t.columns, t.rows);
  });
};

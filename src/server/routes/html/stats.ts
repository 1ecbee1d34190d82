// An LA's national statistics page: each indicator's chart and its data table (the LA, its
// statistical neighbours' average, its region and England, year by year).
import { z } from 'zod';
import { markerLabels, type SuppressionMarker } from '../../../domain/national-stats/indicators.js';
import type { Cell } from '../../../domain/national-stats/compare.js';
import { getLaStatistics } from '../../../usecases/stats/get-la-statistics.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { lineChart } from './stats-charts.js';

const IdParams = z.object({ id: z.string().max(200) });

const cellText = (c: Cell | null, unit: string): string => {
  if (c === null) return '–';
  if (c.value !== null) return unit === 'percent' ? `${c.value}%` : String(c.value);
  return markerLabels[c.marker as SuppressionMarker] ?? String(c.marker);
};

export const registerStatsRoutes: RouteModule = (app, ctx) => {
  app.get('/las/:id/statistics', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const s = await getLaStatistics(useCaseContext(request, ctx), { laId: id });
    const regionName = s.region?.name ?? 'Region';
    const indicators = s.indicators
      .filter((i) => i.rows.length > 0)
      .map((i) => ({
        key: i.key,
        label: i.label,
        chart: lineChart(i, s.la.name, regionName),
        rows: [...i.rows].reverse().map((r) => [
          { text: String(r.year) },
          { text: cellText(r.la, i.unit), format: 'numeric' },
          {
            text:
              r.neighbours.average === null
                ? '–'
                : `${cellText({ value: r.neighbours.average, marker: null }, i.unit)} (${r.neighbours.count})`,
            format: 'numeric',
          },
          { text: cellText(r.region, i.unit), format: 'numeric' },
          { text: cellText(r.england, i.unit), format: 'numeric' },
        ]),
      }));
    return reply.render('stats/la.njk', {
      ...s,
      regionName,
      indicators,
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: s.la.name, href: `/las/${encodeURIComponent(s.la.id)}` },
      ],
    });
  });
};

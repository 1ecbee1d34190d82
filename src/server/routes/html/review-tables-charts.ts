// The review's tables as accessible SVG charts (the page shows each one's data as a table below
// it): stacked bars for counts by type or theme per year, plain bars for averages and days.
import { gradeLabels, type GradeKey } from '../../../domain/history/types.js';
import { table3Labels } from '../../../domain/review-tables/specs.js';
import type { ReviewTablesResult } from '../../../usecases/history/compute-review-tables.js';
import { barChart } from './annex-a-profile-charts.js';
import { stackedBarsChart, type ChartSeries } from './stacked-bars-chart.js';

const COLOURS = ['blue', 'green', 'orange', 'purple', 'red', 'yellow', 'grey', 'light-grey'];

function stacked(
  id: string,
  title: string,
  unit: string,
  periods: string[],
  keys: string[],
  label: (k: string) => string,
  count: (period: string, key: string) => number,
): string {
  const series: ChartSeries[] = keys.map((k, i) => ({
    label: label(k),
    colour: COLOURS[i % COLOURS.length] as string,
  }));
  return stackedBarsChart({
    id,
    title,
    unit,
    series,
    rows: periods.map((p) => ({ label: p, counts: keys.map((k) => count(p, k)) })),
  });
}

const uniq = (xs: string[]) => [...new Set(xs)];

export function reviewTableCharts(t: ReviewTablesResult): Record<string, string> {
  const t1 = t.table1.filter((r) => r.type !== 'all');
  // Every year's grades would make a very tall chart: the year chosen, else the latest.
  const t2Year = t.year ?? t.table2.at(-1)?.period;
  const t2 = t.table2.filter((r) => r.averageDays !== null && r.period === t2Year);
  const label = (k: string) => t.typeLabels[k] ?? k;
  return {
    table1: stacked(
      'review-table1-chart',
      'Engagements with LAs per year by type',
      'engagements',
      uniq(t1.map((r) => r.period)),
      uniq(t1.map((r) => r.type)),
      label,
      (p, k) => t1.find((r) => r.period === p && r.type === k)?.occurrences ?? 0,
    ),
    table2:
      t2.length === 0
        ? ''
        : barChart(
            `Average working days on site per LA visited in ${t2Year}, by overall effectiveness before the year`,
            t2.map((r) => ({
              label: r.grade === 'overall' ? 'Weighted average' : gradeLabels[r.grade as GradeKey],
              value: r.averageDays ?? 0,
              text: `${r.averageDays} days`,
              highlight: r.grade === 'overall',
            })),
          ),
    table3: t.table3.computable
      ? stacked(
          'review-table3-chart',
          'Timing of area SEND inspections against ILACS activity',
          'area SEND inspections',
          ['All'],
          t.table3.rows.map((r) => r.category),
          (k) => table3Labels[k as keyof typeof table3Labels],
          (_p, k) => t.table3.rows.find((r) => r.category === k)?.count ?? 0,
        )
      : '',
    table4:
      t.table4.length === 0
        ? ''
        : barChart(
            'Inspector days modelled per year, SIF and ILACS',
            t.table4.map((r) => ({
              label: `${r.period} ${r.framework}`,
              value: r.inspectorDays,
              text: `${r.inspectorDays.toLocaleString('en-GB')} days, ${r.lasEngaged} LAs`,
              highlight: r.framework === 'ILACS',
            })),
          ),
    table7: stacked(
      'review-table7-chart',
      'Themes of focused visits per year',
      'focused visits',
      uniq(t.table7.map((r) => r.period)),
      uniq(t.table7.map((r) => r.theme)),
      (k) => t.table7.find((r) => r.theme === k)?.label ?? k,
      (p, k) => t.table7.find((r) => r.period === p && r.theme === k)?.count ?? 0,
    ),
  };
}

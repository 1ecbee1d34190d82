// The outcomes analysis as a chart: one stacked bar per quantile group of the measure, split by
// grade (shares of the group's LAs); the page shows the same data as a table.
import type { OutcomesAnalysis } from '../../../usecases/research/analyse-outcomes.js';
import { stackedBarsChart } from './stacked-bars-chart.js';

/** Darkest for the lowest grade; each segment also carries its count as text. */
const COLOURS = ['green', 'blue', 'orange', 'red'];

export function outcomesChart(a: OutcomesAnalysis): string {
  return stackedBarsChart({
    id: 'outcomes-chart',
    title: `Grades by group of ${a.measureName}`,
    series: a.grades.map((g, i) => ({ label: g.label, colour: COLOURS[i] ?? 'grey' })),
    rows: a.stats.groups.map((g) => ({ label: g.label, counts: g.counts })),
    unit: 'authorities',
  });
}

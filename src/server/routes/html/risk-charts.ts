// The national risk view's two charts: each region's LAs by risk level, and the same regions by
// their latest inspection grade, so national staff can see whether regions apply thresholds alike.
import type { NationalRiskView } from '../../../usecases/risk/get-national-risk-view.js';
import { stackedBarsChart } from './stacked-bars-chart.js';

/** Outstanding to inadequate, as the outcomes chart colours them. */
const GRADE_COLOURS = ['green', 'blue', 'orange', 'red'];

export function nationalRiskCharts(view: NationalRiskView): { levels: string; grades: string } {
  const levels = stackedBarsChart({
    id: 'risk-levels-chart',
    title: 'Risk levels of each region’s local authorities',
    series: [
      ...view.levels.map((l) => ({ label: l.label, colour: l.colour })),
      { label: 'Not assessed', colour: 'light-grey' },
    ],
    rows: view.distribution.map((d) => ({
      label: d.region,
      counts: [...view.levels.map((l) => d.levels[l.key] ?? 0), d.levels.none ?? 0],
    })),
    unit: 'local authorities',
  });
  const grades = stackedBarsChart({
    id: 'risk-grades-chart',
    title: 'Latest overall grade of each region’s local authorities',
    series: [
      ...view.grades.map((g, i) => ({ label: g.label, colour: GRADE_COLOURS[i] ?? 'grey' })),
      { label: 'Never graded', colour: 'light-grey' },
    ],
    rows: view.distribution.map((d) => ({
      label: d.region,
      counts: [...view.grades.map((g) => d.grades[g.key] ?? 0), d.grades.none ?? 0],
    })),
    unit: 'local authorities',
  });
  return { levels, grades };
}

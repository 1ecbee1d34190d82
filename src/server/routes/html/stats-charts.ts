// Accessible inline SVG line charts of an LA's figures over time beside its neighbours, region
// and England (role="img", a title and a description naming every value; the page shows the same
// data as a table). Presentation attributes only, as annex-a-profile-charts.ts: the strict CSP
// needs no exception.
import type { LaStatisticsIndicator } from '../../../usecases/stats/get-la-statistics.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

let counter = 0;

interface Series {
  label: string;
  colour: string;
  dash: string;
  points: { year: number; value: number | null }[];
}

export function lineChart(i: LaStatisticsIndicator, laName: string, regionName: string): string {
  counter = (counter + 1) % 1_000_000;
  const id = `stats-chart-${counter}`;
  const series: Series[] = [
    {
      label: laName,
      colour: '#1d70b8',
      dash: '',
      points: i.rows.map((r) => ({ year: r.year, value: r.la?.value ?? null })),
    },
    {
      label: 'Statistical neighbours (average)',
      colour: '#505a5f',
      dash: '6 4',
      points: i.rows.map((r) => ({ year: r.year, value: r.neighbours.average })),
    },
    {
      label: regionName,
      colour: '#00703c',
      dash: '2 3',
      points: i.rows.map((r) => ({ year: r.year, value: r.region?.value ?? null })),
    },
    {
      label: 'England',
      colour: '#0b0c0c',
      dash: '10 3 2 3',
      points: i.rows.map((r) => ({ year: r.year, value: r.england?.value ?? null })),
    },
  ];
  const years = i.rows.map((r) => r.year);
  const values = series
    .flatMap((s) => s.points.map((p) => p.value))
    .filter((v): v is number => v !== null);
  if (years.length === 0 || values.length === 0) return '';
  const W = 640,
    H = 260,
    left = 60,
    right = 16,
    top = 16,
    bottom = 70;
  const max = Math.max(...values) * 1.1 || 1;
  const minYear = Math.min(...years),
    maxYear = Math.max(...years);
  const x = (y: number) =>
    left + (maxYear === minYear ? 0 : ((y - minYear) / (maxYear - minYear)) * (W - left - right));
  const yOf = (v: number) => top + (1 - v / max) * (H - top - bottom);
  const axis = [0, 0.5, 1].map((f) => {
    const v = Math.round(max * f * 10) / 10;
    return `<line x1="${left}" x2="${W - right}" y1="${yOf(v)}" y2="${yOf(v)}" stroke="#b1b4b6" stroke-width="1"></line><text x="${left - 6}" y="${yOf(v) + 4}" text-anchor="end" font-size="12" fill="#0b0c0c">${v}</text>`;
  });
  const ticks = years.map(
    (y) =>
      `<text x="${x(y)}" y="${H - bottom + 16}" text-anchor="middle" font-size="12" fill="#0b0c0c">${y}</text>`,
  );
  const lines = series.map((s) => {
    const pts = s.points
      .filter((p) => p.value !== null)
      .map((p) => `${x(p.year).toFixed(1)},${yOf(p.value!).toFixed(1)}`);
    if (pts.length === 0) return '';
    const dots = s.points
      .filter((p) => p.value !== null)
      .map(
        (p) =>
          `<circle cx="${x(p.year).toFixed(1)}" cy="${yOf(p.value!).toFixed(1)}" r="3" fill="${s.colour}"></circle>`,
      )
      .join('');
    return `<polyline fill="none" stroke="${s.colour}" stroke-width="2" stroke-dasharray="${s.dash}" points="${pts.join(' ')}"></polyline>${dots}`;
  });
  const legend = series.map((s, k) => {
    const lx = left + (k % 2) * 290,
      ly = H - bottom + 34 + Math.floor(k / 2) * 18;
    return `<line x1="${lx}" x2="${lx + 28}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.colour}" stroke-width="2" stroke-dasharray="${s.dash}"></line><text x="${lx + 34}" y="${ly}" font-size="12" fill="#0b0c0c">${esc(s.label)}</text>`;
  });
  const desc = series
    .map(
      (s) => `${s.label}: ${s.points.map((p) => `${p.year} ${p.value ?? 'no figure'}`).join(', ')}`,
    )
    .join('. ');
  return (
    `<svg class="app-chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${W} ${H}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-title">${esc(i.label)}</title><desc id="${id}-desc">${esc(desc)}</desc>` +
    axis.join('') +
    ticks.join('') +
    lines.join('') +
    legend.join('') +
    '</svg>'
  );
}

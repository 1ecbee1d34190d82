// An accessible inline SVG chart of stacked bars: one bar per row, split into series (shares of
// the row's total), with a title and a description naming every count; pages show the same data
// as a table beside it. Presentation attributes only (the app's CSP allows no inline styles).

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GOV.UK colours by the names the data files use, with a text colour readable on each. */
const PALETTE: Record<string, { fill: string; text: string }> = {
  green: { fill: '#00703c', text: '#ffffff' },
  blue: { fill: '#1d70b8', text: '#ffffff' },
  orange: { fill: '#f47738', text: '#0b0c0c' },
  red: { fill: '#d4351c', text: '#ffffff' },
  yellow: { fill: '#ffdd00', text: '#0b0c0c' },
  purple: { fill: '#4c2c92', text: '#ffffff' },
  grey: { fill: '#505a5f', text: '#ffffff' },
  'light-grey': { fill: '#b1b4b6', text: '#0b0c0c' },
};

export interface ChartSeries {
  label: string;
  /** A colour name of PALETTE. */
  colour: string;
}

export interface ChartRow {
  label: string;
  /** One count per series, in the series' order. */
  counts: number[];
}

export interface StackedBarsChart {
  /** Unique on the page: the ids of the title and description derive from it. */
  id: string;
  title: string;
  series: ChartSeries[];
  rows: ChartRow[];
  /** What a row counts, for the description ("authorities"). */
  unit: string;
}

const colourOf = (name: string) => PALETTE[name] ?? PALETTE.grey!;

export function stackedBarsChart(c: StackedBarsChart): string {
  const rows = c.rows.filter((r) => r.counts.some((n) => n > 0));
  if (rows.length === 0) return '';
  const W = 640;
  const left = 190;
  const right = 16;
  const barH = 26;
  const gap = 10;
  const perLine = 4;
  const legendLines = Math.ceil(c.series.length / perLine);
  const top = 14 + legendLines * 22;
  const H = top + rows.length * (barH + gap) + 6;
  const width = W - left - right;
  const legend = c.series
    .map((s, i) => {
      const x = 8 + (i % perLine) * 155;
      const y = 6 + Math.floor(i / perLine) * 22;
      return `<rect x="${x}" y="${y}" width="14" height="14" fill="${colourOf(s.colour).fill}" stroke="#0b0c0c" stroke-width="0.5"></rect><text x="${x + 18}" y="${y + 12}" font-size="12" fill="#0b0c0c">${esc(s.label)}</text>`;
    })
    .join('');
  const bars = rows
    .map((r, k) => {
      const y = top + k * (barH + gap);
      const total = r.counts.reduce((a, b) => a + b, 0);
      let x = left;
      const segs = r.counts
        .map((n, i) => {
          if (n === 0) return '';
          const w = (n / total) * width;
          const colour = colourOf(c.series[i]?.colour ?? 'grey');
          const seg = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${colour.fill}"></rect>${
            w > 18
              ? `<text x="${(x + w / 2).toFixed(1)}" y="${y + 18}" text-anchor="middle" font-size="12" fill="${colour.text}">${n}</text>`
              : ''
          }`;
          x += w;
          return seg;
        })
        .join('');
      return `<text x="${left - 8}" y="${y + 18}" text-anchor="end" font-size="12" fill="#0b0c0c">${esc(r.label)}</text>${segs}`;
    })
    .join('');
  const desc = rows
    .map(
      (r) =>
        `${r.label} (${r.counts.reduce((a, b) => a + b, 0)} ${c.unit}): ${c.series
          .map((s, i) => `${r.counts[i] ?? 0} ${s.label.toLowerCase()}`)
          .join(', ')}.`,
    )
    .join(' ');
  return `<svg class="app-chart" role="img" aria-labelledby="${c.id}-title ${c.id}-desc" viewBox="0 0 ${W} ${H}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg"><title id="${c.id}-title">${esc(c.title)}</title><desc id="${c.id}-desc">${esc(desc)}</desc>${legend}${bars}</svg>`;
}

// Accessible inline SVG bar charts for the profile page: role="img" with a title and a
// description naming every value (the page also shows the same data as a table). Presentation
// attributes only, no style attributes, so the strict CSP needs no exception.
import type { Distribution } from '../../../domain/annex-a-profile/common.js';
import type { ProfileIndicator } from '../../../usecases/annex-a-profile/get-annex-a-profile.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

let counter = 0;

interface Bar {
  label: string;
  value: number;
  text: string;
  highlight?: boolean;
}

/** A horizontal bar chart; ids are unique within the page. */
export function barChart(title: string, bars: Bar[]): string {
  counter = (counter + 1) % 1_000_000;
  const id = `chart-${counter}`;
  const rowH = 28;
  const labelW = 200;
  const barW = 300;
  // Room after the longest bar for its value ("519.4 per 10,000"), which the SVG would clip.
  const valueW = 150;
  const height = bars.length * rowH + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const desc = bars.map((b) => `${b.label}: ${b.text}`).join('; ');
  const rows = bars
    .map((b, i) => {
      const y = i * rowH + 4;
      const w = Math.max(0, Math.round((b.value / max) * barW));
      return [
        `<text x="${labelW - 8}" y="${y + 18}" text-anchor="end" font-size="14" fill="#0b0c0c">${esc(b.label)}</text>`,
        `<rect x="${labelW}" y="${y + 4}" width="${w}" height="${rowH - 10}" fill="${b.highlight ? '#1d70b8' : '#505a5f'}"></rect>`,
        `<text x="${labelW + w + 6}" y="${y + 18}" font-size="14" fill="#0b0c0c">${esc(b.text)}</text>`,
      ].join('');
    })
    .join('');
  return (
    `<svg class="app-chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${labelW + barW + valueW} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(desc)}</desc>${rows}</svg>`
  );
}

export function chartOf(d: Distribution): {
  title: string;
  svg: string;
  rows: Distribution['bins'];
} {
  return {
    title: d.title,
    svg: barChart(
      d.title,
      d.bins.map((b) => ({ label: b.label, value: b.count, text: String(b.count) })),
    ),
    rows: d.bins,
  };
}

const fmt = (v: number, unit: string): string =>
  unit === 'percent' ? `${v}%` : unit === 'rate' ? `${v} per 10,000` : String(v);

/** The LA's Annex A figure beside England, its region, its neighbours and its own published one. */
export function comparisonChart(i: ProfileIndicator, laName: string): string {
  const c = i.comparison;
  const bars: Bar[] = [];
  const push = (label: string, v: number | null | undefined, highlight = false) => {
    if (v !== null && v !== undefined)
      bars.push({ label, value: v, text: fmt(v, i.unit), highlight });
  };
  push(`${laName} (Annex A)`, i.value, true);
  push(`England ${c?.year ?? ''}`.trim(), c?.england);
  if (c?.regionName) push(c.regionName, c.region);
  push('Statistical neighbours', c?.snAverage);
  push(`${laName} published`, c?.laPublished);
  return barChart(i.title, bars);
}

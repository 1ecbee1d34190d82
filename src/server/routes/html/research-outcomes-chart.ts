// An accessible inline SVG chart of an outcomes analysis: one stacked bar per quantile group of
// the measure, split by grade (shares of the group's LAs), with a title and a description naming
// every count (the page shows the same data as a table). Presentation attributes only (strict CSP).
import type { OutcomesAnalysis } from '../../../usecases/research/analyse-outcomes.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GOV.UK colours, darkest for the lowest grade; each segment also carries its count as text. */
const COLOURS = ['#00703c', '#1d70b8', '#f47738', '#d4351c'];

export function outcomesChart(a: OutcomesAnalysis): string {
  const groups = a.stats.groups;
  if (groups.length === 0) return '';
  const W = 640;
  const left = 150;
  const right = 16;
  const barH = 28;
  const gap = 12;
  const top = 40;
  const H = top + groups.length * (barH + gap) + 10;
  const width = W - left - right;
  const legend = a.grades
    .map((g, i) => {
      const x = left + i * 120;
      return `<rect x="${x}" y="8" width="14" height="14" fill="${COLOURS[i]}"></rect><text x="${x + 18}" y="20" font-size="12" fill="#0b0c0c">${esc(g.label)}</text>`;
    })
    .join('');
  const bars = groups
    .map((g, r) => {
      const y = top + r * (barH + gap);
      let x = left;
      const segs = g.counts
        .map((c, i) => {
          if (c === 0) return '';
          const w = (c / g.n) * width;
          const seg = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${COLOURS[i]}"></rect>${
            w > 18
              ? `<text x="${(x + w / 2).toFixed(1)}" y="${y + 19}" text-anchor="middle" font-size="12" fill="#ffffff">${c}</text>`
              : ''
          }`;
          x += w;
          return seg;
        })
        .join('');
      return `<text x="${left - 8}" y="${y + 19}" text-anchor="end" font-size="12" fill="#0b0c0c">${esc(g.label)}</text>${segs}`;
    })
    .join('');
  const desc = groups
    .map(
      (g) =>
        `${g.label} (${g.n} authorities): ${a.grades.map((gr, i) => `${g.counts[i]} ${gr.label.toLowerCase()}`).join(', ')}.`,
    )
    .join(' ');
  const title = `Grades by group of ${a.measureName}`;
  return `<svg class="app-chart" role="img" aria-labelledby="outcomes-chart-title outcomes-chart-desc" viewBox="0 0 ${W} ${H}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg"><title id="outcomes-chart-title">${esc(title)}</title><desc id="outcomes-chart-desc">${esc(desc)}</desc>${legend}${bars}</svg>`;
}

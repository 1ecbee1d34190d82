// A report as a standalone, print-friendly HTML file (the export; the web page uses the same
// blocks through a Nunjucks template). Everything is escaped; no scripts, no external resources.
import { toBlocks } from './blocks.js';
import type { ReportDocument } from './types.js';

const esc = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const STYLE = `body{font-family:Arial,Helvetica,sans-serif;max-width:46em;margin:2em auto;line-height:1.45;color:#0b0c0c}
h1{font-size:1.8em}h2{font-size:1.35em;margin-top:1.5em}h3{font-size:1.1em}
ol.numbered{list-style:none;padding:0}ol.numbered li{display:grid;grid-template-columns:2.5em 1fr;margin:0 0 .8em}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #b1b4b6;padding:.3em .6em;text-align:left}
caption{text-align:left;font-weight:bold;margin-bottom:.3em}@media print{body{margin:0;max-width:none}}`;

export function renderReportHtml(
  doc: ReportDocument,
  opts: { status?: string | undefined } = {},
): string {
  const out: string[] = [];
  let list: 'numbered' | 'bullet' | 'plain' | null = null;
  const close = () => {
    if (list === 'numbered') out.push('</ol>');
    if (list === 'bullet') out.push('</ul>');
    list = null;
  };
  for (const b of toBlocks(doc)) {
    if (b.kind !== 'paragraph') close();
    if (b.kind === 'title') out.push(`<h1>${esc(b.text)}</h1>`);
    else if (b.kind === 'heading') out.push(`<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`);
    else if (b.kind === 'table') {
      out.push(`<table><caption>${esc(b.table.caption)}</caption><thead><tr>`);
      out.push(
        ...b.table.head.map((h) => `<th scope="col">${esc(h)}</th>`),
        '</tr></thead><tbody>',
      );
      for (const row of b.table.rows)
        out.push(
          `<tr>${row.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`,
        );
      out.push('</tbody></table>');
    } else {
      const want = b.number !== null ? 'numbered' : b.bullet ? 'bullet' : 'plain';
      if (want !== list) {
        close();
        if (want === 'numbered') out.push('<ol class="numbered">');
        if (want === 'bullet') out.push('<ul>');
        list = want;
      }
      if (b.number !== null)
        out.push(
          `<li value="${b.number}"><span>${b.number}.</span><span>${esc(b.text)}</span></li>`,
        );
      else if (b.bullet) out.push(`<li>${esc(b.text)}</li>`);
      else out.push(`<p>${esc(b.text)}</p>`);
    }
  }
  close();
  const status = opts.status ? `<p><strong>${esc(opts.status)}</strong></p>` : '';
  return `<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8"><title>${esc(doc.title)}</title><style>${STYLE}</style></head><body>${status}${out.join('\n')}</body></html>\n`;
}

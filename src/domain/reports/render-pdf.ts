// A report as PDF (pdf-lib, the standard Helvetica fonts: nothing embedded, nothing licensed).
// Text wraps to the margins; headings keep with what follows; paragraph numbers sit in a
// gutter; the grade table has ruled cells; every page has "Page n of N".
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { toBlocks } from './blocks.js';
import type { ReportDocument, ReportTable } from './types.js';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BODY = 11;
const LEADING = 1.4;
const GUTTER = 28;
const INK = rgb(0.04, 0.05, 0.05);

// Windows-1252 beyond Latin-1: what the standard fonts can show. Anything else becomes "?".
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the standard fonts can encode. */
export function pdfSafe(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const c = ch.codePointAt(0) ?? 63;
    if (ch === '\t' || ch === '\n') out += ' ';
    else if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRA.has(ch))
      out += ch;
    else out += '?';
  }
  return out;
}

export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of pdfSafe(text).split(/ +/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    // A single word wider than the line is cut where it must be.
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

class Writer {
  page!: PDFPage;
  y = 0;
  constructor(
    readonly pdf: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.newPage();
  }
  get width(): number {
    return A4[0] - 2 * MARGIN;
  }
  newPage(): void {
    this.page = this.pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  ensure(height: number): void {
    if (this.y - height < MARGIN + 20) this.newPage();
  }
  lines(lines: string[], x: number, font: PDFFont, size: number): void {
    for (const l of lines) {
      this.ensure(size * LEADING);
      this.y -= size * LEADING;
      this.page.drawText(l, { x, y: this.y + size * 0.25, size, font, color: INK });
    }
  }
}

function drawTable(w: Writer, t: ReportTable, showCaption: boolean): void {
  const cols = Math.max(1, t.head.length);
  const first = cols === 1 ? w.width : w.width * (cols === 2 ? 0.68 : 0.4);
  const widths = [first, ...Array.from({ length: cols - 1 }, () => (w.width - first) / (cols - 1))];
  const pad = 5;
  w.ensure(BODY * LEADING * 3);
  if (showCaption) {
    w.lines(wrap(t.caption, w.bold, BODY, w.width), MARGIN, w.bold, BODY);
    w.y -= 4;
  }
  for (const [r, row] of [t.head, ...t.rows].entries()) {
    const font = r === 0 ? w.bold : w.regular;
    const cells = widths.map((cw, i) => wrap(row[i] ?? '', font, BODY - 1, cw - 2 * pad));
    const height = Math.max(...cells.map((c) => c.length)) * (BODY - 1) * LEADING + 2 * pad;
    w.ensure(height);
    let x = MARGIN;
    for (const [i, cw] of widths.entries()) {
      w.page.drawRectangle({
        x,
        y: w.y - height,
        width: cw,
        height,
        borderColor: rgb(0.69, 0.71, 0.71),
        borderWidth: 0.75,
        ...(r === 0 ? { color: rgb(0.95, 0.95, 0.95) } : {}),
      });
      (cells[i] ?? []).forEach((line, k) =>
        w.page.drawText(line, {
          x: x + pad,
          y: w.y - pad - (k + 1) * (BODY - 1) * LEADING + (BODY - 1) * 0.3,
          size: BODY - 1,
          font,
          color: INK,
        }),
      );
      x += cw;
    }
    w.y -= height;
  }
  w.y -= BODY;
}

export async function renderReportPdf(
  doc: ReportDocument,
  opts: { status?: string | undefined } = {},
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(pdfSafe(doc.title));
  pdf.setCreator('Triangulate');
  pdf.setProducer('Triangulate (pdf-lib)');
  const w = new Writer(
    pdf,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
  );
  if (opts.status) {
    w.lines(wrap(opts.status, w.bold, BODY, w.width), MARGIN, w.bold, BODY);
    w.y -= BODY;
  }
  for (const b of toBlocks(doc)) {
    if (b.kind === 'title' || b.kind === 'heading') {
      const size = b.kind === 'title' ? 20 : b.level === 1 ? 15 : 13;
      const lines = wrap(b.text, w.bold, size, w.width);
      // Keep a heading with at least two lines of what follows.
      w.ensure(lines.length * size * LEADING + BODY * LEADING * 3);
      w.y -= b.kind === 'title' ? 0 : size * 0.6;
      w.lines(lines, MARGIN, w.bold, size);
      w.y -= size * 0.4;
    } else if (b.kind === 'table') drawTable(w, b.table, b.showCaption);
    else {
      const indent = b.number !== null ? GUTTER : b.bullet ? 22 : 0;
      const lines = wrap(b.text, w.regular, BODY, w.width - indent);
      w.ensure(BODY * LEADING);
      const top = w.y;
      const page = w.page;
      w.lines(lines, MARGIN + indent, w.regular, BODY);
      const marker = b.number !== null ? `${b.number}.` : b.bullet ? '•' : null;
      if (marker)
        page.drawText(marker, {
          x: MARGIN + (b.bullet ? 8 : 0),
          y: top - BODY * LEADING + BODY * 0.25,
          size: BODY,
          font: w.regular,
          color: INK,
        });
      w.y -= BODY * 0.6;
    }
  }
  const pages = pdf.getPages();
  pages.forEach((p, i) => {
    const label = `Page ${i + 1} of ${pages.length}`;
    p.drawText(label, {
      x: A4[0] - MARGIN - w.regular.widthOfTextAtSize(label, 9),
      y: MARGIN / 2,
      size: 9,
      font: w.regular,
      color: rgb(0.31, 0.33, 0.34),
    });
  });
  return pdf.save();
}

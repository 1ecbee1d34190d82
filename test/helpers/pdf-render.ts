// Renders PDFs to PNG in Chromium with pdf.js and measures where the ink falls, so the browser
// tests can check a report's layout (not blank, nothing in the margin, page numbers present).
import { createServer, type Server } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { projectRoot } from '../../src/paths.js';

export interface Rendered {
  numPages: number;
  pages: {
    png: string;
    total: number;
    heading: number;
    gutter: number;
    margin: number;
    footer: number;
    text: string;
  }[];
}

/** A local server for the PDFs (by name) and pdf.js itself; `close` stops it. */
export async function servePdfs(
  files: Record<string, () => Uint8Array | null>,
): Promise<{ base: string; close: () => Promise<void> }> {
  const pdfjs = path.join(projectRoot(), 'node_modules', 'pdfjs-dist', 'build');
  const server: Server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0] ?? '/';
    const send = (type: string, body: Uint8Array | string) => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    const pdf = files[name.slice(1)];
    if (pdf) return send('application/pdf', pdf() ?? new Uint8Array());
    if (name === '/pdf.mjs' || name === '/pdf.worker.mjs')
      return send('text/javascript', readFileSync(path.join(pdfjs, name.slice(1))));
    if (name === '/') return send('text/html', '<!doctype html><title>pdf</title><body></body>');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Renders every page of `file` (served from `base`) in a fresh browser context. */
export async function renderPdf(browser: Browser, base: string, file: string): Promise<Rendered> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    // A plain string, so the test runner's module transform never touches the dynamic import.
    const result = (await page.evaluate(RENDER_PAGES.replace('FILE', file))) as Rendered;
    // REPORT_PNG_DIR=folder keeps the page images for a person to look at.
    const keep = process.env.REPORT_PNG_DIR;
    if (keep)
      result.pages.forEach((p, i) =>
        writeFileSync(
          path.join(keep, `${file.replace('.pdf', '')}-${i + 1}.png`),
          Buffer.from(p.png.split(',')[1] ?? '', 'base64'),
        ),
      );
    return result;
  } finally {
    await context.close();
  }
}

/** In the page: pdf.js renders each page to a canvas (PNG) and counts dark pixels per region. */
const RENDER_PAGES = `(async () => {
  const pdfjs = await import(location.origin + '/pdf.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = location.origin + '/pdf.worker.mjs';
  const doc = await pdfjs.getDocument(location.origin + '/FILE').promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const p = await doc.getPage(n);
    const viewport = p.getViewport({ scale: 1 });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await p.render({ canvasContext: ctx, viewport, canvas }).promise;
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const ink = (x0, y0, x1, y1) => {
      let dark = 0;
      for (let y = Math.floor(y0); y < y1; y++)
        for (let x = Math.floor(x0); x < x1; x++) {
          const i = (y * width + x) * 4;
          if (data[i] < 128 && data[i + 1] < 128) dark += 1;
        }
      return dark;
    };
    const text = (await p.getTextContent()).items.map((i) => i.str || '').join(' ');
    pages.push({
      png: canvas.toDataURL('image/png'),
      total: ink(0, 0, width, height),
      heading: ink(50, 50, width - 50, 110),
      gutter: ink(50, 110, 80, height - 60),
      margin: ink(0, 0, 40, height),
      footer: ink(width - 150, height - 40, width - 50, height - 15),
      text,
    });
  }
  return { numPages: doc.numPages, pages };
})()`;

/** Every page: not blank, nothing printed into the left margin, "Page n of N" in the footer. */
export function checkPages(result: Rendered): void {
  for (const [i, p] of result.pages.entries()) {
    // The last page may carry only a few closing lines; any other page is full.
    const least = i === result.pages.length - 1 ? 1000 : 2000;
    expect(p.total, `page ${i + 1} is blank`).toBeGreaterThan(least);
    expect(p.margin, `page ${i + 1} prints into the left margin`).toBe(0);
    expect(p.footer, `page ${i + 1} has no page number`).toBeGreaterThan(20);
    expect(p.text).toContain(`Page ${i + 1} of ${result.numPages}`);
    expect(p.png.startsWith('data:image/png;base64,')).toBe(true);
  }
}

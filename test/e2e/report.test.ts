// Reports in a real browser: the lead assembles and edits the draft, moves the inspection to
// quality assurance and releases the draft; the LA's user comments; the team responds; the lead
// publishes; the LA reads the published report. axe-core runs on every page. The PDF is rendered
// to PNG by pdf.js in Chromium and its pages are checked for layout.
import { createServer, type Server } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../src/domain/reports/render-pdf.js';
import { projectRoot } from '../../src/paths.js';
import { DEMO_USERS } from '../../src/usecases/demo/demo-content.js';
import { axeViolations, launchChromium, startServer, type RunningServer } from '../helpers/e2e.js';
import { sampleReport } from '../helpers/report-sample.js';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const email = (key: string): string => DEMO_USERS.find((u) => u.key === key)?.email ?? key;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function signedIn(key: string): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.fill('#email', email(key));
  await page.fill('#password', server.password);
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  return page;
}

async function noAxe(page: Page): Promise<void> {
  expect(await axeViolations(page), page.url()).toEqual([]);
}

async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button }).click()]);
}

let activityUrl = '';
let pdfBytes: Buffer | null = null;

describe('report workflow', () => {
  it('lead drafts and edits the report; versions are listed and compared', async () => {
    const lead = await signedIn('lead');
    await lead.goto(`${server.url}/home`);
    activityUrl =
      (await lead.locator('a', { hasText: 'Standard inspection' }).first().getAttribute('href')) ??
      '';
    await lead.goto(`${server.url}${activityUrl}`);
    await Promise.all([
      lead.waitForNavigation(),
      lead.getByRole('link', { name: /^Report/ }).click(),
    ]);
    expect(await lead.locator('h1').innerText()).toBe('Report');
    await noAxe(lead);
    await submit(lead, 'Assemble the draft');
    expect(await lead.locator('.govuk-notification-banner').innerText()).toContain('assembled');
    await noAxe(lead);

    await lead.goto(`${server.url}${activityUrl}/report/sections/summary`);
    await noAxe(lead);
    await lead.fill(
      '#text',
      'Services for children in Northfield require improvement to be good.\n\nLeaders ensure that all children are kept safe.',
    );
    await submit(lead, 'Save as a new version');
    expect(await lead.locator('.govuk-notification-banner').innerText()).toContain('new version');
    // The language checks show beside the section.
    await lead.goto(`${server.url}${activityUrl}/report/sections/summary`);
    expect(await lead.locator('.govuk-grid-column-one-third').innerText()).toMatch(
      /ensure|kept safe/i,
    );
    await lead.fill(
      '#text',
      'Services for children in Northfield require improvement to be good.\n\nLeaders know their services well.',
    );
    await submit(lead, 'Save as a new version');

    await lead.goto(`${server.url}${activityUrl}/report/sections/what_needs_to_improve`);
    await lead.fill(
      '#text',
      'The timeliness of strategy discussions\nPathway plans for care leavers',
    );
    await submit(lead, 'Save as a new version');

    await lead.goto(`${server.url}${activityUrl}/report/versions`);
    expect(await lead.locator('tbody tr').count()).toBe(4);
    await noAxe(lead);
    await lead.goto(`${server.url}${activityUrl}/report/versions/3?compare=2`);
    expect(await lead.locator('ins').first().innerText()).toContain(
      'Leaders know their services well.',
    );
    await noAxe(lead);
  });

  it('lead moves the inspection to quality assurance and releases the draft', async () => {
    const lead = await signedIn('lead');
    for (const state of ['Analysis', 'Drafting', 'Quality assurance']) {
      await lead.goto(`${server.url}${activityUrl}`);
      await lead.getByLabel(state, { exact: true }).check();
      await submit(lead, 'Change state');
    }
    await lead.goto(`${server.url}${activityUrl}/report/release`);
    await noAxe(lead);
    await submit(lead, 'Release version 4');
    expect(await lead.locator('h1').innerText()).toBe('Factual accuracy check');
    await noAxe(lead);
  });

  it('the LA user comments on the released draft and sees the deadline', async () => {
    const la = await signedIn('la');
    await la.goto(`${server.url}${activityUrl}`);
    await Promise.all([
      la.waitForNavigation(),
      la.getByRole('link', { name: /factual accuracy check/ }).click(),
    ]);
    expect(await la.locator('.govuk-inset-text').innerText()).toMatch(
      /Comments close at the end of \d+ \w+ \d{4}/,
    );
    await noAxe(la);
    // An empty comment is refused with an error summary that links to the field.
    await la.selectOption('#sectionKey', 'what_needs_to_improve');
    await submit(la, 'Send comment');
    expect(await la.locator('.govuk-error-summary').innerText()).toContain('Enter your comment');
    await noAxe(la);
    await la.selectOption('#sectionKey', 'what_needs_to_improve');
    await la.fill('#paragraph', '2');
    await la.fill('#text', 'Pathway plans were all reviewed in January.');
    await submit(la, 'Send comment');
    expect(await la.locator('.govuk-notification-banner').innerText()).toContain('sent');
    expect(await la.locator('#comments ~ .govuk-summary-list').first().innerText()).toContain(
      'Not answered yet',
    );
    await noAxe(la);
  });

  it('the team responds and the lead publishes', async () => {
    const lead = await signedIn('lead');
    await lead.goto(`${server.url}${activityUrl}/report/publish`);
    expect(await lead.locator('.govuk-warning-text').innerText()).toContain(
      '1 factual accuracy comment(s) have no response',
    );
    await noAxe(lead);
    await lead.goto(`${server.url}${activityUrl}/report/factual-accuracy`);
    await Promise.all([
      lead.waitForNavigation(),
      lead.getByRole('link', { name: 'Respond to this comment' }).click(),
    ]);
    await noAxe(lead);
    await lead.getByLabel('Accepted: the report changes').check();
    await lead.fill(
      '#sectionText',
      'The timeliness of strategy discussions\nPathway plans for care leavers, which were reviewed in January but do not yet reflect young people’s views',
    );
    await submit(lead, 'Record the response');
    expect(await lead.locator('.govuk-notification-banner').innerText()).toContain(
      'response has been recorded',
    );
    await lead.goto(`${server.url}${activityUrl}/report/publish`);
    await noAxe(lead);
    await submit(lead, 'Publish version 5');
    expect(await lead.locator('h1').innerText()).toContain('Inspection of Northfield');
    await noAxe(lead);
  });

  it('the LA user reads the published report and its response', async () => {
    const la = await signedIn('la');
    await la.goto(`${server.url}${activityUrl}`);
    await Promise.all([
      la.waitForNavigation(),
      la.getByRole('link', { name: 'Published report' }).click(),
    ]);
    expect(await la.locator('.app-report').innerText()).toContain(
      'do not yet reflect young people’s views',
    );
    await noAxe(la);
    await la.goto(`${server.url}${activityUrl}/report/factual-accuracy`);
    expect(await la.locator('.govuk-tag').first().innerText()).toMatch(/accepted/i);
    await noAxe(la);
    const res = await la
      .context()
      .request.get(`${server.url}${activityUrl}/report/export?format=pdf`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    pdfBytes = await res.body();
  });
});

describe('the PDF, rendered', () => {
  let files: Server;
  let base = '';

  let longPdf: Uint8Array;

  beforeAll(async () => {
    longPdf = await renderReportPdf(sampleReport());
    const pdfjs = path.join(projectRoot(), 'node_modules', 'pdfjs-dist', 'build');
    files = createServer((req, res) => {
      const name = (req.url ?? '/').split('?')[0];
      const send = (type: string, body: Buffer | string) => {
        res.writeHead(200, { 'content-type': type });
        res.end(body);
      };
      if (name === '/report.pdf') return send('application/pdf', pdfBytes ?? Buffer.alloc(0));
      if (name === '/long.pdf') return send('application/pdf', Buffer.from(longPdf));
      if (name === '/pdf.mjs' || name === '/pdf.worker.mjs')
        return send('text/javascript', readFileSync(path.join(pdfjs, name.slice(1))));
      if (name === '/') return send('text/html', '<!doctype html><title>pdf</title><body></body>');
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    const address = files.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => new Promise<void>((resolve) => files?.close(() => resolve())));

  async function render(file: string): Promise<Rendered> {
    const context = await browser.newContext();
    contexts.push(context);
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
  }

  it('renders the published report to PNG: not blank, title at the top, numbers in the gutter', async () => {
    expect(pdfBytes).not.toBeNull();
    const result = await render('report.pdf');
    expect(result.numPages).toBeGreaterThanOrEqual(1);
    checkPages(result);
    expect(result.pages[0]?.heading).toBeGreaterThan(500);
    expect(result.pages[0]?.text).toContain('Inspection of Northfield');
    // The draft takes the demo's judgements: the grade table shows their grades.
    expect(result.pages[0]?.text).toContain('Requires improvement to be good');
    expect(result.pages.some((p) => p.gutter > 20)).toBe(true);
  });

  it('lays a long report over several pages, each with its page number', async () => {
    const result = await render('long.pdf');
    expect(result.numPages).toBeGreaterThanOrEqual(4);
    checkPages(result);
    expect(result.pages.filter((p) => p.gutter > 50).length).toBeGreaterThanOrEqual(3);
  });
});

interface Rendered {
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

function checkPages(result: Rendered): void {
  for (const [i, p] of result.pages.entries()) {
    expect(p.total, `page ${i + 1} is blank`).toBeGreaterThan(2000);
    expect(p.margin, `page ${i + 1} prints into the left margin`).toBe(0);
    expect(p.footer, `page ${i + 1} has no page number`).toBeGreaterThan(20);
    expect(p.text).toContain(`Page ${i + 1} of ${result.numPages}`);
    expect(p.png.startsWith('data:image/png;base64,')).toBe(true);
  }
}

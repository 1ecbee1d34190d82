// Attaching a file to an evidence record and downloading it, in a real browser as the demo lead
// inspector: the GOV.UK file upload form (a plain multipart form), a refused file shown in the
// error summary, the record's files table, and the download itself. axe-core and the layout
// check (1280 and 768 px) run on every page. Needs a build and Chromium at /usr/bin/chromium.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/e2e.js';
import { E2eRun, submit } from '../helpers/e2e-run.js';

let run: E2eRun;
let page: Page;
const violations: string[] = [];
const check = async () => violations.push(...(await axeViolations(page)));

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

beforeAll(async () => {
  run = await E2eRun.start();
  page = await run.signedIn('lead', { acceptDownloads: true });
}, 120_000);
afterAll(async () => run?.stop());

describe('attachments in the browser', () => {
  it('attaches a file to evidence, refuses a wrong one clearly, and downloads it', async () => {
    const activity = await run.demoActivityPath(page);
    await page.goto(run.url(`${activity}/evidence`));
    const first = page.locator('a[href*="/evidence/"]', { hasText: /^E\d+/ }).first();
    await Promise.all([page.waitForNavigation(), first.click()]);
    await check();
    expect(await page.locator('#attachments').innerText()).toBe('Files');

    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: /^Attach a file/ }).click(),
    ]);
    await check();
    expect(await page.locator('h1').innerText()).toMatch(/^Attach a file to E\d+$/);

    // A program is refused, naming the file and why, in GOV.UK's error summary.
    await page.setInputFiles('#file', {
      name: 'setup.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]),
    });
    await submit(page, 'Attach the file');
    await check();
    expect(await page.locator('.govuk-error-summary').innerText()).toContain(
      'setup.exe: its content is not one of the accepted types',
    );

    await page.setInputFiles('#file', {
      name: 'strategy minutes.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await submit(page, 'Attach the file');
    await check();
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
      'The file has been attached',
    );
    const row = page.locator('#attachments ~ .app-table-wrap tr', {
      hasText: 'strategy minutes.pdf',
    });
    expect(await row.innerText()).toContain('Not scanned');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: 'strategy minutes.pdf', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('strategy minutes.pdf');
    const saved = await download.path();
    expect(readFileSync(saved).equals(PDF)).toBe(true);

    // Removing asks first (a confirmation page), then the file is gone.
    await Promise.all([
      page.waitForNavigation(),
      row.getByRole('link', { name: /^Remove/ }).click(),
    ]);
    await check();
    expect(await page.locator('h1').innerText()).toBe('Remove strategy minutes.pdf');
    await page.fill('#reason', 'A newer version was attached');
    await submit(page, 'Remove the file');
    await check();
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
      'The file has been removed',
    );
    expect(violations).toEqual([]);
  }, 180_000);
});

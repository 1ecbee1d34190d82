// The Annex A page in a real browser: the analyst uploads a synthetic workbook without JavaScript
// (the page returns with the report) and with it (a progress bar, then the report), and axe-core
// checks each page. Needs a build and Chromium at /usr/bin/chromium.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annexAToXlsx, generateAnnexA } from '../../src/synthetic/annex-a.js';
import { axeViolations } from '../helpers/e2e.js';
import { E2eRun, submit } from '../helpers/e2e-run.js';

let run: E2eRun;
let dir: string;

beforeAll(async () => {
  run = await E2eRun.start();
  dir = mkdtempSync(path.join(tmpdir(), 'tri-e2e-annexa-'));
  writeFileSync(
    path.join(dir, 'annex-a.xlsx'),
    annexAToXlsx(generateAnnexA({ rows: 400, seed: 31 })),
  );
  writeFileSync(
    path.join(dir, 'annex-a-v2.xlsx'),
    annexAToXlsx(generateAnnexA({ rows: 400, seed: 32, errorRate: 0.05 })),
  );
});

afterAll(async () => {
  await run?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function annexAPath(page: Page): Promise<string> {
  return `${await run.demoActivityPath(page)}/annex-a`;
}

describe('Annex A page', () => {
  it('uploads without JavaScript, then with a progress bar; every page passes axe', async () => {
    // Without JavaScript: a plain form post returns the page with the report.
    const plain = await run.signedIn('analyst', { javaScriptEnabled: false });
    const url = await annexAPath(plain);
    await plain.goto(run.url(url));
    expect(await plain.locator('h1').innerText()).toBe('Annex A');
    await plain.setInputFiles('#file', path.join(dir, 'annex-a.xlsx'));
    await plain.getByLabel('Import rows with errors, flagged').check();
    await submit(plain, 'Upload and check');
    // The demo already has a small Annex A (its case sample is drawn from it).
    expect(await plain.locator('.govuk-notification-banner').innerText()).toContain(
      'The file replaced the previous Annex A',
    );
    expect(await plain.locator('table').first().innerText()).toContain('List 8: Children in care');

    // With JavaScript (axe runs here): the page, an empty submission, then a background upload
    // with a progress bar that ends on the report.
    const js = await run.signedIn('lead');
    await js.goto(run.url(url));
    expect(await js.locator('table').first().innerText()).toContain('List 8: Children in care');
    expect(await axeViolations(js)).toEqual([]);
    await submit(js, 'Upload and check');
    expect(await js.locator('.govuk-error-summary').innerText()).toContain(
      'Select an Annex A file',
    );
    expect(await axeViolations(js)).toEqual([]);
    await js.setInputFiles('#file', path.join(dir, 'annex-a-v2.xlsx'));
    await Promise.all([
      js.waitForURL(/annex-a\?job=/, { timeout: 60_000 }),
      js.getByRole('button', { name: 'Upload and check' }).click(),
    ]);
    // Errors and not accepted: the report says what to fix and nothing was imported.
    expect(await js.locator('.govuk-warning-text').innerText()).toContain('was not imported');
    expect(await js.locator('#problems').count()).toBe(1);
    expect(await axeViolations(js)).toEqual([]);
  }, 180_000);
});

// The Annex A data profile in a real browser: the analyst uploads a synthetic workbook, the lead
// opens the profile (charts, benchmarks, candidates), accepts a candidate as a line of enquiry,
// and tries to dismiss another without a reason; axe-core checks every page with no exceptions.
// Needs a build and Chromium at /usr/bin/chromium.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annexAToXlsx, generateAnnexA } from '../../src/synthetic/annex-a.js';
import { axeViolations } from '../helpers/e2e.js';
import { E2eRun, submit } from '../helpers/e2e-run.js';

let run: E2eRun;
let dir: string;

beforeAll(async () => {
  run = await E2eRun.start();
  dir = mkdtempSync(path.join(tmpdir(), 'tri-e2e-profile-'));
  writeFileSync(
    path.join(dir, 'annex-a.xlsx'),
    annexAToXlsx(generateAnnexA({ rows: 1500, seed: 41 })),
  );
});

afterAll(async () => {
  await run?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('Annex A data profile page', () => {
  it('shows the profile, accepts a candidate and refuses a dismissal without reason; axe passes', async () => {
    const analyst = await run.signedIn('analyst', { javaScriptEnabled: false });
    const activity = await run.demoActivityPath(analyst);
    await analyst.goto(run.url(`${activity}/annex-a`));
    await analyst.setInputFiles('#file', path.join(dir, 'annex-a.xlsx'));
    await analyst.getByLabel('Import rows with errors, flagged').check();
    await submit(analyst, 'Upload and check');

    const lead = await run.signedIn('lead');
    await lead.goto(run.url(`${activity}/annex-a`));
    await Promise.all([
      lead.waitForNavigation(),
      lead.getByRole('link', { name: /Data profile/ }).click(),
    ]);
    expect(await lead.locator('h1').innerText()).toBe('Annex A data profile');
    expect(await lead.locator('svg[role="img"]').count()).toBeGreaterThan(3);
    expect(await lead.locator('#benchmarks').count()).toBe(1);
    expect(await axeViolations(lead)).toEqual([]);

    // Accept the first candidate with the lead's own wording.
    const first = lead.locator('.app-candidate').first();
    // Each candidate's decision forms are folded (GOV.UK details).
    await first.locator('summary').click();
    await first.getByLabel(/Line of enquiry/).fill('Why do so many children come back?');
    await Promise.all([
      lead.waitForNavigation(),
      first.getByRole('button', { name: 'Accept as a line of enquiry' }).click(),
    ]);
    expect(await lead.locator('.govuk-notification-banner').innerText()).toContain(
      'now a line of enquiry',
    );
    expect(await lead.locator('.app-candidate').first().innerText()).toContain(
      'Why do so many children come back?',
    );
    expect(await axeViolations(lead)).toEqual([]);

    // Dismiss the next one without a reason: an error summary that links to the field.
    const next = lead.locator('.app-candidate', { has: lead.getByText('Or dismiss it: why?') });
    await next.first().locator('summary').click();
    await Promise.all([
      lead.waitForNavigation(),
      next.first().getByRole('button', { name: 'Dismiss' }).click(),
    ]);
    expect(await lead.locator('.govuk-error-summary').innerText()).toContain(
      'Enter why the candidate is dismissed',
    );
    expect(await axeViolations(lead)).toEqual([]);
  }, 240_000);
});

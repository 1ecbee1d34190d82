// The Annex A data profile in a real browser: the analyst uploads a synthetic workbook, the lead
// opens the profile (charts, benchmarks, candidates), accepts a candidate as a line of enquiry,
// and tries to dismiss another without a reason; axe-core checks every page with no exceptions.
// Needs a build and Chromium at /usr/bin/chromium.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annexAToXlsx, generateAnnexA } from '../../src/domain/annex-a/generator.js';
import { DEMO_USERS } from '../../src/usecases/demo/demo-content.js';
import { axeViolations, launchChromium, startServer, type RunningServer } from '../helpers/e2e.js';

let server: RunningServer;
let browser: Browser;
let dir: string;
const contexts: BrowserContext[] = [];
const email = (key: string): string => DEMO_USERS.find((u) => u.key === key)?.email ?? key;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  dir = mkdtempSync(path.join(tmpdir(), 'tri-e2e-profile-'));
  writeFileSync(
    path.join(dir, 'annex-a.xlsx'),
    annexAToXlsx(generateAnnexA({ rows: 1500, seed: 41 })),
  );
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function newPage(javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled });
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, key: string): Promise<void> {
  await page.goto(`${server.url}/sign-in`);
  await page.fill('#email', email(key));
  await page.fill('#password', server.password);
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

describe('Annex A data profile page', () => {
  it('shows the profile, accepts a candidate and refuses a dismissal without reason; axe passes', async () => {
    const analyst = await newPage(false);
    await signIn(analyst, 'analyst');
    await analyst.goto(`${server.url}/home`);
    const activity = await analyst
      .locator('a', { hasText: 'Standard inspection' })
      .first()
      .getAttribute('href');
    await analyst.goto(`${server.url}${activity}/annex-a`);
    await analyst.setInputFiles('#file', path.join(dir, 'annex-a.xlsx'));
    await analyst.getByLabel('Import rows with errors, flagged').check();
    await Promise.all([
      analyst.waitForNavigation(),
      analyst.getByRole('button', { name: 'Upload and check' }).click(),
    ]);

    const lead = await newPage(true);
    await signIn(lead, 'lead');
    await lead.goto(`${server.url}${activity}/annex-a`);
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

// The evidence and analysis pages in a real browser, as the demo lead inspector: capture a
// record, run a search and a coding query, open a matrix cell, be refused closing the demo
// hypothesis, review its challenging evidence, close it, and download the QDPX project. axe-core
// checks every page visited, with no exceptions. Needs a build and Chromium at /usr/bin/chromium.
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/demo/demo-content.js';
import { axeViolations, launchChromium, startServer, type RunningServer } from '../helpers/e2e.js';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  context = await browser.newContext({ bypassCSP: true, acceptDownloads: true });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

/** Checks the page with axe; violations are collected and asserted at the end of each step. */
async function axe(): Promise<void> {
  violations.push(...(await axeViolations(page)));
}

async function go(action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForNavigation(), action()]);
  await axe();
}

describe('evidence and analysis in the browser', () => {
  it('captures evidence, searches, queries, opens a matrix cell, closes a hypothesis, exports', async () => {
    const lead = DEMO_USERS.find((u) => u.key === 'lead')!;
    await page.goto(`${server.url}/sign-in`);
    await page.fill('#email', lead.email);
    await page.fill('#password', server.password);
    await go(() => page.getByRole('button', { name: 'Sign in' }).click());
    await go(() =>
      page.locator('a', { hasText: 'Standard inspection Northfield' }).first().click(),
    );
    const activityUrl = page.url();
    await go(() =>
      page.locator('#evidence-and-analysis + ul a', { hasText: 'Evidence' }).first().click(),
    );
    expect(await page.locator('h1').innerText()).toBe('Evidence');

    // Capture.
    await go(() => page.getByRole('button', { name: 'Record evidence' }).click());
    await page.fill(
      '#text',
      'Supervision records show reflective discussion about drift in plans.',
    );
    await page.selectOption('#method', 'case_file_reading');
    await page.check('input[name="judgementAreas"][value="help_and_protection"]');
    await page.check('input[name="direction"][value="strength"]');
    // The child's case is picked from the sample (the first sampled case offered).
    await page.selectOption('#caseRef', { index: 1 });
    await go(() => page.getByRole('button', { name: 'Record evidence' }).click());
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
      'The evidence has been recorded',
    );
    expect(await page.locator('h1').innerText()).toMatch(/^E\d+: Case file reading$/);

    // A validation error, shown by the server without JavaScript help.
    await page.goto(`${activityUrl}/evidence/new`);
    await go(() => page.getByRole('button', { name: 'Record evidence' }).click());
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the evidence');

    // Search.
    await page.goto(`${activityUrl}/analysis/search`);
    await axe();
    await page.fill('#q', 'drift*');
    await go(() => page.getByRole('button', { name: 'Search' }).click());
    expect(await page.locator('#results').innerText()).toMatch(/\d+ records found/);
    expect(await page.locator('mark').count()).toBeGreaterThan(0);

    // Coding query.
    await page.goto(`${activityUrl}/analysis/coding-query`);
    await axe();
    const code = await page
      .locator('#c1 option')
      .evaluateAll(
        (opts) => (opts as HTMLOptionElement[]).find((o) => /\([1-9]\d*\)$/.test(o.text))?.value,
      );
    expect(code).toBeTruthy();
    await page.selectOption('#c1', code!);
    await go(() => page.getByRole('button', { name: 'Run the query' }).click());
    expect(await page.locator('#results').innerText()).toMatch(/\d+ passages? in \d+ records?/);
    expect(await page.getByRole('link', { name: 'CSV', exact: true }).count()).toBe(1);

    // Matrix and one of its cells.
    await page.goto(`${activityUrl}/analysis/matrix`);
    await axe();
    await go(() => page.locator('table.app-matrix td a').first().click());
    expect(await page.locator('.app-passage').count()).toBeGreaterThan(0);
    for (const p of ['co-occurrence', 'balance', 'vignettes', 'meetings']) {
      await page.goto(`${activityUrl}/analysis/${p}`);
      await axe();
    }

    // The hypothesis: refused, reviewed, closed.
    await page.goto(`${activityUrl}/enquiries`);
    await axe();
    await go(() => page.locator('a', { hasText: 'plans are reviewed when risks change' }).click());
    await page.check('input[name="status"][value="closed"]');
    await page.fill('#conclusion', 'Plans are reviewed when risks change.');
    await go(() => page.getByRole('button', { name: 'Change the status' }).click());
    expect(await page.locator('.govuk-error-summary').innerText()).toMatch(/not yet reviewed/);
    // Recording one item as "It challenges it" brings the page back with every checkbox where it
    // was in the window (issue 12: they moved under the pointer).
    const boxes = page.locator('input[name="items"]');
    const tops = () =>
      boxes.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    await boxes.nth(2).check();
    await page.check('input[name="outcome"][value="challenges"]');
    await page.fill('#note', 'This plan drifted for four months after the risk rose.');
    const button = page.getByRole('button', { name: 'Record the review' });
    await button.scrollIntoViewIfNeeded();
    const before = await tops();
    await go(() => button.click());
    expect(await page.locator('.govuk-notification-banner').count()).toBe(1);
    await page.waitForSelector('html[data-place-kept="challenges"]');
    expect(await tops()).toEqual(before);
    for (const box of await boxes.all()) await box.check();
    await page.check('input[name="outcome"][value="challenges"]');
    await page.fill('#note', 'Two plans drifted: the claim holds only at the front door.');
    await go(() => page.getByRole('button', { name: 'Record the review' }).click());
    expect(await page.locator('#challenges + p').innerText()).toContain('0 still to look at');
    await page.check('input[name="status"][value="closed"]');
    await page.fill('#conclusion', 'Not supported: plans drift when risks increase.');
    await go(() => page.getByRole('button', { name: 'Change the status' }).click());
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
      'The status has been changed',
    );
    expect(await page.locator('.govuk-summary-list').first().innerText()).toContain('Closed');

    // Export the project.
    await page.goto(`${activityUrl}/refi`);
    await axe();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a', { hasText: 'as a project (.qdpx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.qdpx$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(Object.keys(unzipSync(new Uint8Array(bytes)))).toContain('project.qde');

    expect(violations).toEqual([]);
  }, 240_000);
});

// Inspectors and capacity in a real browser: a regional user reads the region's load by week,
// opens an inspector with a flagged week, records leave (a problem first) and sees it in the load;
// the inspector sees their own page without the forms. axe-core and the layout check at 1280 and
// 768 px on every page (axeViolations).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/e2e.js';
import { E2eRun, submit } from '../helpers/e2e-run.js';

let run: E2eRun;
beforeAll(async () => {
  run = await E2eRun.start();
});
afterAll(async () => {
  await run?.stop();
});

describe('inspectors and capacity', () => {
  it('a regional user reads the load, opens an inspector and records leave', async () => {
    const page = await run.signedIn('regional');
    await page.goto(run.url('/inspectors'));
    expect(await page.locator('h1').innerText()).toBe('Inspectors in North West');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(run.url('/inspectors/load?weeks=12'));
    expect(await page.locator('h1').innerText()).toBe('Inspectors’ load');
    expect(await page.getByText('Over', { exact: true }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: 'Tom Achebe (HMI)' }).click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('Tom Achebe (HMI)');
    expect(await page.getByText('Work planned during leave').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    // A problem first: no dates.
    await submit(page, 'Record the leave or training');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the first day');
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#startsOn-day', '8');
    await page.fill('#startsOn-month', '3');
    await page.fill('#startsOn-year', '2027');
    await page.fill('#endsOn-day', '12');
    await page.fill('#endsOn-month', '3');
    await page.fill('#endsOn-year', '2027');
    await submit(page, 'Record the leave or training');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('recorded');
    expect(await page.getByText('8 March 2027').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the inspector sees their own page, read-only; an LA user sees nothing', async () => {
    const page = await run.signedIn('inspector');
    await page.goto(run.url('/inspectors/load'));
    expect(await page.locator('h1').innerText()).not.toBe('Inspectors’ load');
    const la = await run.signedIn('la');
    const res = await la.goto(run.url('/inspectors'));
    expect(res?.status()).toBe(404);
  });
});

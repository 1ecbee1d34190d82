// The review's tables in a real browser: a national user reads the tables from the published
// history for 2018, chooses years from April, and downloads a table; a regional user reads them
// from Triangulate's activities. axe-core (WCAG 2.2 AA) on every page.
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

describe('the 2019 review’s tables', () => {
  it('a national user reads them from the history, by year, with charts and downloads', async () => {
    const page = await run.signedIn('national');
    await page.goto(run.url('/las'));
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: /The 2019 review’s tables/ }).click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('The 2019 review’s tables from real data');
    expect(await axeViolations(page)).toEqual([]);
    await page.selectOption('#year', '2018');
    await submit(page, 'Show');
    expect(new URL(page.url()).searchParams.get('year')).toBe('2018');
    const t1 = page.getByRole('table', { name: /Table 1/ });
    expect(await t1.innerText()).toMatch(/Standard inspection\s+26\s+26/);
    expect(await page.locator('svg.app-chart').count()).toBeGreaterThan(1);
    expect(await page.locator('main').innerText()).toContain(
      'Not computed: the data holds no area SEND inspection dates.',
    );
    expect(await axeViolations(page)).toEqual([]);
    const csv = await page.evaluate(async () => {
      const r = await fetch('/history/review-tables/download?table=table1&year=2018');
      return { type: r.headers.get('content-type'), text: await r.text() };
    });
    expect(csv.type).toMatch(/text\/csv/);
    expect(csv.text).toContain('2018,Short inspection,8,8');

    await page.selectOption('#yearStartMonth', '4');
    await page.selectOption('#year', '');
    await submit(page, 'Show');
    expect(await page.getByRole('table', { name: /Table 7/ }).innerText()).toMatch(/2024-25/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a regional user reads them from Triangulate’s activities', async () => {
    const page = await run.signedIn('regional');
    await page.goto(run.url('/history/review-tables'));
    await page.check('input[name="source"][value="app"]');
    await submit(page, 'Show');
    expect(await page.locator('main').innerText()).toContain('Showing: Triangulate’s activities');
    expect(await axeViolations(page)).toEqual([]);
  });
});

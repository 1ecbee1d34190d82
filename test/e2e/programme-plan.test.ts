// The programme in a real browser: a regional user opens the region's programme (the demo has
// published version 1), solves it (the demo roster of North West; a 60 s limit, an upper bound that
// a busy machine needs, since the solve ends once its plan is proved the best) and follows the
// solve's progress to the plan, pins a placement (solving again), compares the two runs and
// publishes the second as version 2; an LA user then sees neither the programme nor any planned
// activity, on the LA's page or its timeline. axe-core and the layout check at 1280 and 768 px on
// every page (axeViolations).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../helpers/e2e.js';
import { E2eRun, submit } from '../helpers/e2e-run.js';

let run: E2eRun;
beforeAll(async () => {
  run = await E2eRun.start();
});
afterAll(async () => {
  await run?.stop();
});

/** The solve's page follows the job and opens the plan when it ends (a failure says why). */
async function followSolve(page: Page, previous: string | null): Promise<string> {
  expect(await page.locator('h1').innerText()).toBe('Solving the programme');
  for (let i = 0; i < 300; i++) {
    const path = new URL(page.url()).pathname;
    if (path.startsWith('/programme/runs/') && path !== previous) break;
    const text = await page
      .locator('main')
      .innerText()
      .catch(() => '');
    if (text.includes('The solve failed')) throw new Error(text);
    if (text.includes('The solve has finished')) {
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Open the plan' }).click(),
      ]);
      break;
    }
    await page.waitForTimeout(2000);
    // The script follows the solve and opens the plan; reloading is the page without it (the
    // script's own navigation may win the race, aborting the reload: then the plan is open).
    if (i % 10 === 9 && !new URL(page.url()).pathname.startsWith('/programme/runs/')) {
      await page.reload().catch(() => undefined);
      await page.waitForLoadState();
    }
  }
  expect(await page.locator('h1').innerText()).toMatch(/^Plan solved/);
  return new URL(page.url()).pathname;
}

describe('the programme plan', () => {
  it(
    'a regional user solves, pins, solves again, compares and publishes',
    { timeout: 900_000 },
    async () => {
      const page = await run.signedIn('regional');
      await page.goto(run.url('/home'));
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: 'Programme', exact: true }).click(),
      ]);
      expect(await page.locator('h1').innerText()).toBe('Programme for North West');
      expect(await page.getByRole('link', { name: 'Version 1' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      // A problem first: no time limit.
      await page.fill('#timeLimitSeconds', '');
      await submit(page, 'Solve');
      expect(await page.locator('.govuk-error-summary').innerText()).toContain('time limit');
      expect(await axeViolations(page)).toEqual([]);

      await page.fill('#timeLimitSeconds', '60');
      await submit(page, 'Solve');
      expect(await axeViolations(page)).toEqual([]);
      const first = await followSolve(page, null);
      expect(await page.getByText('None: the independent checker').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      // The run's summary says what the solver found (shown when it found no plan).
      const summary = await page.locator('.govuk-summary-list').first().innerText();
      expect(summary, summary).not.toContain('No plan');
      // By inspector, and the explanations, are tabs of the same page.
      expect(
        await page.locator('#by-inspector').getByText('Each inspector’s work in the plan').count(),
      ).toBe(1);
      await page.goto(run.url(`${first}#explanations`));
      expect(await axeViolations(page)).toEqual([]);

      // Pin the first placement in its week (the week the form offers), and solve again.
      const pin = page.locator('details', { hasText: 'Pin and solve again' }).first();
      await pin.locator('summary').click();
      await Promise.all([
        page.waitForNavigation(),
        pin.getByRole('button', { name: 'Pin and solve again' }).click(),
      ]);
      const second = await followSolve(page, first);
      expect(await page.getByText(/^Pinned: /).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      // Compare with the run it was solved from (the select's default).
      await submit(page, 'Compare');
      expect(await page.locator('h1').innerText()).toBe('Compare two plans');
      expect(await page.getByText('Placements the same').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      // Publish the second run, after the confirmation.
      await page.goto(run.url(second));
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Publish this plan' }).click(),
      ]);
      expect(await page.locator('h1').innerText()).toMatch(/^Publish the plan/);
      expect(await axeViolations(page)).toEqual([]);
      await submit(page, 'Publish');
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain('version 2');
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(run.url('/programme'));
      expect(await page.getByRole('link', { name: 'Version 2' }).count()).toBe(1);

      // Northfield's timeline, as the region's staff see it: what version 2 plans there.
      await page.goto(run.url('/las/demo-northfield/timeline'));
      expect(await page.getByRole('heading', { name: 'Planned', exact: true }).count()).toBe(1);
      expect(await page.getByText('version 2').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
    },
  );

  it('an LA user sees neither the programme nor its planned activity', async () => {
    const la = await run.signedIn('la');
    expect((await la.goto(run.url('/programme')))?.status()).toBe(404);
    await la.goto(run.url('/home'));
    expect(await la.getByRole('link', { name: 'Programme', exact: true }).count()).toBe(0);
    await Promise.all([
      la.waitForNavigation(),
      la.getByRole('link', { name: 'Northfield (demo)' }).first().click(),
    ]);
    expect(await la.locator('h1').innerText()).toBe('Northfield (demo)');
    expect(await la.getByText('Planned', { exact: true }).count()).toBe(0);
    expect(await la.getByText('(planned)').count()).toBe(0);
    expect(await axeViolations(la)).toEqual([]);
    // Its timeline: the past only, never what the programme plans.
    await la.goto(run.url('/las/demo-northfield/timeline'));
    expect(await la.locator('h1').innerText()).toBe('Northfield (demo): timeline');
    expect(await la.getByRole('heading', { name: 'Planned', exact: true }).count()).toBe(0);
    expect(await la.getByText('version', { exact: false }).count()).toBe(0);
    expect(await axeViolations(la)).toEqual([]);
    await la.goto(run.url('/home'));
    expect(await la.getByText('(planned)').count()).toBe(0);
  });
});

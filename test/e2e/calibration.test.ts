// A calibration exercise in a real browser (issue 15, Munro: training through vignettes): the
// national user sets one up from the demo's vignette bank; an invited inspector finds it on their
// home page, rates blind (no reference grade and no other rating on the page until they submit),
// then sees the spread; the national user reads agreement by region and over time. axe-core and
// the layout check on every page. Needs a build and Chromium at /usr/bin/chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_VIGNETTES } from '../../src/demo/demo-vignettes.js';
import { axeViolations } from '../helpers/e2e.js';
import { E2eRun, submit } from '../helpers/e2e-run.js';

let run: E2eRun;
beforeAll(async () => {
  run = await E2eRun.start({ serverTimeoutMs: 300_000 });
}, 360_000);
afterAll(async () => {
  await run?.stop();
});

async function checked(page: Page): Promise<void> {
  expect(await page.locator('h1').count(), page.url()).toBe(1);
  expect(await axeViolations(page), page.url()).toEqual([]);
}

const [first, second] = DEMO_VIGNETTES;

describe('a calibration exercise', () => {
  it('is set up nationally, rated blind, discussed, and read by region', async () => {
    const national = await run.signedIn('national');
    await national.goto(run.url('/home'));
    await Promise.all([
      national.waitForNavigation(),
      national.getByRole('link', { name: 'Calibration', exact: true }).first().click(),
    ]);
    await checked(national);
    await national.goto(run.url('/calibration/vignettes'));
    await checked(national);
    await submit(national, 'Continue');
    await checked(national);
    await national.goto(run.url('/calibration/exercises/new'));
    await checked(national);
    await national.fill('#title', 'E2E calibration');
    await national.getByRole('checkbox', { name: first!.title }).check();
    await national.getByRole('checkbox', { name: second!.title }).check();
    await national.getByRole('checkbox', { name: /Tom Achebe/ }).check();
    await submit(national, 'Set up the exercise');
    expect(await national.locator('.govuk-error-summary').innerText()).toContain(
      'Invite at least two inspectors',
    );
    await checked(national);
    await national.getByRole('checkbox', { name: /Quinn Harper/ }).check();
    await submit(national, 'Set up the exercise');
    expect(await national.locator('h1').innerText()).toBe('E2E calibration');
    await checked(national);

    const tom = await run.signedIn('inspector');
    await tom.goto(run.url('/home'));
    await checked(tom);
    await Promise.all([
      tom.waitForNavigation(),
      tom.getByRole('link', { name: 'Rate blind: E2E calibration' }).click(),
    ]);
    await checked(tom);
    const blind = await tom.locator('main').innerText();
    expect(blind).toContain(first!.body);
    expect(blind).not.toContain('Reference grade');
    expect(blind).not.toContain(first!.panelNote);
    expect(blind).not.toContain('How the inspectors who submitted rated it');
    await tom
      .locator('fieldset', { hasText: 'Your grade for vignette 1' })
      .getByLabel('Good', { exact: true })
      .check();
    await submit(tom, 'Submit my ratings');
    expect(await tom.locator('.govuk-error-summary').innerText()).toContain(
      'Choose a grade for vignette 2',
    );
    expect(await tom.locator('main').innerText()).not.toContain('Reference grade');
    await checked(tom);
    await tom
      .locator('fieldset', { hasText: 'Your grade for vignette 2' })
      .getByLabel('Requires improvement to be good')
      .check();
    await submit(tom, 'Submit my ratings');
    const open = await tom.locator('main').innerText();
    expect(open).toContain('Your ratings were submitted');
    expect(open).toContain('Reference grade');
    expect(open).toContain(first!.panelNote);
    expect(open).toContain('How the inspectors who submitted rated it');
    await checked(tom);
    await tom.fill(`textarea[name="note"] >> nth=0`, 'I weighed the three-day wait as drift.');
    await submit(tom, 'Add note on vignette 1');
    expect(await tom.locator('main').innerText()).toContain('I weighed the three-day wait');
    await checked(tom);
    await tom.goto(run.url('/calibration/mine'));
    expect(await tom.locator('main').innerText()).toContain('E2E calibration');
    await checked(tom);

    await national.goto(run.url('/calibration/national'));
    await checked(national);
    const figures = await national.locator('main').innerText();
    expect(figures).toContain('South East');
    expect(figures).toContain('Not shown: fewer than 3 inspectors');
    expect(figures).toContain('By quarter of submission');
  });
});

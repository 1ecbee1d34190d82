// Case-level ratings in a real browser: an inspector and the lead (without JavaScript) rate sampled
// cases for a judgement area, the page shows the spread ("Of 2 cases, ...") and the inspectors'
// agreement; axe-core and the layout check pass on the list, the form and the form with a problem.
// Needs a build and Chromium at /usr/bin/chromium.
import type { Page } from 'playwright-core';
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

async function rate(page: Page, row: number, grade: string): Promise<void> {
  await page.goto(run.url(`${await run.demoActivityPath(page)}/case-ratings`));
  await page
    .getByRole('region', { name: 'Sampled cases and their ratings' })
    .locator('tbody tr')
    .nth(row)
    .getByRole('link', { name: /^Rate/ })
    .click();
  await page
    .locator('form[action$="/help_and_protection"]')
    .getByRole('radio', { name: grade, exact: true })
    .check();
  await submit(
    page,
    'Save my rating for The experiences and progress of children who need help and protection',
  );
  expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
    'Your rating was saved',
  );
}

describe('case ratings', () => {
  it('rates cases, shows the spread and agreement; every page passes axe', async () => {
    const inspector = await run.signedIn('inspector');
    const path = `${await run.demoActivityPath(inspector)}/case-ratings`;
    await inspector.goto(run.url(path));
    expect(await inspector.locator('h1').innerText()).toBe('Case ratings');
    expect(await axeViolations(inspector)).toEqual([]);

    await inspector
      .getByRole('region', { name: 'Sampled cases and their ratings' })
      .locator('tbody tr')
      .first()
      .getByRole('link', { name: /^Rate/ })
      .click();
    expect(await inspector.locator('h1').innerText()).toMatch(/^Rate case /);
    expect(await axeViolations(inspector)).toEqual([]);
    // Saving without a grade: the error summary links to the radios, and the page passes axe.
    await submit(
      inspector,
      'Save my rating for The experiences and progress of children who need help and protection',
    );
    expect(await inspector.locator('.govuk-error-summary').innerText()).toContain('Choose a grade');
    expect(await axeViolations(inspector)).toEqual([]);

    await rate(inspector, 0, 'Good');
    await rate(inspector, 1, 'Inadequate');
    const lead = await run.signedIn('lead', { javaScriptEnabled: false });
    await rate(lead, 0, 'Good');
    await rate(lead, 1, 'Requires improvement to be good');

    // The lead rated without JavaScript; the page shows the spread and the agreement.
    const text = await lead.locator('main').innerText();
    expect(text).toContain('Of 2 cases, 1 good, 1 rated differently by different inspectors');
    expect(text).toContain('Agreement between inspectors on 2 cases rated twice or more');
    await inspector.goto(run.url(path));
    expect(await inspector.locator('main').innerText()).toContain("Krippendorff's alpha (ordinal)");
    expect(await axeViolations(inspector)).toEqual([]);
  });
});

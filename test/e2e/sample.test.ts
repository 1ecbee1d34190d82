// The sample page in a real browser: the analyst draws a sample with a seed, reads the sampled
// cases and the transparency statement, adds a case chosen on site, and axe-core checks each
// page. Needs a build and Chromium at /usr/bin/chromium.
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

async function samplePath(page: Page): Promise<string> {
  return `${await run.demoActivityPath(page)}/sample`;
}

describe('sample page', () => {
  it('draws a sample, shows the cases and the statement; every page passes axe', async () => {
    const page = await run.signedIn('analyst');
    const url = await samplePath(page);
    await page.goto(run.url(url));
    expect(await page.locator('h1').innerText()).toBe('Case sample');
    expect(await axeViolations(page)).toEqual([]);

    // Once a sample is drawn, the draw form is folded away (GOV.UK details).
    await page.locator('#draw-form summary').click();
    await page.fill('#seed', '4242');
    await page.fill('#size_child_in_care', '5');
    await page.selectOption('#stratify_child_in_care', 'legalStatus');
    await page.fill('#reason', 'Seed agreed at the team meeting');
    await submit(page, 'Draw the sample again');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
      'The sample was drawn again',
    );
    const summary = await page.locator('.govuk-summary-list').first().innerText();
    expect(summary).toContain('4242');
    const cases = page.locator('[aria-label="Cases in the sample"] table tbody tr');
    expect(await cases.count()).toBeGreaterThan(5);
    const statement = page.locator('#statement');
    await statement.scrollIntoViewIfNeeded();
    expect(await page.getByText('Sample size per cohort').count()).toBeGreaterThan(0);
    expect(
      await page
        .getByText('Legal status: sample compared with the population', { exact: true })
        .count(),
    ).toBe(1);
    // The statement's tables are folded; each opens without JavaScript.
    await page.locator('summary', { hasText: 'Legal status: sample compared' }).click();
    expect(await page.locator('#statement ~ details[open] table').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // A problem: the error summary links to the field, and the page still passes axe.
    await page.locator('#draw-form summary').click();
    await page.fill('#seed', 'not a number');
    await submit(page, 'Draw the sample again');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter the seed');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('adds a case chosen on site without JavaScript', async () => {
    const page = await run.signedIn('inspector', { javaScriptEnabled: false });
    const url = await samplePath(page);
    await page.goto(run.url(url));
    await page.fill('#childId', 'E2E-CHILD-77');
    await page.getByRole('radio', { name: 'Children in need', exact: true }).check();
    await page.getByRole('radio', { name: 'Chosen on site against criteria' }).check();
    await page.fill('#criteria', 'Children waiting over 45 working days for an assessment');
    await page.getByRole('checkbox', { name: 'Looked at remotely', exact: true }).check();
    await submit(page, 'Add the case');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
      'The case was added',
    );
    expect(await page.locator('[aria-label="Cases in the sample"]').innerText()).toContain(
      'Children waiting over 45 working days',
    );
  });
});

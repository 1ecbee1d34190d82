// A reliability study in a real browser (issue 15, Tables 5 and 6 of Ofsted's 2019 review): the
// national user sets one up over the demo's published inspections and assigns a pair (a reviewer
// on the original team is refused, with the reason shown); a reviewer finds the review on their
// home page and reviews blind (the LA's name and the published grades never appear on their
// pages); the national user reads the tables. axe-core on every page.
// Needs a build and Chromium at /usr/bin/chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PUBLISHED, DEMO_REVIEWERS } from '../../src/demo/demo-published.js';
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

/** Nothing on a reviewer's page names the LA or says what was published. */
async function blind(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  for (const d of DEMO_PUBLISHED) {
    expect(text).not.toContain(d.la.name.replace(' (demo)', ''));
    expect(text).not.toContain(d.dcs.displayName.replace(/ \(.*\)/, ''));
  }
  expect(text).not.toContain('Northfield');
  // The page's own content: the header links everyone to the public corpus, "Published reports".
  const main = await page.locator('main').innerText();
  expect(main).not.toMatch(/published|inspection judgement/i);
}

const KEYS = [
  'impact_of_leaders',
  'help_and_protection',
  'children_in_care',
  'care_leavers',
  'overall_effectiveness',
];

describe('a blind reliability study', () => {
  it('is set up by the national user, reviewed blind, and read as Tables 5 and 6', async () => {
    const national = await run.signedIn('national');
    await national.goto(run.url('/studies'));
    await checked(national);
    await national.fill('#title', 'E2E study');
    for (const d of DEMO_PUBLISHED)
      await national
        .getByRole('checkbox', { name: new RegExp(d.la.name.replace(/[()]/g, '.')) })
        .check();
    await submit(national, 'Set up the study');
    await checked(national);
    expect(await national.locator('h1').innerText()).toBe('E2E study');
    expect(await national.locator('main').innerText()).toContain('Unsure');
    const studyUrl = national.url().replace(/\?.*$/, '');

    // The lead inspected Evidence base A: refused, and the reason is shown.
    await national.selectOption('select[name="reviewer1"] >> nth=0', 'lead@triangulate.example');
    await national.selectOption('select[name="reviewer2"] >> nth=0', DEMO_REVIEWERS[1].email);
    await submit(national, 'Assign the pair to Evidence base A');
    expect(await national.locator('.govuk-error-summary').innerText()).toContain(
      'original inspection’s team',
    );
    await checked(national);
    await national.selectOption('select[name="reviewer1"] >> nth=0', DEMO_REVIEWERS[0].email);
    await national.selectOption('select[name="reviewer2"] >> nth=0', DEMO_REVIEWERS[1].email);
    await submit(national, 'Assign the pair to Evidence base A');
    expect(await national.locator('.govuk-notification-banner').innerText()).toContain(
      'The pair was assigned',
    );
    await checked(national);

    // The reviewer finds it on their home page, and reviews without seeing the original.
    const reviewer = await run.signedIn(DEMO_REVIEWERS[0].email);
    await reviewer.goto(run.url('/home'));
    await checked(reviewer);
    await blind(reviewer);
    const row = reviewer.locator('tr', { hasText: 'E2E study: Evidence base A' });
    await Promise.all([
      reviewer.waitForNavigation(),
      row.getByRole('link', { name: /Review Evidence base A blind/ }).click(),
    ]);
    await checked(reviewer);
    await blind(reviewer);
    expect(await reviewer.locator('main').innerText()).toContain('Child 1');
    await submit(reviewer, 'Record our review');
    expect(await reviewer.locator('.govuk-error-summary').innerText()).toContain('Choose a grade');
    await checked(reviewer);
    await blind(reviewer);
    for (const k of KEYS) {
      await reviewer.locator(`input[name="grade-${k}"][value="requires_improvement"]`).check();
      await reviewer.fill(`#reasons-${k}`, 'From the evidence on plans and oversight.');
    }
    await reviewer.fill('#improvements', 'Timeliness of strategy discussions\nPathway plans');
    await reviewer.locator('input[name="sameLines"][value="partly"]').check();
    await submit(reviewer, 'Record our review');
    expect(await reviewer.locator('.govuk-notification-banner').innerText()).toContain(
      'review was recorded',
    );
    await checked(reviewer);
    await blind(reviewer);
    // The study's set-up and results are not the reviewer's to see.
    const hidden = await reviewer.goto(run.url(`${studyUrl.replace(run.url(''), '')}/results`));
    expect(hidden?.status()).toBe(404);

    await national.goto(`${studyUrl}/results`);
    await checked(national);
    const results = await national.locator('main').innerText();
    expect(results).toContain('Table 1: Outcomes of evidence base reviews of standard inspections');
    expect(results).toContain('Table 2: Outcomes of evidence base reviews of short inspections');
    expect(results).toMatch(/\d x (agreement with|one grade lower than) published judgement/);
    expect(results).toContain('Inspection judgement: Requires improvement to be good');
    expect(results).toContain("Krippendorff's alpha (ordinal)");
  });
});

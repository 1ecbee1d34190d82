// Consistency panels in a real browser (issue 15): the North West's regional senior HMI convenes
// a panel for the demo inspection's week , records a query about one
// judgement with its reasons, and the lead inspector sees the query on the inspection's panel page
// and in the moderation record. axe-core and the layout check pass on every page.
// Needs a build and Chromium at /usr/bin/chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/e2e.js';
import { layoutProblems } from '../helpers/e2e-layout.js';
import { E2eRun, submit } from '../helpers/e2e-run.js';

let run: E2eRun;

beforeAll(async () => {
  run = await E2eRun.start();
});

afterAll(async () => {
  await run?.stop();
});

describe('consistency panel', () => {
  it('a regional user convenes a panel and records a query; the lead sees it', async () => {
    const regional = await run.signedIn('regional');
    const lead = await run.signedIn('lead');
    const activityPath = await run.demoActivityPath(lead);

    await regional.goto(run.url('/consistency-panels'));
    expect(await regional.locator('h1').innerText()).toBe('Consistency panels');
    expect(await axeViolations(regional)).toEqual([]);
    expect(await layoutProblems(regional)).toEqual([]);

    // Convening without a period: the error summary, and the page still passes axe.
    await submit(regional, 'Convene the panel');
    expect(await regional.locator('.govuk-error-summary').innerText()).toContain(
      'Choose a week or a month',
    );
    expect(await axeViolations(regional)).toEqual([]);
    await regional.getByLabel('Scope').selectOption('North West');
    await regional.getByRole('radio', { name: 'A month' }).check();
    await submit(regional, 'Convene the panel');
    expect(await regional.locator('.govuk-notification-banner').innerText()).toContain(
      'The consistency panel was convened',
    );
    const main = await regional.locator('main').innerText();
    expect(main).toContain('Northfield');
    expect(main).toMatch(/authorities \(\d+%\) were last judged/);
    expect(await axeViolations(regional)).toEqual([]);
    expect(await layoutProblems(regional)).toEqual([]);

    // The form sits in a details element; it records a query.
    await regional
      .locator('summary', { hasText: /Record your view of/ })
      .first()
      .click();
    await regional
      .getByRole('radio', { name: /A query/ })
      .first()
      .check();
    await regional
      .getByRole('textbox', { name: 'Reasons' })
      .first()
      .fill('Leaders graded good where a neighbouring authority with similar findings was not.');
    await submit(regional, 'Record your view');
    expect(await regional.locator('.govuk-notification-banner').innerText()).toContain(
      'sent to the lead inspector and the QAM',
    );
    expect(await regional.locator('main').innerText()).toContain('1 query');
    expect(await axeViolations(regional)).toEqual([]);

    await lead.goto(run.url(`${activityPath}/judgements/panel`));
    expect(await lead.locator('main').innerText()).toContain('Query from the consistency panel');
    expect(await axeViolations(lead)).toEqual([]);
    await lead.goto(run.url(`${activityPath}/moderation-record`));
    const record = await lead.locator('main').innerText();
    expect(record).toContain('Consistency panel across inspections');
    expect(record).toContain('neighbouring authority with similar findings');
    expect(record).toMatch(/Of \d+ cases?, /);
    expect(await axeViolations(lead)).toEqual([]);
    expect(await layoutProblems(lead)).toEqual([]);
  });
});

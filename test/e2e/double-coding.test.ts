// Blind double coding in a real browser: the lead sets one up; two inspectors code a record blind
// (one of them without JavaScript), neither seeing the other's codings; once both have finished
// the agreement shows and the lead reconciles a disagreement into the evidence base. axe-core and
// the layout check (1280 and 768 px) on every page. Needs a build and Chromium.
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

const TITLE = 'E2E double coding of E1';
const mineRows = (page: Page) =>
  page.locator('table:has(caption:has-text("Your codings of E1")) tbody tr');

async function code(page: Page, passage: string): Promise<void> {
  const form = page.locator('form:has(input[name="evidenceId"])').first();
  await form.locator('select[name="codeId"]').selectOption({ index: 1 });
  await form.locator('textarea[name="passage"]').fill(passage);
  await submit(page, 'Code the passage in E1');
}

describe('double coding', () => {
  it('the lead assigns, two inspectors code blind, the agreement shows, the lead reconciles', async () => {
    const lead = await run.signedIn('lead');
    await lead.goto(run.url(await run.demoActivityPath(lead)));
    await lead.getByRole('link', { name: 'Double coding', exact: true }).click();
    expect(await lead.locator('h1').innerText()).toBe('Double coding');
    expect(await axeViolations(lead)).toEqual([]);
    await lead.fill('#title', TITLE);
    await lead.getByRole('checkbox', { name: 'E1', exact: true }).check();
    await lead.getByRole('checkbox', { name: /Lena Marsh/ }).check();
    await lead.getByRole('checkbox', { name: /Tom Achebe/ }).check();
    await submit(lead, 'Set up the double coding');
    expect(await lead.locator('h1').innerText()).toBe(TITLE);
    expect(await lead.locator('.govuk-notification-banner').innerText()).toContain('blind');
    expect(await axeViolations(lead)).toEqual([]);
    const assignment = lead.url().replace(/\?.*$/, '');

    // The inspector codes without JavaScript (axe needs it, so axe runs on the lead's pages),
    // from "Your work"; the lead first tries a passage that is not in the text.
    const inspector = await run.signedIn('inspector', { javaScriptEnabled: false });
    await inspector.goto(run.url('/home'));
    await inspector.getByRole('link', { name: `Code blind and finish: ${TITLE}` }).click();
    await code(inspector, 'The worker knows Zoë well');
    await code(lead, 'Words that are not in the record');
    expect(await lead.locator('.govuk-error-summary').innerText()).toContain('There is a problem');
    expect(await axeViolations(lead)).toEqual([]);
    await code(lead, 'see her grandmother every weekend');
    // Blind: each sees only their own coding.
    expect(await mineRows(inspector).count()).toBe(1);
    expect(await mineRows(inspector).innerText()).toContain('The worker knows Zoë well');
    await lead.reload();
    expect(await mineRows(lead).count()).toBe(1);
    expect(await mineRows(lead).innerText()).not.toContain('The worker knows Zoë well');
    expect(await lead.getByRole('link', { name: 'Agreement between the coders' }).count()).toBe(0);
    expect(await axeViolations(lead)).toEqual([]);
    await submit(lead, 'Finish coding');
    await submit(inspector, 'Finish coding');
    expect(await inspector.locator('.govuk-notification-banner').innerText()).toContain('finished');

    // Open: the agreement, then the disagreements side by side.
    await lead.goto(assignment);
    await lead.getByRole('link', { name: 'Agreement between the coders' }).click();
    expect(await lead.locator('h1').innerText()).toBe('Agreement between the coders');
    expect(await lead.locator('main').innerText()).toContain('Krippendorff’s alpha');
    expect(await lead.locator('main').innerText()).toContain('left out');
    expect(await lead.locator('main').innerText()).toMatch(
      /All \d+ records together|The one record/,
    );
    expect(await lead.locator('main').innerText()).toContain('All spans: Krippendorff’s alpha');
    expect(await axeViolations(lead)).toEqual([]);
    await lead.getByRole('link', { name: 'Disagreements side by side' }).click();
    expect(await lead.locator('h1').innerText()).toBe('Disagreements side by side');
    expect(await lead.getByText('Disagreement', { exact: true }).count()).toBe(2);
    expect(await axeViolations(lead)).toEqual([]);
    await lead.getByRole('checkbox', { name: /The worker knows Zoë well/ }).check();
    await submit(lead, 'Record the agreed coding of E1');
    expect(await lead.locator('.govuk-notification-banner').innerText()).toContain(
      'written into the evidence base',
    );
    expect(await lead.locator('main').innerText()).toContain(
      'Reconciled by Lena Marsh (lead inspector)',
    );
    expect(await axeViolations(lead)).toEqual([]);
  });
});

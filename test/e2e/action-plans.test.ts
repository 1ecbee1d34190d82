// The LA's action plan and its monitoring in a real browser (the forms work without JavaScript:
// integration/action-plans.test.ts): Southmere's user answers an item and submits the plan and
// reads the published visit's view beside each item; the lead of the visit on site records a view,
// which the LA does not see. axe-core on every page.
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

const LA = 'dcs@southmere.example';
const ITEM = 'what_needs_to_improve-2';
const VIEW_REASON = 'E2E: pathway plans seen this week were all reviewed in time.';

describe('action plans', () => {
  let planPath = '';

  it('an LA user answers an item, submits the plan and reads the published view', async () => {
    const page = await run.signedIn(LA);
    await page.goto(run.url('/las/demo-southmere'));
    await page.getByRole('link', { name: 'Action plans after inspection' }).click();
    await page.waitForLoadState();
    expect(await page.locator('h1').innerText()).toBe('Action plans after inspection');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('table a').first().click();
    await page.waitForLoadState();
    planPath = new URL(page.url()).pathname;
    expect(await page.locator('h1').innerText()).toBe('Action plan');
    // The published visit's view, beside the item it is about.
    expect(await page.getByText('Pathway plans are on the new template').count()).toBe(1);
    expect(await page.getByText('hidden from the local authority').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(run.url(`${planPath}/items/${ITEM}`));
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#action', 'E2E: a pathway plan review clinic every week');
    await page.fill('#owner', 'Team manager, leaving care');
    await page.fill('#milestone', 'Clinic running');
    await page.fill('#dueOn', '2026-02-27');
    await page.fill(
      '#impactMeasure',
      'Every care leaver’s plan reviewed with them within six months',
    );
    await submit(page, 'Save the action');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('saved');
    await page.fill('#text', 'E2E: clinic held twice; 12 plans reviewed with young people.');
    await submit(page, 'Save the progress update');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('progress');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(run.url(planPath));
    await submit(page, 'Submit the action plan to the region');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('submitted');
    expect(await page.getByText('Version 3').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(run.url(`${planPath}/versions/3`));
    expect(await page.getByText('E2E: a pathway plan review clinic').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(run.url('/las/demo-southmere/reform-programmes'));
    expect(await page.getByText('Southmere Front Door Reform').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the lead of the visit on site records a view; the LA does not see it', async () => {
    const lead = await run.signedIn('lead');
    await lead.goto(run.url('/las/demo-southmere'));
    const href = await lead
      .locator('tr', { hasText: 'On site' })
      .locator('a', { hasText: 'Focused visit' })
      .first()
      .getAttribute('href');
    expect(href).toBeTruthy();
    await lead.goto(run.url(`${href}/monitoring`));
    expect(await lead.locator('h1').innerText()).toBe('Progress against the action plan');
    expect(await axeViolations(lead)).toEqual([]);
    await lead.check(`#i-${ITEM}-view`);
    await lead.fill(`#i-${ITEM}-reason`, VIEW_REASON);
    await Promise.all([lead.waitForNavigation(), lead.locator(`#i-${ITEM} form button`).click()]);
    expect(await lead.locator('.govuk-notification-banner').innerText()).toContain('recorded');
    expect(await lead.locator('#summary-paragraph').innerText()).toContain('found progress in 2');
    expect(await axeViolations(lead)).toEqual([]);
    const la = await run.signedIn(LA);
    await la.goto(run.url(planPath));
    expect(await la.getByText(VIEW_REASON).count()).toBe(0);
    const res = await la.goto(run.url(`${href}/monitoring`));
    expect(res?.status()).toBe(404);
  });
});

// Judgements in a real browser: two inspectors record provisional views, the lead resolves and
// sends the judgements to the consistency panel, the panel challenges and the lead answers, the
// QAM changes a grade with a reason, explains the divergence from on-site feedback and approves
// them as final. axe-core checks every page. Needs a build and Chromium at /usr/bin/chromium.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/usecases/demo/demo-content.js';
import { axeViolations, launchChromium, startServer, type RunningServer } from '../helpers/e2e.js';

let server: RunningServer;
let browser: Browser;
let activityPath = '';
const contexts: BrowserContext[] = [];
const SLOW = 120_000;
const email = (key: string): string => DEMO_USERS.find((u) => u.key === key)?.email ?? key;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  const page = await signedIn('lead');
  activityPath =
    (await page.locator('a', { hasText: 'Standard inspection' }).first().getAttribute('href')) ??
    '';
  expect(activityPath).toMatch(/^\/activities\/[0-9a-f-]{36}$/);
}, SLOW);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

/** A fresh profile signed in as a demo account (CSP bypassed only so axe can be injected). */
async function signedIn(key: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.fill('#email', email(key));
  await page.fill('#password', server.password);
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  return page;
}

/** Goes to a path (expecting 200) and checks the page with axe; returns its problems. */
async function visit(page: Page, path: string): Promise<string[]> {
  const res = await page.goto(`${server.url}${path}`);
  if (res?.status() !== 200) return [`${path}: status ${res?.status()}`];
  return check(page);
}

async function check(page: Page): Promise<string[]> {
  const h1s = await page.locator('h1').allTextContents();
  const problems = h1s.length === 1 ? [] : [`${page.url()}: ${h1s.length} h1 elements`];
  return [...problems, ...(await axeViolations(page))];
}

async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button }).click()]);
}

const J = () => `${activityPath}/judgements`;

describe('judgements from provisional to final', () => {
  it(
    'goes through provisional views, panel, QA and final with axe on every page',
    async () => {
      const problems: string[] = [];

      // Two inspectors record their own provisional views.
      const inspector = await signedIn('inspector');
      problems.push(...(await visit(inspector, `${J()}/provisional-views`)));
      await inspector.selectOption('#grade-help_and_protection', 'requires_improvement');
      await submit(inspector, 'Record my view of Help and protection');
      expect(await inspector.locator('.govuk-notification-banner').innerText()).toContain(
        'recorded',
      );
      problems.push(...(await check(inspector)));

      const lead = await signedIn('lead');
      problems.push(...(await visit(lead, activityPath)));
      await Promise.all([
        lead.waitForNavigation(),
        lead.getByRole('link', { name: 'Judgements', exact: true }).click(),
      ]);
      problems.push(...(await check(lead)));
      problems.push(...(await visit(lead, `${J()}/provisional-views`)));
      await lead.selectOption('#grade-help_and_protection', 'good');
      await lead.selectOption('#position-help_and_protection', 'close_to_below');
      await submit(lead, 'Record my view of Help and protection');
      expect(await lead.locator('table').first().innerText()).toContain('1 grade apart');

      // The lead resolves: the team decision with nearness, context and narrative.
      problems.push(...(await visit(lead, `${J()}/help_and_protection/edit`)));
      await lead.getByLabel('Good', { exact: true }).check();
      await lead.getByLabel('Close to the grade below').check();
      await lead
        .getByLabel('How near the adjacent grade is')
        .fill('Plans drift for a minority of children; the front door is strong.');
      await submit(lead, 'Save judgement');
      problems.push(...(await check(lead)));
      await lead.getByLabel('Consistency panel', { exact: true }).check();
      await submit(lead, 'Move judgements');
      expect(await lead.locator('.govuk-tag').first().innerText()).toMatch(/Consistency panel/i);

      // The panel (an inspector not on the team) challenges; the lead answers.
      const panel = await signedIn('panel');
      problems.push(...(await visit(panel, `${J()}/panel`)));
      await panel.getByLabel('Challenge (must be answered)').check();
      await panel.selectOption('#judgementKey', 'help_and_protection');
      await panel.fill('#text', 'Is "close to below" enough, given how many plans drift?');
      await submit(panel, 'Add');
      problems.push(...(await check(panel)));
      problems.push(...(await visit(panel, `${J()}/help_and_protection/edit`)));
      expect(await panel.getByRole('button', { name: 'Save judgement' }).count()).toBe(0);

      problems.push(...(await visit(lead, `${J()}/panel`)));
      await lead
        .getByLabel('Your answer')
        .fill('We looked again: a third of plans drift. QA to decide.');
      await submit(lead, 'Answer');
      problems.push(...(await visit(lead, J())));
      await lead.getByLabel('Quality assurance', { exact: true }).check();
      await submit(lead, 'Move judgements');

      // The QAM changes the grade with a reason, explains the divergence and approves.
      const qam = await signedIn('qam');
      problems.push(...(await visit(qam, `${J()}/qa`)));
      problems.push(...(await visit(qam, `${J()}/help_and_protection/edit`)));
      await qam.getByLabel('Requires improvement to be good', { exact: true }).check();
      await qam.getByLabel('Close to the grade above').check();
      await qam
        .getByLabel('How near the adjacent grade is')
        .fill('Close to good: the front door is strong.');
      await qam
        .getByLabel('Reason for this change')
        .fill('A third of sampled plans drift without review (panel challenge).');
      await submit(qam, 'Save judgement');
      problems.push(...(await visit(qam, `${J()}/divergence`)));
      const flags = qam.getByLabel('Explain the difference');
      expect(await flags.count()).toBeGreaterThan(0);
      while ((await qam.getByLabel('Explain the difference').count()) > 0) {
        await qam
          .getByLabel('Explain the difference')
          .first()
          .fill('Wider sampling after the meeting showed plans drifting; the DCS was told.');
        await submit(qam, 'Save explanation');
      }
      problems.push(...(await check(qam)));
      problems.push(...(await visit(qam, `${J()}/qa`)));
      await qam.getByLabel('Approve as final').check();
      await submit(qam, 'Record decision');
      expect(await qam.locator('.govuk-tag').first().innerText()).toMatch(/Final/i);

      // The record of it all.
      problems.push(...(await visit(qam, `${J()}/history`)));
      expect(await qam.locator('main').innerText()).toContain('A third of sampled plans drift');
      problems.push(...(await visit(lead, `${activityPath}/feedback-log`)));
      problems.push(...(await visit(lead, `${activityPath}/moderation-record`)));
      expect(await lead.locator('main').innerText()).toContain('Wider sampling after the meeting');
      expect(problems).toEqual([]);
    },
    SLOW,
  );
});

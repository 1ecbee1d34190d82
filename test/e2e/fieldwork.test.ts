// Fieldwork in a real browser (issue 17), on the demo inspection: the lead builds the fieldwork
// plan (allocates a sampled case, plans a conversation with consent and an observation of
// practice) and reads the progress against it with its gaps in plain words; the QAM records an
// observation of the team inspector's practice against the prompts and the inspector reads it in
// their development record; national staff see the patterns with no one named; the lead sees
// each strength fed back against the draft and must give a reason for one that is not in it.
// axe-core on every page at 1280 and at 768 px (axeViolations also checks the layout at both).
// Needs a build (`npm run build`) and Chromium at /usr/bin/chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/e2e.js';
import { E2eRun } from '../helpers/e2e-run.js';
import { testNow } from '../helpers/test-now.js';

const SLOW = 240_000;
const INSPECTOR = 'Tom Achebe (HMI)';
const LEFT_OUT = 'Care leavers choose where they live after eighteen';
const REASON = 'Seen again in later case discussions: too few care leavers were asked to say it.';
let run: E2eRun;
let activity = '';

beforeAll(async () => {
  run = await E2eRun.start();
  const lead = await run.signedIn('lead');
  activity = await run.demoActivityPath(lead);
}, SLOW);

afterAll(async () => {
  await run?.stop();
});

/** One h1, and no axe violation at 1280 px nor at 768 px. */
async function check(page: Page): Promise<void> {
  expect(await page.locator('h1').count(), page.url()).toBe(1);
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  try {
    for (const width of [1280, 768]) {
      await page.setViewportSize({ width, height: size.height });
      expect(await axeViolations(page), `${page.url()} at ${width} px`).toEqual([]);
    }
  } finally {
    await page.setViewportSize(size);
  }
}

async function visit(page: Page, path: string): Promise<void> {
  const res = await page.goto(run.url(path));
  expect(res?.status(), path).toBe(200);
  await check(page);
}

/** Clicks the button (the first of that name in `within`) and checks the page it leads to. */
async function submit(page: Page, button: string, within = page.locator('main')): Promise<void> {
  await Promise.all([
    page.waitForNavigation(),
    within.getByRole('button', { name: button, exact: true }).first().click(),
  ]);
  await check(page);
}

async function follow(page: Page, link: string): Promise<void> {
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('link', { name: link, exact: true }).first().click(),
  ]);
  await check(page);
}

const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

describe('fieldwork plan, progress and practice QA', () => {
  it(
    'the lead allocates a case and plans a conversation and an observation',
    async () => {
      const lead = await run.signedIn('lead');
      await visit(lead, activity);
      await follow(lead, 'Fieldwork plan');
      expect(await text(lead, 'h1')).toBe('Fieldwork plan');
      expect(await lead.getByRole('region', { name: /^Cases allocated to/ }).count()).toBe(2);

      // Nothing chosen: the form says what is missing.
      const allocate = lead.locator('form[action$="/fieldwork/visits"]');
      await submit(lead, 'Allocate case', allocate);
      expect(await text(lead, '.govuk-error-summary')).toMatch(/case|inspector/i);

      // A sampled case not yet allocated, to the team inspector, remote.
      const free = await lead
        .locator('#sampleCaseId option:not([value=""])')
        .evaluateAll(
          (os) =>
            (os as HTMLOptionElement[]).find((o) => !o.text.includes('allocated to'))?.value ?? '',
        );
      expect(free).not.toBe('');
      await lead.selectOption('#sampleCaseId', free);
      await lead.selectOption('#inspectorId', { label: INSPECTOR });
      await lead.fill('#socialWorkerRef', 'SW-40');
      await lead.check('input[name="mode"][value="remote"]');
      await submit(lead, 'Allocate case', allocate);
      expect(await text(lead, '.govuk-notification-banner')).toContain('allocated');
      // The same case again is refused: two inspectors see a case only when planned jointly.
      await lead.selectOption('#sampleCaseId', free);
      await lead.selectOption('#inspectorId', { index: 1 });
      await submit(lead, 'Allocate case', allocate);
      expect(await text(lead, '.govuk-error-summary')).toMatch(/allocated/i);

      await visit(lead, `${activity}/fieldwork`);
      await lead.check('input[name="withWhom"][value="young_person"]');
      await lead.selectOption('#serviceArea', 'care_leavers');
      await lead.selectOption('#conversationInspectorId', { label: INSPECTOR });
      await lead.check('input[name="infoSheet"][value="given"]');
      await lead.check('input[name="consent"][value="given"]');
      await submit(lead, 'Plan conversation');
      expect(await text(lead, '.govuk-notification-banner')).toContain('conversation');
      const conversations = lead.getByRole('region', { name: 'Conversations planned' });
      expect(await conversations.innerText()).toContain('Information sheet: Given. Consent: Given');

      await lead.check('input[name="kind"][value="meeting"]');
      await lead.fill('#description', 'Strategy discussion in the east locality');
      await lead.selectOption('#observerId', { label: INSPECTOR });
      await submit(lead, 'Plan observation');
      expect(await text(lead, '.govuk-notification-banner')).toContain('observation');
      expect(
        await lead.getByRole('region', { name: 'Observations planned' }).innerText(),
      ).toContain('Strategy discussion in the east locality');

      // The inspector sees the plan and marks their own visit done, with the time spent.
      const inspector = await run.signedIn('inspector');
      await visit(inspector, `${activity}/fieldwork`);
      expect(await inspector.getByRole('button', { name: 'Allocate case' }).count()).toBe(0);
      const mine = inspector.getByRole('region', { name: `Cases allocated to ${INSPECTOR}` });
      const form = mine.locator('form').first();
      await form.locator('input[name="minutesSpent"]').fill('55');
      // The button's accessible name says which visit ("Update visit to ... by ...").
      await Promise.all([inspector.waitForNavigation(), form.locator('button').click()]);
      await check(inspector);
      expect(await text(inspector, '.govuk-notification-banner')).toContain('updated');
    },
    SLOW,
  );

  it(
    'the progress view shows the figures and names the gaps in plain words',
    async () => {
      const lead = await run.signedIn('lead');
      await visit(lead, `${activity}/fieldwork`);
      await Promise.all([
        lead.waitForNavigation(),
        lead.getByRole('link', { name: 'See progress against the plan and its gaps' }).click(),
      ]);
      await check(lead);
      expect(await text(lead, 'h1')).toBe('Progress against the fieldwork plan');
      const figures = await text(lead, '.govuk-summary-list');
      for (const key of ['Cases seen', 'Remote share', 'Time per case', 'Observations of practice'])
        expect(figures).toContain(key);
      expect(figures).toMatch(/\d+ of \d+ planned/);
      expect(figures).toMatch(/at most \d+% expected/);
      const voices = await lead
        .getByRole('region', { name: 'Voices heard per service area' })
        .innerText();
      for (const area of ['Early help', 'Children in care', 'Care leavers'])
        expect(voices).toMatch(new RegExp(area, 'i'));
      expect(await lead.getByRole('region', { name: 'By inspector' }).innerText()).toContain(
        INSPECTOR,
      );
      expect(await lead.getByText('Lines of enquiry with too little evidence').count()).toBe(1);
      const gaps = await lead.locator('h2:has-text("Gaps") + ul li').allInnerTexts();
      expect(gaps.length).toBeGreaterThan(0);
      // Plain words: sentences, no keys or codes.
      for (const g of gaps) expect(g).not.toMatch(/[a-z]+_[a-z]+/);
    },
    SLOW,
  );

  it(
    'the QAM records an observation of practice and the inspector reads it in their record',
    async () => {
      const qam = await run.signedIn('qam');
      await visit(qam, activity);
      await follow(qam, 'Quality assurance of inspectors’ practice');
      expect(await text(qam, 'h1')).toBe('Quality assurance of inspectors’ practice');
      await submit(qam, 'Record the observation');
      expect(await qam.locator('.govuk-error-summary').count()).toBe(1);

      await qam.selectOption('#inspector', { label: INSPECTOR });
      await qam.fill('#setting', 'Case discussion about a child in care (e2e)');
      const prompts = await qam
        .locator('input[type="radio"][name^="rating_"]')
        .evaluateAll((rs) => [...new Set(rs.map((r) => (r as HTMLInputElement).name))]);
      expect(prompts.length).toBeGreaterThanOrEqual(3);
      for (const name of prompts) await qam.locator(`input[name="${name}"]`).first().check();
      await qam.fill('#developmentPoints', 'Ask the social worker what the child said (e2e).');
      await submit(qam, 'Record the observation');
      expect(await text(qam, '.govuk-notification-banner')).toContain('development record');
      expect(await text(qam, 'main')).toContain('Case discussion about a child in care (e2e)');

      const inspector = await run.signedIn('inspector');
      await visit(inspector, '/account');
      await follow(inspector, 'Your development record');
      expect(await text(inspector, 'h1')).toBe('Your development record');
      const heading = inspector.locator('h2', {
        hasText: 'Case discussion about a child in care (e2e)',
      });
      expect(await heading.count()).toBe(1);
      expect(await text(inspector, 'main')).toContain(
        'Ask the social worker what the child said (e2e).',
      );
      const id = (await heading.getAttribute('id'))?.replace('observation-', '') ?? '';
      const form = inspector.locator(`form[action="/me/development/${id}/response"]`);
      await form.locator('textarea').fill('Thank you: I will ask it in every discussion.');
      await submit(inspector, 'Save and acknowledge', form);
      expect(await text(inspector, '.govuk-notification-banner')).toContain('response');

      // Nobody else on the team reads it.
      const analyst = await run.signedIn('analyst');
      const res = await analyst.goto(run.url(`${activity}/practice-qa`));
      expect(res?.status()).toBe(404);
    },
    SLOW,
  );

  it(
    'national staff see the patterns across inspections, never per inspector',
    async () => {
      const national = await run.signedIn('national');
      await visit(national, '/national/practice-qa');
      expect(await text(national, 'h1')).toBe('Practice quality assurance across inspections');
      const main = await text(national, 'main');
      expect(main).toContain('this is not a league table');
      for (const name of ['Tom Achebe', 'Lena Marsh', 'Quinn Harper'])
        expect(main).not.toContain(name);
      await Promise.all([
        national.waitForNavigation(),
        national.getByRole('link', { name: 'By year' }).click(),
      ]);
      await check(national);
      // An inspector cannot open it.
      const inspector = await run.signedIn('inspector');
      expect((await inspector.goto(run.url('/national/practice-qa')))?.status()).toBe(404);
    },
    SLOW,
  );

  it(
    'the lead sees each strength fed back against the draft and gives a reason for one left out',
    async () => {
      const lead = await run.signedIn('lead');
      // A second keeping-in-touch meeting today, with a strength the draft will not say.
      const today = new Date(testNow()).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
      const [year = '', month = '', day = ''] = today.split('-');
      await visit(lead, `${activity}/feedback-log`);
      await lead.check('input[name="kind"][value="keeping_in_touch"]');
      await lead.fill('#heldOn-day', String(Number(day)));
      await lead.fill('#heldOn-month', String(Number(month)));
      await lead.fill('#heldOn-year', year);
      await lead.fill('#present', 'Director of children’s services, lead inspector');
      await lead.fill('#theme-text-care_leavers', LEFT_OUT);
      await lead.selectOption('#theme-direction-care_leavers', 'strength');
      await submit(lead, 'Record meeting');
      expect(await lead.locator('.govuk-error-summary').count()).toBe(0);

      await visit(lead, `${activity}/report`);
      // The demo has no draft yet: the lead assembles one.
      if ((await lead.getByRole('button', { name: 'Assemble the draft' }).count()) > 0)
        await submit(lead, 'Assemble the draft');
      await visit(lead, `${activity}/report/strengths`);
      expect(await text(lead, 'h1')).toBe('Strengths fed back at keeping-in-touch meetings');
      expect(await lead.locator('main h2').count()).toBe(2);
      // The demo's strength is found in the draft, with where; the new one is not.
      const found = lead.locator('.govuk-summary-list').first();
      expect(await found.innerText()).toMatch(/In the draft[\s\S]*paragraph \d+:/);
      expect(await text(lead, '.govuk-warning-text')).toContain('1 strength is not in the draft');

      // No reason is refused; a reason is kept and shown.
      const form = lead.locator('form:has(input[name="how"][value="explain"])');
      expect(await form.count()).toBe(1);
      await submit(lead, 'Save the reason', form);
      expect(await lead.locator('.govuk-error-summary').count()).toBe(1);
      const again = lead.locator('form:has(input[name="how"][value="explain"])');
      await again.locator('textarea').fill(REASON);
      await submit(lead, 'Save the reason', again);
      expect(await text(lead, '.govuk-notification-banner')).toContain('reason');
      expect(await text(lead, 'main')).toContain(REASON);
      expect(await lead.locator('.govuk-warning-text').count()).toBe(0);
    },
    SLOW,
  );
});

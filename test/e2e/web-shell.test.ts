// The web shell in a real browser: every demo role signs in and visits the pages it can use, the
// main forms are submitted, and axe-core checks every page against WCAG 2.2 AA.
// Needs a build (`npm run build`) and Chromium at /usr/bin/chromium.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { axeViolations, type RunningServer } from '../helpers/e2e.js';
import { E2eRun, type PageOptions } from '../helpers/e2e-run.js';

let run: E2eRun;
let server: RunningServer;
let activityPath = '';

/** The visible text of the first element a locator finds. */
const textOf = async (locator: Locator): Promise<string> => locator.first().innerText();
/** A fresh profile (CSP bypassed for axe; the "progressive enhancement" test checks CSP). */
const newPage = (options: PageOptions = {}): Promise<Page> => run.newPage(options);
const signIn = (page: Page, key: string, password?: string): Promise<void> =>
  run.signIn(page, key, password);

beforeAll(async () => {
  run = await E2eRun.start();
  server = run.server;
  const page = await newPage();
  await signIn(page, 'lead');
  activityPath =
    (await page
      .locator('a', { hasText: 'Standard inspection Northfield' })
      .first()
      .getAttribute('href')) ?? '';
  expect(activityPath).toMatch(/^\/activities\/[0-9a-f-]{36}$/);
});

afterAll(async () => {
  await run?.stop();
});

/** Checks the page is a proper page (one h1, a title) and accessible; returns its problems. */
async function check(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const title = await page.title();
  if (!/ – Triangulate$/.test(title)) problems.push(`${page.url()}: unexpected title "${title}"`);
  const h1s = await page.locator('h1').allTextContents();
  if (h1s.length !== 1 || !h1s[0]?.trim())
    problems.push(`${page.url()}: expected one h1, found ${JSON.stringify(h1s)}`);
  problems.push(...(await axeViolations(page)));
  return problems;
}

/** Visits each path (expecting 200) and checks it. */
async function visitAll(page: Page, paths: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const p of paths) {
    const res = await page.goto(`${server.url}${p}`);
    if (res?.status() !== 200) {
      problems.push(`${p}: status ${res?.status()}`);
      continue;
    }
    problems.push(...(await check(page)));
  }
  return problems;
}

/** Per-test time limit: each test visits several pages and runs axe on each. */
const SLOW = 180_000;

const expectNoProblems = (problems: string[]): void => {
  expect(problems, `\n${problems.join('\n\n')}\n`).toEqual([]);
};

describe('signing in', () => {
  it(
    'shows an error summary for a wrong password',
    async () => {
      const page = await newPage();
      await page.goto(`${server.url}/sign-in`);
      const problems = await check(page);
      await signIn(page, 'admin', 'not-the-right-password');
      expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
        'The email address or password is not correct.',
      );
      expect(await page.title()).toBe('Error: Sign in – Triangulate');
      // GOV.UK Frontend moves focus to the summary.
      expect(
        await page.evaluate(() =>
          document.activeElement?.classList.contains('govuk-error-summary'),
        ),
      ).toBe(true);
      problems.push(...(await check(page)));
      expectNoProblems(problems);
    },
    SLOW,
  );
});

describe('administrator', () => {
  it(
    'visits every page an administrator uses',
    async () => {
      const page = await newPage();
      await signIn(page, 'admin');
      const problems = await visitAll(page, [
        '/home',
        '/las',
        '/las?region=North+West&grade=good',
        '/las/demo-northfield',
        '/las/manchester',
        activityPath,
        `${activityPath}/audit`,
        '/activities/new',
        '/admin/users',
        '/admin/users?q=lena',
        '/audit',
        '/audit?action=activity.state_changed',
        '/account',
        '/account/password',
      ]);
      expectNoProblems(problems);
    },
    SLOW,
  );

  it(
    'creates accounts',
    async () => {
      const page = await newPage();
      await signIn(page, 'admin');
      const problems: string[] = [];

      // An empty form: the error summary and inline errors must be accessible too.
      await page.goto(`${server.url}/admin/users/new`);
      problems.push(...(await check(page)));
      await page.getByRole('button', { name: 'Create account' }).click();
      expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
        'Enter an email address',
      );
      problems.push(...(await check(page)));

      // A regional account: the role, then its region.
      await page.fill('#email', 'rhiannon@triangulate.example');
      await page.fill('#displayName', 'Rhiannon Price (regional SHMI)');
      await page.getByLabel('Regional team').check();
      await page.selectOption('#region', 'London');
      await page.fill('#password', 'temporary-password-for-rhiannon');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Create account' }).click(),
      ]);
      expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
        'The account has been created.',
      );
      expect(await page.locator('h1').textContent()).toContain('Rhiannon Price');
      problems.push(...(await check(page)));

      // An inspector, added to the demo team later by the regional team.
      await page.goto(`${server.url}/admin/users/new`);
      await page.fill('#email', 'nia@triangulate.example');
      await page.fill('#displayName', 'Nia Newton (HMI)');
      await page.getByLabel('Inspector', { exact: true }).check();
      await page.fill('#password', 'temporary-password-for-nia');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Create account' }).click(),
      ]);
      expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
        'The account has been created.',
      );

      // The new person must choose a password before anything else.
      const nia = await newPage();
      await signIn(nia, 'nia@triangulate.example', 'temporary-password-for-nia');
      expect(new URL(nia.url()).pathname).toBe('/account/password');
      expect(await textOf(nia.locator('.govuk-inset-text'))).toContain(
        'You must choose a new password',
      );
      problems.push(...(await check(nia)));
      expectNoProblems(problems);
    },
    SLOW,
  );
});

describe('other roles', () => {
  const pagesFor: Record<string, () => string[]> = {
    national: () => [
      '/home',
      '/las',
      '/las/demo-northfield',
      '/las/sheffield',
      '/history/analysis',
      '/history/analysis?judgement=adoption',
      activityPath,
      `${activityPath}/audit`,
      '/audit',
      '/account',
    ],
    qam: () => [
      '/home',
      '/las',
      '/las/demo-northfield',
      activityPath,
      `${activityPath}/audit`,
      '/account',
    ],
    inspector: () => ['/home', '/las', '/las/demo-northfield', activityPath, '/account'],
    analyst: () => ['/home', '/las', '/las/demo-northfield', activityPath, '/account'],
    la: () => [
      '/home',
      '/las',
      '/las/demo-northfield',
      activityPath,
      '/account',
      '/account/password',
    ],
    researcher: () => [
      '/home',
      '/las',
      '/las/manchester',
      '/las/dorset',
      '/history/analysis',
      '/account',
    ],
  };
  for (const [key, paths] of Object.entries(pagesFor)) {
    it(
      `${key}: visits the pages the role can use`,
      async () => {
        const page = await newPage();
        await signIn(page, key);
        expect(new URL(page.url()).pathname).toBe('/home');
        expectNoProblems(await visitAll(page, paths()));
      },
      SLOW,
    );
  }

  it(
    'national: Sheffield’s SIF inspection of 2013-14 and the national analysis of the history',
    async () => {
      const page = await newPage();
      await signIn(page, 'national');
      await page.goto(`${server.url}/las/sheffield`);
      const sheffield = await page.locator('main').innerText();
      expect(sheffield).toMatch(/19 November 2013/);
      expect(sheffield).toMatch(/Single inspection framework/);
      await page.goto(`${server.url}/las`);
      await page.getByRole('link', { name: 'National analysis of the inspection history' }).click();
      expect(new URL(page.url()).pathname).toBe('/history/analysis');
      const transitions = page.getByRole('table', { name: /Transitions/ });
      expect(await transitions.innerText()).toMatch(/SIF November 2013\s+ILACS January 2018/);
      const csv = await page.evaluate(async () => {
        const r = await fetch('/history/analysis/download?table=transitions');
        return { type: r.headers.get('content-type'), text: await r.text() };
      });
      expect(csv.type).toMatch(/text\/csv/);
      expect(csv.text).toMatch(/^\ufeff?From,To,Up,Same,Down,Not comparable,Total/);
    },
    SLOW,
  );

  it(
    'LA user: the un-notified focused visit does not exist for them',
    async () => {
      const regional = await newPage();
      await signIn(regional, 'regional');
      const fv = await regional
        .locator('a', { hasText: 'Focused visit' })
        .first()
        .getAttribute('href');
      expect(fv).toMatch(/^\/activities\//);
      const la = await newPage();
      await signIn(la, 'la');
      const res = await la.goto(`${server.url}${fv}`);
      expect(res?.status()).toBe(404);
      expectNoProblems(await check(la));
    },
    SLOW,
  );
});

describe('lead inspector', () => {
  it(
    'changes the activity’s state',
    async () => {
      const page = await newPage();
      await signIn(page, 'lead');
      const problems = await visitAll(page, [
        '/home',
        '/las',
        '/las/demo-northfield',
        activityPath,
        `${activityPath}/audit`,
        '/account',
      ]);

      await page.goto(`${server.url}${activityPath}`);
      await page.getByRole('button', { name: 'Change state' }).click();
      expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
        'Select the state to move to',
      );
      problems.push(...(await check(page)));

      await page.getByLabel('Analysis').check();
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Change state' }).click(),
      ]);
      expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
        'The activity’s state has been changed.',
      );
      expect(await textOf(page.locator('.govuk-summary-list'))).toContain('Analysis');
      expect(await textOf(page.locator('main'))).toContain('On site to Analysis');
      problems.push(...(await check(page)));
      expectNoProblems(problems);
    },
    SLOW,
  );
});

describe('regional team', () => {
  it(
    'adds a team member, removes them, and creates an activity',
    async () => {
      const page = await newPage();
      await signIn(page, 'regional');
      const problems = await visitAll(page, [
        '/home',
        '/las?region=North+West',
        '/las/demo-northfield',
        activityPath,
        '/account',
      ]);

      await page.goto(`${server.url}${activityPath}`);
      await page.selectOption('#userId', { label: 'Nia Newton (HMI) (nia@triangulate.example)' });
      await page.selectOption('#teamRole', 'team_inspector');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Add to team' }).click(),
      ]);
      expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
        'The team has been updated.',
      );
      expect(await textOf(page.locator('#team ~ .app-table-wrap'))).toContain('Nia Newton (HMI)');
      problems.push(...(await check(page)));

      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: 'Remove Nia Newton (HMI) from the team' }).click(),
      ]);
      problems.push(...(await check(page)));
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Yes, remove them' }).click(),
      ]);
      expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
        'removed from the team',
      );

      await page.goto(`${server.url}/activities/new`);
      problems.push(...(await check(page)));
      await page.selectOption('#laId', 'demo-northfield');
      await page.getByLabel('Focused visit').check();
      await page.selectOption('#theme', 'Care leavers');
      await page.fill('#plannedStart-day', '8');
      await page.fill('#plannedStart-month', '3');
      await page.fill('#plannedStart-year', '2027');
      // Within 26 weeks of the demo's focused visit: a soft scheduling rule, set aside with a reason.
      await page.fill('#ruleReason', 'The region asked for an earlier visit on care leavers');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Create activity' }).click(),
      ]);
      expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
        'The activity has been created.',
      );
      expect((await textOf(page.locator('h1'))).trim()).toBe('Focused visit Northfield (demo)');
      expect(await textOf(page.locator('.govuk-summary-list'))).toContain('Care leavers');
      problems.push(...(await check(page)));
      expectNoProblems(problems);
    },
    SLOW,
  );
});

describe('progressive enhancement', () => {
  it(
    'works without JavaScript: sign in, home, the user form and an activity',
    async () => {
      const page = await newPage({ javaScriptEnabled: false });
      await signIn(page, 'admin');
      expect(new URL(page.url()).pathname).toBe('/home');
      expect((await textOf(page.locator('h1'))).trim()).toBe('Welcome, Ada Admin');
      await page.goto(`${server.url}/admin/users/new`);
      expect(await page.locator('#region').isVisible()).toBe(true);
      expect(await page.locator('#laId').isVisible()).toBe(true);
      await page.goto(`${server.url}${activityPath}`);
      expect((await textOf(page.locator('h1'))).trim()).toBe(
        'Standard inspection Northfield (demo)',
      );
    },
    SLOW,
  );

  it(
    'runs GOV.UK Frontend under the real Content Security Policy, with no violations',
    async () => {
      const page = await newPage({ bypassCSP: false });
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await signIn(page, 'lead');
      await page.goto(`${server.url}/account/password`);
      expect(
        await page.evaluate(() => document.body.classList.contains('govuk-frontend-supported')),
      ).toBe(true);
      // The password input's "Show" button exists only once GOV.UK Frontend's JavaScript has run
      // (our module loads it with a dynamic import, after the load event): wait for it.
      const show = page.getByRole('button', { name: 'Show password' }).first();
      await show.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await show.isVisible()).toBe(true);
      expect(errors).toEqual([]);
    },
    SLOW,
  );
});

describe('screenshots', () => {
  it(
    'saves the home and activity pages for the README',
    async () => {
      // Written to dist/ on every run (the pages must render); copied into docs/ only on request,
      // so running the tests never changes tracked files.
      const dir = process.env.UPDATE_SCREENSHOTS
        ? path.join(projectRoot(), 'docs', 'screenshots')
        : path.join(projectRoot(), 'dist', 'screenshots');
      mkdirSync(dir, { recursive: true });
      const page = await newPage();
      await signIn(page, 'lead');
      await page.screenshot({ path: path.join(dir, 'home.png'), fullPage: true });
      await page.goto(`${server.url}${activityPath}`);
      await page.screenshot({ path: path.join(dir, 'activity.png'), fullPage: true });
    },
    SLOW,
  );
});

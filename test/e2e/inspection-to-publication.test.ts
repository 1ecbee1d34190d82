// One inspection from provisional grades to the published report, in a real browser on one
// server (issue 5): evidence on a child picked from the sample and the sample matched to the LA's
// IDs (issue 12), two inspectors record provisional views, the lead resolves, the consistency
// panel challenges and the lead answers, the QAM changes a grade with a reason, explains the
// divergence and approves the judgements as final; the lead then assembles the report from the
// final judgements, releases it, the LA comments, the lead responds and publishes, and the LA
// reads the report, its PDF and the moderation record. Every page the browser lands on gets
// axe-core and a one-h1 check. The published PDF is rendered to PNG and checked for layout.
// Needs a build (`npm run build`) and Chromium at /usr/bin/chromium.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../src/domain/reports/render-pdf.js';
import { DEMO_USERS } from '../../src/demo/demo-content.js';
import { axeViolations } from '../helpers/e2e.js';
import { demoEmail, E2eRun } from '../helpers/e2e-run.js';
import { checkPages, renderPdf, servePdfs } from '../helpers/pdf-render.js';
import { sampleReport } from '../helpers/report-sample.js';

let run: E2eRun;
const signedIn = new Map<string, Page>();
const SLOW = 240_000;

beforeAll(async () => {
  run = await E2eRun.start();
}, SLOW);

afterAll(async () => {
  await run?.stop();
});

/** Exactly one h1 and no axe violations on the page the browser is on. */
async function check(page: Page): Promise<void> {
  const h1s = await page.locator('h1').count();
  expect(h1s, `${page.url()}: h1 elements`).toBe(1);
  expect(await axeViolations(page), page.url()).toEqual([]);
}

// Every navigation goes through these three, so no page escapes the checks.
async function visit(page: Page, path: string): Promise<void> {
  const res = await page.goto(run.url(path));
  expect(res?.status(), path).toBe(200);
  await check(page);
}
async function follow(page: Page, name: string | RegExp): Promise<void> {
  const link = page.getByRole('link', { name, exact: typeof name === 'string' }).first();
  await Promise.all([page.waitForNavigation(), link.click()]);
  await check(page);
}
async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button }).click()]);
  await check(page);
}

/** The demo account's browser, signed in once through the form (CSP bypassed only for axe). */
async function as(key: string): Promise<Page> {
  const known = signedIn.get(key);
  if (known) return known;
  const page = await run.newPage();
  await visit(page, '/sign-in');
  await page.fill('#email', demoEmail(key));
  await page.fill('#password', run.server.password);
  await submit(page, 'Sign in');
  signedIn.set(key, page);
  return page;
}

const text = async (page: Page, selector: string) => page.locator(selector).first().innerText();
let activity = '';
const J = () => `${activity}/judgements`;
let pdfBytes: Buffer | null = null;
const FINAL_GRADE = 'Requires improvement to be good';
const QA_REASON = 'A third of sampled plans drift without review (panel challenge).';
const DIVERGENCE = 'Wider sampling after the meeting showed plans drifting; the DCS was told.';
const CHALLENGE = 'Is "close to below" enough, given how many plans drift?';

describe('an inspection from provisional grades to publication', () => {
  it(
    'two inspectors record provisional views; the lead resolves and sends them to the panel',
    async () => {
      const lead = await as('lead');
      await follow(lead, /Standard inspection Northfield/);
      activity = new URL(lead.url()).pathname;
      expect(activity).toMatch(/^\/activities\/[0-9a-f-]{36}$/);

      const inspector = await as('inspector');
      await visit(inspector, `${J()}/provisional-views`);
      await inspector.selectOption('#grade-help_and_protection', 'requires_improvement');
      await submit(inspector, 'Record my view of Help and protection');
      expect(await text(inspector, '.govuk-notification-banner')).toContain('recorded');

      await follow(lead, 'Judgements');
      await visit(lead, `${J()}/provisional-views`);
      await lead.selectOption('#grade-help_and_protection', 'good');
      await lead.selectOption('#position-help_and_protection', 'close_to_below');
      await submit(lead, 'Record my view of Help and protection');
      expect(await text(lead, 'table')).toContain('1 grade apart');

      // The team decision, with nearness.
      await visit(lead, `${J()}/help_and_protection/edit`);
      await lead.getByLabel('Good', { exact: true }).check();
      await lead.getByLabel('Close to the grade below').check();
      await lead
        .getByLabel('How near the adjacent grade is')
        .fill('Plans drift for a minority of children; the front door is strong.');
      await submit(lead, 'Save judgement');
      await lead.getByLabel('Consistency panel', { exact: true }).check();
      await submit(lead, 'Move judgements');
      expect(await text(lead, '.govuk-tag')).toMatch(/Consistency panel/i);
    },
    SLOW,
  );

  it(
    'in fieldwork the inspector records evidence on a child picked from the sample; the lead matches the sample to the LA’s IDs',
    async () => {
      const inspector = await as('inspector');
      await visit(inspector, `${activity}/evidence/new`);
      // The child's case is picked from the sample, never typed (a typo would make a new case).
      const ref = await inspector
        .locator('#caseRef option', { hasText: '(sampled: ' })
        .first()
        .getAttribute('value');
      expect(ref).toMatch(/\S/);
      await inspector.fill(
        '#text',
        'The plan was reviewed within a week of the risk rising; the child’s wishes are recorded.',
      );
      await inspector.selectOption('#method', 'case_file_reading');
      await inspector.check('input[name="judgementAreas"][value="help_and_protection"]');
      await inspector.selectOption('#caseRef', ref!);
      await submit(inspector, 'Record evidence');
      expect(await text(inspector, '.govuk-notification-banner')).toContain('recorded');
      expect(await text(inspector, 'main')).toContain(ref!);
      // A new case is a deliberate act, in its own field: both at once is refused.
      await visit(inspector, `${activity}/evidence/new`);
      await inspector.fill('#text', 'A second note on the same child.');
      await inspector.selectOption('#method', 'case_file_reading');
      await inspector.selectOption('#caseRef', ref!);
      await inspector.fill('#newCaseRef', `${ref!}X`);
      await submit(inspector, 'Record evidence');
      expect(await text(inspector, '.govuk-error-summary')).toContain('not both');

      // To ask the LA for the file, the lead matches the sample to the LA's own IDs.
      const lead = await as('lead');
      await visit(lead, `${activity}/sample`);
      await follow(lead, 'match the sampled cases to the LA’s own child IDs');
      await lead.fill('#identifiers', 'LA-ID-NOT-IN-THE-SAMPLE');
      await submit(lead, 'Match');
      expect(await text(lead, '#matches + p')).toMatch(/^0 of \d+ sampled cases matched/);
    },
    SLOW,
  );

  it(
    'the consistency panel challenges, cannot change grades, and the lead answers',
    async () => {
      const panel = await as('panel');
      // Her work is in front of her: from the home page, not a typed address.
      await visit(panel, '/home');
      expect(await text(panel, '#your-work ~ .app-table-wrap')).toContain(
        'Challenge or comment on the judgements',
      );
      expect(await text(panel, '#notifications ~ ul')).toContain('make your challenges');
      await follow(panel, 'Challenge or comment on the judgements');
      expect(panel.url()).toContain('/judgements/panel');
      await panel.getByLabel('Challenge (must be answered)').check();
      await panel.selectOption('#judgementKey', 'help_and_protection');
      await panel.fill('#text', CHALLENGE);
      await submit(panel, 'Add');
      await visit(panel, `${J()}/help_and_protection/edit`);
      expect(await panel.getByRole('button', { name: 'Save judgement' }).count()).toBe(0);

      const lead = await as('lead');
      await visit(lead, '/home');
      await follow(lead, 'Answer 1 consistency panel comment');
      await lead
        .getByLabel('Your answer')
        .fill('We looked again: a third of plans drift. QA to decide.');
      await submit(lead, 'Answer');
      await visit(lead, J());
      await lead.getByLabel('Quality assurance', { exact: true }).check();
      await submit(lead, 'Move judgements');
      expect(await text(lead, '.govuk-tag')).toMatch(/Quality assurance/i);
    },
    SLOW,
  );

  it(
    'the QAM changes a grade with a reason, explains the divergence and approves as final',
    async () => {
      const qam = await as('qam');
      await visit(qam, '/home');
      expect(await text(qam, '#notifications ~ ul')).toContain('ready for your quality assurance');
      await follow(qam, 'Approve the judgements or send them back');
      await follow(qam, /Review or change Help and protection/);
      await qam.getByLabel(FINAL_GRADE, { exact: true }).check();
      await qam.getByLabel('Close to the grade above').check();
      await qam
        .getByLabel('How near the adjacent grade is')
        .fill('Close to good: the front door is strong.');
      await qam.getByLabel('Reason for this change').fill(QA_REASON);
      await submit(qam, 'Save judgement');

      // On site the LA heard "strength" for help and protection; the grade is now lower.
      await visit(qam, `${J()}/divergence`);
      expect(await qam.getByLabel('Explain the difference').count()).toBeGreaterThan(0);
      while ((await qam.getByLabel('Explain the difference').count()) > 0) {
        await qam.getByLabel('Explain the difference').first().fill(DIVERGENCE);
        await submit(qam, 'Save explanation');
      }
      await visit(qam, `${J()}/qa`);
      await qam.getByLabel('Approve as final').check();
      await submit(qam, 'Record decision');
      expect(await text(qam, '.govuk-tag')).toMatch(/Final/i);
      // One state for one inspection: the approval took the activity on to drafting.
      await visit(qam, activity);
      expect(await text(qam, 'h1 ~ p .govuk-tag')).toMatch(/Drafting/i);

      await visit(qam, `${J()}/history`);
      expect(await text(qam, 'main')).toContain(QA_REASON);
      const lead = await as('lead');
      await visit(lead, `${activity}/feedback-log`);
      await visit(lead, `${activity}/moderation-record`);
      expect(await text(lead, 'main')).toContain(DIVERGENCE);
    },
    SLOW,
  );

  it(
    'the lead assembles the report from the final judgements, edits it and compares versions',
    async () => {
      const lead = await as('lead');
      await visit(lead, activity);
      await follow(lead, /^Report/);
      expect(await text(lead, 'h1')).toBe('Report');
      await submit(lead, 'Assemble the draft');
      expect(await text(lead, '.govuk-notification-banner')).toContain('assembled');

      await visit(lead, `${activity}/report/sections/summary`);
      await lead.fill(
        '#text',
        'Services for children in Northfield require improvement to be good.\n\nLeaders ensure that all children are kept safe.',
      );
      await submit(lead, 'Save as a new version');
      expect(await text(lead, '.govuk-notification-banner')).toContain('new version');
      // The language checks show beside the section.
      await visit(lead, `${activity}/report/sections/summary`);
      expect(await text(lead, '.govuk-grid-column-one-third')).toMatch(/ensure|kept safe/i);
      await lead.fill(
        '#text',
        'Services for children in Northfield require improvement to be good.\n\nLeaders know their services well.',
      );
      await submit(lead, 'Save as a new version');

      await visit(lead, `${activity}/report/sections/what_needs_to_improve`);
      await lead.fill(
        '#text',
        'The timeliness of strategy discussions\nPathway plans for care leavers',
      );
      await submit(lead, 'Save as a new version');

      // The children and young people's summary must say what needs to get better too.
      await visit(
        lead,
        `${activity}/report/sections/ilacs_children_summary.what_needs_to_get_better`,
      );
      await lead.fill('#text', 'How quickly plans are made to keep children safe');
      await submit(lead, 'Save as a new version');

      await visit(lead, `${activity}/report/versions`);
      expect(await lead.locator('tbody tr').count()).toBe(5);
      await visit(lead, `${activity}/report/versions/3?compare=2`);
      expect(await text(lead, 'ins')).toContain('Leaders know their services well.');
    },
    SLOW,
  );

  it(
    'the QAM signs off the draft, which moves the inspection on, and the lead releases it',
    async () => {
      const lead = await as('lead');
      // No page offers the lead a step that is not theirs: no hand-made quality assurance.
      await visit(lead, activity);
      expect(await lead.getByLabel('Quality assurance', { exact: true }).count()).toBe(0);
      await visit(lead, `${activity}/report`);
      expect(await text(lead, '#next-steps ~ ul')).toContain('signed it off');
      expect(await lead.getByRole('link', { name: 'Release the draft' }).count()).toBe(0);

      const qam = await as('qam');
      await visit(qam, `${activity}/report`);
      await submit(qam, 'Sign off version 5');
      expect(await text(qam, '.govuk-notification-banner')).toContain('signed off');

      await visit(lead, `${activity}/report`);
      await follow(lead, 'Release the draft to the local authority');
      await submit(lead, 'Release version 5');
      expect(await text(lead, 'h1')).toBe('Factual accuracy check');
    },
    SLOW,
  );

  it(
    'the LA user comments on the released draft and sees the deadline',
    async () => {
      const la = await as('la');
      // Told in the app, and the check is in their work list with its deadline.
      await visit(la, '/home');
      expect(await text(la, '#notifications ~ ul')).toContain(
        'ready for your factual accuracy check',
      );
      expect(await text(la, '#your-work ~ .app-table-wrap')).toMatch(
        /Check the draft report for factual accuracy[\s\S]*\d+ \w+ \d{4}/,
      );
      await follow(la, 'Check the draft report for factual accuracy');
      expect(await text(la, '.govuk-inset-text')).toMatch(
        /Comments close at the end of \d+ \w+ \d{4}/,
      );
      // An empty comment is refused with an error summary that links to the field.
      await la.selectOption('#sectionKey', 'what_needs_to_improve');
      await submit(la, 'Send comment');
      expect(await text(la, '.govuk-error-summary')).toContain('Enter your comment');
      await la.selectOption('#sectionKey', 'what_needs_to_improve');
      await la.fill('#paragraph', '2');
      await la.fill('#text', 'Pathway plans were all reviewed in January.');
      await submit(la, 'Send comment');
      expect(await text(la, '.govuk-notification-banner')).toContain('sent');
      expect(await text(la, '#comments ~ .govuk-summary-list')).toContain('Not answered yet');
      // The LA says it has nothing more, so the check can close before the window does.
      await submit(la, 'Confirm we have no more comments');
      expect(await text(la, '.govuk-inset-text')).toContain('no more comments');
      await visit(la, '/notifications');
      await submit(la, 'Mark all as read');
      expect(await la.getByRole('button', { name: /Mark as read/ }).count()).toBe(0);
    },
    SLOW,
  );

  it(
    'the team responds, the QAM signs off the final text and the lead publishes',
    async () => {
      const lead = await as('lead');
      await visit(lead, `${activity}/report/publish`);
      expect(await text(lead, 'main')).toContain('1 factual accuracy comment has no response');
      await visit(lead, `${activity}/report/factual-accuracy`);
      await follow(lead, 'Respond to this comment');
      await lead.getByLabel('Accepted: the report changes').check();
      await lead.fill(
        '#sectionText',
        'The timeliness of strategy discussions\nPathway plans for care leavers, which were reviewed in January but do not yet reflect young people’s views',
      );
      await submit(lead, 'Record the response');
      expect(await text(lead, '.govuk-notification-banner')).toContain(
        'response has been recorded',
      );
      await visit(lead, `${activity}/report/publish`);
      expect(await text(lead, 'main')).toContain('signs off the text after');
      const qam = await as('qam');
      await visit(qam, `${activity}/report`);
      await submit(qam, 'Sign off version 6');
      await visit(lead, '/home');
      await follow(lead, 'Publish the signed-off report');
      await submit(lead, 'Publish version 6');
      expect(await text(lead, 'h1')).toContain('Inspection of Northfield');
    },
    SLOW,
  );

  it(
    'the LA user reads the published report with the final grades, and its PDF',
    async () => {
      const la = await as('la');
      await visit(la, activity);
      await follow(la, 'Published report');
      const report = await text(la, '.app-report');
      expect(report).toContain('do not yet reflect young people’s views');
      // The grade table is made from the judgements as the QAM left them.
      const row = la.locator('.app-report tr', {
        hasText: 'children who need help and protection',
      });
      expect(await row.first().innerText()).toContain(FINAL_GRADE);
      await visit(la, `${activity}/report/factual-accuracy`);
      expect(await text(la, '.govuk-tag')).toMatch(/accepted/i);
      const res = await la.context().request.get(run.url(`${activity}/report/export?format=pdf`));
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/pdf');
      pdfBytes = await res.body();
      // The LA's own page now shows this inspection as its latest graded one.
      await visit(la, '/las/demo-northfield');
      expect(await text(la, 'main')).toMatch(/Latest graded inspection/);
      expect(await text(la, 'main')).toMatch(/Standard inspection/);
    },
    SLOW,
  );

  it(
    'the LA user follows the link to the moderation record and reads why the grade changed',
    async () => {
      const la = await as('la');
      await visit(la, activity);
      await follow(la, 'Moderation record');
      expect(await text(la, 'h1')).toBe('Moderation record');
      const row = la
        .locator('table', { hasText: 'What the local authority was told on site' })
        .locator('tr', { hasText: 'Help and protection' });
      expect(await row.locator('td').allInnerTexts()).toEqual([
        'Help and protection',
        // From the feedback log: a strength was fed back, no grade was indicated.
        'A strength, no grade indicated',
        FINAL_GRADE,
      ]);
      const main = await text(la, 'main');
      expect(main).toContain(QA_REASON);
      expect(main).toContain(DIVERGENCE);
      expect(main).toContain(CHALLENGE);
      // Changes are attributed to a stage, never to a named person.
      expect(main).not.toContain(DEMO_USERS.find((u) => u.key === 'qam')?.displayName ?? 'QAM');
    },
    SLOW,
  );
});

describe('the PDF, rendered', () => {
  let pdfs: Awaited<ReturnType<typeof servePdfs>>;
  beforeAll(async () => {
    const long = await renderReportPdf(sampleReport());
    pdfs = await servePdfs({ 'report.pdf': () => pdfBytes, 'long.pdf': () => long });
  });
  afterAll(async () => pdfs?.close());

  it('renders the published report to PNG: not blank, title at the top, numbers in the gutter', async () => {
    expect(pdfBytes).not.toBeNull();
    const result = await renderPdf(run.browser, pdfs.base, 'report.pdf');
    expect(result.numPages).toBeGreaterThanOrEqual(1);
    checkPages(result);
    expect(result.pages[0]?.heading).toBeGreaterThan(500);
    expect(result.pages[0]?.text).toContain('Inspection of Northfield');
    const all = result.pages
      .map((p) => p.text)
      .join(' ')
      .replace(/\s+/g, ' ');
    // The QAM's final grade, in the grade table and the section heading.
    expect(all).toMatch(new RegExp(`help and protection:? ${FINAL_GRADE}`));
    expect(result.pages.some((p) => p.gutter > 20)).toBe(true);
  });

  it('lays a long report over several pages, each with its page number', async () => {
    const result = await renderPdf(run.browser, pdfs.base, 'long.pdf');
    expect(result.numPages).toBeGreaterThanOrEqual(4);
    checkPages(result);
    expect(result.pages.filter((p) => p.gutter > 50).length).toBeGreaterThanOrEqual(3);
  });
});

// The risk picture in a real browser (the forms work without JavaScript too: web-risk.test.ts): a
// regional user records intelligence, attaches a document to it, rates every domain and sees the
// regional view; a national user compares regions and reads an LA's national statistics; an LA
// user cannot see risk; the lead turns week-zero items into lines of enquiry. (Submitting and
// acknowledging a self-evaluation: self-evaluation.test.ts.) axe-core and the layout check at
// 1280 and 768 px on every page (axeViolations).
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

const LA = '/las/demo-northfield';

describe('risk picture', () => {
  it('a regional user records intelligence, rates the domains and sees the regional view', async () => {
    const page = await run.signedIn('regional');
    await page.goto(run.url(`${LA}/intelligence/new`));
    expect(await page.locator('h1').innerText()).toBe('Record intelligence');
    expect(await axeViolations(page)).toEqual([]);
    await page.selectOption('#kind', 'serious_incident');
    await page.fill('#title', 'E2E serious incident notification');
    await page.fill('#source', 'Serious incident notification');
    await page.check('input[name="domainKeys"][value="serious_incidents"]');
    await submit(page, 'Record intelligence');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('recorded');
    expect(await page.getByText('E2E serious incident notification').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // The entry's page: a document attached with the file upload, then listed for download.
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: 'E2E serious incident notification' }).click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('E2E serious incident notification');
    expect(await axeViolations(page)).toEqual([]);
    await submit(page, 'Attach the document');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Choose a file');
    expect(await axeViolations(page)).toEqual([]);
    await page.setInputFiles('#file', {
      name: 'notification.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n'),
    });
    await submit(page, 'Attach the document');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('attached');
    expect(await page.getByRole('link', { name: 'notification.pdf' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // Removed again with the button beside it (a plain POST form).
    await submit(page, 'Remove notification.pdf');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('removed');
    expect(await page.getByRole('link', { name: 'notification.pdf' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(run.url(`${LA}/risk/assess`));
    expect(await page.locator('h1').innerText()).toBe('Assess risk');
    // A problem first: no reason given.
    await submit(page, 'Record the assessment');
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Say why');
    expect(await axeViolations(page)).toEqual([]);
    const radios = page.locator('input[type="radio"][value="red"]');
    await radios.first().check();
    await page.fill('#changeReason', 'New serious incident; reviewed after the notification');
    await submit(page, 'Record the assessment');
    expect(await page.locator('h1').innerText()).toBe('Risk picture');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('recorded');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(run.url('/risk/regional'));
    expect(await page.locator('h1').innerText()).toBe('North West');
    expect(await page.getByText('Northfield (demo)').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a national user compares regions and filters the national list', async () => {
    const page = await run.signedIn('national');
    await page.goto(run.url('/risk/national'));
    expect(await page.locator('h1').innerText()).toBe('Risk: national view');
    expect(await axeViolations(page)).toEqual([]);
    await page.selectOption('#region', 'North West');
    await submit(page, 'Filter');
    expect(await page.getByText('Northfield (demo)').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    // An LA's national statistics beside its neighbours, region and England: charts and tables.
    await page.goto(run.url('/las/hartlepool/statistics'));
    expect(await page.locator('h1').innerText()).toBe('National statistics');
    expect(await page.locator('table').count()).toBeGreaterThan(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 768, height: 900 });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the lead reads the week-zero material and makes items lines of enquiry', async () => {
    const page = await run.signedIn('lead');
    const activity = await run.demoActivityPath(page);
    await page.goto(run.url(`${activity}/week-zero`));
    expect(await page.locator('h1').innerText()).toBe('Week-zero material');
    for (const heading of [
      'Risk picture',
      'Recent intelligence',
      'Areas for improvement in the last report',
      'The LA’s latest self-evaluation',
      'The last annual engagement meeting',
    ])
      expect(await page.locator('h2', { hasText: heading }).count(), heading).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    for (const kind of ['self_evaluation', 'engagement_meeting']) {
      const button = page
        .locator(`form:has(input[name="kind"][value="${kind}"])`)
        .first()
        .getByRole('button');
      await Promise.all([page.waitForNavigation(), button.click()]);
      expect(await page.locator('.govuk-notification-banner').count()).toBeGreaterThan(0);
    }
    expect(await page.getByText('Line of enquiry:').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('h2', { hasText: 'Informed by' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('an LA user cannot see risk, only the intelligence shared with it', async () => {
    const page = await run.signedIn('la');
    const res = await page.goto(run.url(`${LA}/risk`));
    expect(res?.status()).toBe(404);
    await page.goto(run.url(`${LA}/intelligence`));
    expect(await page.locator('h1').innerText()).toBe('Intelligence');
    expect(await page.getByText('Concern about caseloads').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(run.url(`${LA}/statistics`));
    expect(await page.locator('h1').innerText()).toBe('National statistics');
    expect(await axeViolations(page)).toEqual([]);
  });
});

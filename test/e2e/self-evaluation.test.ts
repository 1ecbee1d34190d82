// The LA's self-evaluation and the annual engagement meeting in a real browser (the forms work
// without JavaScript too: web-self-evaluation.test.ts): an LA user submits a self-evaluation and
// cannot see risk; a regional user acknowledges it, sees the not-submitted list and reads the
// meetings. axe-core on every page.
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

const SE = '/las/demo-northfield/self-evaluation';

describe('self-evaluation', () => {
  it('an LA user submits a self-evaluation and cannot see risk', async () => {
    const page = await run.signedIn('la');
    await page.goto(run.url(SE));
    expect(await page.locator('h1').innerText()).toBe('Self-evaluation of social work practice');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(run.url(`${SE}/draft`));
    expect(await page.locator('h1').innerText()).toBe('Your self-evaluation');
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#answer_0', 'E2E: practice is improving, audits say so.');
    await submit(page, 'Submit to the region');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('submitted');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(run.url(`${SE}/versions/4`));
    expect(await page.getByText('Awaiting acknowledgement').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(run.url(`${SE}/compare?from=3&to=4`));
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(run.url('/las/demo-northfield/engagement'));
    expect(await axeViolations(page)).toEqual([]);
    for (const url of ['/las/demo-northfield/risk', '/risk/regional', '/self-evaluations']) {
      const res = await page.goto(run.url(url));
      expect(res?.status(), url).toBe(404);
    }
  });

  it('a regional user acknowledges it and sees the not-submitted list and the meetings', async () => {
    const page = await run.signedIn('regional');
    await page.goto(run.url(`${SE}/versions/4`));
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#note', 'Received, thank you');
    await submit(page, 'Acknowledge receipt');
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain('acknowledged');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(run.url('/self-evaluations'));
    expect(await page.locator('h1').innerText()).toBe('North West');
    expect(await page.getByText('Not submitted in the last 12 months').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(run.url('/las/demo-northfield/engagement'));
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(run.url('/las/demo-northfield/engagement/new'));
    expect(await page.locator('h1').innerText()).toBe('Record an annual engagement meeting');
    expect(await axeViolations(page)).toEqual([]);
  });
});

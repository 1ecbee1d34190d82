// What an inspection used and cost (issue 16) in a real browser, with axe-core and the layout
// check on every page: the LA of a published inspection reads its data-used statement and its
// effort; Northfield's LA records its effort through the form; the lead reads the team's working
// time; national staff read the aggregates.
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

/** The published Southmere inspection's path, from its LA user's home page (the LA also has the
 *  focused visits that review its action plan). */
async function southmerePath(page: Page): Promise<string> {
  await page.goto(run.url('/home'));
  const links = await page
    .locator('a[href^="/activities/"]')
    .evaluateAll((as) =>
      as.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent ?? '' })),
    );
  const href = links.find(
    (l) => /^\/activities\/[0-9a-f-]{36}$/.test(l.href) && /Standard inspection/.test(l.text),
  )?.href;
  if (!href) throw new Error('No Southmere activity on the home page');
  return href;
}

describe('data used and burden', () => {
  it('the LA of a published inspection reads what was used and what it cost', async () => {
    const page = await run.newPage();
    await page.goto(run.url('/sign-in'));
    await page.fill('#email', 'dcs@southmere.example');
    await page.fill('#password', run.server.password);
    await submit(page, 'Sign in');
    const path = await southmerePath(page);
    await page.goto(run.url(`${path}/data-used`));
    expect(await page.locator('h1').innerText()).toBe('Data asked for and data used');
    expect(await page.getByText('Cited in judgements').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(run.url(`${path}/burden`));
    expect(await page.locator('h1').innerText()).toBe(
      'What this inspection cost the local authority',
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('Northfield’s LA records its effort; the lead reads the team’s working time', async () => {
    const la = await run.signedIn('la');
    const path = await run.demoActivityPath(la);
    await la.goto(run.url(`${path}/burden`));
    expect(await axeViolations(la)).toEqual([]);
    await la.fill('#hours_data_preparation', 'many');
    await submit(la, 'Record effort');
    expect(await la.locator('.govuk-error-summary').innerText()).toContain('Enter a number');
    expect(await axeViolations(la)).toEqual([]);
    await la.fill('#hours_data_preparation', '42');
    await la.fill('#days_data_preparation', '11.5');
    await submit(la, 'Record effort');
    expect(await la.locator('.govuk-notification-banner').innerText()).toContain('recorded');
    expect(await axeViolations(la)).toEqual([]);
    const res = await la.goto(run.url(`${path}/data-used`));
    expect(res?.status()).toBe(404);

    const lead = await run.signedIn('lead');
    await lead.goto(run.url(`${path}/working-time`));
    expect(await lead.locator('h1').innerText()).toBe('Inspectors’ working time');
    expect(await axeViolations(lead)).toEqual([]);
    await lead.goto(run.url(`${path}/data-used`));
    expect(await axeViolations(lead)).toEqual([]);
  });

  it('national staff read the aggregates', async () => {
    const page = await run.signedIn('national');
    for (const url of ['/data-used/national', '/burden/national', '/working-time/national']) {
      await page.goto(run.url(url));
      expect(await axeViolations(page), url).toEqual([]);
    }
  });
});

// Capture with the network cut, in a real browser: the demo lead opens Record evidence, the
// browser goes offline, two records are typed (one a conversation with a child with no consent
// recorded, which the server must refuse), and the network comes back. The good record arrives
// once; the refused one stays on the device with the reason and its words, never dropped. axe
// checks the page at each step. Needs a build and Chromium at /usr/bin/chromium.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/demo/demo-content.js';
import { axeViolations, launchChromium, startServer, type RunningServer } from '../helpers/e2e.js';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  context = await browser.newContext({ bypassCSP: true });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function go(action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForNavigation(), action()]);
  violations.push(...(await axeViolations(page)));
}

const status = () => page.locator('[data-offline-status]');

describe('capture with the network cut', () => {
  it('queues records offline, syncs them once, and keeps a refused one with its reason', async () => {
    const lead = DEMO_USERS.find((u) => u.key === 'lead')!;
    await page.goto(`${server.url}/sign-in`);
    await page.fill('#email', lead.email);
    await page.fill('#password', server.password);
    await go(() => page.getByRole('button', { name: 'Sign in' }).click());
    await go(() =>
      page.locator('a', { hasText: 'Standard inspection Northfield' }).first().click(),
    );
    await go(() =>
      page.locator('#evidence-and-analysis + ul a', { hasText: 'Evidence' }).first().click(),
    );
    const listUrl = page.url();
    await go(() => page.getByRole('button', { name: 'Record evidence' }).click());
    // The session's device key is fetched while online; the records are encrypted with it.
    await page.waitForFunction(() =>
      Object.keys(sessionStorage).some((k) => sessionStorage.getItem(k)),
    );

    await context.setOffline(true);
    const kept = 'Offline: the team manager described weekly case discussions at the front door.';
    await page.fill('#text', kept);
    await page.getByRole('button', { name: 'Record evidence' }).click();
    await expect.poll(() => status().innerText()).toContain('1 record waiting to sync');
    const refused = 'Offline: a child said she wanted to see her brother more often.';
    // GOV.UK Frontend's preventDoubleClick ignores a second press of the button within a second.
    await page.waitForTimeout(1100);
    await page.selectOption('#method', 'child_conversation');
    await page.fill('#text', refused);
    await page.getByRole('button', { name: 'Record evidence' }).click();
    await expect.poll(() => status().innerText()).toContain('2 records waiting to sync');
    violations.push(...(await axeViolations(page)));

    await context.setOffline(false);
    await expect
      .poll(() => status().innerText(), { timeout: 20_000 })
      .toContain('1 record was refused by the server');
    const text = await status().innerText();
    expect(text).not.toContain('waiting to sync');
    expect(text).toContain(refused);
    expect(text).toMatch(/consent/i);
    violations.push(...(await axeViolations(page)));

    // The good record arrived once; the refused one did not arrive at all.
    await page.goto(`${listUrl}?q=${encodeURIComponent('weekly case discussions')}`);
    const body = await page.locator('main').innerText();
    expect(body.split('weekly case discussions at the front door').length - 1).toBe(1);
    expect(body).not.toContain('see her brother more often');
    expect(violations).toEqual([]);
  }, 180_000);
});

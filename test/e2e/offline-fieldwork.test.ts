// Fieldwork with the network cut, in a real browser (issue 17). The demo lead opens the capture,
// edit and coding pages online (each kept on the device, encrypted), then the browser goes
// offline: the pages open again from the device, ten records are captured, two codings made on the
// workbench and one of the lead's records edited, while a colleague edits the same record online.
// On reconnecting, the ten records and two codings arrive exactly once (checked through the JSON
// API), and the edit becomes a conflict resolved on the conflict page with both texts side by
// side: neither text is lost. Signing out wipes the device's copy. axe checks every page seen.
// Needs a build and Chromium at /usr/bin/chromium.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/demo/demo-content.js';
import { axeViolations, launchChromium, startServer, type RunningServer } from '../helpers/e2e.js';

let server: RunningServer;
let browser: Browser;
let lead: BrowserContext;
let colleague: BrowserContext;
let page: Page;
const violations: string[] = [];
const MARK = 'kestrelwatch';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  lead = await browser.newContext({ bypassCSP: true });
  colleague = await browser.newContext({ bypassCSP: true });
  page = await lead.newPage();
});

afterAll(async () => {
  await lead?.close().catch(() => undefined);
  await colleague?.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function go(p: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([p.waitForNavigation(), action()]);
  violations.push(...(await axeViolations(p)));
}

async function signIn(p: Page, key: string): Promise<void> {
  const user = DEMO_USERS.find((u) => u.key === key)!;
  await p.goto(`${server.url}/sign-in`);
  await p.fill('#email', user.email);
  await p.fill('#password', server.password);
  await go(p, () => p.getByRole('button', { name: 'Sign in' }).click());
}

/** Opens a page with no network: the service worker's /offline page puts the kept one back. */
async function openOffline(path: string, heading: RegExp): Promise<void> {
  await page.goto(`${server.url}${path}`);
  await expect.poll(() => page.locator('h1').innerText()).toMatch(heading);
  // It is the device's copy: the offline page was fetched without the session (no sign-out).
  expect(await page.locator('form[action="/sign-out"]').count()).toBe(0);
  violations.push(...(await axeViolations(page)));
}

/** What the device keeps (names only: the contents are encrypted). */
function keptIds(): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const req = indexedDB.open('triangulate-offline');
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('kept')) return resolve([]);
          const all = db.transaction('kept').objectStore('kept').getAllKeys();
          all.onsuccess = () => resolve(all.result.map(String));
        };
        req.onerror = () => resolve([]);
      }),
  );
}

/** Records a record online through the JSON API (the page's CSRF token); answers its id. */
async function recordOnline(activityId: string, text: string): Promise<string> {
  const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
  const res = await page.request.post(`${server.url}/api/v1/activities/${activityId}/evidence`, {
    headers: { 'x-csrf-token': csrf },
    data: { text, method: 'case_file_reading' },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function api<T>(path: string): Promise<T> {
  const res = await page.request.get(`${server.url}${path}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

/** Selects `count` characters of the workbench text from its start (or back from its end). */
async function selectInText(from: 'Home' | 'End', count: number): Promise<void> {
  await page.focus('#wb-text');
  await page.keyboard.press(from);
  const key = from === 'Home' ? 'Shift+ArrowRight' : 'Shift+ArrowLeft';
  for (let i = 0; i < count; i++) await page.keyboard.press(key);
}

describe('fieldwork with the network cut', () => {
  it('captures ten records and two codings offline, syncs them once, and turns a clashing edit into a conflict resolved with both texts', async () => {
    await signIn(page, 'lead');
    await go(page, () =>
      page.locator('a', { hasText: 'Standard inspection Northfield' }).first().click(),
    );
    await go(page, () =>
      page.locator('#evidence-and-analysis + ul a', { hasText: 'Evidence' }).first().click(),
    );
    const activityId = /\/activities\/([^/]+)\//.exec(page.url())![1]!;
    const base = `${server.url}/activities/${activityId}`;
    const path = `/activities/${activityId}`;

    // Online: two records of the lead's, then the pages visited (and so kept on the device).
    const edited = await recordOnline(
      activityId,
      'The front door screened contacts within a day in the cases seen.',
    );
    const coded = await recordOnline(
      activityId,
      'Supervision records showed reflective discussion and clear actions for each child.',
    );
    await go(page, () => page.goto(`${base}/evidence/new`));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await go(page, () => page.goto(`${base}/evidence/${edited}/edit`));
    await go(page, () => page.goto(`${base}/workbench?evidence=${coded}`));
    await expect
      .poll(async () => (await keptIds()).filter((k) => k.startsWith('page:')).length)
      .toBe(3);
    expect(await keptIds()).toContain(`pack:${activityId}`);
    const codingsBefore = (
      await api<{ total: number }>(`/api/v1${path}/codings?evidenceId=${coded}`)
    ).total;

    await lead.setOffline(true);

    // Ten records on the capture page, opened from the device.
    await openOffline(`${path}/evidence/new`, /^Record evidence$/);
    const status = page.locator('[data-offline-status]');
    for (let n = 1; n <= 10; n++) {
      // GOV.UK Frontend's preventDoubleClick ignores a second press within a second.
      if (n > 1) await page.waitForTimeout(1100);
      await page.fill('#text', `Offline ${MARK} record ${n}: a practitioner described the plan.`);
      await page.getByRole('button', { name: 'Record evidence' }).click();
      await expect
        .poll(() => status.innerText())
        .toContain(`${n} ${n === 1 ? 'record' : 'records'} waiting to sync`);
    }
    violations.push(...(await axeViolations(page)));

    // Two codings on the workbench, opened from the device.
    await openOffline(`${path}/workbench?evidence=${coded}`, /^Coding workbench$/);
    const apply = page.locator('[data-apply-code]');
    await selectInText('Home', 11);
    await apply.nth(0).click();
    await expect.poll(() => page.locator('#wb-offline-status').innerText()).toContain('1 coding');
    await selectInText('End', 12);
    await apply.nth(1).click();
    await expect
      .poll(() => page.locator('#wb-offline-status').innerText())
      .toContain('2 codings waiting to sync');
    violations.push(...(await axeViolations(page)));

    // An edit of the lead's record, from version 1 ...
    await openOffline(`${path}/evidence/${edited}/edit`, /^Edit E\d+$/);
    const mine =
      'The front door screened contacts within a day; two waited four days (offline note).';
    await page.fill('#text', mine);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => status.innerText()).toContain('1 edit');
    expect(await status.innerText()).toContain('10 records, 1 edit, 2 codings waiting to sync');

    // ... while a colleague edits the same record online.
    const other = await colleague.newPage();
    await signIn(other, 'inspector');
    await other.goto(`${base}/evidence/${edited}/edit`);
    const theirs = 'The front door screened contacts within a day, managers said (colleague).';
    await other.fill('#text', theirs);
    await go(other, () => other.getByRole('button', { name: 'Save changes' }).click());

    await lead.setOffline(false);
    await expect
      .poll(() => status.innerText(), { timeout: 40_000 })
      .toContain('a colleague’s change to the same record');
    expect(await status.innerText()).not.toContain('waiting to sync');
    violations.push(...(await axeViolations(page)));

    // All arrived exactly once, as the server has them.
    const list = await api<{ groups: Array<{ records: Array<{ id: string; text: string }> }> }>(
      `/api/v1${path}/evidence?by=person&limitPerGroup=1000&search=${MARK}`,
    );
    const records = list.groups.flatMap((g) => g.records);
    expect(records).toHaveLength(10);
    expect(new Set(records.map((r) => r.id)).size).toBe(10);
    for (let n = 1; n <= 10; n++)
      expect(records.filter((r) => r.text.includes(`${MARK} record ${n}:`))).toHaveLength(1);
    const codings = await api<{ total: number }>(`/api/v1${path}/codings?evidenceId=${coded}`);
    expect(codings.total).toBe(codingsBefore + 2);
    // A reload syncs again: nothing is left to send, nothing arrives twice.
    await go(page, () => page.reload());
    expect(
      (
        await api<{ groups: Array<{ records: unknown[] }> }>(
          `/api/v1${path}/evidence?by=person&limitPerGroup=1000&search=${MARK}`,
        )
      ).groups.flatMap((g) => g.records),
    ).toHaveLength(10);

    // The conflict, with both texts side by side; the merged text keeps both.
    await go(page, () => page.getByRole('link', { name: 'Resolve the conflict' }).first().click());
    expect(await page.locator('#device-text').innerText()).toContain(mine);
    expect(await page.locator('#server-text').innerText()).toContain(theirs);
    await go(page, () => page.getByRole('button', { name: 'Keep this text' }).click());
    const after = (await api<{ record: { text: string } }>(`/api/v1${path}/evidence/${edited}`))
      .record;
    expect(after.text).toContain(mine);
    expect(after.text).toContain(theirs);

    // Signing out wipes the device's copy: offline, the capture page is no longer there.
    await go(page, () => page.getByRole('button', { name: 'Sign out' }).click());
    await lead.setOffline(true);
    await page.goto(`${base}/evidence/new`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('You are offline');
    expect(await page.locator('main').innerText()).not.toContain(MARK);
    violations.push(...(await axeViolations(page)));
    await lead.setOffline(false);

    expect(violations).toEqual([]);
  }, 300_000);
});

// The coding workbench in Chromium, as the demo inspector: open it from the activity page,
// select text with the mouse and with the keyboard, apply codes with Apply, the type-ahead
// picker and a number key, see the margin, pick a coding, add a memo, run a text search and a
// coding query and open a hit; axe-core (no exceptions) in each state. The emoji sentence's
// offsets are checked through the API in code points. Needs a build and Chromium.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/demo/demo-content.js';
import { axeViolations, launchChromium, startServer, type RunningServer } from '../helpers/e2e.js';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const email = (key: string): string => DEMO_USERS.find((u) => u.key === key)?.email ?? key;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  context = await browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function expectNoAxe(): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/** Drags the mouse across `words` in the centre pane (they must sit in one text node). */
async function dragOver(words: string): Promise<void> {
  const box = await page.evaluate((w) => {
    const root = document.getElementById('wb-text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(w);
      if (at < 0) continue;
      n.parentElement!.scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + 1);
      const first = r.getBoundingClientRect();
      r.setStart(n, at + w.length - 1);
      r.setEnd(n, at + w.length);
      const last = r.getBoundingClientRect();
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    }
    return null;
  }, words);
  if (!box) throw new Error(`"${words}" is not in one text node of the centre pane`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, box.y2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

const status = () => page.locator('#wb-status');

describe('coding workbench in the browser', () => {
  it('codes by mouse and keyboard, shows the margin, adds a memo, runs queries; passes axe', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.fill('#email', email('inspector'));
    await page.fill('#password', server.password);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    await page.locator('a', { hasText: 'Standard inspection Northfield' }).first().click();
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: 'Coding workbench' }).click(),
    ]);
    expect(await page.locator('h1').innerText()).toBe('Coding workbench');
    await page.getByRole('button', { name: 'Apply Plans', exact: true }).waitFor();
    await expectNoAxe();

    // Mouse: drag across words, then Apply on a code.
    await dragOver('Core group meetings have happened every four weeks');
    await expect
      .poll(() => page.locator('#wb-selection').innerText())
      .toContain('Selected “Core group meetings have happened every four weeks”');
    await page.getByRole('button', { name: 'Apply Plans', exact: true }).click();
    await expect.poll(() => status().innerText()).toContain('with Plans.');
    const margin = page.locator('.app-wb-margin__list');
    expect(await margin.innerText()).toContain('Core group meetings have happened every');
    expect(await page.locator('mark', { hasText: 'Core group meetings' }).count()).toBe(1);
    await expectNoAxe();

    // Keyboard: from the start, two words along, select three more, then the picker.
    await page.locator('#wb-text').focus();
    await page.keyboard.press('Escape');
    const codedBefore = Number(await page.locator('#wb-text').getAttribute('data-coding-count'));
    await page.keyboard.press('Home');
    for (let i = 0; i < 2; i++) await page.keyboard.press('Control+ArrowRight');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
    await expect
      .poll(() => page.locator('#wb-selection').innerText())
      .toContain('Selected “ the allocated social”');
    await page.keyboard.press('c');
    await expect.poll(() => page.locator('#wb-picker-input').isVisible()).toBe(true);
    await page.keyboard.type('assess');
    await expect
      .poll(() => page.locator('[role=option][aria-selected=true]').innerText())
      .toContain('Assessments');
    await expectNoAxe();
    await page.keyboard.press('Enter');
    await expect.poll(() => status().innerText()).toContain('with Assessments.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('wb-text');
    // A number key applies a recent code (1 = the one just used) to a new selection.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+Control+ArrowRight');
    await page.keyboard.press('1');
    await expect.poll(() => status().innerText()).toContain('Coded “worker” with Assessments.');
    // The list's count for this record follows coding done with scripts.
    await expect
      .poll(() =>
        page.locator('.app-wb-list__link[aria-current=true] [data-coding-count]').innerText(),
      )
      .toBe(`${codedBefore + 2} codings`);
    expect(await page.locator('.app-wb-recent').innerText()).toContain('Assessments');
    await expectNoAxe();

    // Pick a coding in the margin: its span is selected and its memos are shown.
    await page.locator('a[data-select-coding]', { hasText: 'Plans' }).first().click();
    await expect.poll(() => status().innerText()).toContain('coded Plans');
    expect(await page.locator('#wb-memos').innerText()).toContain('On the coding Plans');
    await expectNoAxe();

    // Add a memo on the record (a plain form post; the page comes back with it).
    await page.getByText('Add a memo on E1', { exact: true }).click();
    await page.fill('#wb-memo-evidence-text', 'Ask the team manager about core group attendance.');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Add the memo' }).first().click(),
    ]);
    expect(await page.locator('.govuk-notification-banner').innerText()).toContain(
      'The memo has been saved.',
    );
    expect(await page.locator('#wb-memos').innerText()).toContain(
      'Ask the team manager about core group attendance.',
    );
    await page.getByRole('button', { name: 'Apply Plans', exact: true }).waitFor();
    await expectNoAxe();

    // Text search, then open a hit in the centre pane with the hit selected.
    await page.fill('#wb-q', 'foster');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.locator('#wb-hits-summary').innerText()).toMatch(/records? match/);
    await expectNoAxe();
    const hit = page.locator('#wb-hits a').first();
    const ref = await hit.innerText();
    await hit.click();
    await expect.poll(() => page.locator('#wb-record-heading').innerText()).toContain(ref);
    await expect.poll(() => page.locator('#wb-selection').innerText()).toMatch(/Selected “foster/i);
    await expectNoAxe();

    // Coding query, then open a passage.
    await page.fill('#wb-expression', 'Stability');
    await page.getByRole('button', { name: 'Run the coding query' }).click();
    await expect.poll(() => page.locator('#wb-hits-summary').innerText()).toContain('passage');
    await page.locator('#wb-hits a').first().click();
    await expect.poll(() => status().innerText()).toContain('selected');
    await expectNoAxe();
  }, 180_000);

  it('codes a sentence with an emoji and accents, offsets in code points', async () => {
    // A fresh page load (not the swapped-in record part) so the keyboard handlers are bound to
    // the text element the test focuses.
    const href = await page
      .locator('a.app-wb-list__link', { hasText: 'Conversation with Joël' })
      .first()
      .getAttribute('href');
    await page.goto(new URL(href!, page.url()).toString());
    await expect.poll(() => page.locator('#wb-record-heading').innerText()).toContain('E5');
    // The record part is swapped in after the heading; focus the new text, not the old one.
    await expect.poll(() => page.locator('#wb-text').innerText()).toContain('He said');
    await page.waitForLoadState('networkidle');
    await page.locator('#wb-text').focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 10; i++) await page.keyboard.press('Control+ArrowRight');
    await page.keyboard.press('s');
    const sentence =
      'He said: “I’ve had four social workers, I stopped telling them stuff 🙁 but my foster carer is sound.”';
    await expect
      .poll(() => page.locator('#wb-selection').innerText())
      .toContain('Selected “He said');
    await page.keyboard.press('c');
    await page.keyboard.type('Voice');
    await page.keyboard.press('Enter');
    await expect.poll(() => status().innerText()).toContain('with Voice.');
    const found = await page.evaluate(async () => {
      const root = document.querySelector<HTMLElement>('[data-module="app-workbench"]')!;
      const text = document.getElementById('wb-text')!;
      const res = await fetch(
        `/api/v1/activities/${root.dataset.activityId}/codings?evidenceId=${text.dataset.evidenceId}`,
      );
      const body = (await res.json()) as {
        codings: Array<{ codeName: string; start: number; end: number; spanText: string }>;
      };
      return { codings: body.codings, text: text.textContent ?? '' };
    });
    const coding = found.codings.find((c) => c.codeName === 'Voice' && c.spanText === sentence);
    expect(coding).toBeDefined();
    const chars = Array.from(found.text);
    expect(chars.slice(coding!.start, coding!.end).join('')).toBe(sentence);
    // In UTF-16 the emoji counts twice, so the end would be one more.
    expect(found.text.indexOf(sentence) + sentence.length).toBe(coding!.end + 1);
    await expectNoAxe();
  }, 120_000);
});

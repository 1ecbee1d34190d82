// The layout check itself (test/helpers/e2e-layout.ts), on hand-made pages: it must catch what
// it is there to catch, and pass a page that is fine, or a green e2e run proves nothing.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/e2e.js';
import { heightProblem, layoutProblems, MAX_PAGE_HEIGHT } from '../helpers/e2e-layout.js';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

const nav = (items: number): string =>
  `<header><nav><ul>${Array.from({ length: items }, (_, i) => `<li style="display:inline-block;width:300px">Item ${i}</li>`).join('')}</ul></nav></header>`;

async function problemsOf(body: string): Promise<string[]> {
  await page.setContent(`<!doctype html><html><body style="margin:0">${body}</body></html>`);
  return layoutProblems(page);
}

describe('layout check', () => {
  it('passes a page that fits, including a wide table in a named scrolling region', async () => {
    const problems = await problemsOf(
      `${nav(4)}<main><p>Fine.</p><div tabindex="0" role="region" aria-label="Wide" style="overflow-x:auto"><table><tr><td style="min-width:2000px">wide</td></tr></table></div></main>`,
    );
    expect(problems).toEqual([]);
    expect(page.viewportSize()).toEqual({ width: 1400, height: 900 });
  });

  it('catches sideways scrolling, clipped text, an unnamed scroller and a three-line menu', async () => {
    const problems = await problemsOf(
      `${nav(10)}<main><div style="width:1500px">too wide</div>` +
        `<strong class="govuk-tag" style="display:inline-block;max-width:60px;white-space:nowrap">Requires improvement</strong>` +
        `<div style="overflow-x:auto"><table><tr><td style="min-width:2000px">wide</td></tr></table></div></main>`,
    );
    const text = problems.join('\n');
    expect(text).toContain('the document scrolls sideways');
    expect(text).toContain('sticks out past the window');
    expect(text).toContain('cuts its text off');
    expect(text).toContain('not a focusable, labelled region');
    expect(text).toMatch(/header navigation wraps to [3-9] lines/);
    expect(text).toContain('at 768 px');
  });

  it('fails a page taller than the limit at 1280 px, unless it is allowed with a reason', async () => {
    const tall = await problemsOf(
      `<main><div style="height:${MAX_PAGE_HEIGHT + 500}px">long</div></main>`,
    );
    expect(tall.join('\n')).toMatch(
      /layout at 1280 px: the page is \d+ px tall at 1280 px \(at most 12000\)/,
    );
    expect(
      await problemsOf(`<main><div style="height:${MAX_PAGE_HEIGHT - 500}px">fits</div></main>`),
    ).toEqual([]);
    expect(
      heightProblem('http://x/activities/1/evidence', 1280, MAX_PAGE_HEIGHT + 1),
    ).not.toBeNull();
    expect(heightProblem('http://x/activities/1/evidence', 768, MAX_PAGE_HEIGHT + 1)).toBeNull();
  });
});

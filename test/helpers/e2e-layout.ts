// Layout check run with axe on every page the e2e tests visit: at 1280 px and 768 px wide the
// document must not scroll sideways, nothing in the main content may stick out past the window
// (unless it sits inside a region that scrolls sideways on purpose), no text may be cut off by a
// box that hides its overflow (a clipped GOV.UK tag), and the header navigation wraps to at most
// two lines; and no page runs past MAX_PAGE_HEIGHT at 1280 px unless allowed in TALL_PAGES with a
// reason. It compares layout, not pixels, so it holds across fonts and Chromium versions.
import { appendFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export const LAYOUT_WIDTHS = [1280, 768] as const;
const MAX_NAV_LINES = 2;

/**
 * No page may run longer than this at 1280 px wide: a longer list is paged (keyset, GOV.UK
 * pagination) or folded into sections (GOV.UK details or accordion). A page over it must be
 * listed in TALL_PAGES with the reason it may be long.
 */
export const MAX_PAGE_HEIGHT = 12_000;
const HEIGHT_WIDTH = 1280;

/** Pages allowed past MAX_PAGE_HEIGHT: a pattern of the URL's path and query, and why. */
export const TALL_PAGES: ReadonlyArray<{ url: RegExp; reason: string }> = [
  {
    url: /^\/corpus\/documents\/[^/]+$/,
    reason: 'a published report is read whole, as Ofsted published it (its findings are folded)',
  },
];

/** The height problem of a page `height` px tall at `width` px, if any. */
export function heightProblem(url: string, width: number, height: number): string | null {
  if (width !== HEIGHT_WIDTH || height <= MAX_PAGE_HEIGHT) return null;
  const { pathname, search } = new URL(url, 'http://localhost');
  if (TALL_PAGES.some((p) => p.url.test(pathname + search))) return null;
  return `the page is ${height} px tall at ${width} px (at most ${MAX_PAGE_HEIGHT}): page the list or fold it into sections, or allow it in TALL_PAGES with a reason`;
}

interface LayoutFinding {
  what: string;
  where: string;
}

/** Resizes the page to each checked width, checks its layout, restores the size it had. */
export async function layoutProblems(page: Page): Promise<string[]> {
  const original = page.viewportSize();
  const height = original?.height ?? 900;
  const problems: string[] = [];
  try {
    for (const width of LAYOUT_WIDTHS) {
      await page.setViewportSize({ width, height });
      const { findings, height: pageHeight } = await page.evaluate(
        checkLayoutInPage,
        MAX_NAV_LINES,
      );
      // E2E_PAGE_HEIGHTS=<file> lists every checked page's height, to find the pages that need paging.
      const heightsFile = process.env.E2E_PAGE_HEIGHTS;
      if (heightsFile) appendFileSync(heightsFile, `${width}\t${pageHeight}\t${page.url()}\n`);
      for (const f of findings)
        problems.push(`${page.url()}\n  layout at ${width} px: ${f.what}\n    at ${f.where}`);
      const tall = heightProblem(page.url(), width, pageHeight);
      if (tall) problems.push(`${page.url()}\n  layout at ${width} px: ${tall}`);
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
  return problems;
}

/** Runs inside the page: one evaluate per width. Must be self-contained (it is serialised). */
function checkLayoutInPage(maxNavLines: number): { findings: LayoutFinding[]; height: number } {
  const findings: LayoutFinding[] = [];
  const slack = 1; // sub-pixel rounding
  const doc = document.documentElement;
  const viewport = doc.clientWidth;
  const describe = (el: Element): string => {
    const id = el.id ? `#${el.id}` : '';
    const cls =
      typeof el.className === 'string' && el.className.trim()
        ? `.${el.className.trim().split(/\s+/).join('.')}`
        : '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `${el.tagName.toLowerCase()}${id}${cls}${text ? ` "${text}"` : ''}`;
  };
  const scrollsSideways = (el: Element): boolean => {
    const ox = getComputedStyle(el).overflowX;
    return ox === 'auto' || ox === 'scroll';
  };
  const visible = (el: Element, rect: DOMRect): boolean => {
    if (rect.width === 0 && rect.height === 0) return false;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') return false;
    // Visually hidden text (govuk-visually-hidden) is a 1 px clipped box by design.
    return !(rect.width <= 1 || rect.height <= 1);
  };

  if (doc.scrollWidth > doc.clientWidth + slack) {
    // Name the outermost culprits so the message says what to fix.
    const culprits = Array.from(document.body.querySelectorAll('*')).filter((el) => {
      const r = el.getBoundingClientRect();
      const parent = el.parentElement?.getBoundingClientRect();
      return r.right > viewport + slack && (!parent || parent.right <= viewport + slack);
    });
    findings.push({
      what: `the document scrolls sideways (scrollWidth ${doc.scrollWidth} > clientWidth ${doc.clientWidth})`,
      where: culprits.slice(0, 3).map(describe).join('; ') || 'html',
    });
  }

  const main = document.querySelector('main') ?? document.body;
  const reported = new Set<Element>();
  for (const el of Array.from(main.querySelectorAll('*'))) {
    // An <svg> clips its own drawing, so only the <svg> box itself is measured.
    if (el instanceof SVGElement && !(el instanceof SVGSVGElement)) continue;
    const rect = el.getBoundingClientRect();
    if (!visible(el, rect)) continue;
    // Inside a region that scrolls sideways, sticking out is what scrolling is for.
    let scroller: Element | null = el.parentElement;
    while (scroller && scroller !== main && !scrollsSideways(scroller))
      scroller = scroller.parentElement;
    const insideScroller = scroller !== null && scroller !== main;
    let ancestorReported = false;
    for (let a = el.parentElement; a && a !== main; a = a.parentElement)
      if (reported.has(a)) ancestorReported = true;
    const style = getComputedStyle(el);
    // A region that does scroll sideways must be reachable and named for keyboard users (GOV.UK's
    // advice for wide tables): focusable, role="region" and a label.
    if (scrollsSideways(el) && el.scrollWidth > el.clientWidth + slack) {
      const named = el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby');
      if (el.getAttribute('tabindex') !== '0' || el.getAttribute('role') !== 'region' || !named)
        findings.push({
          what: 'scrolls sideways but is not a focusable, labelled region (tabindex="0", role="region", aria-label)',
          where: describe(el),
        });
    }
    // Unbreakable text overflows its box without any element's box showing it.
    const contentRight = style.overflowX === 'visible' ? rect.left + el.scrollWidth : rect.right;
    const right = Math.max(rect.right, contentRight);
    if (!insideScroller && !ancestorReported && right > viewport + slack) {
      reported.add(el);
      findings.push({
        what: `sticks out past the window (right edge ${Math.round(right)} > ${viewport})`,
        where: describe(el),
      });
    }
    // A GOV.UK tag's text spilling out of its coloured box reads as cut off too.
    const hides =
      ['hidden', 'clip'].includes(style.overflowX) || el.classList.contains('govuk-tag');
    const hasText = Array.from(el.childNodes).some(
      (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
    );
    // An ellipsis says the text goes on (the workbench list's one-line excerpts): a preview by
    // design, not text lost.
    const signalled = style.textOverflow === 'ellipsis';
    if (hides && !signalled && hasText && el.scrollWidth > el.clientWidth + slack)
      findings.push({
        what: `cuts its text off (scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth})`,
        where: describe(el),
      });
  }

  const navItems = Array.from(
    document.querySelectorAll(
      '.govuk-service-navigation__item, .govuk-header__navigation-item, header nav li',
    ),
  );
  // Items on one line may differ by a few pixels (the current item's border), so tops within
  // half an item's height count as one line.
  const tops = navItems
    .map((li) => li.getBoundingClientRect())
    .filter((r) => r.height > 0)
    .sort((a, b) => a.top - b.top);
  let lines = 0;
  let lineTop = -Infinity;
  for (const r of tops)
    if (r.top > lineTop + r.height / 2) {
      lines += 1;
      lineTop = r.top;
    }
  if (lines > maxNavLines)
    findings.push({
      what: `the header navigation wraps to ${lines} lines (at most ${maxNavLines})`,
      where: 'header navigation',
    });
  return { findings, height: doc.scrollHeight };
}

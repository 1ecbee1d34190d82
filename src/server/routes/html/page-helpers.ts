// Small helpers shared by the evidence, analysis, enquiry and exchange pages: breadcrumbs, query
// strings that keep a page's filters, GOV.UK pagination items, and text with highlighted ranges
// turned into escaped HTML with <mark> elements.
import { cpSlice } from '../../../domain/evidence/offsets.js';

export function crumbs(page: { activity: { id: string; title: string } }) {
  return [
    { text: 'Home', href: '/home' },
    { text: page.activity.title, href: `/activities/${page.activity.id}` },
  ];
}

/** A query parameter that may repeat or hold a comma-separated list. */
export function listParam(v: unknown): string[] {
  const items = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return items
    .flatMap((x) => String(x).split(','))
    .map((x) => x.trim())
    .filter(Boolean);
}

export function pageNumber(v: unknown): number {
  const n = typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : 1;
  return Math.max(1, n);
}

/** A query string of the values set (lists repeat their name); empty values are left out. */
export function queryString(
  values: Record<string, string | string[] | number | undefined | null>,
): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '') continue;
    for (const item of Array.isArray(v) ? v : [v]) if (item !== '') p.append(k, String(item));
  }
  return p.toString();
}

/** GOV.UK pagination for `total` items, `size` a page, on page `current` (null for one page). */
export function pagination(
  total: number,
  size: number,
  current: number,
  href: (page: number) => string,
): { previous?: { href: string }; next?: { href: string }; items: unknown[] } | null {
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages <= 1) return null;
  const shown = [...new Set([1, current - 1, current, current + 1, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  const items: unknown[] = [];
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1]! > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: href(n), current: n === current });
  });
  return {
    ...(current > 1 ? { previous: { href: href(current - 1) } } : {}),
    ...(current < pages ? { next: { href: href(current + 1) } } : {}),
    items,
  };
}

const escapeHtml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/**
 * `text` (which starts at code point `offset` of its record) as escaped HTML with each range
 * (record offsets, code points) in a <mark>. Ranges outside the text are cut to it.
 */
export function markedHtml(text: string, ranges: Array<[number, number]>, offset = 0): string {
  const length = Array.from(text).length;
  const sorted = ranges
    .map(([s, e]) => [Math.max(0, s - offset), Math.min(length, e - offset)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [s, e] of sorted) {
    if (s < at) continue;
    out += escapeHtml(cpSlice(text, at, s));
    out += `<mark class="app-mark">${escapeHtml(cpSlice(text, s, e))}</mark>`;
    at = e;
  }
  return out + escapeHtml(cpSlice(text, at, length));
}

const count = (n: number): string => n.toLocaleString('en-GB');

/**
 * A keyset page's GOV.UK pagination (previous and next links: a token cannot jump to page 37)
 * and the line that says where the page sits: "Showing 51 to 100 of 6,000 records".
 */
export function seekPagination(
  page: {
    items: readonly unknown[];
    start: number;
    total: number;
    next: string | null;
    previous: string | null;
  },
  href: (token: string) => string,
  noun: { one: string; many: string },
  landmarkLabel: string,
  size: number,
): {
  showing: string;
  pagination: { previous?: object; next?: object; landmarkLabel: string } | null;
} {
  const n = page.items.length;
  const of = `${count(page.total)} ${page.total === 1 ? noun.one : noun.many}`;
  const showing =
    n === 0
      ? `No ${noun.many}`
      : n === page.total
        ? `Showing all ${of}`
        : `Showing ${count(page.start + 1)} to ${count(page.start + n)} of ${of}`;
  if (!page.next && !page.previous) return { showing, pagination: null };
  return {
    showing,
    pagination: {
      landmarkLabel,
      ...(page.previous
        ? {
            previous: {
              href: href(page.previous),
              labelText: `${count(Math.max(0, page.start - size) + 1)} to ${count(page.start)} of ${count(page.total)}`,
            },
          }
        : {}),
      ...(page.next
        ? {
            next: {
              href: href(page.next),
              labelText: `${count(page.start + n + 1)} to ${count(Math.min(page.total, page.start + n + size))} of ${count(page.total)}`,
            },
          }
        : {}),
    },
  };
}

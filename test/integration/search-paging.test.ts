// Evidence search pages by key (issue 19): walking a search with `next` (and back with `previous`)
// gives exactly the hits of one request for all of them, in rank order with ties broken by record
// number; every page says how many match, that it is limited, and how to get the rest; the page
// and the API carry the same tokens. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { buildApp } from '../../src/server/app.js';
import { searchAllEvidence as searchAllRows } from '../../src/data/repositories/evidence-search.js';
import { parseTextQuery } from '../../src/domain/analysis/text-query.js';
import { searchAllEvidence } from '../../src/usecases/analysis/search-all-evidence.js';
import { searchEvidence, type SearchResult } from '../../src/usecases/analysis/search-evidence.js';
import { createWorld, type World } from '../helpers/analysis.js';
import { WebClient } from '../helpers/app.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
  // 40 records that match "drift" one to four times (so ranks repeat: ties are broken by the
  // record's number) and 5 that do not. With E1, E3 and E5 of the world, 43 match.
  for (let i = 0; i < 45; i++)
    await w.record(w.lead, {
      text:
        i < 40
          ? `Home visit note ${i}.${' The plan drifted again.'.repeat((i % 4) + 1)}`
          : `Home visit note ${i}: the plan is on track.`,
      method: 'case_file_reading',
      observedOn: '2026-12-10',
      judgementAreas: ['help_and_protection'],
    });
}, 180_000);
afterAll(async () => w.t.destroy());

const search = (extra: Record<string, unknown>) =>
  searchEvidence(w.as(w.member), { activityId: w.activityId, query: 'drift', ...extra });
const refs = (r: SearchResult) => r.hits.map((h) => h.reference);

describe('evidence search pages by key', () => {
  it('walks forward with next and back with previous over exactly the hits of one request', async () => {
    const all = await search({ limit: 200 });
    expect(all.total).toBe(43);
    expect(all).toMatchObject({ returned: 43, limited: false, next: null, previous: null });
    // Best first; equal ranks in record-number order.
    for (let i = 1; i < all.hits.length; i++) {
      const [a, b] = [all.hits[i - 1]!, all.hits[i]!];
      expect(a.rank >= b.rank).toBe(true);
      if (a.rank === b.rank)
        expect(Number(a.reference.slice(1))).toBeLessThan(Number(b.reference.slice(1)));
    }
    const pages: SearchResult[] = [];
    let after: string | undefined;
    do {
      const page = await search({ limit: 10, ...(after ? { after } : {}) });
      expect(page.total).toBe(43);
      expect(page.returned).toBe(page.hits.length);
      expect(page.limited).toBe(true);
      expect(page.offset).toBe(pages.length * 10);
      pages.push(page);
      after = page.next ?? undefined;
    } while (after);
    expect(pages.map((p) => p.returned)).toEqual([10, 10, 10, 10, 3]);
    expect(pages.flatMap(refs)).toEqual(refs(all));
    expect(pages[0]!.previous).toBeNull();

    // Back from the last page: the same pages, in reverse.
    let back = pages.at(-1)!;
    for (let n = pages.length - 2; n >= 0; n--) {
      back = await search({ limit: 10, after: back.previous! });
      expect(refs(back)).toEqual(refs(pages[n]!));
      expect(back.offset).toBe(n * 10);
      expect(back.total).toBe(43);
    }
    expect(back.previous).toBeNull();
  });

  it('jumps a short way with offset, and refuses a long jump or a token that is not its own', async () => {
    const all = await search({ limit: 200 });
    const jumped = await search({ limit: 5, offset: 20 });
    expect(refs(jumped)).toEqual(refs(all).slice(20, 25));
    expect(jumped).toMatchObject({ offset: 20, total: 43, limited: true });
    const before = await search({ limit: 5, after: jumped.previous! });
    expect(refs(before)).toEqual(refs(all).slice(15, 20));
    expect((await search({ limit: 5, after: jumped.next! })).hits.map((h) => h.reference)).toEqual(
      refs(all).slice(25, 30),
    );
    await expect(search({ offset: 5_000 })).rejects.toMatchObject({ name: 'ZodError' });
    await expect(search({ after: 'not-a-token' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const listToken = Buffer.from(JSON.stringify(['a', ['2026-12-10', 3], 43, 10])).toString(
      'base64url',
    );
    await expect(search({ after: listToken })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('says when nothing is left out', async () => {
    const r = await search({ query: '"child protection plan"' });
    expect(r).toMatchObject({ total: 1, returned: 1, limited: false, next: null, previous: null });
  });
});

describe('search across activities pages by key', () => {
  it('walks by relevance with next over exactly the hits of one request', async () => {
    const all = await searchAllEvidence(w.as(w.national), { query: 'drift', limit: 100 });
    expect(all).toMatchObject({ total: 43, returned: 43, limited: false, next: null });
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await searchAllEvidence(w.as(w.national), {
        query: 'drift',
        limit: 9,
        ...(after ? { after } : {}),
      });
      expect(page).toMatchObject({ total: 43, limited: true, orderedBy: 'relevance' });
      expect(page.offset).toBe(pages * 9);
      seen.push(...page.hits.map((h) => h.evidenceId));
      pages++;
      after = page.next ?? undefined;
    } while (after);
    expect(pages).toBe(5);
    expect(seen).toEqual(all.hits.map((h) => h.evidenceId));
    await expect(
      searchAllEvidence(w.as(w.national), { query: 'drift', after: 'nonsense' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('walks newest first past the count cap, seeking along the recency index', async () => {
    const query = parseTextQuery('drift')!;
    const base = { scope: { kind: 'all' as const }, query, countCap: 10 };
    const all = await searchAllRows(w.t.db, { ...base, limit: 100, offset: 0 });
    expect(all).toMatchObject({ capped: true, orderedBy: 'recency' });
    expect(all.rows).toHaveLength(43);
    const seen: string[] = [];
    let after: { recordedAt: string; id: string } | null = null;
    for (;;) {
      const page = await searchAllRows(w.t.db, {
        ...base,
        limit: 8,
        offset: 0,
        after: after ? { orderedBy: 'recency', ...after } : null,
      });
      expect(page.orderedBy).toBe('recency');
      seen.push(...page.rows.map((r) => r.id));
      const last = page.rows.at(-1);
      if (page.rows.length < 8 || !last) break;
      after = { recordedAt: last.recordedKey, id: last.id };
    }
    expect(seen).toEqual(all.rows.map((r) => r.id));
  });
});

describe('search page and API', () => {
  it('the page links Next and Previous by token and says which hits it shows; the API says limited', async () => {
    const app = await buildApp({
      config: { logLevel: 'silent', sessionSecret: undefined },
      database: w.t,
      catalog: loadActivityTypeCatalog(),
    });
    await app.ready();
    try {
      const web = await new WebClient(app).signIn(w.member.email, 'fixture password 123');
      const base = `/activities/${w.activityId}/analysis/search?q=drift`;
      const shown = (html: string) =>
        [
          ...html.matchAll(
            /<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="[^"]+">(E\d+)<\/a>/g,
          ),
        ].map((m) => m[1]!);
      const link = (html: string, rel: 'next' | 'prev') =>
        new RegExp(
          `<a[^>]*class="govuk-link govuk-pagination__link"[^>]*href="([^"]+)"[^>]*rel="${rel}"`,
        )
          .exec(html)?.[1]
          ?.replace(/&amp;/g, '&') ?? null;
      const seen: string[] = [];
      const bodies: string[] = [];
      let url: string | null = base;
      while (url) {
        const r = await web.get(url);
        expect(r.statusCode).toBe(200);
        bodies.push(r.body);
        seen.push(...shown(r.body));
        url = link(r.body, 'next');
        if (url) expect(url).toContain('after=');
      }
      expect(bodies).toHaveLength(3);
      expect(bodies[0]).toContain('Showing 1 to 20 of 43 records');
      expect(bodies[1]).toContain('Showing 21 to 40 of 43 records');
      expect(bodies[2]).toContain('Showing 41 to 43 of 43 records');
      const all = await search({ limit: 200 });
      expect(seen).toEqual(refs(all));
      const back = await web.get(link(bodies[2]!, 'prev')!);
      expect(shown(back.body)).toEqual(refs(all).slice(20, 40));
      expect((await web.get(`${base}&after=nonsense`)).statusCode).toBe(400);

      const api = `/api/v1/activities/${w.activityId}/evidence/search?q=drift&limit=30`;
      const first = (await web.get(api)).json() as SearchResult;
      expect(first).toMatchObject({ total: 43, returned: 30, limited: true, offset: 0 });
      const rest = (await web.get(`${api}&after=${first.next}`)).json() as SearchResult;
      expect(rest).toMatchObject({
        total: 43,
        returned: 13,
        limited: true,
        next: null,
        offset: 30,
      });
      expect([...refs(first), ...refs(rest)]).toEqual(refs(all));
    } finally {
      await app.close();
    }
  });
});

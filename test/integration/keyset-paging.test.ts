// Keyset paging (issue 19): walking a list page by page with the `next` cursor gives exactly the
// rows of one request for all of them, in the same order, with the total on every page; a
// limited answer always says so (total, next).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSpreadsheet, type CellValue } from '../../src/domain/files/index.js';
import { listCodings } from '../../src/usecases/coding/list-codings.js';
import { exportAllPassages } from '../../src/usecases/analysis/export-all-passages.js';
import { collectFile } from '../../src/usecases/analysis/export-file.js';
import { exportCodingQuery } from '../../src/usecases/analysis/export-coding-query.js';
import { codeSpan } from '../../src/usecases/coding/code-span.js';
import { runCodingQuery } from '../../src/usecases/analysis/run-coding-query.js';
import { createWorld, spanOf, type World } from '../helpers/analysis.js';
import { WebClient } from '../helpers/app.js';
import { buildApp } from '../../src/server/app.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';

let w: World;
const WORDS = ['drift', 'harm', 'voice', 'plan'];
beforeAll(async () => {
  w = await createWorld();
  // 36 more records; codes placed in a pattern so that AND, OR and NOT all have gaps and overlaps.
  for (let i = 0; i < 36; i++) {
    const text = `Record ${i}: drift in the plan; harm was seen; the voice of the child; plan ${i}.`;
    const id = await w.record(w.lead, {
      text,
      method: 'case_file_reading',
      observedOn: '2026-12-10',
      judgementAreas: ['help_and_protection'],
    });
    const code = async (codeId: string, phrase: string) => {
      const span = spanOf(text, phrase);
      await w.t.db
        .insertInto('codings')
        .values({
          activity_id: w.activityId,
          evidence_id: id,
          evidence_version: 1,
          code_id: codeId,
          start_pos: span.start,
          end_pos: span.end,
          span_text: phrase,
          coder_id: w.lead.userId,
          coder_label: w.lead.displayName,
        })
        .execute();
    };
    if (i % 2 === 0) await code(w.codes.frontDoor, 'drift in the plan');
    if (i % 3 === 0) await code(w.codes.harm, 'the plan; harm was seen');
    if (i % 5 !== 0) await code(w.codes.voice, `voice of the child; plan ${i}`);
    if (i % 7 === 0) await code(w.codes.voice, WORDS[i % 4]!);
  }
}, 120_000);
afterAll(async () => w.t.destroy());

type Query = Record<string, unknown>;
const key = (p: { reference: string; start: number; end: number }) =>
  `${p.reference}:${p.start}-${p.end}`;

async function walk(query: Query, limit: number) {
  const all = await runCodingQuery(w.as(w.member), {
    activityId: w.activityId,
    ...query,
    limit: 200,
  } as never);
  expect(all.next).toBeNull();
  const seen: string[] = [];
  let after: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await runCodingQuery(w.as(w.member), {
      activityId: w.activityId,
      ...query,
      limit,
      ...(after ? { after } : {}),
    } as never);
    expect(page.totalPassages).toBe(all.totalPassages);
    expect(page.totalRecords).toBe(all.totalRecords);
    expect(page.returned).toBe(page.passages.length);
    seen.push(...page.passages.map(key));
    pages++;
    if (!page.next) break;
    expect(page.passages).toHaveLength(limit);
    after = page.next;
  }
  expect(seen).toEqual(all.passages.map(key));
  expect(seen.length).toBe(all.totalPassages);
  return { pages, total: all.totalPassages };
}

describe('coding query, keyset pages', () => {
  it.each([
    ['A OR B (passages)', { expression: { or: [{ code: 'frontDoor' }, { code: 'harm' }] } }],
    ['A AND B (passages)', { expression: { and: [{ code: 'frontDoor' }, { code: 'harm' }] } }],
    [
      'A AND NOT B (passages)',
      { expression: { and: [{ code: 'voice' }, { not: { code: 'harm' } }] } },
    ],
    ['NOT A (records)', { expression: { not: { code: 'harm' } }, scope: 'record' }],
    ['a folder (records)', { expression: { code: 'hpFolder' }, scope: 'record' }],
  ])('%s: the pages together are the whole answer', async (_, q) => {
    const ids = w.codes as Record<string, string>;
    const expression = JSON.parse(JSON.stringify(q.expression), (k: string, v: unknown) =>
      k === 'code' ? ids[v as string] : v,
    ) as unknown;
    for (const limit of [1, 3, 7]) {
      const r = await walk({ ...q, expression }, limit);
      expect(r.total).toBeGreaterThan(0);
      expect(r.pages).toBe(Math.max(1, Math.ceil(r.total / limit)));
    }
  });

  it('refuses a cursor it did not make', async () => {
    await expect(
      runCodingQuery(w.as(w.member), {
        activityId: w.activityId,
        expression: { code: w.codes.voice },
        after: 'not-a-cursor',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('codings list, keyset pages', () => {
  it('says how many there are and how to get the rest', async () => {
    const all = await listCodings(w.as(w.member), { activityId: w.activityId, limit: 50_000 });
    expect(all.next).toBeNull();
    expect(all.total).toBe(all.codings.length);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await listCodings(w.as(w.member), {
        activityId: w.activityId,
        limit: 4,
        ...(after ? { after } : {}),
      });
      expect(page.total).toBe(all.total);
      seen.push(...page.codings.map((c) => c.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toEqual(all.codings.map((c) => c.id));
    const first = await listCodings(w.as(w.member), {
      activityId: w.activityId,
      codeIds: [w.codes.voice],
      limit: 2,
    });
    expect(first.codings).toHaveLength(2);
    expect(first.total).toBeGreaterThan(2);
    expect(first.next).toEqual(expect.any(String));
  });
});

describe('coding query page, Next carries the cursor', () => {
  it('walking by Next shows the passages the numbered pages show, and says how many', async () => {
    const app = await buildApp({
      config: { logLevel: 'silent', sessionSecret: undefined },
      database: w.t,
      catalog: loadActivityTypeCatalog(),
    });
    await app.ready();
    try {
      const web = await new WebClient(app).signIn(w.member.email, 'fixture password 123');
      const base = `/activities/${w.activityId}/analysis/coding-query?c1=${w.codes.voice}`;
      const refs = (html: string) =>
        [...html.matchAll(/<input type="hidden" name="start" value="(\d+)">/g)].map((m) => m[1]!);
      const byNext: string[][] = [];
      let url: string | null = base;
      while (url) {
        const r = await web.get(url);
        expect(r.statusCode).toBe(200);
        byNext.push(refs(r.body));
        const next =
          /<a[^>]*class="govuk-link govuk-pagination__link"[^>]*href="([^"]+)"[^>]*rel="next"/.exec(
            r.body,
          );
        url = next ? next[1]!.replace(/&amp;/g, '&') : null;
        if (url) expect(url).toContain('after=');
      }
      expect(byNext.length).toBeGreaterThan(1);
      for (let n = 2; n <= byNext.length; n++) {
        const r = await web.get(`${base}&page=${n}`);
        expect(refs(r.body)).toEqual(byNext[n - 1]);
      }
      const all = await runCodingQuery(w.as(w.member), {
        activityId: w.activityId,
        expression: { code: w.codes.voice },
        limit: 200,
      });
      expect(byNext.flat()).toHaveLength(all.totalPassages);
    } finally {
      await app.close();
    }
  });
});

describe('export all passages', () => {
  it('writes every coded passage, in CSV and XLSX, with no limit', async () => {
    const everything = await runCodingQuery(w.as(w.member), {
      activityId: w.activityId,
      expression: { or: Object.values(w.codes).map((code) => ({ code })) },
      includeSubcodes: false,
      limit: 1,
    });
    const csv = await exportAllPassages(w.as(w.member), { activityId: w.activityId });
    expect(csv.passages).toBe(everything.totalPassages);
    const text = new TextDecoder().decode((await collectFile(csv)).body);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(everything.totalPassages + 1);
    expect(lines[0]).toContain('Evidence,Observed on');
    const xlsx = await collectFile(
      await exportAllPassages(w.as(w.member), { activityId: w.activityId, format: 'xlsx' }),
    );
    const rows: CellValue[][] = [];
    await readSpreadsheet(xlsx.body, xlsx.filename, {
      startSheet: () => true,
      row: (cells) => rows.push([...cells]),
    });
    expect(rows).toHaveLength(everything.totalPassages + 1);
    await expect(
      exportAllPassages(w.as(w.outsider), { activityId: w.activityId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('gives exactly the rows of a query for every code, texts beyond the BMP cut at code points', async () => {
    const text =
      'Zoë 👩‍👧 said: my worker 👍 listens to me. Bob 🙂 agreed the plan was drifting badly.';
    const id = await w.record(w.lead, {
      text,
      method: 'case_file_reading',
      observedOn: '2026-12-11',
      judgementAreas: ['help_and_protection'],
    });
    for (const [codeId, phrase] of [
      [w.codes.voice, 'my worker 👍 listens'],
      [w.codes.harm, '👍 listens to me. Bob'],
      [w.codes.frontDoor, 'drifting'],
    ] as const) {
      const span = spanOf(text, phrase);
      await codeSpan(w.as(w.lead), {
        evidenceId: id,
        codeIds: [codeId],
        ...span,
        evidenceVersion: 1,
      });
    }
    const cells = async (f: Parameters<typeof collectFile>[0]) =>
      new TextDecoder()
        .decode((await collectFile(f)).body)
        .split('\r\n')
        .filter(Boolean)
        .map((line) => {
          // The codes of a passage in any order: compare them as a set.
          const at = line.lastIndexOf(',');
          return `${line.slice(0, at)}|${line
            .slice(at + 1)
            .split('; ')
            .sort()
            .join('; ')}`;
        });
    const all = await cells(
      await exportAllPassages(w.as(w.member), { activityId: w.activityId, context: 10 }),
    );
    const query = await cells(
      await exportCodingQuery(w.as(w.member), {
        activityId: w.activityId,
        expression: { or: Object.values(w.codes).map((code) => ({ code })) },
        includeSubcodes: false,
        context: 10,
      }),
    );
    expect(all).toEqual(query);
    expect(all.some((l) => l.includes('my worker 👍 listens to me. Bob'))).toBe(true);
  });
});

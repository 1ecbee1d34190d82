// Published reports inside a thematic review (issue 20): a study's corpus is the reports its
// selection by context takes in; a report is coded with the national thematic codebook by a
// selection's offsets or by pasted words; the coding query counts the study's codings of reports
// by year, framework, grade or region, and each cell lists its passages, each opening the report
// at the passage. Who may do what; the pages, without JavaScript. And the study's pseudonymised
// records coded by a selection's offsets. PGlite, and PostgreSQL with TEST_DATABASE_URL.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { systemActor, type Actor, type UserActor } from '../../src/domain/access/actor.js';
import { corpusFolder } from '../../src/domain/corpus/folder.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { importCorpus } from '../../src/usecases/corpus/import-corpus.js';
import { codeStudyCorpusPassage } from '../../src/usecases/research/code-study-corpus-passage.js';
import { codeStudyPassage } from '../../src/usecases/research/code-study-passage.js';
import { createStudy } from '../../src/usecases/research/create-study.js';
import { exportStudyResults } from '../../src/usecases/research/export-study-results.js';
import { getStudyCorpusDocument } from '../../src/usecases/research/get-study-corpus-document.js';
import { listStudyCorpus } from '../../src/usecases/research/list-study-corpus.js';
import { listStudyRecords } from '../../src/usecases/research/list-study-records.js';
import { openStudyCorpusCell } from '../../src/usecases/research/open-study-corpus-cell.js';
import { queryStudyCorpus } from '../../src/usecases/research/query-study-corpus.js';
import { removeStudyCorpusCoding } from '../../src/usecases/research/remove-study-corpus-coding.js';
import { createTestApp, decodeHtml, signInAs, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/fixtures.js';

const REPORT = (
  la: string,
  extra: string,
) => `Inspection of ${la} local authority children’s services

Managers provide reflective supervision, and social workers say that supervision helps them to
think about children’s experiences. ${extra}
Leaders know their services well.
`;
const LETTER = `Focused visit to Birmingham local authority children’s services

Inspectors looked at the arrangements for children in need. Supervision is regular.
`;
const BIRMINGHAM = "80429_birmingham__children's services inspection - 18 april 2023.txt";
const BARNSLEY = "80426_barnsley__children's services inspection - 08 august 2012.txt";
const LETTER_FILE = 'birmingham__focused visit - 2022-05-10.txt';
const THEME = 'reflective_supervision';

let t: TestApp;
let researcher: UserActor;
let other: UserActor;
let national: UserActor;
let studyId: string;
let study2012: string;
const docs: Record<string, string> = {};
const catalog = loadActivityTypeCatalog();
const as = (actor: Actor): UseCaseContext => ({ db: t.database.db, actor, catalog });

beforeAll(async () => {
  t = await createTestApp();
  const dir = mkdtempSync(path.join(tmpdir(), 'triangulate-study-corpus-'));
  writeFileSync(path.join(dir, BIRMINGHAM), REPORT('Birmingham', 'Plans are clear.'));
  writeFileSync(path.join(dir, BARNSLEY), REPORT('Barnsley', 'Plans are weak.'));
  writeFileSync(path.join(dir, LETTER_FILE), LETTER);
  await importCorpus(as(systemActor('test')), {
    source: 'fixture',
    files: (await corpusFolder(dir)) ?? [],
  });
  researcher = await makeUser(t.database.db, 'sc-res', 'researcher');
  other = await makeUser(t.database.db, 'sc-res2', 'researcher');
  national = await makeUser(t.database.db, 'sc-nat', 'national');
  studyId = (await createStudy(as(researcher), { title: 'Supervision in reports' })).id;
  study2012 = (
    await createStudy(as(researcher), { title: 'Reports of 2012', selection: { years: [2012] } })
  ).id;
  const all = await listStudyCorpus(as(researcher), { studyId });
  for (const d of all.documents) docs[`${d.laId}:${d.kind}`] = d.id;
}, 240_000);
afterAll(async () => t?.close());

describe("a study's published reports", () => {
  it('are the reports its selection takes in, narrowed by filters', async () => {
    const all = await listStudyCorpus(as(researcher), { studyId });
    expect(all.total).toBe(3);
    expect(all.documents.every((d) => d.codings === 0)).toBe(true);
    expect(all.themes.map((x) => x.key)).toContain(THEME);
    expect(all.can.code).toBe(true);
    const only2012 = await listStudyCorpus(as(researcher), { studyId: study2012 });
    expect(only2012.documents.map((d) => d.laId)).toEqual(['barnsley']);
    // The page's filters narrow the study's selection; they never widen it.
    expect(
      (await listStudyCorpus(as(researcher), { studyId: study2012, years: '2023' })).total,
    ).toBe(0);
    expect((await listStudyCorpus(as(researcher), { studyId, kinds: 'letter' })).total).toBe(1);
    expect((await listStudyCorpus(as(researcher), { studyId, q: 'plans are weak' })).total).toBe(1);
  });

  it('a report outside the selection, or a study not one’s own, is not found', async () => {
    await expect(
      getStudyCorpusDocument(as(researcher), {
        studyId: study2012,
        documentId: docs['birmingham:report']!,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(listStudyCorpus(as(other), { studyId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const la = await makeUser(t.database.db, 'sc-la', 'la_user', { laId: 'barnsley' });
    const inspector = await makeUser(t.database.db, 'sc-insp', 'inspector');
    for (const who of [la, inspector])
      await expect(listStudyCorpus(as(who), { studyId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
  });
});

describe('coding a report', () => {
  it('by pasted words: refused when absent or ambiguous, coded with an occurrence', async () => {
    const documentId = docs['barnsley:report']!;
    const code = (quote: string, occurrence?: number) =>
      codeStudyCorpusPassage(as(researcher), {
        studyId,
        documentId,
        quote,
        code: THEME,
        ...(occurrence ? { occurrence } : {}),
      });
    await expect(code('not in the report at all')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'quote', reason: expect.stringContaining('not in this report') }],
    });
    await expect(code('supervision')).rejects.toMatchObject({
      details: [
        { field: 'quote', reason: expect.stringContaining('appear 2 times in this report') },
      ],
    });
    const c = await code('reflective   supervision, and social workers say');
    expect(c.text).toBe('reflective supervision, and social workers say');
    const second = await code('supervision', 2);
    expect(second.text).toBe('supervision');
    expect(second.start).toBeGreaterThan(c.start);
    await expect(
      codeStudyCorpusPassage(as(researcher), { studyId, documentId, quote: 'Plans', code: 'nope' }),
    ).rejects.toMatchObject({ details: [{ field: 'code' }] });
  });

  it('by a selection’s offsets, trimmed of spaces; stale offsets fall back to the words', async () => {
    const documentId = docs['birmingham:report']!;
    const doc = await getStudyCorpusDocument(as(researcher), { studyId, documentId });
    const text = doc.segments.map((s) => s.text).join('');
    const at = Array.from(text).join('').indexOf('Plans are clear.');
    const start = Array.from(text.slice(0, at)).length;
    const c = await codeStudyCorpusPassage(as(researcher), {
      studyId,
      documentId,
      quote: ' Plans are clear. ',
      start: start - 1,
      end: start + 'Plans are clear.'.length + 1,
      code: THEME,
    });
    expect([c.start, c.end, c.text]).toEqual([start, start + 16, 'Plans are clear.']);
    const fallback = await codeStudyCorpusPassage(as(researcher), {
      studyId,
      documentId,
      quote: 'Leaders know their services well.',
      start: 0,
      end: 5,
      code: THEME,
    });
    expect(fallback.text).toBe('Leaders know their services well.');
    const shown = await getStudyCorpusDocument(as(researcher), {
      studyId,
      documentId,
      coding: c.id,
    });
    expect(shown.codings.map((k) => k.text)).toEqual([
      'Plans are clear.',
      'Leaders know their services well.',
    ]);
    expect(shown.segments.find((s) => s.chosen)?.text).toBe('Plans are clear.');
    expect(shown.codings.every((k) => k.mine)).toBe(true);
  });

  it('is removed only by whoever coded; each coding and removal is audited', async () => {
    const documentId = docs['birmingham:letter']!;
    const c = await codeStudyCorpusPassage(as(national), {
      studyId,
      documentId,
      quote: 'Supervision is regular.',
      code: THEME,
    });
    await expect(
      removeStudyCorpusCoding(as(researcher), { studyId, codingId: c.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      removeStudyCorpusCoding(as(other), { studyId, codingId: c.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const again = await codeStudyCorpusPassage(as(researcher), {
      studyId,
      documentId,
      quote: 'Supervision is regular.',
      code: THEME,
    });
    await removeStudyCorpusCoding(as(researcher), { studyId, codingId: again.id });
    const audit = await listAuditEvents(t.database.db, {
      entityType: 'research_study',
      entityId: studyId,
    });
    const actions = audit.map((a) => a.action);
    expect(actions.filter((a) => a === 'research.study_corpus_coded')).toHaveLength(6);
    expect(actions).toContain('research.study_corpus_coding_removed');
  });
});

describe('the coding query over reports', () => {
  it('counts codings and reports by year, grade, framework and region; cells open passages', async () => {
    const byYear = await queryStudyCorpus(as(researcher), { studyId, dimension: 'year' });
    expect(byYear.columns.map((c) => c.label)).toEqual(['2012', '2022', '2023']);
    const row = byYear.rows.find((r) => r.key === THEME)!;
    expect(row.cells.map((c) => [c.codings, c.documents])).toEqual([
      [2, 1],
      [1, 1],
      [2, 1],
    ]);
    expect([row.codings, row.documents]).toEqual([5, 3]);
    const byGrade = await queryStudyCorpus(as(researcher), { studyId, dimension: 'grade' });
    expect(byGrade.columns.map((c) => [c.key, c.label])).toEqual([
      ['good', 'Good'],
      ['unknown', 'Not known'],
    ]);
    const byFramework = await queryStudyCorpus(as(researcher), {
      studyId,
      dimension: 'framework',
      kinds: 'report',
    });
    expect(byFramework.columns.map((c) => c.key)).toEqual(['ilacs-2023', 'pre-sif']);
    const byRegion = await queryStudyCorpus(as(researcher), { studyId, dimension: 'region' });
    expect(byRegion.rows[0]!.codings).toBe(5);
    // The 2012 study sees only its own corpus.
    const narrow = await queryStudyCorpus(as(researcher), { studyId: study2012 });
    expect(narrow.rows).toEqual([]);

    const cell = await openStudyCorpusCell(as(researcher), {
      studyId,
      dimension: 'grade',
      code: THEME,
      value: 'unknown',
    });
    expect(cell.valueLabel).toBe('Not known');
    expect(cell.total).toBe(3);
    expect(cell.passages.map((p) => p.laName)).toEqual(['Barnsley', 'Barnsley', 'Birmingham']);
    const first = cell.passages[0]!;
    expect(first.before).toContain('Managers provide');
    expect(first.after).toContain('helps them');
    const good = await openStudyCorpusCell(as(researcher), {
      studyId,
      dimension: 'year',
      code: THEME,
      value: '2023',
    });
    expect(good.passages.map((p) => p.text)).toEqual([
      'Plans are clear.',
      'Leaders know their services well.',
    ]);
    await expect(
      openStudyCorpusCell(as(researcher), { studyId, code: 'nope', value: '2023' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const audit = await listAuditEvents(t.database.db, { entityType: 'research_study' });
    const queried = audit.filter((a) => a.action === 'research.queried');
    expect(
      queried.some((a) => (a.after as { what?: string } | null)?.what === 'corpus-coding-cell'),
    ).toBe(true);
  });
});

describe("a study's exports", () => {
  it('carry its codings of published reports: counted in CSV and XLSX, listed in XLSX', async () => {
    const query = { kind: 'coding' as const, rows: [`theme:${THEME}`] };
    const csv = String(
      (await exportStudyResults(as(researcher), { studyId, query, format: 'csv' })).body,
    );
    expect(csv).toMatch(
      /Report coding: [^,\n]+,Coded in published reports \(records: reports\),3,5/,
    );
    const xlsx = await exportStudyResults(as(researcher), { studyId, query, format: 'xlsx' });
    const all = Object.values(unzipSync(xlsx.body as Uint8Array))
      .map((f) => strFromU8(f))
      .join('\n');
    expect(all).toContain('Published report: Birmingham, 2023-04-18');
    expect(all).toContain('Plans are clear.');
    // QDPX: each coded report a source whole, its codings at their offsets in the text.
    const qdpx = await exportStudyResults(as(researcher), { studyId, query, format: 'qdpx' });
    const files = unzipSync(qdpx.body as Uint8Array);
    const project = strFromU8(files['project.qde']!);
    expect(project).toContain(`name="${BIRMINGHAM}"`);
    expect(project).toContain('Published reports: Birmingham');
    const src = /<TextSource[^>]*name="80429[^"]*"[^>]*plainTextPath="internal:\/\/([^"]+)"/.exec(
      project,
    );
    expect(src).not.toBeNull();
    const text = strFromU8(files[`sources/${src![1]}`]!);
    const sel = /<PlainTextSelection[^>]*startPosition="(\d+)"[^>]*endPosition="(\d+)"/.exec(
      project.slice(project.indexOf(src![0])),
    )!;
    expect([...text].slice(Number(sel[1]), Number(sel[2])).join('')).toMatch(/\S/);
  });
});

describe('the pages', () => {
  it('a researcher lists, codes (with a selection’s offsets), queries and opens a passage', async () => {
    const web = await signInAs(t, 'researcher');
    const demoStudy = await t.database.db
      .selectFrom('research_studies')
      .select('id')
      .where('title', '=', 'Reflective supervision across inspections')
      .executeTakeFirstOrThrow();
    const base = `/research/studies/${demoStudy.id}`;
    const studyPage = await web.get(base);
    expect(studyPage.body).toContain(`${base}/corpus`);
    const list = await web.get(`${base}/corpus?q=plans+are+weak`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('1 report');
    const href = new RegExp(`href="(${base}/corpus/documents/[0-9a-f-]{36})"`).exec(list.body)?.[1];
    expect(href).toBeDefined();
    const doc = await web.get(href!);
    expect(doc.statusCode).toBe(200);
    expect(doc.body).toContain('data-module="app-study-coding"');
    expect(doc.body).toContain('Plans are weak.');
    const text = decodeHtml(
      [...doc.body.matchAll(/<(?:span|mark)[^>]*data-start="\d+"[^>]*>([^<]*)<\/(?:span|mark)>/g)]
        .map((m) => m[1])
        .join(''),
    );
    const start = Array.from(text.slice(0, text.indexOf('Plans are weak.'))).length;
    const refused = await web.post(`${href!}/codings`, { quote: 'absent words', code: THEME });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('govuk-error-summary');
    const posted = await web.post(`${href!}/codings`, {
      quote: 'Plans are weak.',
      start: String(start),
      end: String(start + 15),
      code: THEME,
    });
    expect(posted.statusCode).toBe(303);
    const back = posted.headers.location as string;
    expect(back).toMatch(/\?done=coded&coding=[0-9a-f-]{36}#coding-/);
    const after = await web.get(back);
    expect(after.body).toContain('The passage was coded.');
    expect(after.body).toMatch(
      /<mark class="app-wb-mark [^"]*app-wb-mark--selected"[^>]*>Plans are weak\.<\/mark>/,
    );

    const query = await web.get(`${base}/corpus/query?dimension=year`);
    expect(query.statusCode).toBe(200);
    const cellHref = /href="([^"]*\/corpus\/query\/cell\?[^"]*)"/.exec(query.body)?.[1];
    expect(cellHref).toBeDefined();
    const cell = await web.get(decodeHtml(cellHref!));
    expect(cell.statusCode).toBe(200);
    expect(cell.body).toContain('Plans are weak.');
    expect(cell.body).toMatch(
      /href="[^"]*\/corpus\/documents\/[0-9a-f-]{36}\?coding=[0-9a-f-]{36}#coding-/,
    );

    const codingId = /coding=([0-9a-f-]{36})/.exec(back)![1]!;
    const removed = await web.post(`${base}/corpus/codings/${codingId}/remove`, {});
    expect(removed.statusCode).toBe(303);
    expect((await web.get(removed.headers.location as string)).body).toContain(
      'The coding was removed.',
    );

    // Nobody outside the research store learns the study exists.
    const la = await signInAs(t, 'la');
    expect((await la.get(`${base}/corpus`)).statusCode).toBe(404);
    expect((await la.get(`${base}/corpus/query`)).statusCode).toBe(404);
    expect((await la.get(href!)).statusCode).toBe(404);
  });
});

describe('the study’s pseudonymised records', () => {
  it('are coded by a selection’s offsets in the pseudonymised text', async () => {
    const page = await listStudyRecords(as(researcher), { studyId, limit: 1 });
    const r = page.records[0]!;
    const chars = Array.from(r.text);
    const words = chars.slice(0, Math.min(12, chars.length)).join('').trim();
    const c = await codeStudyPassage(as(researcher), {
      studyId,
      record: r.ref,
      quote: words,
      start: 0,
      end: Array.from(words).length,
      code: THEME,
    });
    expect(c.text).toBe(words);
    expect(c.start).toBe(0);
  });
});

// The corpus of published reports (issue 20): a folder imported as documents linked to their LA,
// date, framework and grade (from the history where it matches), read and checked in worker
// threads; re-importing changes nothing; a bad file fails the whole import, named with its
// reason; search by phrase and LA context; one document with its findings; the language checks
// by year, framework and grade (page, JSON API, CSV). PGlite, and PostgreSQL with
// TEST_DATABASE_URL.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCorpusFolder as corpusFolder } from '../../src/cli/commands/corpus.js';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { systemActor, type Actor } from '../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { getCorpusDocument } from '../../src/usecases/corpus/get-corpus-document.js';
import { getCorpusLanguage } from '../../src/usecases/corpus/get-corpus-language.js';
import {
  importCorpus,
  type CorpusImportProgress,
} from '../../src/usecases/corpus/import-corpus.js';
import { searchCorpus } from '../../src/usecases/corpus/search-corpus.js';
import { statusLine } from '../../src/cli/commands/corpus.js';
import { createCorpusImport, insertCorpusDocuments } from '../../src/data/repositories/corpus.js';
import { sha256Hex } from '../../src/domain/files/digest.js';
import { enqueueCorpusImport } from '../../src/usecases/corpus/enqueue-corpus-import.js';
import {
  getCorpusImportStatus,
  type CorpusImportStatus,
} from '../../src/usecases/corpus/get-corpus-import-status.js';
import { runCorpusImportJob } from '../../src/usecases/corpus/run-corpus-import-job.js';
import { createTestApp, signInAs, type TestApp } from '../helpers/app.js';
import { makeUser } from '../helpers/fixtures.js';

const REPORT = (
  la: string,
  extra: string,
) => `Inspection of ${la} local authority children’s services

Inspection dates: 20 February to 3 March 2023

Children are clearly safer than they were. Managers always provide reflective supervision, and
social workers say that supervision helps them to think about children’s experiences.
${extra}
Leaders know their services well. Due to the new front door, children get help quickly.
`;

const LETTER = `Focused visit to Birmingham local authority children’s services

This letter summarises the findings of a focused visit to Birmingham children’s services.
Inspectors looked at the arrangements for children in need. Supervision is regular.
`;

const BIRMINGHAM = "80429_birmingham__children's services inspection - 18 april 2023.txt";
const BARNSLEY = "80426_barnsley__children's services inspection - 08 august 2012.txt";
const LETTER_FILE = 'birmingham__focused visit - 2022-05-10.txt';

let t: TestApp;
let dir: string;
const catalog = loadActivityTypeCatalog();
const as = (actor: Actor): UseCaseContext => ({ db: t.database.db, actor, catalog });
const system = () => as(systemActor('test'));
const folder = (files: Record<string, string | Uint8Array>) => {
  const d = mkdtempSync(path.join(tmpdir(), 'triangulate-corpus-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(d, name), body);
  return d;
};

beforeAll(async () => {
  t = await createTestApp();
  dir = folder({
    [BIRMINGHAM]: REPORT('Birmingham City Council', ''),
    [BARNSLEY]: REPORT('Barnsley', 'It is evident that planning is weak.'),
    [LETTER_FILE]: LETTER,
    'README.md': 'not a report',
  });
}, 240_000);
afterAll(async () => t?.close());

describe('before any import', () => {
  it('the corpus page says how reports are imported: the command to importers, who to others', async () => {
    const national = await signInAs(t, 'national');
    const page = await national.get('/corpus');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No published reports yet');
    expect(page.body).toContain('triangulate corpus import FOLDER');
    expect(page.body).toContain('../shared/reference/corpus');
    const la = await signInAs(t, 'la');
    const laPage = await la.get('/corpus');
    expect(laPage.body).toContain('The national team imports them.');
    expect(laPage.body).not.toContain('triangulate corpus import');
    const status = await la.get('/api/v1/corpus/import');
    expect(status.json()).toEqual({ documents: 0, job: null, canImport: false });
  });
});

describe('importing a folder', () => {
  it('links each document to its LA, date, framework and grade, with progress and an audit event', async () => {
    const progress: CorpusImportProgress[] = [];
    const files = await corpusFolder(dir);
    expect(files.map((f) => f.fileName)).toEqual([BARNSLEY, BIRMINGHAM, LETTER_FILE].sort());
    const r = await importCorpus(system(), { source: 'fixture', files }, (p) => progress.push(p));
    expect(r).toMatchObject({ files: 3, added: 3, alreadyStored: 0, reports: 2, letters: 1 });
    expect(r.findings).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({ phase: 'done', done: 3, total: 3 });
    expect(progress.filter((p) => p.phase === 'reading').map((p) => p.done)).toEqual([0, 1, 2, 3]);

    const all = await searchCorpus(system(), {});
    expect(all.total).toBe(3);
    const brum = all.hits.find((h) => h.publishedOn === '2023-04-18')!;
    expect(brum).toMatchObject({ laId: 'birmingham', kind: 'report', frameworkId: 'ilacs-2023' });
    expect(brum.grade).toBe('good');
    const barnsley = all.hits.find((h) => h.laId === 'barnsley')!;
    // Before the history begins (2013): the framework by date, no grade.
    expect(barnsley).toMatchObject({
      publishedOn: '2012-08-08',
      frameworkId: 'pre-sif',
      grade: null,
    });
    const letter = all.hits.find((h) => h.kind === 'letter')!;
    expect(letter).toMatchObject({ laId: 'birmingham', publishedOn: '2022-05-10', grade: null });

    const audit = await listAuditEvents(t.database.db, { entityType: 'corpus_import' });
    expect(audit.map((a) => a.action)).toContain('corpus.imported');
  });

  it('importing the same files again changes nothing', async () => {
    const r = await importCorpus(system(), { source: 'again', files: await corpusFolder(dir) });
    expect(r).toMatchObject({ importId: null, added: 0, alreadyStored: 3 });
    expect((await searchCorpus(system(), {})).total).toBe(3);
  });

  it('a bad file fails the whole import, named with its reason; nothing is stored', async () => {
    const badName = folder({
      "80430_blackburn with darwen__children's services inspection - 08 december 2017.txt": REPORT(
        'Blackburn with Darwen',
        '',
      ),
      'no date here.txt': REPORT('Somewhere', ''),
      '99999999_nowhere__report - 01 may 2020.txt': REPORT('Nowhere', ''),
    });
    const err = await importCorpus(system(), {
      source: 'bad',
      files: await corpusFolder(badName),
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'IMPORT_INVALID' });
    const details = (err as { details: Array<{ field: string; reason: string }> }).details;
    expect(details.map((d) => d.field).sort()).toEqual([
      '99999999_nowhere__report - 01 may 2020.txt',
      'no date here.txt',
    ]);
    expect(details.find((d) => d.field === 'no date here.txt')?.reason).toMatch(/date/);

    const unreadable = folder({
      "80430_blackburn with darwen__children's services inspection - 08 december 2017.txt": REPORT(
        'Blackburn with Darwen',
        '',
      ),
      "80431_blackpool__children's services inspection - 01 february 2023.pdf":
        new TextEncoder().encode('this is not a PDF at all'),
    });
    const err2 = await importCorpus(system(), {
      source: 'unreadable',
      files: await corpusFolder(unreadable),
    }).catch((e: unknown) => e);
    expect(err2).toMatchObject({ code: 'IMPORT_INVALID' });
    expect(JSON.stringify((err2 as { details: unknown }).details)).toContain('blackpool');
    expect((await searchCorpus(system(), {})).total).toBe(3);
    const imports = await t.database.db.selectFrom('corpus_imports').select(['status']).execute();
    expect(imports.map((i) => i.status)).toEqual(['current']);
  });

  it('only national staff and admins import', async () => {
    const researcher = await makeUser(t.database.db, 'corpus-res', 'researcher');
    await expect(
      importCorpus(as(researcher), { source: 'x', files: await corpusFolder(dir) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('searching and reading', () => {
  it('finds a phrase within documents selected by LA context', async () => {
    const researcher = await makeUser(t.database.db, 'corpus-res2', 'researcher');
    const evident = await searchCorpus(as(researcher), { q: 'IT IS EVIDENT' });
    expect(evident.hits.map((h) => h.laId)).toEqual(['barnsley']);
    expect(evident.hits[0]!.snippet).toContain('It is evident');
    expect(evident.hits[0]!.hits).toBe(1);
    const supervision = await searchCorpus(as(researcher), { q: 'supervision' });
    expect(supervision.total).toBe(3);
    expect((await searchCorpus(as(researcher), { q: 'supervision', grades: ['good'] })).total).toBe(
      1,
    );
    expect((await searchCorpus(as(researcher), { years: ['2012'] })).total).toBe(1);
    expect((await searchCorpus(as(researcher), { kinds: ['letter'] })).total).toBe(1);
    expect((await searchCorpus(as(researcher), { grades: ['unknown'] })).total).toBe(2);
    expect((await searchCorpus(as(researcher), { frameworkIds: 'ilacs-2023' })).total).toBe(1);
    const region = evident.hits[0]!.region!;
    expect(
      (await searchCorpus(as(researcher), { regions: [region] })).hits.map((h) => h.laId),
    ).toContain('barnsley');
    expect((await searchCorpus(as(researcher), { q: '100%_' })).total).toBe(0);
    expect((await searchCorpus(as(researcher), { q: 'a(b[.*' })).total).toBe(0);
  });

  it('opens a document with its findings; an unknown id is not found', async () => {
    const la = await makeUser(t.database.db, 'corpus-la', 'la_user', { laId: 'barnsley' });
    const [hit] = (await searchCorpus(as(la), { q: 'it is evident' })).hits;
    const doc = await getCorpusDocument(as(la), hit!.id);
    expect(doc.body).toContain('It is evident that planning is weak.');
    expect(doc.findings.length).toBeGreaterThan(0);
    const f = doc.findings[0]!;
    expect(doc.body.slice(f.start, f.end).replace(/\s+/g, ' ')).toBe(f.excerpt);
    await expect(
      getCorpusDocument(as(la), '00000000-0000-0000-0000-000000000000'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getCorpusDocument(as(la), 'nonsense')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('counts each rule’s findings by year, framework and grade', async () => {
    const byYear = await getCorpusLanguage(system(), { by: 'year' });
    expect(byYear.rows.map((r) => [r.label, r.documents])).toEqual([
      ['2012', 1],
      ['2022', 1],
      ['2023', 1],
    ]);
    const y2012 = byYear.rows[0]!;
    expect(y2012.total).toBeGreaterThan(0);
    expect(y2012.total).toBe(Object.values(y2012.findings).reduce((s, n) => s + n, 0));
    const [rule, n] = Object.entries(y2012.findings).find(([, v]) => v > 0)!;
    expect(y2012.rates[rule]).toBe(Math.round((n * 100_000) / y2012.words) / 10);
    const byGrade = await getCorpusLanguage(system(), { by: 'grade' });
    expect(byGrade.rows.map((r) => r.label)).toEqual(['Good', 'Not known']);
    const byFramework = await getCorpusLanguage(system(), { by: 'framework', kinds: ['report'] });
    expect(byFramework.rows.map((r) => r.value)).toEqual(['ilacs-2023', 'pre-sif']);
  });
});

describe('pages and API', () => {
  it('the search page, a document, the language table and its CSV', async () => {
    const web = await signInAs(t, 'researcher');
    const page = await web.get('/corpus?q=evident');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('1 document');
    expect(page.body).toContain('Barnsley');
    const id = /href="\/corpus\/documents\/([0-9a-f-]{36})"/.exec(page.body)?.[1];
    const doc = await web.get(`/corpus/documents/${id}`);
    expect(doc.statusCode).toBe(200);
    expect(doc.body).toContain('It is evident that planning is weak.');
    const lang = await web.get('/corpus/language?by=grade');
    expect(lang.statusCode).toBe(200);
    expect(lang.body).toContain('Not known');
    const csv = await web.get('/corpus/language.csv?by=framework');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Framework,Rule,Documents,Words,Findings');
    expect(csv.body).toContain('Before the SIF (2013),certainty,1,');
  });

  it('the JSON API answers as the pages', async () => {
    const web = await signInAs(t, 'la');
    const found = await web.get('/api/v1/corpus/documents?q=supervision&grades=good');
    expect(found.statusCode).toBe(200);
    const body = found.json() as { total: number; hits: Array<{ id: string }> };
    expect(body.total).toBe(1);
    const doc = await web.get(`/api/v1/corpus/documents/${body.hits[0]!.id}`);
    expect((doc.json() as { laId: string }).laId).toBe('birmingham');
    const lang = await web.get('/api/v1/corpus/language?by=year');
    expect((lang.json() as { rows: unknown[] }).rows).toHaveLength(3);
    const openapi = (await web.get('/api/openapi.json')).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/corpus/documents',
        '/api/v1/corpus/documents/{id}',
        '/api/v1/corpus/language',
      ]),
    );
  });
});

describe('the background import (serve --demo)', () => {
  const LEEDS = "leeds__children's services inspection - 2019-03-12.txt";
  const YORK = "york__children's services inspection - 2019-06-20.txt";
  let jobDir: string;
  beforeAll(() => {
    jobDir = folder({
      [LEEDS]: REPORT('Leeds', 'Leeds has strong leaders.'),
      [YORK]: REPORT('York', 'York has new leaders.'),
    });
  });

  it('an attempt that runs again first removes what its earlier attempt left staged', async () => {
    const jobId = '11111111-2222-4333-8444-555555555555';
    const [leeds] = (await corpusFolder(jobDir)).filter((f) => f.fileName === LEEDS);
    const staged = await createCorpusImport(t.database.db, {
      source: 'x',
      files: 2,
      createdByLabel: 'a server that stopped',
      jobId,
    });
    await insertCorpusDocuments(t.database.db, staged, [
      {
        fileHash: await sha256Hex(await leeds!.read()),
        fileName: LEEDS,
        title: 'x',
        laId: 'leeds',
        publishedOn: '2019-03-12',
        kind: 'report',
        frameworkId: null,
        grade: null,
        words: 1,
        body: 'x',
        findings: [],
      },
    ]);
    const r = await runCorpusImportJob(
      system(),
      { id: jobId, input: { dir: jobDir } },
      () => undefined,
    );
    expect([r.added, r.alreadyStored]).toEqual([2, 0]);
    const imports = await t.database.db
      .selectFrom('corpus_imports')
      .select(['status', 'job_id'])
      .where('job_id', '=', jobId)
      .execute();
    expect(imports).toEqual([{ status: 'current', job_id: jobId }]);
    expect((await searchCorpus(system(), { q: 'Leeds has strong leaders' })).total).toBe(1);
  });

  it('is queued once, run by the job runner, and shown on the page and the status endpoint', async () => {
    const first = await enqueueCorpusImport(system(), { dir: jobDir });
    const again = await enqueueCorpusImport(system(), { dir: jobDir });
    expect(first.queued).toBe(true);
    expect(again).toEqual({ jobId: first.jobId, queued: false });
    const la = await signInAs(t, 'la');
    let status: CorpusImportStatus | null = null;
    for (let i = 0; i < 120; i++) {
      status = (await la.get('/api/v1/corpus/import')).json() as CorpusImportStatus;
      if (status.job?.state === 'done' || status.job?.state === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(status?.job).toMatchObject({ state: 'done', added: 0, alreadyStored: 2 });
    expect(status?.documents).toBe(5);
    expect(statusLine(status!)).toBe(
      `Corpus: 0 published reports added from ${path.basename(jobDir)} (2 already stored or copies of another file); 5 stored.`,
    );
    await expect(
      enqueueCorpusImport(as(await makeUser(t.database.db, 'corpus-res3', 'researcher')), {
        dir: jobDir,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('the page follows an import under way, and says when one failed', async () => {
    const queued = await enqueueCorpusImport(system(), { dir: path.join(jobDir, 'missing') });
    // The runner may have claimed it already: either way the page shows it under way or ended.
    const page = await (await signInAs(t, 'la')).get('/corpus');
    expect(page.body).toMatch(/data-module="app-corpus-import"|failed: Cannot read the folder/);
    let state = '';
    for (let i = 0; i < 120 && state !== 'failed'; i++) {
      state = (await getCorpusImportStatus(system())).job?.state ?? '';
      if (state !== 'failed') await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(queued.queued).toBe(true);
    const after = await (await signInAs(t, 'la')).get('/corpus');
    expect(after.body).toContain('The latest import of published reports (from missing) failed');
  });
});

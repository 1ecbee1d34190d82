// Issue 20, the analyses on the real register and history: rates from the DfE national statistics
// and statistical neighbour groups as query dimensions, outcomes against context (grades against
// deprivation, size and rates, with counts, Spearman's rho and a seeded bootstrap interval, and a
// statement that passes the product's own language checks), saved definitions run again, and a
// study's QDPX export. PGlite, and PostgreSQL with TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { systemActor, type UserActor } from '../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { lintText } from '../../src/domain/language/lint.js';
import { openQdpx } from '../../src/domain/refi/package.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { loadBundledHistory } from '../../src/usecases/history/load-bundled-history.js';
import { loadLaReference } from '../../src/usecases/las/load-la-reference.js';
import { analyseOutcomes } from '../../src/usecases/research/analyse-outcomes.js';
import { createStudy } from '../../src/usecases/research/create-study.js';
import { exportOutcomes } from '../../src/usecases/research/export-outcomes.js';
import { exportStudyResults } from '../../src/usecases/research/export-study-results.js';
import { getStudy } from '../../src/usecases/research/get-study.js';
import { addStudyMemo } from '../../src/usecases/research/add-study-memo.js';
import { listResearchDefinitions } from '../../src/usecases/research/list-research-definitions.js';
import { loadDeprivation } from '../../src/usecases/research/load-deprivation.js';
import { runResearchDefinition } from '../../src/usecases/research/run-research-definition.js';
import { runResearchQuery } from '../../src/usecases/research/run-research-query.js';
import { saveResearchDefinition } from '../../src/usecases/research/save-research-definition.js';
import { loadBundledNationalStatistics } from '../../src/usecases/stats/load-bundled-national-statistics.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { makeUser } from '../helpers/fixtures.js';
import { makePublishedInspection, SUPERVISION, type PublishedSpec } from '../helpers/research.js';

let t: TestDatabase;
let researcher: UserActor;
let other: UserActor;
let national: UserActor;
let inspector: UserActor;
const catalog = loadActivityTypeCatalog();
const as = (actor: UserActor): UseCaseContext => ({ db: t.db, actor, catalog });
const ROW = `criterion:${SUPERVISION}`;

/** Published inspections at real LAs (ids of the register), so the national statistics join. */
const SPECS: PublishedSpec[] = [
  { key: 'ash', region: 'London', grade: 'good', records: 6 },
  { key: 'birch', region: 'London', grade: 'outstanding', records: 5 },
  { key: 'cedar', region: 'North East, Yorkshire and the Humber', grade: 'good', records: 5 },
];
const REAL_LAS = ['camden', 'barnet', 'sheffield'];

beforeAll(async () => {
  t = await createTestDatabase();
  const sys: UseCaseContext = { db: t.db, actor: systemActor('test'), catalog };
  await loadLaReference(sys);
  await loadBundledHistory(sys);
  await loadBundledNationalStatistics(sys);
  for (const [i, s] of SPECS.entries())
    await makePublishedInspection(t.db, s, { laId: REAL_LAS[i] });
  researcher = await makeUser(t.db, 'res', 'researcher');
  other = await makeUser(t.db, 'res2', 'researcher');
  national = await makeUser(t.db, 'nat', 'national');
  inspector = await makeUser(t.db, 'insp', 'inspector');
}, 240_000);
afterAll(async () => t?.destroy());

describe('national statistics as query dimensions', () => {
  it('bands a DfE rate with its stated boundaries and groups LAs by statistical neighbours', async () => {
    const r = await runResearchQuery(as(researcher), {
      kind: 'matrix',
      rows: [ROW],
      dimension: 'rate:cin.rate_per_10k',
    });
    expect(r.dimensionLabel).toMatch(/Children in need per 10,000/);
    for (const c of r.columns) expect(c.label).toMatch(/per 10,000|Not known/);
    expect(r.cells[0]!.reduce((n, c) => n + (c.records.value ?? 0), 0)).toBeLessThanOrEqual(16);
    const g = await runResearchQuery(as(researcher), {
      kind: 'matrix',
      rows: [ROW],
      dimension: 'neighbours',
    });
    expect(g.columns.length).toBeGreaterThan(0);
    for (const c of g.columns) expect(c.label).toMatch(/^Neighbour group \d+$/);
    expect(JSON.stringify(g)).not.toMatch(/Camden|Barnet|Sheffield/);
  });

  it('offers the new dimensions in a study', async () => {
    const study = await createStudy(as(researcher), { title: 'Rates', question: 'q' });
    const keys = (await getStudy(as(researcher), study.id)).dimensions.map((d) => d.key);
    expect(keys).toEqual(
      expect.arrayContaining(['rate:cin.rate_per_10k', 'rate:cp.rate_per_10k', 'neighbours']),
    );
  });
});

describe('outcomes against context', () => {
  it('relates grades to size on the real history, with counts, rho and a seeded interval', async () => {
    const a = await analyseOutcomes(as(researcher), { by: 'size', era: 'ilacs' });
    expect(a.stats.n).toBeGreaterThan(140);
    expect(a.stats.groups).toHaveLength(4);
    const counted = a.stats.groups.reduce((n, g) => n + g.counts.reduce((x, y) => x + y, 0), 0);
    expect(counted).toBe(a.stats.n);
    expect(a.stats.rho).not.toBeNull();
    expect(a.stats.ci!.low).toBeLessThanOrEqual(a.stats.rho!);
    expect(a.stats.ci!.high).toBeGreaterThanOrEqual(a.stats.rho!);
    const again = await analyseOutcomes(as(researcher), { by: 'size', era: 'ilacs' });
    expect(again.stats).toEqual(a.stats);
    const sif = await analyseOutcomes(as(researcher), { by: 'size', era: 'sif' });
    expect(sif.stats.n).toBeGreaterThan(140);
    expect(sif.stats.n).toBeLessThanOrEqual(167);
  });

  it('relates grades to a DfE rate (the figure near each inspection) and to deprivation as loaded', async () => {
    const rate = await analyseOutcomes(as(researcher), {
      by: 'rate',
      indicator: 'cp.rate_per_10k',
      era: 'ilacs',
    });
    expect(rate.stats.n).toBeGreaterThan(100);
    expect(rate.measureName).toMatch(/Child protection plans/);
    await expect(analyseOutcomes(as(researcher), { by: 'deprivation' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    // A made-up index over a few LAs (not real IDACI scores).
    const csv = [
      'LA code,score',
      'camden,0.30',
      'barnet,0.12',
      'sheffield,0.25',
      'devon,0.10',
      'leeds,0.22',
      'kent,0.15',
    ].join('\n');
    await loadDeprivation(as(national), { indexName: 'Test index', csv });
    const dep = await analyseOutcomes(as(researcher), { by: 'deprivation', era: 'all' });
    expect(dep.definition.index).toBe('Test index');
    expect(dep.stats.n).toBe(6);
    for (const a of [rate, dep]) {
      const text = a.statement.join('\n');
      expect(text).toMatch(/association, not a cause/);
      expect(lintText(text, { layout: 'paragraphs' }).findings).toEqual([]);
    }
  });

  it('exports CSV and XLSX, logs the analysis and refuses those outside the store', async () => {
    const csv = await exportOutcomes(as(researcher), {
      definition: { by: 'size' },
      format: 'csv',
    });
    expect(String(csv.body).split('\n')[0]).toMatch(/Group,.*Outstanding,Good/);
    const xlsx = await exportOutcomes(as(researcher), {
      definition: { by: 'size' },
      format: 'xlsx',
    });
    expect((xlsx.body as Uint8Array).length).toBeGreaterThan(100);
    const events = await listAuditEvents(t.db, { action: 'research.queried' });
    expect(events.some((e) => (e.after as { what?: string } | null)?.what === 'outcomes')).toBe(
      true,
    );
    await expect(analyseOutcomes(as(inspector), { by: 'size' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('saved definitions', () => {
  it('save an analysis and a query, run them again by id or from JSON, kept to their author', async () => {
    const saved = await saveResearchDefinition(as(researcher), {
      name: 'Size and grade',
      saved: { analysis: 'outcomes', definition: { by: 'size', seed: 5 } },
    });
    const q = await saveResearchDefinition(as(researcher), {
      name: 'Supervision by region',
      saved: {
        analysis: 'query',
        definition: { kind: 'matrix', rows: [ROW], dimension: 'region' },
      },
    });
    const run = await runResearchDefinition(as(researcher), { id: saved.id });
    expect(run.analysis).toBe('outcomes');
    const direct = await analyseOutcomes(as(researcher), { by: 'size', seed: 5 });
    if (run.analysis === 'outcomes') expect(run.result.stats).toEqual(direct.stats);
    const fromJson = await runResearchDefinition(as(researcher), {
      saved: {
        analysis: 'query',
        definition: { kind: 'matrix', rows: [ROW], dimension: 'region' },
      },
    });
    const byId = await runResearchDefinition(as(researcher), { id: q.id });
    expect(byId.result).toEqual(fromJson.result);
    expect((await listResearchDefinitions(as(researcher))).map((d) => d.name)).toEqual(
      expect.arrayContaining(['Size and grade', 'Supervision by region']),
    );
    expect(await listResearchDefinitions(as(other))).toHaveLength(0);
    expect((await listResearchDefinitions(as(national))).length).toBeGreaterThanOrEqual(2);
    await expect(runResearchDefinition(as(other), { id: saved.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      saveResearchDefinition(as(researcher), {
        name: 'Bad',
        saved: { analysis: 'outcomes', definition: { by: 'colour' } } as never,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      saveResearchDefinition(as(inspector), {
        name: 'x',
        saved: { analysis: 'outcomes', definition: { by: 'size' } },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe("a study's QDPX export", () => {
  it('carries pseudonymised passages coded by row, inspections as cases and the memos', async () => {
    const study = await createStudy(as(researcher), {
      title: 'Supervision',
      question: 'How well do authorities provide reflective supervision?',
    });
    await addStudyMemo(as(researcher), { studyId: study.id, body: 'Supervision is regular.' });
    const file = await exportStudyResults(as(researcher), {
      studyId: study.id,
      query: { kind: 'coding', rows: [ROW] },
      format: 'qdpx',
    });
    expect(file.fileName).toMatch(/\.qdpx$/);
    const opened = openQdpx(file.body as Uint8Array);
    const xml = opened.xml;
    expect(xml).toContain('<Cases>');
    expect(xml).toContain('Inspection 1');
    expect(xml).toContain('Supervision is regular.');
    expect(xml).toMatch(/<Coding /);
    expect(xml).not.toMatch(/Camden|Barnet|Sheffield|Bloggs/);
    await expect(
      exportStudyResults(as(other), {
        studyId: study.id,
        query: { kind: 'coding', rows: [ROW] },
        format: 'qdpx',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

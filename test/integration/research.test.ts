// The research store (issue 20): published inspections only, pseudonymised passages, small
// numbers suppressed, every query logged, the thematic codebook's versioned mappings, LA identity
// decided by national staff, deprivation loaded from CSV. PGlite, and PostgreSQL with
// TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import type { UserActor } from '../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { listEvidence } from '../../src/usecases/evidence/list-evidence.js';
import { addStudyMemo } from '../../src/usecases/research/add-study-memo.js';
import { addThematicCode } from '../../src/usecases/research/add-thematic-code.js';
import { createStudy } from '../../src/usecases/research/create-study.js';
import { exportStudyResults } from '../../src/usecases/research/export-study-results.js';
import { getStudy } from '../../src/usecases/research/get-study.js';
import { listStudies } from '../../src/usecases/research/list-studies.js';
import { loadDeprivation } from '../../src/usecases/research/load-deprivation.js';
import { mapToTheme } from '../../src/usecases/research/map-to-theme.js';
import { openResearchCell } from '../../src/usecases/research/open-research-cell.js';
import { runResearchQuery } from '../../src/usecases/research/run-research-query.js';
import { setStudyLaIdentity } from '../../src/usecases/research/set-study-la-identity.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { makeUser } from '../helpers/fixtures.js';
import {
  EMERGENT,
  makePublishedInspection,
  STANDARD_SPECS,
  SUPERVISION,
  type PublishedInspection,
} from '../helpers/research.js';

let t: TestDatabase;
let researcher: UserActor;
let other: UserActor;
let national: UserActor;
let inspector: UserActor;
let la: UserActor;
let inspections: PublishedInspection[];
const catalog = loadActivityTypeCatalog();
const as = (actor: UserActor): UseCaseContext => ({ db: t.db, actor, catalog });
const ROW = `criterion:${SUPERVISION}`;

beforeAll(async () => {
  t = await createTestDatabase();
  inspections = [];
  for (const s of STANDARD_SPECS) inspections.push(await makePublishedInspection(t.db, s));
  researcher = await makeUser(t.db, 'res', 'researcher');
  other = await makeUser(t.db, 'res2', 'researcher');
  national = await makeUser(t.db, 'nat', 'national');
  inspector = await makeUser(t.db, 'insp', 'inspector');
  la = await makeUser(t.db, 'la', 'la_user', { laId: inspections[0]!.laId });
}, 120_000);
afterAll(async () => t?.destroy());

describe('cross-inspection queries', () => {
  it('count published inspections only, by region, suppressing small cells', async () => {
    const r = await runResearchQuery(as(researcher), {
      kind: 'matrix',
      rows: [ROW],
      dimension: 'region',
    });
    expect(r.inspections).toBe(4); // damson is on site, not published
    expect(r.threshold).toBe(5);
    expect(r.columns.map((c) => c.label)).toEqual(['London', 'North West', 'South West']);
    const [london, northWest, southWest] = r.cells[0]!;
    expect(london!.records).toMatchObject({ value: 7, display: '7' });
    expect(london!.open).toBe(true);
    expect(northWest!.records.value).toBe(6);
    expect(southWest!.records).toMatchObject({ value: null, suppressed: true, display: '<5' });
    expect(southWest!.references.display).toBe('<5');
    expect(southWest!.open).toBe(false);
    expect(JSON.stringify(r)).not.toMatch(/shire|-la"/);
  });

  it('leave deleted evidence records out of the counts', async () => {
    const q = { kind: 'matrix' as const, rows: [ROW], dimension: 'region' };
    const before = (await runResearchQuery(as(researcher), q)).cells[0]![0]!;
    const coded = await t.db
      .selectFrom('codings as k')
      .innerJoin('codes as c', 'c.id', 'k.code_id')
      .innerJoin('activities as a', 'a.id', 'k.activity_id')
      .innerJoin('local_authorities as l', 'l.id', 'a.la_id')
      .select(['k.evidence_id'])
      .where('c.framework_key', '=', SUPERVISION)
      .where('l.ofsted_region', '=', 'London')
      .orderBy('k.evidence_id')
      .executeTakeFirstOrThrow();
    const at = new Date('2026-12-01T09:00:00Z');
    const mark = (deletedAt: Date | null) =>
      t.db
        .updateTable('evidence_records')
        .set({ deleted_at: deletedAt })
        .where('id', '=', coded.evidence_id)
        .execute();
    await mark(at);
    try {
      const after = (await runResearchQuery(as(researcher), q)).cells[0]![0]!;
      expect(after.records.value).toBe(before.records.value! - 1);
      expect(after.references.value).toBeLessThan(before.references.value!);
    } finally {
      await mark(null);
    }
  });

  it('open a cell as pseudonymised passages, and refuse a suppressed one', async () => {
    const q = { kind: 'matrix' as const, rows: [ROW], dimension: 'region' };
    const cell = await openResearchCell(as(researcher), { query: q, row: 0, column: 'London' });
    expect(cell.passages).toHaveLength(7);
    const text = cell.passages.map((p) => p.text).join('\n');
    expect(text).toContain('Supervision of');
    for (const forbidden of [
      'Jo Bloggs',
      'Bloggs',
      'Patel',
      'C300077',
      'LCS-4000',
      'Ashshire',
      'Birchshire',
    ])
      expect(text).not.toContain(forbidden);
    expect(text).toContain('[the local authority]');
    expect(cell.passages.every((p) => p.la === null && /^Inspection \d+$/.test(p.inspection))).toBe(
      true,
    );
    await expect(
      openResearchCell(as(researcher), { query: q, row: 0, column: 'South West' }),
    ).rejects.toMatchObject({ code: 'CELL_SUPPRESSED' });
  });

  it('log every query and cell opened', async () => {
    const events = await listAuditEvents(t.db, { action: 'research.queried' });
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.some((e) => (e.after as { what?: string } | null)?.what === 'cell')).toBe(true);
  });

  it('refuse everyone outside the store, and keep identifying evidence from researchers', async () => {
    for (const who of [inspector, la])
      await expect(
        runResearchQuery(as(who), { kind: 'coding', rows: [ROW] }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      listEvidence(as(researcher), { activityId: inspections[0]!.activityId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('line codes up through the national thematic codebook, versioned', async () => {
    await expect(
      addThematicCode(as(researcher), { key: 'supervision', name: 'Reflective supervision' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await addThematicCode(as(national), { key: 'supervision', name: 'Supervision' });
    const v1 = await mapToTheme(as(national), {
      changes: [{ sourceKind: 'emergent', sourceKey: EMERGENT, thematicKey: 'supervision' }],
    });
    const v2 = await mapToTheme(as(national), {
      changes: [{ sourceKind: 'criterion', sourceKey: SUPERVISION, thematicKey: 'supervision' }],
      note: 'The framework criterion too',
    });
    expect([v1, v2]).toEqual([1, 2]);
    const latest = await runResearchQuery(as(researcher), {
      kind: 'coding',
      rows: ['theme:supervision'],
    });
    // 15 records, each coded with both the criterion and the emergent code.
    expect(latest.cells[0]![0]!.records.value).toBe(15);
    expect(latest.cells[0]![0]!.references.value).toBe(30);
    expect(latest.codebookVersion).toBe(2);
    const first = await runResearchQuery(as(researcher), {
      kind: 'coding',
      rows: ['theme:supervision'],
      codebookVersion: 1,
    });
    expect(first.cells[0]![0]!.references.value).toBe(15);
    const co = await runResearchQuery(as(researcher), {
      kind: 'cooccurrence',
      rows: [ROW, 'theme:supervision'],
    });
    expect(co.cells[0]![1]!.records.value).toBe(15);
  });

  it('keep studies to their researcher; LA identity is national staff’s decision', async () => {
    const study = await createStudy(as(researcher), {
      title: 'Supervision across London',
      question: 'How well do authorities provide reflective supervision?',
      selection: { regions: ['London'] },
    });
    await addStudyMemo(as(researcher), {
      studyId: study.id,
      body: 'Supervision is described as regular.',
    });
    await expect(getStudy(as(other), study.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listStudies(as(other))).studies).toHaveLength(0);
    const ws = await getStudy(as(researcher), study.id);
    expect(ws.memos).toHaveLength(1);
    expect(ws.dimensions.map((d) => d.key)).not.toContain('la');
    await expect(
      setStudyLaIdentity(as(researcher), { studyId: study.id, laIdentity: 'shown', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const hidden = await runResearchQuery(as(researcher), {
      kind: 'coding',
      rows: [ROW],
      studyId: study.id,
    });
    expect(hidden.inspections).toBe(2);
    await expect(
      runResearchQuery(as(researcher), {
        kind: 'matrix',
        rows: [ROW],
        dimension: 'la',
        studyId: study.id,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await setStudyLaIdentity(as(national), {
      studyId: study.id,
      laIdentity: 'shown',
      reason: 'Agreed with the LAs',
    });
    const shown = await runResearchQuery(as(researcher), {
      kind: 'matrix',
      rows: [ROW],
      dimension: 'la',
      studyId: study.id,
    });
    expect(shown.columns.map((c) => c.label).sort()).toEqual(['Ashshire', 'Birchshire']);
    const csv = await exportStudyResults(as(researcher), {
      studyId: study.id,
      query: { kind: 'matrix', rows: [ROW], dimension: 'la' },
      format: 'csv',
    });
    expect(String(csv.body)).toContain('<5');
    const xlsx = await exportStudyResults(as(researcher), {
      studyId: study.id,
      query: { kind: 'coding', rows: [ROW] },
      format: 'xlsx',
    });
    expect((xlsx.body as Uint8Array).length).toBeGreaterThan(100);
  });

  it('load a deprivation index from CSV and use it as a dimension', async () => {
    await expect(
      loadDeprivation(as(researcher), { indexName: 'IDACI 2019', csv: 'la,score\nAshshire,0.3' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const csv =
      'Local authority,IDACI score\nAshshire,0.31\nBirchshire,0.12\nCedarshire,0.25\nElmshire,0.05\nNowhere,0.2\n';
    const out = await loadDeprivation(as(national), { indexName: 'IDACI 2019', csv });
    expect(out).toMatchObject({ loaded: 4, unmatched: ['Nowhere'] });
    const r = await runResearchQuery(as(researcher), {
      kind: 'matrix',
      rows: [ROW],
      dimension: 'deprivation:IDACI 2019',
    });
    expect(r.columns.length).toBeGreaterThan(1);
    const total = r.cells[0]!.reduce((n, c) => n + (c.records.value ?? 0), 0);
    expect(total).toBeLessThanOrEqual(15);
  });
});

describe('the research demo', () => {
  it('seeds a supervision theme over criteria and emergent codes, and a study for the researcher', async () => {
    const { seedDemoResearch } = await import('../../src/demo/seed-demo-research.js');
    const ids = inspections.map((i) => i.activityId);
    const demo = await seedDemoResearch(t.db, ids, researcher);
    const ws = await getStudy(as(researcher), demo.studyId);
    expect(ws.study.title).toMatch(/supervision/i);
    expect(ws.memos).toHaveLength(1);
    const r = await runResearchQuery(as(researcher), {
      kind: 'matrix',
      rows: ['theme:reflective_supervision'],
      dimension: 'grade',
      studyId: demo.studyId,
    });
    expect(r.codebookVersion).toBe(demo.codebookVersion);
    expect(r.cells[0]!.reduce((n, c) => n + (c.records.value ?? 0), 0)).toBeGreaterThan(0);
  });
});

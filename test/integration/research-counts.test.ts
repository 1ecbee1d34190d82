// The research store's kept counts (issue 20) against the same counts aggregated from the
// codings: every cell of two matrices and a coding query (small-number suppression included) is
// the same, on a store with several codings of one code on a record, a theme standing for two
// codes of each inspection, and an unpublished inspection; and it stays the same after codings
// are added, removed or moved in a published inspection, records are deleted and restored, and an
// inspection is published or taken back. Every cell that may open still opens its passages, with
// the counts the matrix showed. PGlite, and PostgreSQL with TEST_DATABASE_URL.
//
// The app never writes codings of a published inspection (its evidence base is closed:
// policies.writeEvidence), so those changes are written directly here, as a repair or a migration
// would: the triggers count every write, whoever makes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codedCounts,
  keptCodeCounts,
  refreshResearchCounts,
  storeCounts,
} from '../../src/data/repositories/research-counts.js';
import type { StoreCount } from '../../src/data/repositories/research.js';
import type { UserActor } from '../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { ResearchQuery, type ResearchQueryInput } from '../../src/domain/research/query.js';
import { countCell } from '../../src/domain/research/suppression.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { addThematicCode } from '../../src/usecases/research/add-thematic-code.js';
import { mapToTheme } from '../../src/usecases/research/map-to-theme.js';
import { openResearchCell } from '../../src/usecases/research/open-research-cell.js';
import { queryScope } from '../../src/usecases/research/research-engine.js';
import {
  activityColumns,
  runResearchQuery,
} from '../../src/usecases/research/run-research-query.js';
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
let inspections: PublishedInspection[];
let other: string;
const catalog = loadActivityTypeCatalog();
const as = (actor: UserActor): UseCaseContext => ({ db: t.db, actor, catalog });

const rows = (): string[] => [
  `criterion:${SUPERVISION}`,
  `criterion:${other}`,
  'theme:supervision',
];
const queries = (): ResearchQueryInput[] => [
  { kind: 'matrix', rows: rows(), dimension: 'region' },
  { kind: 'matrix', rows: rows(), dimension: 'grade' },
  { kind: 'coding', rows: rows() },
];

const sorted = (c: StoreCount[]): StoreCount[] =>
  [...c].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));

/** A record of the inspection and the id of its code with this framework key. */
async function recordAndCode(activityId: string, key: string, nth = 0) {
  const e = await t.db
    .selectFrom('evidence_records')
    .select(['id', 'version'])
    .where('activity_id', '=', activityId)
    .orderBy('ref_no')
    .offset(nth)
    .limit(1)
    .executeTakeFirstOrThrow();
  const c = await t.db
    .selectFrom('codes')
    .select('id')
    .where('activity_id', '=', activityId)
    .where('framework_key', '=', key)
    .executeTakeFirstOrThrow();
  return { evidenceId: e.id, version: e.version, codeId: c.id };
}

async function code(activityId: string, key: string, nth: number, start: number) {
  const x = await recordAndCode(activityId, key, nth);
  const row = await t.db
    .insertInto('codings')
    .values({
      activity_id: activityId,
      evidence_id: x.evidenceId,
      evidence_version: x.version,
      code_id: x.codeId,
      start_pos: start,
      end_pos: start + 5,
      span_text: 'Super',
      coder_label: 'fixture',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Kept counts, cells and opened cells against the codings, for every query. */
async function expectSameAsCodings(): Promise<void> {
  const ctx = as(researcher);
  for (const raw of queries()) {
    const q = ResearchQuery.parse(raw);
    const scope = await queryScope(ctx, q);
    const cols = activityColumns(q, scope);
    const byActivity = [...cols.byActivity].map(([a, col]) => ({ a, col }));
    const coded = await codedCounts(t.db, scope.rows, byActivity);
    expect(sorted(await storeCounts(t.db, scope.rows, byActivity))).toEqual(sorted(coded));
    const at = new Map(coded.map((c) => [`${c.row}\u0000${c.column}`, c]));
    const result = await runResearchQuery(ctx, raw);
    const threshold = scope.settings.suppressionThreshold;
    expect(result.cells).toEqual(
      scope.rows.map((r) =>
        cols.columns.map((c) => {
          const x = at.get(`${r.row}\u0000${c.value}`);
          return countCell(c.value, c.label, x?.records ?? 0, x?.references ?? 0, threshold);
        }),
      ),
    );
    if (raw.dimension !== 'region') continue;
    for (const [row, cells] of result.cells.entries())
      for (const cell of cells.filter((c) => c.open)) {
        const opened = await openResearchCell(ctx, { query: raw, row, column: cell.column });
        expect(opened.records).toBe(cell.records.value);
        expect(opened.passages).toHaveLength(
          Math.min(cell.references.value ?? 0, scope.settings.maxPassagesPerCell),
        );
      }
  }
  // The kept table itself is what a recomputation from the codings gives.
  const kept = await keptCodeCounts(t.db);
  await refreshResearchCounts(t.db);
  expect(await keptCodeCounts(t.db)).toEqual(kept);
}

beforeAll(async () => {
  t = await createTestDatabase();
  inspections = [];
  for (const s of STANDARD_SPECS) inspections.push(await makePublishedInspection(t.db, s));
  researcher = await makeUser(t.db, 'res', 'researcher');
  const national = await makeUser(t.db, 'nat', 'national');
  await addThematicCode(as(national), { key: 'supervision', name: 'Supervision' });
  await mapToTheme(as(national), {
    changes: [
      { sourceKind: 'emergent', sourceKey: EMERGENT, thematicKey: 'supervision' },
      { sourceKind: 'criterion', sourceKey: SUPERVISION, thematicKey: 'supervision' },
    ],
  });
  const criterion = await t.db
    .selectFrom('codes')
    .select('framework_key')
    .where('activity_id', '=', inspections[0]!.activityId)
    .where('framework_key', 'is not', null)
    .where('framework_key', '<>', SUPERVISION)
    .orderBy('framework_key')
    .executeTakeFirstOrThrow();
  other = criterion.framework_key!;
  // A second coding of the criterion on each inspection's first record (references > records),
  // and the other criterion on its even records.
  for (const [i, s] of STANDARD_SPECS.entries()) {
    const a = inspections[i]!.activityId;
    await code(a, SUPERVISION, 0, 20);
    for (let n = 0; n < s.records; n += 2) await code(a, other, n, 30);
  }
}, 180_000);
afterAll(async () => t?.destroy());

describe('kept research counts', () => {
  it('give the same cells as the codings on the seeded store', async () => {
    await expectSameAsCodings();
    const r = await runResearchQuery(as(researcher), queries()[0]!);
    const cells = r.cells.flat();
    // The store exercises what the counts must get right.
    expect(cells.some((c) => c.records.suppressed)).toBe(true);
    expect(cells.some((c) => (c.references.value ?? 0) > (c.records.value ?? 0))).toBe(true);
    expect(r.cells[2]![0]!.records.value).toBe(7); // the theme: two codes per record, counted once
  });

  it('stay the same after codings are added and removed in a published inspection', async () => {
    const ash = inspections[0]!.activityId;
    const fresh = await code(ash, other, 1, 40); // a record the criterion had not coded
    await expectSameAsCodings();
    const again = await code(ash, other, 1, 50); // the same record again: references only
    await expectSameAsCodings();
    await t.db.deleteFrom('codings').where('id', '=', fresh).execute();
    await expectSameAsCodings();
    await t.db.deleteFrom('codings').where('id', '=', again).execute();
    await expectSameAsCodings();
  });

  it('stay the same when codings move to another code and records are deleted and restored', async () => {
    const cedar = inspections[2]!.activityId;
    const from = await recordAndCode(cedar, other);
    const to = await recordAndCode(cedar, SUPERVISION);
    const moved = await t.db
      .updateTable('codings')
      .set({ code_id: to.codeId })
      .where('code_id', '=', from.codeId)
      .returning('id')
      .execute();
    expect(moved.length).toBeGreaterThan(0);
    await expectSameAsCodings();
    const deleted = new Date('2026-12-01T09:00:00Z');
    const mark = (at: Date | null) =>
      t.db
        .updateTable('evidence_records')
        .set({ deleted_at: at })
        .where('activity_id', 'in', [cedar, inspections[0]!.activityId])
        .where('ref_no', '<=', 2)
        .execute();
    await mark(deleted);
    await expectSameAsCodings();
    await mark(null);
    await expectSameAsCodings();
  });

  it('follow an inspection into and out of the published state', async () => {
    const damson = inspections[3]!.activityId;
    const state = (s: string) =>
      t.db.updateTable('activities').set({ state: s }).where('id', '=', damson).execute();
    await state('published');
    const r = await runResearchQuery(as(researcher), queries()[2]!);
    expect(r.inspections).toBe(5);
    await expectSameAsCodings();
    await state('quality_assurance');
    await expectSameAsCodings();
  });

  it('stay the same after many codings in one statement', async () => {
    const birch = inspections[1]!.activityId;
    const target = await recordAndCode(birch, other);
    await t.db
      .insertInto('codings')
      .columns([
        'activity_id',
        'evidence_id',
        'evidence_version',
        'code_id',
        'start_pos',
        'end_pos',
        'span_text',
        'coder_label',
      ])
      .expression((eb) =>
        eb
          .selectFrom('evidence_records as e')
          .select((s) => [
            'e.activity_id',
            'e.id',
            'e.version',
            s.val(target.codeId).as('code_id'),
            s.val(60).as('start_pos'),
            s.val(65).as('end_pos'),
            s.val('Super').as('span_text'),
            s.val('fixture').as('coder_label'),
          ])
          .where('e.activity_id', '=', birch),
      )
      .execute();
    await expectSameAsCodings();
  });
});

// The staged Annex A import (the embedded database's path): rows are written in short
// transactions into an import nothing reads, then one short transaction makes it current. It
// stores what the one-transaction import stores, keeps the lists a one-list file lacks, leaves
// nothing behind when refused, and lets other queries run between its batches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { systemActor } from '../../src/domain/access/actor.js';
import { type UserActor } from '../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { annexAListToCsv, annexAToXlsx, generateAnnexA } from '../../src/synthetic/annex-a.js';
import { addTeamMember } from '../../src/usecases/activities/add-team-member.js';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import { getAnnexAReport } from '../../src/usecases/annex-a/get-annex-a-report.js';
import { importAnnexA } from '../../src/usecases/annex-a/import-annex-a.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { createTestDatabase, testEngine, type TestDatabase } from '../helpers/database.js';
import { insertLa, makeUser } from '../helpers/fixtures.js';

let t: TestDatabase;
const catalog = loadActivityTypeCatalog();
const as = (actor: UserActor | ReturnType<typeof systemActor>): UseCaseContext => ({
  db: t.db,
  actor,
  catalog,
});
let lead: UserActor;
const ids: string[] = [];

async function stored(activityId: string) {
  const rows = await t.db
    .selectFrom('annex_a_rows as r')
    .innerJoin('annex_a_imports as i', 'i.id', 'r.import_id')
    .select(['i.status', 'r.list_no', 'r.row_no', 'r.child_ref', 'r.data', 'r.severity'])
    .where('r.activity_id', '=', activityId)
    .orderBy('r.list_no')
    .orderBy('r.row_no')
    .execute();
  const imports = await t.db
    .selectFrom('annex_a_imports')
    .select(['status', 'row_count', 'error_count', 'file_name'])
    .where('activity_id', '=', activityId)
    .orderBy('imported_at')
    .execute();
  return { rows, imports };
}

beforeAll(async () => {
  t = await createTestDatabase();
  // One authority per activity, so that all three can share the same dates (one activity on
  // site at a time per authority, by the scheduling rules).
  for (const la of ['staged-la', 'staged-la-2', 'staged-la-3'])
    await insertLa(t.db, la, 'North West');
  const regional = await makeUser(t.db, 'regional', 'regional', { region: 'North West' });
  lead = await makeUser(t.db, 'lead', 'inspector');
  for (let i = 0; i < 3; i++) {
    const a = await createActivity(as(regional), {
      laId: i === 0 ? 'staged-la' : `staged-la-${i + 1}`,
      activityType: 'standard_inspection',
      plannedStart: '2025-07-07',
      plannedEnd: '2025-07-18',
    });
    await addTeamMember(as(regional), {
      activityId: a.id,
      userId: lead.userId,
      teamRole: 'lead_inspector',
    });
    ids.push(a.id);
  }
});
afterAll(async () => t.destroy());

describe('staged Annex A import', () => {
  const g = generateAnnexA({ rows: 2500, seed: 41, errorRate: 0.01 });
  const xlsx = annexAToXlsx(g);
  const list1 = new TextEncoder().encode(annexAListToCsv(g, 1));

  it('stores exactly what the one-transaction import stores, and replaces as it does', async () => {
    const [plain, staged] = [ids[0]!, ids[1]!];
    for (const [activityId, options] of [
      [plain, {}],
      [staged, { staged: true }],
    ] as const) {
      const first = await importAnnexA(
        as(lead),
        { activityId, fileName: 'a.xlsx', bytes: xlsx, acceptFlagged: true },
        undefined,
        options,
      );
      expect(first.status).toBe('imported');
      // A one-list CSV replaces List 1 and keeps the others.
      const second = await importAnnexA(
        as(lead),
        { activityId, fileName: 'list1.csv', bytes: list1, acceptFlagged: true },
        undefined,
        options,
      );
      expect(second.status).toBe('replaced');
      expect(second.otherLists?.action).toBe('kept');
    }
    const a = await stored(plain);
    const b = await stored(staged);
    expect(b.rows.length).toBeGreaterThan(2000);
    expect(b.rows.every((r) => r.status === 'current')).toBe(true);
    // Pseudonyms differ (each activity has its own key); everything else is the same.
    const shape = (r: (typeof a.rows)[number]) =>
      `${r.status} ${r.list_no}/${r.row_no} ${r.severity} ${Object.keys(r.data as object).length}`;
    expect(b.rows.map(shape)).toEqual(a.rows.map(shape));
    expect(b.imports.map((i) => i.status)).toEqual(['superseded', 'current']);
    expect(b.imports).toEqual(a.imports);
    const report = await getAnnexAReport(as(lead), staged);
    expect(report.history.map((h) => h.status)).toEqual(['current', 'superseded']);
  });

  it('a refused file writes nothing, staged or not', async () => {
    const activityId = ids[2]!;
    const bad = annexAToXlsx(generateAnnexA({ rows: 300, seed: 2, errorRate: 0.2 }));
    const out = await importAnnexA(
      as(lead),
      { activityId, fileName: 'bad.xlsx', bytes: bad },
      undefined,
      { staged: true },
    );
    expect(out.status).toBe('rejected');
    const s = await stored(activityId);
    expect(s).toEqual({ rows: [], imports: [] });
  });

  it.runIf(testEngine() === 'pglite')(
    'on the embedded database, other queries run between its batches',
    async () => {
      const activityId = ids[2]!;
      const big = annexAToXlsx(generateAnnexA({ rows: 12_000, seed: 8, errorRate: 0 }));
      let answered = 0;
      let worst = 0;
      let busy = true;
      const probe = (async () => {
        while (busy) {
          const t0 = performance.now();
          await t.db.selectFrom('users').select('id').limit(1).execute();
          worst = Math.max(worst, performance.now() - t0);
          answered++;
          await new Promise((r) => setTimeout(r, 10));
        }
      })();
      const t0 = performance.now();
      const out = await importAnnexA(
        as(lead),
        { activityId, fileName: 'big.xlsx', bytes: big, acceptFlagged: true },
        undefined,
        { staged: true },
      );
      const took = performance.now() - t0;
      busy = false;
      await probe;
      expect(out.status).toBe('imported');
      expect(answered).toBeGreaterThan(5);
      // A batch at most stands in the way, never the whole import (or its saving half, as when
      // the rows were written in one transaction).
      expect(worst).toBeLessThan(took / 3);
    },
  );
});

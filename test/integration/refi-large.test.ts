// Triangulate's own exports at the sizes it supports import again (issue 19): a project of more
// than 20,000 records (one archive entry each) used to be refused by the importer's entry limit.
// And the originals an import keeps are read back oldest first, the first of each kind and GUID
// winning, whether they were kept as rows (before sets) or as sets.
import { unzipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertRefiOriginals,
  listRefiOriginals,
} from '../../src/data/repositories/refi-originals.js';
import { systemActor } from '../../src/domain/access/actor.js';
import { qdpxZipLimits } from '../../src/domain/refi/package.js';
import { createCode } from '../../src/usecases/coding/create-code.js';
import { exportProject } from '../../src/usecases/refi/export-project.js';
import { importRefi } from '../../src/usecases/refi/import-refi.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { contextFor, makeEvidenceTeam, type EvidenceTeam } from '../helpers/evidence.js';

const RECORDS = 20_500;
const CODED = 400;
let t: TestDatabase;
let team: EvidenceTeam;

beforeAll(async () => {
  t = await createTestDatabase();
  team = await makeEvidenceTeam(t.db, 'big');
});
afterAll(async () => t.destroy());

describe('a REFI-QDA export of more than 20,000 records', () => {
  it('imports again, whole', async () => {
    const lead = contextFor(t.db, team.lead);
    const activityId = team.activity.id;
    const code = await createCode(lead, { activityId, name: 'Feels safe' });
    // Small texts written straight into the tables: the size is the point, not the contents.
    await sql`
      insert into evidence_records (activity_id, ref_no, text, method, observed_on,
                                    recorded_by_label, updated_by_label)
      select ${activityId}, g, 'Record ' || g || ': the child said they feel safe at home.',
             'case_file_reading', date '2025-06-03', 'Tester', 'Tester'
      from generate_series(1, ${RECORDS}) g`.execute(t.db);
    await sql`
      insert into codings (activity_id, evidence_id, evidence_version, code_id, start_pos,
                           end_pos, span_text, coder_label)
      select e.activity_id, e.id, 1, ${code.id}, 0, 6, 'Record', 'Tester'
      from evidence_records e where e.activity_id = ${activityId} and e.ref_no <= ${CODED}`.execute(
      t.db,
    );
    const exported = await exportProject(lead, { activityId });
    expect(exported.counts.sources).toBe(RECORDS);
    const entries = Object.keys(unzipSync(exported.bytes));
    expect(entries.length).toBeGreaterThan(20_000);
    expect(entries.length).toBeLessThanOrEqual(qdpxZipLimits.maxEntries);

    const phases: string[] = [];
    const r = await importRefi(
      contextFor(t.db, systemActor('test')),
      {
        fileName: 'big.qdpx',
        bytes: exported.bytes,
        newActivity: { laId: team.activity.laId, plannedStart: '2025-07-07' },
      },
      (p) => {
        if (phases.at(-1) !== p.phase) phases.push(p.phase);
      },
    );
    expect(r.counts.evidence).toBe(RECORDS);
    expect(r.counts.codings).toBe(CODED);
    expect(phases).toEqual(['reading', 'writing', 'statistics', 'done']);
    const n = await sql<{ n: number }>`
      select count(*)::int as n from evidence_records where activity_id = ${r.activityId}`.execute(
      t.db,
    );
    expect(n.rows[0]!.n).toBe(RECORDS);
  }, 600_000);
});

describe('originals kept by imports', () => {
  it('are read back oldest first, the first of each kind and GUID winning', async () => {
    const activityId = team.activity.id;
    const g = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
    // A row kept one by one, as imports did before sets.
    await sql`
      insert into refi_originals (activity_id, kind, guid, local_id, data, xml, position,
                                  import_sha256)
      values (${activityId}, 'code', ${g(1)}, null, ${JSON.stringify({ v: 'row' })}::jsonb, null,
              0, 'old')`.execute(t.db);
    await t.db.transaction().execute(async (trx) => {
      await insertRefiOriginals(trx, activityId, 'first', [
        { kind: 'code', guid: g(1), localId: null, data: { v: 'set 1' }, xml: null },
        { kind: 'code', guid: g(2), localId: g(5), data: { v: 'set 1' }, xml: null },
        { kind: 'graph', guid: g(3), localId: null, data: null, xml: '<Graph guid="x"/>' },
      ]);
    });
    await t.db.transaction().execute(async (trx) => {
      await insertRefiOriginals(trx, activityId, 'second', [
        { kind: 'code', guid: g(2), localId: null, data: { v: 'set 2' }, xml: null },
        { kind: 'case', guid: g(4), localId: null, data: { v: 'set 2' }, xml: null },
      ]);
    });
    expect(await listRefiOriginals(t.db, activityId)).toEqual([
      { kind: 'code', guid: g(1), localId: null, data: { v: 'row' }, xml: null },
      { kind: 'code', guid: g(2), localId: g(5), data: { v: 'set 1' }, xml: null },
      { kind: 'graph', guid: g(3), localId: null, data: null, xml: '<Graph guid="x"/>' },
      { kind: 'case', guid: g(4), localId: null, data: { v: 'set 2' }, xml: null },
    ]);
  });
});

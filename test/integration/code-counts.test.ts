// Each code's coding count is a column kept by triggers. After every kind of change that can move
// a count (coding, removing a coding, merging codes, deleting and restoring a record, editing text
// so a coding is re-anchored, importing a project), the column must equal a fresh aggregate.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '../../src/domain/access/actor.js';
import { codeSpan } from '../../src/usecases/coding/code-span.js';
import { createCode } from '../../src/usecases/coding/create-code.js';
import { listCodes } from '../../src/usecases/coding/list-codes.js';
import { mergeCodes } from '../../src/usecases/coding/merge-codes.js';
import { removeCoding } from '../../src/usecases/coding/remove-coding.js';
import { deleteEvidence } from '../../src/usecases/evidence/delete-evidence.js';
import { editEvidence } from '../../src/usecases/evidence/edit-evidence.js';
import { recordEvidence } from '../../src/usecases/evidence/record-evidence.js';
import { restoreEvidence } from '../../src/usecases/evidence/restore-evidence.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { contextFor, makeEvidenceTeam, type EvidenceTeam } from '../helpers/evidence.js';

let t: TestDatabase;
let team: EvidenceTeam;
const as = (actor: UserActor) => contextFor(t.db, actor);

beforeAll(async () => {
  t = await createTestDatabase();
  team = await makeEvidenceTeam(t.db, 'cc');
});
afterAll(async () => t.destroy());

/** Codes whose stored count differs from the aggregate over codings on live records. */
async function drift(): Promise<Array<{ name: string; stored: number; actual: number }>> {
  const r = await sql<{ name: string; stored: number; actual: number }>`
    select c.name, c.coding_count as stored,
      (select count(*)::int from codings k join evidence_records e on e.id = k.evidence_id
        where k.code_id = c.id and e.deleted_at is null) as actual
    from codes c where c.activity_id = ${team.activity.id}`.execute(t.db);
  return r.rows.filter((x) => x.stored !== x.actual);
}

async function count(name: string): Promise<number | undefined> {
  const book = await listCodes(as(team.lead), { activityId: team.activity.id });
  return book.codes.find((c) => c.name === name)?.codingCount;
}

describe('coding counts kept by the database', () => {
  it('follow coding, removal, merge, delete and restore, and text edits', async () => {
    const a = await createCode(as(team.member), { activityId: team.activity.id, name: 'Drift' });
    const b = await createCode(as(team.member), { activityId: team.activity.id, name: 'Delay' });
    const records = [];
    for (const text of ['Plans drift and visits are late.', 'Delay in the court work. 😀 Drift.']) {
      records.push(
        await recordEvidence(as(team.member), {
          activityId: team.activity.id,
          text,
          method: 'case_file_reading',
          judgementAreas: ['help_and_protection'],
        }),
      );
    }
    const [r1, r2] = records as [(typeof records)[0], (typeof records)[0]];
    const c1 = await codeSpan(as(team.member), {
      evidenceId: r1.id,
      codeIds: [a.id, b.id],
      start: 0,
      end: 11,
      evidenceVersion: 1,
    });
    await codeSpan(as(team.lead), {
      evidenceId: r2.id,
      codeIds: [a.id],
      start: 0,
      end: 5,
      evidenceVersion: 1,
    });
    expect([await count('Drift'), await count('Delay')]).toEqual([2, 1]);
    expect(await drift()).toEqual([]);

    await removeCoding(as(team.member), { codingId: c1.codings[1]!.id });
    expect(await count('Delay')).toBe(0);

    await deleteEvidence(as(team.lead), { evidenceId: r2.id, reason: 'Wrong child' });
    expect(await count('Drift')).toBe(1);
    expect(await drift()).toEqual([]);
    await restoreEvidence(as(team.lead), { evidenceId: r2.id });
    expect(await count('Drift')).toBe(2);

    // An edit that keeps the coded words re-anchors the coding: the count stays.
    await editEvidence(as(team.member), {
      evidenceId: r1.id,
      expectedVersion: 1,
      text: 'Note: Plans drift and visits are late.',
    });
    expect(await drift()).toEqual([]);

    await codeSpan(as(team.member), {
      evidenceId: r2.id,
      codeIds: [b.id],
      start: 0,
      end: 5,
      evidenceVersion: 1,
    });
    await mergeCodes(as(team.lead), { sourceCodeId: b.id, targetCodeId: a.id });
    expect(await count('Drift')).toBe(3);
    expect(await drift()).toEqual([]);
  });
});

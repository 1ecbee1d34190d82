// Coding a span reads its code inside the insert and takes the audit chain's lock and last hash in
// one call (issue 19, fifth round). What a coder sees must not change: an unknown code, another
// activity's code, a merged code and a folder are refused with the same messages and write
// nothing; a coding is audited and the chain still verifies.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type UserActor } from '../../src/domain/access/actor.js';
import { verifyAuditLog } from '../../src/usecases/audit/verify-audit-log.js';
import { codeSpan } from '../../src/usecases/coding/code-span.js';
import { createCode } from '../../src/usecases/coding/create-code.js';
import { mergeCodes } from '../../src/usecases/coding/merge-codes.js';
import { recordEvidence } from '../../src/usecases/evidence/record-evidence.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { contextFor, makeEvidenceTeam, type EvidenceTeam } from '../helpers/evidence.js';

let t: TestDatabase;
let team: EvidenceTeam;
let other: EvidenceTeam;
const as = (actor: UserActor) => contextFor(t.db, actor);

beforeAll(async () => {
  t = await createTestDatabase();
  team = await makeEvidenceTeam(t.db, 'csw');
  other = await makeEvidenceTeam(t.db, 'csx');
});
afterAll(async () => t.destroy());

async function counts(): Promise<{ codings: number; events: number }> {
  const r = await sql<{ codings: number; events: number }>`
    select (select count(*)::int from codings) as codings,
           (select count(*)::int from audit_events) as events`.execute(t.db);
  return r.rows[0]!;
}

describe('coding a span in one statement per code', () => {
  it('refuses codes that cannot take a coding, writing nothing, and audits a coding', async () => {
    const activityId = team.activity.id;
    const ctx = as(team.member);
    const record = await recordEvidence(ctx, {
      activityId,
      text: 'Plans drift and visits are late. 😀 Drift.',
      method: 'case_file_reading',
      judgementAreas: ['help_and_protection'],
    });
    const folder = await createCode(ctx, { activityId, name: 'Practice', isCodable: false });
    const merged = await createCode(ctx, { activityId, name: 'Lateness' });
    const kept = await createCode(ctx, { activityId, name: 'Drift' });
    await mergeCodes(as(team.lead), {
      activityId,
      sourceCodeId: merged.id,
      targetCodeId: kept.id,
    });
    const elsewhere = await createCode(as(other.member), {
      activityId: other.activity.id,
      name: 'Drift',
    });
    const span = {
      activityId,
      evidenceId: record.id,
      start: 0,
      end: 11,
      evidenceVersion: record.version,
    };
    const before = await counts();
    for (const codeId of [elsewhere.id, merged.id, '00000000-0000-4000-8000-000000000000'])
      await expect(codeSpan(ctx, { ...span, codeIds: [codeId] })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [
          { field: 'codeId', value: codeId, reason: 'No such code in this activity’s codebook' },
        ],
      });
    await expect(codeSpan(ctx, { ...span, codeIds: [folder.id] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'codeIds', reason: '“Practice” is a folder: choose a code inside it' }],
    });
    // A good code and then a folder in one request: the whole request is refused.
    await expect(codeSpan(ctx, { ...span, codeIds: [kept.id, folder.id] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await counts()).toEqual(before);

    const done = await codeSpan(ctx, { ...span, codeIds: [kept.id], spanText: 'Plans drift' });
    expect(done.codings).toHaveLength(1);
    expect(done.codings[0]).toMatchObject({
      codeId: kept.id,
      codeName: 'Drift',
      spanText: 'Plans drift',
    });
    expect(await counts()).toEqual({ codings: before.codings + 1, events: before.events + 1 });
    await expect(codeSpan(ctx, { ...span, codeIds: [kept.id] })).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
    // Past the emoji: offsets in code points.
    const second = await codeSpan(ctx, { ...span, codeIds: [kept.id], start: 35, end: 40 });
    expect(second.codings[0]!.spanText).toBe('Drift');
    const stored = await sql<{ code_id: string; coder_id: string; span_text: string }>`
      select code_id, coder_id, span_text from codings where id = ${second.codings[0]!.id}`.execute(
      t.db,
    );
    expect(stored.rows[0]).toEqual({
      code_id: kept.id,
      coder_id: team.member.userId,
      span_text: 'Drift',
    });
    const chain = await verifyAuditLog(contextFor(t.db, systemActor('test')));
    expect(chain.ok).toBe(true);
  });

  it('codes with the same code at the same time without deadlock, keeping one audit chain (PostgreSQL: separate sessions)', async () => {
    const activityId = team.activity.id;
    const ctx = as(team.member);
    const code = await createCode(ctx, { activityId, name: 'At once' });
    const records = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        recordEvidence(ctx, {
          activityId,
          text: `Visit ${i} was on time and the child was seen alone.`,
          method: 'case_file_reading',
          judgementAreas: ['help_and_protection'],
        }),
      ),
    );
    await Promise.all(
      records.map((r) =>
        codeSpan(ctx, {
          activityId,
          evidenceId: r.id,
          codeIds: [code.id],
          start: 0,
          end: 5,
          evidenceVersion: r.version,
        }),
      ),
    );
    const chain = await verifyAuditLog(contextFor(t.db, systemActor('test')));
    expect(chain).toMatchObject({ ok: true });
  });
});

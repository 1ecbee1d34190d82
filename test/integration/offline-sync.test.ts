// Syncing what a device captured offline (issue 17): idempotent by client id, edits from an older
// version kept as conflicts with both texts, written/received times in the audit log, and only the
// activity's team may sync (LA users and outsiders are answered NOT_FOUND).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { systemActor, type UserActor } from '../../src/domain/access/actor.js';
import { verifyAuditLog } from '../../src/usecases/audit/verify-audit-log.js';
import { createCode } from '../../src/usecases/coding/create-code.js';
import { listCodings } from '../../src/usecases/coding/list-codings.js';
import { editEvidence } from '../../src/usecases/evidence/edit-evidence.js';
import { getEvidence } from '../../src/usecases/evidence/get-evidence.js';
import { getOfflinePack } from '../../src/usecases/evidence/get-offline-pack.js';
import {
  getSyncConflict,
  listMySyncConflicts,
  resolveSyncConflict,
} from '../../src/usecases/evidence/sync-conflicts.js';
import { syncOfflineBatch } from '../../src/usecases/evidence/sync-offline-batch.js';
import { listEvidence } from '../../src/usecases/evidence/list-evidence.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { contextFor, makeEvidenceTeam, type EvidenceTeam } from '../helpers/evidence.js';

let t: TestDatabase;
let team: EvidenceTeam;
let codeId: string;
const as = (actor: UserActor) => contextFor(t.db, actor);
const WRITTEN = '2025-06-03T21:14:00.000Z';

beforeAll(async () => {
  t = await createTestDatabase();
  team = await makeEvidenceTeam(t.db, 'offline');
  const code = await createCode(as(team.lead), {
    activityId: team.activity.id,
    name: 'Voice of the child',
  });
  codeId = code.id;
});
afterAll(async () => t.destroy());

const record = (clientId: string, text: string) => ({
  kind: 'record' as const,
  clientId,
  writtenAt: WRITTEN,
  text,
  fields: { method: 'case_file_reading' as const, observedOn: '2025-06-03' },
});

describe('offline sync', () => {
  it('applies records and codings once: a replayed batch answers duplicate and changes nothing', async () => {
    const r1 = `rec-${randomUUID()}`;
    const c1 = `cod-${randomUUID()}`;
    const batch = {
      activityId: team.activity.id,
      operations: [
        record(r1, 'Typed in the car park: the plan was reviewed with the child.'),
        {
          kind: 'coding' as const,
          clientId: c1,
          writtenAt: WRITTEN,
          recordClientId: r1,
          codeId,
          start: 0,
          end: 5,
          spanText: 'Typed',
        },
      ],
    };
    const first = await syncOfflineBatch(as(team.member), batch);
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const evidenceId = first.results[0]!.evidenceId!;
    expect(first.results[1]).toMatchObject({ evidenceId, version: 1 });

    const again = await syncOfflineBatch(as(team.member), batch);
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.results[0]!.evidenceId).toBe(evidenceId);

    const list = await listEvidence(as(team.member), { activityId: team.activity.id, by: 'none' });
    const all = list.groups.flatMap((g) => g.records);
    expect(all.filter((r) => r.text.startsWith('Typed in the car park'))).toHaveLength(1);
    const codings = await listCodings(as(team.member), {
      activityId: team.activity.id,
      evidenceId,
    });
    expect(codings.codings).toHaveLength(1);

    const events = await listAuditEvents(t.db, { entityId: evidenceId });
    const recorded = events.find((e) => e.action === 'evidence.recorded');
    expect(recorded?.after).toMatchObject({
      source: 'offline',
      clientId: r1,
      writtenAt: WRITTEN,
      receivedAt: expect.any(String),
    });
  });

  it('applies a batch in order as one at a time would: a repeated span once, an edit in between, the audit chain intact', async () => {
    const r1 = `rec-${randomUUID()}`;
    const coding = (clientId: string, start: number, end: number, evidenceVersion = 1) => ({
      kind: 'coding' as const,
      clientId,
      writtenAt: WRITTEN,
      recordClientId: r1,
      evidenceVersion,
      codeId,
      start,
      end,
    });
    const ids = ['a', 'b', 'c', 'd'].map((k) => `cod-${k}-${randomUUID()}`);
    const out = await syncOfflineBatch(as(team.member), {
      activityId: team.activity.id,
      operations: [
        record(r1, 'Seen at home. The plan was clear.'),
        coding(ids[0]!, 0, 13),
        // The same code on the same span again: applied, nothing new.
        coding(ids[1]!, 0, 13),
        {
          kind: 'edit' as const,
          clientId: `edit-${randomUUID()}`,
          writtenAt: WRITTEN,
          evidenceId: '00000000-0000-4000-8000-000000000000',
          baseVersion: 1,
          text: 'No such record.',
        },
        coding(ids[2]!, 14, 33),
        coding(ids[0]!, 0, 13),
      ],
    });
    expect(out.results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'rejected',
      'applied',
      'duplicate',
    ]);
    const [made, first, repeat, , second, again] = out.results;
    expect(first!.codingId).toEqual(expect.any(String));
    expect(repeat!.codingId).toBeNull();
    expect(again!.codingId).toBe(first!.codingId);
    expect(second!.codingId).not.toBe(first!.codingId);
    const evidenceId = made!.evidenceId!;
    const edited = await syncOfflineBatch(as(team.member), {
      activityId: team.activity.id,
      operations: [
        {
          kind: 'edit' as const,
          clientId: `edit-${randomUUID()}`,
          writtenAt: WRITTEN,
          evidenceId,
          baseVersion: 1,
          text: 'Seen at home on Monday. The plan was clear.',
        },
        // Offsets of version 1, placed in version 2.
        coding(ids[3]!, 0, 4, 1),
      ],
    });
    expect(edited.results.map((r) => [r.status, r.version])).toEqual([
      ['applied', 2],
      ['applied', 2],
    ]);
    const codings = await listCodings(as(team.member), {
      activityId: team.activity.id,
      evidenceId,
    });
    expect(codings.codings.map((c) => c.spanText).sort()).toEqual([
      'Seen',
      'Seen at home.',
      'The plan was clear.',
    ]);
    const events = (await listAuditEvents(t.db, { activityId: team.activity.id, limit: 5 }))
      .reverse()
      .map((e) => [e.action, e.after?.clientId]);
    expect(events).toEqual([
      ['evidence.recorded', r1],
      ['coding.created', ids[0]],
      ['coding.created', ids[2]],
      ['evidence.edited', expect.any(String)],
      ['coding.created', ids[3]],
    ]);
    const chain = await verifyAuditLog({ db: t.db, actor: systemActor('test') });
    expect(chain.ok).toBe(true);
  });

  it('rejects an operation it cannot apply and still applies the rest', async () => {
    const out = await syncOfflineBatch(as(team.member), {
      activityId: team.activity.id,
      operations: [
        {
          kind: 'coding',
          clientId: `cod-${randomUUID()}`,
          writtenAt: WRITTEN,
          recordClientId: 'never-synced-record',
          codeId,
          start: 0,
          end: 1,
        },
        record(`rec-${randomUUID()}`, 'A second note.'),
      ],
    });
    expect(out.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    expect(out.results[0]!.error).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('keeps an offline edit of a record changed online as a conflict with both texts, and resolving keeps both', async () => {
    const made = await syncOfflineBatch(as(team.member), {
      activityId: team.activity.id,
      operations: [record(`rec-${randomUUID()}`, 'The social worker knew the child well.')],
    });
    const evidenceId = made.results[0]!.evidenceId!;
    await editEvidence(as(team.lead), {
      evidenceId,
      expectedVersion: 1,
      text: 'The social worker knew the child well. Online addition.',
    });
    const clientId = `edit-${randomUUID()}`;
    const out = await syncOfflineBatch(as(team.member), {
      activityId: team.activity.id,
      operations: [
        {
          kind: 'edit',
          clientId,
          writtenAt: WRITTEN,
          evidenceId,
          baseVersion: 1,
          text: 'The social worker knew the child well. Offline addition.',
        },
      ],
    });
    expect(out.results[0]).toMatchObject({
      status: 'conflict',
      version: 2,
      serverText: 'The social worker knew the child well. Online addition.',
    });
    const record2 = await getEvidence(as(team.member), { evidenceId });
    expect(record2.record.text).toBe('The social worker knew the child well. Online addition.');

    const conflicts = await listMySyncConflicts(as(team.member), team.activity.id);
    const conflictId = out.results[0]!.conflictId!;
    expect(conflicts.map((c) => c.id)).toContain(conflictId);
    await expect(
      getSyncConflict(as(team.lead), team.activity.id, conflictId),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const view = await getSyncConflict(as(team.member), team.activity.id, conflictId);
    expect(view).toMatchObject({
      baseVersion: 1,
      serverVersion: 2,
      deviceText: 'The social worker knew the child well. Offline addition.',
    });

    const merged = 'The social worker knew the child well. Online addition. Offline addition.';
    const done = await resolveSyncConflict(as(team.member), {
      activityId: team.activity.id,
      conflictId,
      choice: 'merged',
      text: merged,
      expectedVersion: 2,
    });
    expect(done.version).toBe(3);
    expect((await getEvidence(as(team.member), { evidenceId })).record.text).toBe(merged);
    await expect(
      resolveSyncConflict(as(team.member), {
        activityId: team.activity.id,
        conflictId,
        choice: 'mine',
        expectedVersion: 3,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('only the activity’s team may sync: LA users and outsiders get NOT_FOUND, shadows FORBIDDEN', async () => {
    const batch = {
      activityId: team.activity.id,
      operations: [record(`rec-${randomUUID()}`, 'Should not arrive.')],
    };
    await expect(syncOfflineBatch(as(team.laUser), batch)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(syncOfflineBatch(as(team.outsider), batch)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(syncOfflineBatch(as(team.shadow), batch)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(getOfflinePack(as(team.laUser), team.activity.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const pack = await getOfflinePack(as(team.member), team.activity.id);
    expect(pack.codes.map((c) => c.id)).toContain(codeId);
    expect(pack.ownRecords.length).toBeGreaterThan(0);
  });
});

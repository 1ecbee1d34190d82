import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import type { UserActor } from '../../src/domain/access/actor.js';
import { cpLength, cpSlice } from '../../src/domain/evidence/offsets.js';
import { codeSpan } from '../../src/usecases/coding/code-span.js';
import { createCode } from '../../src/usecases/coding/create-code.js';
import { listCodes } from '../../src/usecases/coding/list-codes.js';
import { listCodings } from '../../src/usecases/coding/list-codings.js';
import { mergeCodes } from '../../src/usecases/coding/merge-codes.js';
import { updateCode } from '../../src/usecases/coding/update-code.js';
import { deleteEvidence } from '../../src/usecases/evidence/delete-evidence.js';
import { editEvidence } from '../../src/usecases/evidence/edit-evidence.js';
import { getEvidence } from '../../src/usecases/evidence/get-evidence.js';
import { listEvidence } from '../../src/usecases/evidence/list-evidence.js';
import { recordEvidence } from '../../src/usecases/evidence/record-evidence.js';
import { restoreEvidence } from '../../src/usecases/evidence/restore-evidence.js';
import { createMemo } from '../../src/usecases/memos/create-memo.js';
import { listMemos } from '../../src/usecases/memos/list-memos.js';
import { verifyAuditLog } from '../../src/usecases/audit/verify-audit-log.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { contextFor, makeEvidenceTeam, type EvidenceTeam } from '../helpers/evidence.js';

let t: TestDatabase;
let team: EvidenceTeam;
const as = (actor: UserActor) => contextFor(t.db, actor);

beforeAll(async () => {
  t = await createTestDatabase();
  team = await makeEvidenceTeam(t.db);
});
afterAll(async () => t.destroy());

const ZOE = 'Zoë 👩‍👧 said she feels safe with her foster carer and wants to stay.';

describe('evidence capture', () => {
  it('records, edits with versions, refuses a stale edit naming who changed it, deletes and restores, all audited', async () => {
    const rec = await recordEvidence(as(team.member), {
      activityId: team.activity.id,
      text: 'Case file shows the strategy discussion was held within a day.\r\n',
      method: 'case_file_reading',
      caseRef: 'C-101',
      newCase: true,
      judgementAreas: ['help_and_protection'],
      direction: 'strength',
      minutesSpent: 45,
      observedOn: '2025-06-03',
    });
    expect(rec).toMatchObject({
      reference: 'E1',
      version: 1,
      text: 'Case file shows the strategy discussion was held within a day.',
      childCase: { reference: 'C-101' },
      recordedBy: { id: team.member.userId, label: team.member.displayName },
    });

    const edited = await editEvidence(as(team.lead), {
      evidenceId: rec.id,
      expectedVersion: 1,
      text: 'Case file shows the strategy discussion was held within 24 hours.',
      direction: 'mixed',
    });
    expect(edited).toMatchObject({ changed: true, record: { version: 2, direction: 'mixed' } });

    const stale = editEvidence(as(team.member), {
      evidenceId: rec.id,
      expectedVersion: 1,
      text: 'My own late edit.',
    });
    await expect(stale).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`E1 was changed by ${team.lead.displayName} at `),
    });

    const detail = await getEvidence(as(team.member), { evidenceId: rec.id, versions: true });
    expect(detail.versions?.map((v) => v.version)).toEqual([1, 2]);
    expect(detail.versions?.[0]).toMatchObject({
      text: 'Case file shows the strategy discussion was held within a day.',
      fields: { direction: 'strength', method: 'case_file_reading' },
      createdBy: { label: team.member.displayName },
    });

    await deleteEvidence(as(team.member), { evidenceId: rec.id, reason: 'Duplicate' });
    let list = await listEvidence(as(team.member), { activityId: team.activity.id, by: 'none' });
    expect(list.total).toBe(0);
    await expect(
      editEvidence(as(team.lead), { evidenceId: rec.id, expectedVersion: 2, text: 'x' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const deleted = await listEvidence(as(team.member), {
      activityId: team.activity.id,
      deleted: 'only',
      by: 'none',
    });
    expect(deleted.groups[0]?.records[0]?.deleted).toMatchObject({ reason: 'Duplicate' });
    await restoreEvidence(as(team.lead), { evidenceId: rec.id });
    list = await listEvidence(as(team.member), { activityId: team.activity.id, by: 'none' });
    expect(list.total).toBe(1);

    const events = await listAuditEvents(t.db, { entityId: rec.id, order: 'asc' });
    expect(events.map((e) => e.action)).toEqual([
      'evidence.recorded',
      'evidence.edited',
      'evidence.deleted',
      'evidence.restored',
    ]);
    expect(events[2]).toMatchObject({ reason: 'Duplicate', actorId: team.member.userId });
    expect(events[1]?.before).toMatchObject({ direction: 'strength' });
    expect((await verifyAuditLog(contextFor(t.db, team.national))).ok).toBe(true);
  });

  it('requires consent for conversations with children and families', async () => {
    await expect(
      recordEvidence(as(team.member), {
        activityId: team.activity.id,
        text: 'Spoke with the young person.',
        method: 'child_conversation',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'consent' })],
    });
    const ok = await recordEvidence(as(team.member), {
      activityId: team.activity.id,
      text: ZOE,
      method: 'child_conversation',
      caseRef: 'C-202',
      newCase: true,
      childVoice: true,
      livedExperience: true,
      judgementAreas: ['children_in_care'],
      consent: { infoSheetGiven: true, consentGiven: true, givenBy: 'child' },
    });
    expect(ok.consent).toEqual({ infoSheetGiven: true, consentGiven: true, givenBy: 'child' });
  });

  it('organises evidence under the judgement headings and by person, day, case and theme', async () => {
    await recordEvidence(as(team.lead), {
      activityId: team.activity.id,
      text: 'The DCS described the practice model and the audit programme.',
      method: 'manager_leader_meeting',
      judgementAreas: ['impact_of_leaders'],
      observedOn: '2025-06-04',
    });
    const byArea = await listEvidence(as(team.lead), { activityId: team.activity.id });
    expect(byArea.groups.map((g) => g.key)).toEqual([
      'impact_of_leaders',
      'help_and_protection',
      'children_in_care',
      'care_leavers',
      '',
    ]);
    expect(byArea.groups.map((g) => g.count)).toEqual([1, 1, 1, 0, 0]);
    const byPerson = await listEvidence(as(team.lead), {
      activityId: team.activity.id,
      by: 'person',
    });
    expect(byPerson.groups.map((g) => g.label).sort()).toEqual(
      [team.lead.displayName, team.member.displayName].sort(),
    );
    const byDay = await listEvidence(as(team.lead), { activityId: team.activity.id, by: 'day' });
    expect(byDay.groups[0]?.key).toBe('2025-06-03');
    const byCase = await listEvidence(as(team.lead), { activityId: team.activity.id, by: 'case' });
    expect(byCase.groups.map((g) => g.label)).toEqual(['C-101', 'C-202', 'No child’s case']);
    const search = await listEvidence(as(team.lead), {
      activityId: team.activity.id,
      by: 'none',
      search: 'strategy discussions',
    });
    expect(search.total).toBe(1);
  });
});

describe('coding', () => {
  it('seeds the codebook from the ilacs-2023 criteria: areas as folders, criteria as codes', async () => {
    const book = await listCodes(as(team.member), { activityId: team.activity.id });
    expect(book.seeded).toBe(true);
    const folders = book.codes.filter((c) => !c.isCodable);
    expect(folders.map((f) => f.frameworkKey)).toEqual([
      'impact_of_leaders',
      'help_and_protection',
      'children_in_care',
      'care_leavers',
    ]);
    const codes = book.codes.filter((c) => c.isCodable);
    expect(codes).toHaveLength(46);
    const frontDoor = codes.find((c) => c.frameworkKey === 'help_and_protection.front_door');
    expect(frontDoor).toMatchObject({ name: 'Front door', depth: 1, source: 'framework' });
    expect(frontDoor?.path).toEqual(['Help and protection', 'Front door']);
    // Idempotent: opening again adds nothing.
    expect((await listCodes(as(team.lead), { activityId: team.activity.id })).codes).toHaveLength(
      50,
    );
  });

  it('codes spans in code points (emoji and accents round-trip), several codes per span, each with its coder', async () => {
    const rec = (
      await listEvidence(as(team.member), {
        activityId: team.activity.id,
        by: 'none',
        search: 'foster carer',
        fullText: true,
      })
    ).groups[0]!.records[0]!;
    expect(rec.text).toBe(ZOE);
    const book = await listCodes(as(team.member), { activityId: team.activity.id });
    const voice = book.codes.find((c) => c.frameworkKey === 'children_in_care.voice')!;
    const stability = book.codes.find((c) => c.frameworkKey === 'children_in_care.stability')!;
    const folder = book.codes.find((c) => c.frameworkKey === 'children_in_care')!;
    // "Zoë 👩‍👧 said" is code points 0-12: Z o ë space 👩 ZWJ 👧 space s a i d.
    expect(cpSlice(ZOE, 0, 12)).toBe('Zoë 👩‍👧 said');
    const first = await codeSpan(as(team.member), {
      evidenceId: rec.id,
      codeIds: [voice.id, stability.id],
      start: 0,
      end: 12,
      evidenceVersion: rec.version,
      spanText: 'Zoë 👩‍👧 said',
    });
    expect(first.codings.map((c) => c.spanText)).toEqual(['Zoë 👩‍👧 said', 'Zoë 👩‍👧 said']);
    const second = await codeSpan(as(team.lead), {
      evidenceId: rec.id,
      codeIds: [voice.id],
      start: 0,
      end: 12,
      evidenceVersion: rec.version,
    });
    expect(second.codings[0]?.coder.label).toBe(team.lead.displayName);
    await expect(
      codeSpan(as(team.lead), {
        evidenceId: rec.id,
        codeIds: [voice.id],
        start: 0,
        end: 12,
        evidenceVersion: rec.version,
      }),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    // UTF-16 offsets (0-14) are caught by the span text check.
    await expect(
      codeSpan(as(team.member), {
        evidenceId: rec.id,
        codeIds: [voice.id],
        start: 0,
        end: 14,
        evidenceVersion: rec.version,
        spanText: 'Zoë 👩‍👧 said',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      codeSpan(as(team.member), {
        evidenceId: rec.id,
        codeIds: [folder.id],
        start: 0,
        end: 3,
        evidenceVersion: rec.version,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      codeSpan(as(team.member), {
        evidenceId: rec.id,
        codeIds: [voice.id],
        start: 60,
        end: cpLength(ZOE) + 1,
        evidenceVersion: rec.version,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    // An edit before the span keeps the coding on its words; rewriting the words flags it.
    const tail = await codeSpan(as(team.member), {
      evidenceId: rec.id,
      codeIds: [stability.id],
      start: cpLength(ZOE) - 14,
      end: cpLength(ZOE) - 1,
      evidenceVersion: rec.version,
    });
    expect(tail.codings[0]?.spanText).toBe('wants to stay');
    const edited = await editEvidence(as(team.member), {
      evidenceId: rec.id,
      expectedVersion: rec.version,
      text: `Visit 2. ${ZOE.replace('wants to stay', 'would like to move')}`,
    });
    expect(edited.codings).toEqual({ kept: 3, moved: 0, lost: 1 });
    const after = await getEvidence(as(team.member), { evidenceId: rec.id });
    const zoe = after.codings.filter((c) => c.spanText === 'Zoë 👩‍👧 said');
    expect(zoe.map((c) => [c.start, c.end, c.anchorStatus])).toEqual([
      [9, 21, 'ok'],
      [9, 21, 'ok'],
      [9, 21, 'ok'],
    ]);
    expect(cpSlice(after.record.text, 9, 21)).toBe('Zoë 👩‍👧 said');
    expect(after.codings.find((c) => c.spanText === 'wants to stay')?.anchorStatus).toBe('lost');
    // Offsets from the old version are re-anchored onto the new one.
    const late = await codeSpan(as(team.lead), {
      evidenceId: rec.id,
      codeIds: [stability.id],
      start: 0,
      end: 3,
      evidenceVersion: rec.version,
    });
    expect(late.codings[0]).toMatchObject({ start: 9, end: 12, spanText: 'Zoë' });

    const { codings: byCoder } = await listCodings(as(team.lead), {
      activityId: team.activity.id,
      coderIds: [team.lead.userId],
    });
    expect(byCoder).toHaveLength(2);
  });

  it('adds, renames and moves emergent codes and merges codes keeping every coding', async () => {
    const book = await listCodes(as(team.member), { activityId: team.activity.id });
    const voice = book.codes.find((c) => c.frameworkKey === 'children_in_care.voice')!;
    const stability = book.codes.find((c) => c.frameworkKey === 'children_in_care.stability')!;
    const emergent = await createCode(as(team.member), {
      activityId: team.activity.id,
      name: 'Wishes and feelings',
      colour: '#D4351C',
      description: 'Children’s own words about what they want',
    });
    expect(emergent).toMatchObject({ source: 'emergent', colour: '#d4351c', parentId: null });
    await expect(
      createCode(as(team.lead), { activityId: team.activity.id, name: 'wishes and feelings' }),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    const moved = await updateCode(as(team.lead), {
      codeId: emergent.id,
      expectedVersion: 1,
      name: 'Wishes & feelings',
      parentId: voice.parentId,
    });
    expect(moved).toMatchObject({
      version: 2,
      name: 'Wishes & feelings',
      parentId: voice.parentId,
    });
    await expect(
      updateCode(as(team.member), { codeId: emergent.id, expectedVersion: 1, name: 'Old' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const rec = await recordEvidence(as(team.member), {
      activityId: team.activity.id,
      text: 'The child told me she wants to see her brother more often.',
      method: 'social_worker_discussion',
      judgementAreas: ['children_in_care'],
    });
    await codeSpan(as(team.member), {
      evidenceId: rec.id,
      codeIds: [emergent.id],
      start: 4,
      end: 58,
      evidenceVersion: 1,
    });
    await codeSpan(as(team.member), {
      evidenceId: rec.id,
      codeIds: [voice.id],
      start: 4,
      end: 58,
      evidenceVersion: 1,
    });
    await createMemo(as(team.lead), {
      activityId: team.activity.id,
      targetType: 'code',
      targetId: emergent.id,
      text: 'Probably the same as the framework code.',
    });
    const before = (await listCodings(as(team.lead), { activityId: team.activity.id })).total;
    const voiceBefore = (
      await listCodings(as(team.lead), { activityId: team.activity.id, codeIds: [voice.id] })
    ).total;
    const merged = await mergeCodes(as(team.lead), {
      sourceCodeId: emergent.id,
      targetCodeId: voice.id,
    });
    expect(merged).toMatchObject({ codingsMoved: 0, duplicatesRemoved: 1, memosMoved: 1 });
    const all = await listCodings(as(team.lead), { activityId: team.activity.id });
    expect(all.codings).toHaveLength(before - 1);
    expect(
      (await listCodings(as(team.lead), { activityId: team.activity.id, codeIds: [voice.id] }))
        .codings,
    ).toHaveLength(voiceBefore);
    // A merge with distinct spans re-points them all.
    const other = await createCode(as(team.member), {
      activityId: team.activity.id,
      name: 'Sibling contact',
    });
    await codeSpan(as(team.member), {
      evidenceId: rec.id,
      codeIds: [other.id],
      start: 30,
      end: 58,
      evidenceVersion: 1,
    });
    const m2 = await mergeCodes(as(team.member), {
      sourceCodeId: other.id,
      targetCodeId: stability.id,
    });
    expect(m2).toMatchObject({ codingsMoved: 1, duplicatesRemoved: 0 });
    expect(
      (await listCodes(as(team.member), { activityId: team.activity.id })).codes.some(
        (c) => c.id === other.id,
      ),
    ).toBe(false);
    const events = await listAuditEvents(t.db, { entityId: other.id, order: 'asc' });
    expect(events.map((e) => e.action)).toEqual(['code.created', 'code.merged']);
    expect(events[1]?.after).toMatchObject({ mergedIntoId: stability.id, codingsMoved: 1 });
    const memos = await listMemos(as(team.member), {
      activityId: team.activity.id,
      targetType: 'code',
      targetId: voice.id,
    });
    expect(memos).toHaveLength(1);
  });
});

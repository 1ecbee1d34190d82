import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '../../src/domain/access/actor.js';
import { createCase } from '../../src/usecases/cases/create-case.js';
import { listCases } from '../../src/usecases/cases/list-cases.js';
import { updateCase } from '../../src/usecases/cases/update-case.js';
import { codeSpan } from '../../src/usecases/coding/code-span.js';
import { listCodes } from '../../src/usecases/coding/list-codes.js';
import { listCodings } from '../../src/usecases/coding/list-codings.js';
import { deleteEvidence } from '../../src/usecases/evidence/delete-evidence.js';
import { editEvidence } from '../../src/usecases/evidence/edit-evidence.js';
import { getEvidence } from '../../src/usecases/evidence/get-evidence.js';
import { listEvidence } from '../../src/usecases/evidence/list-evidence.js';
import { recordEvidence } from '../../src/usecases/evidence/record-evidence.js';
import { createLineOfEnquiry } from '../../src/usecases/analysis/create-line-of-enquiry.js';
import { updateLineOfEnquiry } from '../../src/usecases/analysis/update-line-of-enquiry.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { contextFor, makeEvidenceTeam, type EvidenceTeam } from '../helpers/evidence.js';

let t: TestDatabase;
let team: EvidenceTeam;
const as = (actor: UserActor) => contextFor(t.db, actor);

beforeAll(async () => {
  t = await createTestDatabase();
  team = await makeEvidenceTeam(t.db, 'evc');
  const book = await listCodes(as(team.lead), { activityId: team.activity.id });
  const voice = book.codes.find((c) => c.frameworkKey === 'children_in_care.voice')!;
  for (const [caseRef, text, method] of [
    ['C-202', 'Amara said she wants to see her brother more.', 'child_conversation'],
    ['C-303', 'The file shows visits every two weeks.', 'case_file_reading'],
  ] as const) {
    const r = await recordEvidence(as(team.member), {
      activityId: team.activity.id,
      text,
      method,
      caseRef,
      newCase: true,
      teamRef: 'Children in Care 1',
      judgementAreas: ['children_in_care'],
      ...(method === 'child_conversation'
        ? { consent: { infoSheetGiven: true, consentGiven: true, givenBy: 'child' as const } }
        : {}),
    });
    await codeSpan(as(team.member), {
      evidenceId: r.id,
      codeIds: [voice.id],
      start: 0,
      end: 10,
      evidenceVersion: 1,
    });
  }
});
afterAll(async () => t.destroy());

describe('concurrent work on one record', () => {
  it('lets exactly one of two simultaneous edits through; the other gets a conflict', async () => {
    const rec = (await listEvidence(as(team.lead), { activityId: team.activity.id, by: 'none' }))
      .groups[0]!.records[0]!;
    const results = await Promise.allSettled([
      editEvidence(as(team.lead), {
        evidenceId: rec.id,
        expectedVersion: 1,
        direction: 'strength',
      }),
      editEvidence(as(team.member), { evidenceId: rec.id, expectedVersion: 1, direction: 'mixed' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'CONFLICT' });
    expect((await getEvidence(as(team.lead), { evidenceId: rec.id })).record.version).toBe(2);
  });

  it('groups by team and theme, and leaves deleted evidence out of views and counts', async () => {
    const byTeam = await listEvidence(as(team.lead), { activityId: team.activity.id, by: 'team' });
    expect(byTeam.groups).toMatchObject([{ label: 'Children in Care 1', count: 2 }]);
    const byTheme = await listEvidence(as(team.lead), {
      activityId: team.activity.id,
      by: 'theme',
    });
    const voice = byTheme.groups.find((g) => g.label === 'Voice');
    expect(voice?.count).toBe(2);
    const second = byTeam.groups[0]!.records[1]!;
    await deleteEvidence(as(team.lead), { evidenceId: second.id });
    const after = await listEvidence(as(team.lead), { activityId: team.activity.id, by: 'theme' });
    expect(after.groups.find((g) => g.label === 'Voice')?.count).toBe(1);
    const book = await listCodes(as(team.lead), { activityId: team.activity.id });
    expect(book.codes.find((c) => c.name === 'Voice')?.codingCount).toBe(1);
  });
});

describe('cases and lines of enquiry', () => {
  it('types case attributes per kind and filters codings by them', async () => {
    const cases = await listCases(as(team.member), { activityId: team.activity.id, kind: 'child' });
    const c202 = cases.cases.find((c) => c.reference === 'C-202')!;
    await updateCase(as(team.member), {
      caseId: c202.id,
      expectedVersion: 1,
      attributes: { cohort: 'child_in_care', ageBand: '10_15', disability: false },
    });
    await expect(
      updateCase(as(team.member), {
        caseId: c202.id,
        expectedVersion: 2,
        attributes: { locality: 'North' },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      createCase(as(team.member), {
        activityId: team.activity.id,
        kind: 'practitioner',
        reference: 'SW-1',
        attributes: { experienceBand: 'ten years' },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const filtered = await listCases(as(team.member), {
      activityId: team.activity.id,
      attributes: { cohort: 'child_in_care' },
    });
    expect(filtered.cases.map((c) => c.reference)).toEqual(['C-202']);
    const { codings } = await listCodings(as(team.member), {
      activityId: team.activity.id,
      attributes: [{ kind: 'child', name: 'cohort', value: 'child_in_care' }],
    });
    expect(codings.length).toBeGreaterThan(0);
    expect(new Set(codings.map((c) => c.evidenceReference))).toEqual(new Set(['E1']));
  });

  it('creates, lists and closes lines of enquiry (a conclusion is needed to close)', async () => {
    const line = await createLineOfEnquiry(as(team.lead), {
      activityId: team.activity.id,
      title: 'Are strategy discussions timely out of hours?',
      source: 'data',
      judgementAreas: ['help_and_protection'],
    });
    await expect(
      updateLineOfEnquiry(as(team.lead), {
        lineOfEnquiryId: line.id,
        expectedVersion: 1,
        status: 'closed',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const closed = await updateLineOfEnquiry(as(team.lead), {
      lineOfEnquiryId: line.id,
      expectedVersion: 1,
      status: 'closed',
      conclusion: 'Yes: all sampled discussions were held within a day.',
    });
    expect(closed).toMatchObject({ status: 'closed', version: 2 });
  });
});

describe('access', () => {
  it('hides evidence from inspectors not on the team, LA users and researchers; shadows only read', async () => {
    for (const who of [team.outsider, team.laUser, team.researcher]) {
      await expect(listEvidence(as(who), { activityId: team.activity.id })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(listCodes(as(who), { activityId: team.activity.id })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(
        recordEvidence(as(who), { activityId: team.activity.id, text: 'x', method: 'la_audit' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const any = (await listEvidence(as(team.lead), { activityId: team.activity.id, by: 'none' }))
      .groups[0]!.records[0]!;
    await expect(getEvidence(as(team.laUser), { evidenceId: any.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await listEvidence(as(team.shadow), { activityId: team.activity.id })).canWrite).toBe(
      false,
    );
    await expect(
      recordEvidence(as(team.shadow), {
        activityId: team.activity.id,
        text: 'x',
        method: 'la_audit',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const national = await listEvidence(as(team.national), { activityId: team.activity.id });
    expect(national).toMatchObject({ canWrite: false });
  });
});

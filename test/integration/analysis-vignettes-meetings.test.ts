import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { getTeamMeetingView } from '../../src/usecases/analysis/get-team-meeting-view.js';
import { listVignettes } from '../../src/usecases/analysis/list-vignettes.js';
import { markVignette } from '../../src/usecases/analysis/mark-vignette.js';
import { recordTeamMeeting } from '../../src/usecases/analysis/record-team-meeting.js';
import { unmarkVignette } from '../../src/usecases/analysis/unmark-vignette.js';
import { updateVignette } from '../../src/usecases/analysis/update-vignette.js';
import { createWorld, spanOf, type World } from '../helpers/analysis.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.t.destroy());

const IDENTIFYING =
  'Mrs Okafor (DOB 03/04/2015) lives at 14 Acacia Avenue, LS6 2AB; call 07700 900123. She said the plan helped.';

describe('vignettes', () => {
  it('marks a passage and flags what could identify someone, with positions', async () => {
    const id = await w.record(w.lead, {
      text: `Visit notes. ${IDENTIFYING}`,
      method: 'parent_carer_conversation',
      judgementAreas: ['help_and_protection'],
      direction: 'strength',
      consent: { infoSheetGiven: true, consentGiven: true, givenBy: 'parent' },
    });
    const span = spanOf(`Visit notes. ${IDENTIFYING}`, IDENTIFYING);
    const v = await markVignette(w.as(w.lead), {
      evidenceId: id,
      ...span,
      title: 'A parent on the plan',
    });
    expect(v).toMatchObject({ status: 'candidate', judgementArea: 'help_and_protection' });
    expect(v.anonymisation.checked).toBe('passage');
    expect(v.anonymisation.findings.map((f) => [f.kind, f.text])).toEqual([
      ['name', 'Okafor'],
      ['date_of_birth', '03/04/2015'],
      ['address', '14 Acacia Avenue'],
      ['postcode', 'LS6 2AB'],
      ['phone', '07700 900123'],
    ]);
    const name = v.anonymisation.findings[0]!;
    expect(name.start).toBe(4);
    expect(name.recordStart).toBe(span.start + 4);
    expect(v.anonymisation.summary).toMatch(/^5 possible identifiers: a name \(Okafor\)/);
  });

  it('will not confirm anonymisation with findings unless rewritten or acknowledged', async () => {
    const [v] = await listVignettes(w.as(w.member), { activityId: w.activityId });
    await expect(
      updateVignette(w.as(w.lead), { vignetteId: v!.id, expectedVersion: 1, status: 'selected' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const refused = await updateVignette(w.as(w.lead), {
      vignetteId: v!.id,
      expectedVersion: 1,
      confirmAnonymised: true,
    }).catch((e: { code: string; details: Array<{ value: string; reason: string }> }) => e);
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED' });
    if (!('details' in refused)) throw new Error('expected a failure');
    expect(refused.details[0]).toEqual({
      field: 'passage',
      value: 'Okafor',
      reason: 'a name at 4-10: A name after a title (Mr, Mrs, Ms, Dr...)',
    });
    const rewritten = await updateVignette(w.as(w.lead), {
      vignetteId: v!.id,
      expectedVersion: 1,
      reportText: 'A parent told inspectors that the plan helped.',
      confirmAnonymised: true,
      status: 'selected',
    });
    expect(rewritten.anonymisation).toMatchObject({ checked: 'reportText', findings: [], high: 0 });
    expect(rewritten).toMatchObject({ status: 'selected', version: 2 });
    expect(rewritten.anonymised?.by.label).toBe('lead');
    // Changing the wording makes the confirmation lapse.
    const changed = await updateVignette(w.as(w.member), {
      vignetteId: v!.id,
      expectedVersion: 2,
      reportText: 'A parent said the plan helped her.',
      status: 'candidate',
    });
    expect(changed.anonymised).toBeNull();
    await expect(
      updateVignette(w.as(w.member), { vignetteId: v!.id, expectedVersion: 2, note: 'stale' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await unmarkVignette(w.as(w.lead), { vignetteId: v!.id });
    expect(await listVignettes(w.as(w.lead), { activityId: w.activityId })).toEqual([]);
    const actions = (await listAuditEvents(w.t.db, { activityId: w.activityId })).map(
      (e) => e.action,
    );
    expect(actions.filter((a) => a.startsWith('vignette.'))).toEqual([
      'vignette.unmarked',
      'vignette.updated',
      'vignette.updated',
      'vignette.marked',
    ]);
  });

  it('is NOT_FOUND outside the team', async () => {
    for (const actor of [w.outsider, w.laUser, w.researcher]) {
      await expect(listVignettes(w.as(actor), { activityId: w.activityId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(
        markVignette(w.as(actor), { evidenceId: w.e.E1, start: 0, end: 5 }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

describe('team meeting view', () => {
  it('shows what was recorded since the last meeting, by judgement area', async () => {
    const before = await getTeamMeetingView(w.as(w.member), { activityId: w.activityId });
    expect(before.since).toBeNull();
    expect(before.total).toBe(6);
    const meeting = await recordTeamMeeting(w.as(w.lead), {
      activityId: w.activityId,
      kind: 'morning',
      note: 'Day 2 plan',
    });
    await new Promise((r) => setTimeout(r, 30));
    await w.record(w.member, {
      text: 'Strategy discussion held the same day with police present.',
      method: 'social_worker_discussion',
      judgementAreas: ['help_and_protection'],
      direction: 'strength',
    });
    await w.record(w.lead, {
      text: 'Performance data on visits.',
      method: 'performance_data',
    });
    const v = await getTeamMeetingView(w.as(w.member), { activityId: w.activityId });
    expect(v.lastMeeting?.id).toBe(meeting.id);
    expect(v.since?.getTime()).toBe(meeting.heldAt.getTime());
    expect(v.total).toBe(2);
    const hp = v.areas.find((a) => a.area.key === 'help_and_protection')!;
    expect(hp).toMatchObject({
      records: 1,
      byDirection: { strength: 1 },
      byMethodFamily: { discussion: 1 },
      byInspector: [{ label: 'member', records: 1 }],
    });
    expect(hp.items[0]?.excerpt).toMatch(/^Strategy discussion/);
    expect(v.unfiled.records).toBe(1);
    expect(v.areas.find((a) => a.area.key === 'children_in_care')?.records).toBe(0);
    expect(v.recentMeetings.map((m) => m.kind)).toEqual(['morning']);
    for (const actor of [w.outsider, w.laUser, w.researcher])
      await expect(
        getTeamMeetingView(w.as(actor), { activityId: w.activityId }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { systemActor, type UserActor } from '../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { addTeamMember } from '../../src/usecases/activities/add-team-member.js';
import { changeActivityState } from '../../src/usecases/activities/change-activity-state.js';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import { getActivity } from '../../src/usecases/activities/get-activity.js';
import { listMyActivities } from '../../src/usecases/activities/list-my-activities.js';
import { verifyAuditLog } from '../../src/usecases/audit/verify-audit-log.js';
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
let regional: UserActor,
  otherRegional: UserActor,
  lead: UserActor,
  member: UserActor,
  outsider: UserActor,
  laUser: UserActor,
  researcher: UserActor;

beforeAll(async () => {
  t = await createTestDatabase();
  await insertLa(t.db, 'north-la', 'North West');
  await insertLa(t.db, 'south-la', 'South West');
  regional = await makeUser(t.db, 'regional', 'regional', { region: 'North West' });
  otherRegional = await makeUser(t.db, 'regional-sw', 'regional', { region: 'South West' });
  lead = await makeUser(t.db, 'lead', 'inspector');
  member = await makeUser(t.db, 'member', 'inspector');
  outsider = await makeUser(t.db, 'outsider', 'inspector');
  laUser = await makeUser(t.db, 'dcs', 'la_user', { laId: 'north-la' });
  researcher = await makeUser(t.db, 'researcher', 'researcher');
});
afterAll(async () => t.destroy());

describe('activities', () => {
  it('regional staff schedule activities in their own region only, with the framework in force', async () => {
    const a = await createActivity(as(regional), {
      laId: 'north-la',
      activityType: 'standard_inspection',
      plannedStart: '2026-12-07',
      plannedEnd: '2026-12-18',
    });
    expect(a).toMatchObject({
      state: 'planned',
      frameworkId: 'ilacs-2026',
      laName: 'north-la council',
    });
    await expect(
      createActivity(as(otherRegional), {
        laId: 'north-la',
        activityType: 'standard_inspection',
        plannedStart: '2026-12-07',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      createActivity(as(lead), {
        laId: 'north-la',
        activityType: 'standard_inspection',
        plannedStart: '2026-12-07',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('validates type-specific details: a focused visit needs a theme, a monitoring visit a number', async () => {
    await expect(
      createActivity(as(regional), {
        laId: 'north-la',
        activityType: 'focused_visit',
        plannedStart: '2026-12-08',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ field: 'theme' })],
    });
    await expect(
      createActivity(as(regional), {
        laId: 'north-la',
        activityType: 'monitoring_visit',
        plannedStart: '2026-12-08',
      }),
    ).rejects.toMatchObject({
      details: expect.arrayContaining([expect.objectContaining({ field: 'sequenceNumber' })]),
    });
    await expect(
      createActivity(as(regional), {
        laId: 'north-la',
        activityType: 'lscb_review',
        plannedStart: '2026-12-08',
      }),
    ).rejects.toMatchObject({
      details: [expect.objectContaining({ field: 'activityType' })],
    });
  });

  it('follows the lifecycle with team, access and audit', async () => {
    const a = await createActivity(as(regional), {
      laId: 'north-la',
      activityType: 'short_inspection',
      plannedStart: '2027-01-11',
    });
    await addTeamMember(as(regional), {
      activityId: a.id,
      userId: lead.userId,
      teamRole: 'lead_inspector',
    });
    await addTeamMember(as(lead), {
      activityId: a.id,
      userId: member.userId,
      teamRole: 'team_inspector',
    });
    await expect(
      addTeamMember(as(lead), {
        activityId: a.id,
        userId: outsider.userId,
        teamRole: 'lead_inspector',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      addTeamMember(as(lead), {
        activityId: a.id,
        userId: laUser.userId,
        teamRole: 'team_inspector',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    // Before notification the LA cannot know: not even that it exists.
    await expect(getActivity(as(laUser), a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listMyActivities(as(laUser))).map((x) => x.id)).not.toContain(a.id);
    await expect(getActivity(as(outsider), a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getActivity(as(otherRegional), a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getActivity(as(researcher), a.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // A team member sees it but may not move it; the lead may.
    expect((await getActivity(as(member), a.id)).can.manage).toBe(false);
    await expect(
      changeActivityState(as(member), { activityId: a.id, toState: 'notified' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await changeActivityState(as(lead), { activityId: a.id, toState: 'notified' });
    const seen = await getActivity(as(laUser), a.id);
    expect(seen.activity.state).toBe('notified');
    expect(seen.can.manage).toBe(false);
    expect((await listMyActivities(as(laUser))).map((x) => x.id)).toContain(a.id);

    await expect(
      changeActivityState(as(lead), { activityId: a.id, toState: 'published' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(
      changeActivityState(as(lead), { activityId: a.id, toState: 'paused' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await changeActivityState(as(lead), {
      activityId: a.id,
      toState: 'paused',
      reason: 'Serious incident in the LA',
    });
    const resumed = await changeActivityState(as(lead), { activityId: a.id, toState: 'notified' });
    expect(resumed.state).toBe('notified');

    const events = await listAuditEvents(t.db, { activityId: a.id, order: 'asc' });
    expect(events.map((e) => e.action)).toEqual([
      'activity.created',
      'activity.team_member_added',
      'activity.team_member_added',
      'activity.state_changed',
      // Notified: the LA's users are told (issue 12), and the audit log says so.
      'notification.sent',
      'activity.state_changed',
      'activity.state_changed',
    ]);
    expect(events[5]).toMatchObject({
      reason: 'Serious incident in the LA',
      before: { state: 'notified' },
      after: { state: 'paused' },
    });
  });

  it('refuses a change based on a stale version, and nothing is changed', async () => {
    const a = await createActivity(as(regional), {
      laId: 'north-la',
      activityType: 'standard_inspection',
      plannedStart: '2027-02-01',
    });
    await changeActivityState(as(regional), {
      activityId: a.id,
      toState: 'notified',
      expectedVersion: a.version,
    });
    await expect(
      changeActivityState(as(regional), {
        activityId: a.id,
        toState: 'deferred',
        reason: 'x',
        expectedVersion: a.version,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await getActivity(as(regional), a.id)).activity.state).toBe('notified');
  });

  it('detects tampering with stored audit events', async () => {
    const ok = await verifyAuditLog(as(systemActor('test')));
    expect(ok.ok).toBe(true);
    expect(ok.eventsChecked).toBeGreaterThan(10);
    if (testEngine() === 'postgres') return; // trigger bypass below needs the embedded superuser
    await sql`alter table audit_events disable trigger audit_events_no_update`.execute(t.db);
    await sql`update audit_events set reason = 'edited' where seq = (select min(seq) + 3 from audit_events)`.execute(
      t.db,
    );
    await sql`alter table audit_events enable trigger audit_events_no_update`.execute(t.db);
    const broken = await verifyAuditLog(as(systemActor('test')));
    expect(broken.ok).toBe(false);
    expect(broken.problem?.reason).toMatch(/edited/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { findLineOfEnquiry } from '../../src/data/repositories/lines-of-enquiry.js';
import type { systemActor } from '../../src/domain/access/actor.js';
import { type UserActor } from '../../src/domain/access/actor.js';
import { annexAToXlsx, generateAnnexA } from '../../src/synthetic/annex-a.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { addTeamMember } from '../../src/usecases/activities/add-team-member.js';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import { decideCandidate } from '../../src/usecases/annex-a-profile/decide-candidate.js';
import { getAnnexAProfile } from '../../src/usecases/annex-a-profile/get-annex-a-profile.js';
import { getLineDataPrompt } from '../../src/usecases/annex-a-profile/get-line-data-prompt.js';
import { recordSefClaim } from '../../src/usecases/annex-a-profile/record-sef-claim.js';
import { setProfilePopulation } from '../../src/usecases/annex-a-profile/set-profile-population.js';
import { importAnnexA } from '../../src/usecases/annex-a/import-annex-a.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { insertLa, makeUser } from '../helpers/fixtures.js';

let t: TestDatabase;
const catalog = loadActivityTypeCatalog();
const as = (actor: UserActor | ReturnType<typeof systemActor>): UseCaseContext => ({
  db: t.db,
  actor,
  catalog,
});
let lead: UserActor, inspector: UserActor, analyst: UserActor, qam: UserActor;
let outsider: UserActor, laUser: UserActor, researcher: UserActor;
let activityId: string;
const generated = generateAnnexA({ rows: 3000, seed: 7, referenceDate: '2025-06-30' });

beforeAll(async () => {
  t = await createTestDatabase();
  await insertLa(t.db, 'profile-la', 'North West');
  // Lancashire's DfE code: the benchmark tables know its region, neighbours and population.
  await t.db
    .updateTable('local_authorities')
    .set({ dfe_code: '888' })
    .where('id', '=', 'profile-la')
    .execute();
  const regional = await makeUser(t.db, 'regional', 'regional', { region: 'North West' });
  lead = await makeUser(t.db, 'lead', 'inspector');
  inspector = await makeUser(t.db, 'inspector', 'inspector');
  analyst = await makeUser(t.db, 'analyst', 'inspector');
  qam = await makeUser(t.db, 'qam', 'inspector');
  outsider = await makeUser(t.db, 'outsider', 'inspector');
  laUser = await makeUser(t.db, 'dcs', 'la_user', { laId: 'profile-la' });
  researcher = await makeUser(t.db, 'researcher', 'researcher');
  const a = await createActivity(as(regional), {
    laId: 'profile-la',
    activityType: 'standard_inspection',
    plannedStart: '2025-07-07',
    plannedEnd: '2025-07-18',
  });
  activityId = a.id;
  await addTeamMember(as(regional), {
    activityId,
    userId: lead.userId,
    teamRole: 'lead_inspector',
  });
  for (const [u, role] of [
    [inspector, 'team_inspector'],
    [analyst, 'analyst'],
    [qam, 'qam'],
  ] as const)
    await addTeamMember(as(lead), { activityId, userId: u.userId, teamRole: role });
  const r = await importAnnexA(as(analyst), {
    activityId,
    fileName: 'annex-a.xlsx',
    bytes: annexAToXlsx(generated),
    acceptFlagged: true,
  });
  expect(['imported', 'replaced']).toContain(r.status);
});
afterAll(async () => t.destroy());

describe('the Annex A data profile', () => {
  it('profiles every list of a generated import, with rates, breakdowns and benchmarks', async () => {
    const v = await getAnnexAProfile(as(analyst), activityId);
    // Ages and "open at" are taken at the import's reference date: the planned start here.
    expect(v.import?.referenceDate).toBe('2025-07-07');
    expect(v.laCode).toBe('888');
    expect(v.population).toMatchObject({ source: 'ons', value: 261392 });
    const lists = v.profile!.lists;
    expect(lists.map((l) => l.list)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const l of generated.lists)
      expect(lists.find((x) => x.list === l.list)?.rows, `list ${l.list}`).toBe(l.rows.length);
    const referrals = lists.find((l) => l.list === 3)!;
    expect(referrals.breakdowns.map((b) => b.dimension)).toEqual([
      'ageBand',
      'gender',
      'ethnicityGroup',
      'team',
    ]);
    expect(referrals.workers?.count).toBeGreaterThan(1);
    const sum = referrals.breakdowns[1]!.rows.reduce((s, r) => s + r.count, 0);
    expect(sum).toBe(referrals.rows);
    const byKey = new Map(v.indicators.map((i) => [i.key, i]));
    const count = byKey.get('referrals.count')!;
    expect(count.value).toBe(referrals.rows);
    const rate = byKey.get('referrals.rate_per_10k')!;
    expect(rate.value).toBeCloseTo(((referrals.rows * 2) / 261392) * 10_000, 1);
    const rereferral = byKey.get('referrals.rereferral_percent')!;
    expect(rereferral.value).toBeGreaterThanOrEqual(0);
    expect(rereferral.comparison).toMatchObject({
      year: 2025,
      england: 22.6,
      regionName: 'North West',
    });
    expect(rereferral.comparison!.snCount).toBeGreaterThanOrEqual(8);
    expect(byKey.get('assessments.within_45_wd_percent')!.denominator).toBeGreaterThan(0);
    expect(v.can).toEqual({ decide: false, setPopulation: true });
  });

  it('hides the profile from LA users, researchers and inspectors not on the team', async () => {
    for (const who of [laUser, researcher, outsider])
      await expect(getAnnexAProfile(as(who), activityId)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
  });

  it('an entered population changes the rates; a tiny one makes an unusual-rate candidate', async () => {
    await expect(
      setProfilePopulation(as(inspector), { activityId, population: 500 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await setProfilePopulation(as(analyst), { activityId, population: 500, source: 'test' });
    const v = await getAnnexAProfile(as(lead), activityId);
    expect(v.population).toMatchObject({ source: 'entered', value: 500 });
    const cla = v.candidates.find((c) => c.indicatorKey === 'cla.rate_per_10k');
    expect(cla?.reasons).toContain('unusual');
    expect(v.can.decide).toBe(true);
  });

  it('a self-evaluation claim the data contradicts becomes a candidate', async () => {
    // The SEF calls "strong" what the data shows markedly worse than England.
    const before = await getAnnexAProfile(as(lead), activityId);
    const target = before.candidates.find((c) => c.reasons.includes('worse_than_benchmarks'));
    expect(target, before.candidates.map((c) => c.indicatorKey).join()).toBeDefined();
    expect(target!.reasons).not.toContain('sef_contradiction');
    await expect(
      recordSefClaim(as(qam), { activityId, indicatorKey: target!.indicatorKey, claim: 'weak' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await recordSefClaim(as(inspector), {
      activityId,
      indicatorKey: target!.indicatorKey,
      claim: 'strong',
      note: 'SEF p. 4',
    });
    const after = await getAnnexAProfile(as(lead), activityId);
    const c = after.candidates.find((x) => x.indicatorKey === target!.indicatorKey);
    expect(c?.reasons).toContain('sef_contradiction');
    expect(after.claims.find((x) => x.indicatorKey === target!.indicatorKey)?.note).toBe(
      'SEF p. 4',
    );
  });

  it('accepting (reworded) creates a line of enquiry prompted by data; dismissing needs a reason', async () => {
    const v = await getAnnexAProfile(as(lead), activityId);
    const [first, second] = v.candidates;
    expect(first && second).toBeTruthy();
    await expect(
      decideCandidate(as(analyst), {
        activityId,
        indicatorKey: first!.indicatorKey,
        decision: 'accept',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const accepted = await decideCandidate(as(inspector), {
      activityId,
      indicatorKey: first!.indicatorKey,
      decision: 'accept',
      title: 'How well does the LA understand this?',
    });
    const line = await findLineOfEnquiry(t.db, accepted.lineOfEnquiryId!);
    expect(line).toMatchObject({ title: 'How well does the LA understand this?', source: 'data' });
    expect(line!.description).toContain(`Prompted by data: ${first!.title}`);
    const prompt = await getLineDataPrompt(as(lead), {
      activityId,
      lineOfEnquiryId: line!.id,
    });
    expect(prompt?.text).toMatch(/^Prompted by data: .* vs England/);
    expect(prompt?.figures).toMatchObject({ value: first!.value });
    await expect(
      decideCandidate(as(lead), {
        activityId,
        indicatorKey: first!.indicatorKey,
        decision: 'accept',
      }),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });

    await expect(
      decideCandidate(as(lead), {
        activityId,
        indicatorKey: second!.indicatorKey,
        decision: 'dismiss',
        reason: ' ',
      }),
    ).rejects.toThrow();
    const dismissed = await decideCandidate(as(lead), {
      activityId,
      indicatorKey: second!.indicatorKey,
      decision: 'dismiss',
      reason: 'Known recording change; explained in the SEF',
    });
    expect(dismissed).toMatchObject({ decision: 'dismissed', lineOfEnquiryId: null });
    const after = await getAnnexAProfile(as(lead), activityId);
    expect(
      after.candidates.find((c) => c.indicatorKey === second!.indicatorKey)?.decision,
    ).toMatchObject({
      decision: 'dismissed',
      reason: 'Known recording change; explained in the SEF',
    });
    const audit = await listAuditEvents(t.db, { activityId });
    const actions = audit.map((e) => e.action);
    expect(actions).toContain('annex_a.candidate_accepted');
    expect(actions).toContain('annex_a.candidate_dismissed');
    expect(actions).toContain('line_of_enquiry.created');
    expect(actions).toContain('annex_a.population_set');
  });

  it('outsiders cannot decide candidates or read what prompted a line', async () => {
    const v = await getAnnexAProfile(as(lead), activityId);
    const open = v.candidates.find((c) => !c.decision);
    for (const who of [outsider, laUser, researcher]) {
      await expect(
        decideCandidate(as(who), {
          activityId,
          indicatorKey: open?.indicatorKey ?? 'cla.rate_per_10k',
          decision: 'dismiss',
          reason: 'x',
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import type { systemActor, UserActor } from '../../src/domain/access/actor.js';
import { annexAToXlsx, generateAnnexA } from '../../src/synthetic/annex-a.js';
import { pseudonymiser } from '../../src/domain/annex-a/pseudonymise.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { addTeamMember } from '../../src/usecases/activities/add-team-member.js';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import { importAnnexA } from '../../src/usecases/annex-a/import-annex-a.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { unseenCases } from '../../src/data/repositories/enquiry-analysis.js';
import { createLineOfEnquiry } from '../../src/usecases/analysis/create-line-of-enquiry.js';
import { addSampleCase } from '../../src/usecases/sampling/add-sample-case.js';
import { drawSample } from '../../src/usecases/sampling/draw-sample.js';
import { getSample } from '../../src/usecases/sampling/get-sample.js';
import { getSampleStatement } from '../../src/usecases/sampling/get-sample-statement.js';
import { recordLaAudits } from '../../src/usecases/sampling/record-la-audits.js';
import { removeSampleCase } from '../../src/usecases/sampling/remove-sample-case.js';
import { loadPopulation } from '../../src/usecases/sampling/sample-scope.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { insertLa, makeUser } from '../helpers/fixtures.js';

let t: TestDatabase;
const catalog = loadActivityTypeCatalog();
const as = (actor: UserActor | ReturnType<typeof systemActor>): UseCaseContext => ({
  db: t.db,
  actor,
  catalog,
});
let lead: UserActor, analyst: UserActor, inspector: UserActor, shadow: UserActor;
let outsider: UserActor, laUser: UserActor, researcher: UserActor;
let activityId: string;
let emptyActivityId: string;

const generated = generateAnnexA({
  rows: 1500,
  seed: 4,
  errorRate: 0,
  referenceDate: '2025-07-01',
});

/** The LA's own IDs of the first children in List 8 (column "Child ID" is the first). */
function laChildIds(list: number, n: number): string[] {
  const l = generated.lists.find((x) => x.list === list)!;
  return l.rows.slice(0, n).map((r) => String((r[0] as { v?: unknown })?.v ?? r[0]));
}

beforeAll(async () => {
  t = await createTestDatabase();
  await insertLa(t.db, 'sample-la', 'North West');
  const regional = await makeUser(t.db, 'regional', 'regional', { region: 'North West' });
  lead = await makeUser(t.db, 'lead', 'inspector');
  analyst = await makeUser(t.db, 'analyst', 'inspector');
  inspector = await makeUser(t.db, 'inspector', 'inspector');
  shadow = await makeUser(t.db, 'shadow', 'inspector');
  outsider = await makeUser(t.db, 'outsider', 'inspector');
  laUser = await makeUser(t.db, 'dcs', 'la_user', { laId: 'sample-la' });
  researcher = await makeUser(t.db, 'researcher', 'researcher');
  for (const key of ['a', 'b'] as const) {
    // The second, empty one later: one activity on site at a time (scheduling rules).
    const a = await createActivity(as(regional), {
      laId: 'sample-la',
      activityType: 'standard_inspection',
      plannedStart: key === 'a' ? '2025-07-07' : '2025-10-06',
      plannedEnd: key === 'a' ? '2025-07-18' : '2025-10-17',
    });
    if (key === 'a') activityId = a.id;
    else emptyActivityId = a.id;
    await addTeamMember(as(regional), {
      activityId: a.id,
      userId: lead.userId,
      teamRole: 'lead_inspector',
    });
    await addTeamMember(as(lead), {
      activityId: a.id,
      userId: analyst.userId,
      teamRole: 'analyst',
    });
    await addTeamMember(as(lead), {
      activityId: a.id,
      userId: inspector.userId,
      teamRole: 'team_inspector',
    });
    await addTeamMember(as(lead), { activityId: a.id, userId: shadow.userId, teamRole: 'shadow' });
  }
  const r = await importAnnexA(as(analyst), {
    activityId,
    fileName: 'annex-a.xlsx',
    bytes: annexAToXlsx(generated),
  });
  expect(r.status).toBe('imported');
}, 120_000);
afterAll(async () => t.destroy());

const refs = (cases: { childRef: string }[]) => cases.map((c) => c.childRef);

describe('case sampling', () => {
  it('builds one case per child per cohort from the current import', async () => {
    const p = (await loadPopulation(t.db, activityId))!;
    const inCare = p.cases.filter((c) => c.cohort === 'child_in_care');
    expect(inCare.length).toBe(generated.lists.find((l) => l.list === 8)!.rows.length);
    expect(new Set(refs(inCare)).size).toBe(inCare.length);
    expect(inCare[0]!.values.legalStatus).not.toBe('');
    expect(p.cases.some((c) => c.cohort === 'front_door')).toBe(true);
  });

  it('draws reproducibly: the same seed again gives the same children', async () => {
    const first = await drawSample(as(lead), { activityId, seed: 99 });
    expect(first.status).toBe('drawn');
    expect(first.cases).toBeGreaterThan(20);
    const a = await getSample(as(lead), { activityId });
    const again = await drawSample(as(lead), { activityId, seed: 99, reason: 'Checking' });
    expect(again.status).toBe('redrawn');
    const b = await getSample(as(lead), { activityId });
    expect(refs(b.cases).sort()).toEqual(refs(a.cases).sort());
    expect(new Set(refs(b.cases)).size).toBe(b.cases.length);
    // The redraw took the first draw's cases out, with the reason, and kept them on record.
    expect(b.removed.filter((c) => c.removalReason === 'Redrawn: Checking')).toHaveLength(
      a.cases.length,
    );
  });

  it('creates child cases in the evidence base that feed "sampled cases with no evidence"', async () => {
    const v = await getSample(as(inspector), { activityId });
    const c = v.cases[0]!;
    const row = await t.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', c.caseId!)
      .executeTakeFirstOrThrow();
    expect(row.kind).toBe('child');
    expect(row.reference).toBe(c.childRef);
    expect(row.attributes).toMatchObject({ cohort: c.cohort });
    const unseen = await unseenCases(t.db, { activityId, areas: [], attributes: {} });
    expect(unseen.map((u) => u.reference)).toEqual(expect.arrayContaining(refs(v.cases)));
    // A redraw deleted the first draw's case records that had no evidence: no orphans remain.
    const all = await t.db
      .selectFrom('cases')
      .select('reference')
      .where('activity_id', '=', activityId)
      .execute();
    expect(all.map((x) => x.reference).sort()).toEqual(refs(v.cases).sort());
  });

  it('a redraw with another seed replaces the draw and is audited with before and after', async () => {
    const before = await getSample(as(lead), { activityId });
    await drawSample(as(lead), { activityId, seed: 7, reason: 'New seed' });
    const after = await getSample(as(lead), { activityId });
    expect(refs(after.cases)).not.toEqual(refs(before.cases));
    expect(after.draw?.seed).toBe(7);
    const events = await listAuditEvents(t.db, { activityId, action: 'sample.drawn' });
    const last = events[0]!;
    expect(last.reason).toBe('New seed');
    expect(last.before).toMatchObject({ seed: 99, cases: before.cases.length });
    expect(last.after).toMatchObject({ seed: 7, cases: after.cases.length });
  });

  it('records LA audited cases (pseudonymised like Annex A) and draws them as their own stratum', async () => {
    const ids = laChildIds(8, 4);
    const r = await recordLaAudits(as(inspector), { activityId, childIds: ids });
    expect(r).toMatchObject({ recorded: 4, inAnnexA: 4 });
    const key = (await t.db
      .selectFrom('annex_a_settings')
      .select('pseudonym_key')
      .where('activity_id', '=', activityId)
      .executeTakeFirstOrThrow())!.pseudonym_key!;
    const expected = ids.map((id) => pseudonymiser(key)('child', id)).sort();
    const stored = await t.db
      .selectFrom('sample_la_audits')
      .select('child_ref')
      .where('activity_id', '=', activityId)
      .execute();
    expect(stored.map((s) => s.child_ref).sort()).toEqual(expected);

    await drawSample(as(analyst), {
      activityId,
      seed: 7,
      spec: {
        entries: [{ cohort: 'child_in_care', size: 5, stratifyBy: ['legalStatus'], audited: 2 }],
      },
    });
    const v = await getSample(as(lead), { activityId });
    const audited = v.cases.filter((c) => c.route === 'la_audit');
    expect(audited).toHaveLength(2);
    expect(audited.every((c) => expected.includes(c.childRef))).toBe(true);
    expect(v.cases.filter((c) => c.route === 'advance')).toHaveLength(5);
    expect(v.draw?.entries[0]?.audited).toMatchObject({ population: 4, quota: 2, drawn: 2 });
  });

  it('adds a case chosen on site and never adds the same child twice unless asked', async () => {
    const [id] = laChildIds(7, 1);
    const c = await addSampleCase(as(inspector), {
      activityId,
      childId: id!,
      cohort: 'child_protection',
      route: 'on_site',
      criteria: 'Plans over 18 months',
      remote: true,
    });
    expect(c).toMatchObject({ route: 'on_site', remote: true, criteria: 'Plans over 18 months' });
    expect(c.attributes.team).toBeTruthy();
    await expect(
      addSampleCase(as(inspector), {
        activityId,
        childId: c.childRef,
        cohort: 'child_in_need',
        route: 'social_worker',
      }),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    await expect(
      addSampleCase(as(inspector), {
        activityId,
        childId: id!,
        cohort: 'child_protection',
        route: 'on_site',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    // A redraw keeps it, and does not draw that child again.
    await drawSample(as(lead), { activityId, seed: 8 });
    const v = await getSample(as(lead), { activityId });
    expect(v.cases.filter((x) => x.childRef === c.childRef)).toHaveLength(1);
  });

  it('removing a case needs a reason and deletes its unused case record', async () => {
    const v = await getSample(as(lead), { activityId });
    const c = v.cases.find((x) => x.route === 'advance')!;
    await expect(
      removeSampleCase(as(inspector), { activityId, sampleCaseId: c.id, reason: ' ' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const r = await removeSampleCase(as(inspector), {
      activityId,
      sampleCaseId: c.id,
      reason: 'Family moved out of the area',
    });
    expect(r).toEqual({ removed: true, caseRecordDeleted: true });
    const after = await getSample(as(lead), { activityId });
    expect(refs(after.cases)).not.toContain(c.childRef);
    expect(after.removed.find((x) => x.id === c.id)?.removalReason).toBe(
      'Family moved out of the area',
    );
    const events = await listAuditEvents(t.db, { activityId, action: 'sample.case_removed' });
    expect(events[0]?.reason).toBe('Family moved out of the area');
  });

  it('produces the transparency statement with sizes, routes and population proportions', async () => {
    const s = (await getSampleStatement(as(lead), { activityId }))!;
    const v = await getSample(as(lead), { activityId });
    const sizes = s.tables.find((x) => x.caption === 'Sample size per cohort')!;
    const total = sizes.rows.reduce((n, r) => n + Number(r[2]), 0);
    expect(total).toBe(v.cases.length);
    const routes = s.tables.find((x) => x.caption === 'How cases entered the sample')!;
    expect(routes.rows.map((r) => r[0])).toContain('Chosen on site against criteria');
    expect(s.tables.some((x) => x.caption.startsWith('Legal status'))).toBe(true);
    // The public statement names the draw's date and the size of the sample, not its seed.
    expect(s.paragraphs.join(' ')).toMatch(/The random part was drawn on \d{1,2} \w+ \d{4}/);
    expect(s.paragraphs.join(' ')).not.toMatch(/\bseed\b/);
    expect(await getSampleStatement(as(lead), { activityId: emptyActivityId })).toBeNull();
  });

  it('draws per line of enquiry: the same cohort for two lines never repeats a child', async () => {
    const line = await createLineOfEnquiry(as(lead), {
      activityId,
      title: 'Children in care: stability of placements',
    });
    const r = await drawSample(as(lead), {
      activityId,
      seed: 12,
      spec: {
        entries: [
          { cohort: 'child_in_care', size: 4, lineOfEnquiryId: line.id },
          { cohort: 'child_in_care', size: 4 },
        ],
      },
    });
    expect(r.cases).toBe(8);
    const v = await getSample(as(lead), { activityId });
    const forLine = v.cases.filter((c) => c.lineOfEnquiryId === line.id);
    expect(forLine).toHaveLength(4);
    expect(forLine[0]?.lineOfEnquiryTitle).toBe('Children in care: stability of placements');
    const drawn = v.cases.filter((c) => c.route === 'advance');
    expect(new Set(refs(drawn)).size).toBe(8);
    await expect(
      drawSample(as(lead), {
        activityId,
        seed: 12,
        spec: {
          entries: [
            {
              cohort: 'child_in_care',
              size: 1,
              lineOfEnquiryId: '00000000-0000-4000-8000-000000000000',
            },
          ],
        },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses a draw without Annex A, and hides the sample from people outside the team', async () => {
    await expect(
      drawSample(as(lead), { activityId: emptyActivityId, seed: 1 }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    for (const who of [outsider, laUser, researcher, shadow]) {
      await expect(getSample(as(who), { activityId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(getSampleStatement(as(who), { activityId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(drawSample(as(who), { activityId, seed: 1 })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    await expect(drawSample(as(inspector), { activityId, seed: 1 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

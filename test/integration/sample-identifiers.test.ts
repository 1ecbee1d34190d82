import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import type { systemActor, UserActor } from '../../src/domain/access/actor.js';
import { annexALists } from '../../src/domain/annex-a/lists.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { annexAToXlsx, generateAnnexA } from '../../src/synthetic/annex-a.js';
import { addTeamMember } from '../../src/usecases/activities/add-team-member.js';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import { importAnnexA } from '../../src/usecases/annex-a/import-annex-a.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { drawSample } from '../../src/usecases/sampling/draw-sample.js';
import { revealSampleIdentifiers } from '../../src/usecases/sampling/reveal-sample-identifiers.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { insertLa, makeUser } from '../helpers/fixtures.js';

let t: TestDatabase;
const catalog = loadActivityTypeCatalog();
const as = (actor: UserActor | ReturnType<typeof systemActor>): UseCaseContext => ({
  db: t.db,
  actor,
  catalog,
});
let lead: UserActor, analyst: UserActor, inspector: UserActor;
let shadow: UserActor, qam: UserActor, national: UserActor, admin: UserActor;
let outsider: UserActor, laUser: UserActor, researcher: UserActor;
let activityId: string;

const generated = generateAnnexA({
  rows: 400,
  seed: 11,
  errorRate: 0,
  referenceDate: '2025-07-01',
});

/** Every LA child ID in the generated file (the column of each list's childId field). */
const allLaIds = [
  ...new Set(
    generated.lists.flatMap((l) => {
      const def = annexALists.find((d) => d.number === l.list)!;
      const fields =
        l.headers.length === def.fields.length ? def.fields : def.fields.filter((f) => !f.since);
      const i = fields.findIndex((f) => f.key === 'childId');
      if (i < 0) return [];
      return l.rows.map((r) => String(r[i]));
    }),
  ),
];

beforeAll(async () => {
  t = await createTestDatabase();
  await insertLa(t.db, 'ids-la', 'North West');
  const regional = await makeUser(t.db, 'regional', 'regional', { region: 'North West' });
  lead = await makeUser(t.db, 'lead', 'inspector');
  analyst = await makeUser(t.db, 'analyst', 'inspector');
  inspector = await makeUser(t.db, 'inspector', 'inspector');
  shadow = await makeUser(t.db, 'shadow', 'inspector');
  qam = await makeUser(t.db, 'qam', 'inspector');
  outsider = await makeUser(t.db, 'outsider', 'inspector');
  national = await makeUser(t.db, 'national', 'national');
  admin = await makeUser(t.db, 'admin', 'admin');
  laUser = await makeUser(t.db, 'dcs', 'la_user', { laId: 'ids-la' });
  researcher = await makeUser(t.db, 'researcher', 'researcher');
  const a = await createActivity(as(regional), {
    laId: 'ids-la',
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
  for (const [u, teamRole] of [
    [analyst, 'analyst'],
    [inspector, 'team_inspector'],
    [shadow, 'shadow'],
    [qam, 'qam'],
  ] as const)
    await addTeamMember(as(lead), { activityId, userId: u.userId, teamRole });
  const r = await importAnnexA(as(analyst), {
    activityId,
    fileName: 'annex-a.xlsx',
    bytes: annexAToXlsx(generated),
  });
  expect(r.status).toBe('imported');
  await drawSample(as(lead), { activityId, seed: 3 });
}, 120_000);
afterAll(async () => t.destroy());

describe("the LA's child identifiers for the sample", () => {
  it('maps every sampled pseudonym to the LA ID given, stores none, and audits the reveal', async () => {
    const r = await revealSampleIdentifiers(as(inspector), {
      activityId,
      identifiers: ['  ', ...allLaIds],
    });
    expect(r.cases.length).toBeGreaterThan(0);
    expect(r.unmatched).toBe(0);
    for (const c of r.cases) expect(allLaIds).toContain(c.laIdentifier);
    // Nothing stored: no row anywhere holds an identifier revealed.
    const revealed = r.cases.map((c) => c.laIdentifier!);
    const dump = await sql<{ n: number }>`
      select count(*)::int as n from (
        select data::text as t from annex_a_rows union all select child_ref from sample_cases
        union all select reference from cases union all select coalesce(after::text, '') from audit_events
      ) x where t = any(${revealed}) or t like ${`%"${revealed[0]}"%`}`.execute(t.db);
    expect(dump.rows[0]?.n).toBe(0);
    const events = await listAuditEvents(t.db, { activityId, action: 'sample.identifiers_viewed' });
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({
      matched: r.cases.length,
      sampleCases: r.cases.length,
    });
  });

  it('says which cases it could not match and audits an export as such', async () => {
    const r = await revealSampleIdentifiers(as(analyst), {
      activityId,
      identifiers: allLaIds.slice(0, 20),
      purpose: 'export',
    });
    expect(r.matched + r.unmatched).toBe(r.cases.length);
    expect(r.cases.filter((c) => c.laIdentifier === null)).toHaveLength(r.unmatched);
    const events = await listAuditEvents(t.db, {
      activityId,
      action: 'sample.identifiers_exported',
    });
    expect(events).toHaveLength(1);
  });

  it('is for the team that asks for case files only', async () => {
    await expect(
      revealSampleIdentifiers(as(lead), { activityId, identifiers: allLaIds.slice(0, 1) }),
    ).resolves.toBeTruthy();
    for (const who of [qam, national, admin])
      await expect(
        revealSampleIdentifiers(as(who), { activityId, identifiers: ['1'] }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // People shadowing do not see the sample at all.
    for (const who of [shadow, outsider, laUser, researcher])
      await expect(
        revealSampleIdentifiers(as(who), { activityId, identifiers: ['1'] }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

// What an inspection asked for against what it used, and its burden (issue 16), through the use
// cases on the seeded demo: the data-used statement (the inspectorate as the work goes on, the LA
// only once published), the national never-used list, the LA's effort (its own users record it),
// inspectors' working time (the lead and QAM see the team, others their own days, national staff
// aggregates only). On PGlite, and PostgreSQL with TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../src/clock.js';
import { getAnnexAProfile } from '../../src/usecases/annex-a-profile/get-annex-a-profile.js';
import { getLaEffort } from '../../src/usecases/burden/get-la-effort.js';
import { getNationalLaEffort } from '../../src/usecases/burden/get-national-la-effort.js';
import { getNationalWorkingTime } from '../../src/usecases/burden/get-national-working-time.js';
import { getWorkingTime } from '../../src/usecases/burden/get-working-time.js';
import { recordLaEffort } from '../../src/usecases/burden/record-la-effort.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { getDataUsed } from '../../src/usecases/data-used/get-data-used.js';
import { getNationalDataUsed } from '../../src/usecases/data-used/get-national-data-used.js';
import { seedIndicatorViews } from '../../src/usecases/data-used/seed-indicator-views.js';
import { recordEvidence } from '../../src/usecases/evidence/record-evidence.js';
import { createTestApp, demoEmail, type TestApp } from '../helpers/app.js';
import { actorFor, contextFor, demoContexts } from '../helpers/reports.js';
import { testNow } from '../helpers/test-now.js';

let t: TestApp;
let c: Awaited<ReturnType<typeof demoContexts>>;
let southmere: string;
let southmereLa: UseCaseContext;
let eastbridgeLa: UseCaseContext;
let national: UseCaseContext;
let analyst: UseCaseContext;
const onSite = () => t.demo.activityId;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  c = await demoContexts(db);
  const row = await db
    .selectFrom('activities')
    .where('la_id', '=', 'demo-southmere')
    .where('activity_type', '=', 'standard_inspection')
    .where('state', '=', 'published')
    .select('id')
    .executeTakeFirstOrThrow();
  southmere = row.id;
  southmereLa = contextFor(db, await actorFor(db, 'dcs@southmere.example'));
  eastbridgeLa = contextFor(db, await actorFor(db, 'dcs@eastbridge.example'));
  national = contextFor(db, await actorFor(db, demoEmail('national')));
  analyst = contextFor(db, await actorFor(db, demoEmail('analyst')));
}, 180_000);
afterAll(async () => t?.close());

describe('the data-used statement of one inspection', () => {
  it('the published demo inspection shows Annex A used from the profile to the judgements', async () => {
    const v = await getDataUsed(southmereLa, { activityId: southmere });
    expect(v.final).toBe(true);
    const s = v.statement;
    expect(s.lists).toHaveLength(11);
    expect(s.summary.listsProvided).toBeGreaterThan(0);
    // Looked at in the profile (the seeded view log), sampled, and cited in a judgement.
    expect(s.lists.some((l) => l.counts.viewed > 0)).toBe(true);
    expect(s.lists.some((l) => l.counts.sampleStrata > 0)).toBe(true);
    expect(s.summary.listsInJudgements).toBeGreaterThan(0);
    expect(s.lists.find((l) => l.level === 'judgements')?.counts.evidenceRecords).toBeGreaterThan(
      0,
    );
    expect(s.sentences[0]).toMatch(/asked for 11 Annex A lists/);
    // The inspectorate reads the same statement.
    const lead = await getDataUsed(c.lead, { activityId: southmere });
    expect(lead.statement.summary).toEqual(s.summary);
  });

  it('before publication the LA does not see it; the team does, and views are logged', async () => {
    await expect(getDataUsed(c.la, { activityId: onSite() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const before = await getDataUsed(c.lead, { activityId: onSite() });
    expect(before.final).toBe(false);
    const viewedBefore = before.statement.lists.reduce((n, l) => n + l.counts.viewed, 0);
    // Opening the profile logs one row a person, indicator and day: twice is once.
    await getAnnexAProfile(c.inspector, onSite());
    await getAnnexAProfile(c.inspector, onSite());
    const after = await getDataUsed(c.lead, { activityId: onSite() });
    const viewedAfter = after.statement.lists.reduce((n, l) => n + l.counts.viewed, 0);
    expect(viewedAfter).toBeGreaterThan(viewedBefore);
    await getAnnexAProfile(c.inspector, onSite());
    const again = await getDataUsed(c.lead, { activityId: onSite() });
    expect(again.statement.lists.reduce((n, l) => n + l.counts.viewed, 0)).toBe(viewedAfter);
    // The on-site demo drew its sample from Annex A: lists shaped fieldwork.
    expect(after.statement.summary.listsUsed).toBeGreaterThan(0);
  });

  it('another LA, a researcher and people off the activity get not found', async () => {
    await expect(getDataUsed(eastbridgeLa, { activityId: southmere })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(getDataUsed(c.la, { activityId: southmere })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(getDataUsed(c.researcher, { activityId: southmere })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('only the demo seeder writes the view log directly', async () => {
    await expect(
      seedIndicatorViews(c.lead, { activityId: onSite(), views: [] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('data used across inspections', () => {
  it('national staff see each item over the published inspections, and those never used', async () => {
    const v = await getNationalDataUsed(national);
    // Three published demo inspections and the published visit that reviewed Southmere's plan.
    expect(v.inspections).toBe(4);
    expect(v.items.filter((i) => i.kind === 'list')).toHaveLength(11);
    expect(v.neverUsed.length).toBeGreaterThan(0);
    expect(v.neverUsed.every((i) => i.used === 0)).toBe(true);
    // Southmere's sampled lists were used at least once.
    expect(v.items.some((i) => i.kind === 'list' && i.inJudgements > 0)).toBe(true);
    // Nothing names an LA.
    expect(JSON.stringify(v)).not.toMatch(/Southmere|Eastbridge|Westholme/);
  });

  it('the rest get not found', async () => {
    for (const ctx of [c.lead, c.regional, c.la, c.researcher])
      await expect(getNationalDataUsed(ctx)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the LA records its effort', () => {
  it('the published demo inspection carries the LA’s figures', async () => {
    const v = await getLaEffort(c.lead, { activityId: southmere });
    expect(v.recorded).toBe(true);
    expect(v.totals.linkPersonHours).toBe(178);
    expect(v.lines).toHaveLength(5);
  });

  it('the LA’s own user records, corrects and clears a kind; the audit keeps each change', async () => {
    const out = await recordLaEffort(c.la, {
      activityId: onSite(),
      lines: [
        { kind: 'data_preparation', linkPersonHours: 30, staffDays: 12.5, note: 'Annex A' },
        { kind: 'meetings', linkPersonHours: 20, staffDays: 4 },
      ],
    });
    expect(out.totals).toEqual({ linkPersonHours: 50, staffDays: 16.5 });
    await recordLaEffort(c.la, {
      activityId: onSite(),
      lines: [{ kind: 'meetings', linkPersonHours: 0, staffDays: 0 }],
    });
    const v = await getLaEffort(c.la, { activityId: onSite() });
    expect(v.totals).toEqual({ linkPersonHours: 30, staffDays: 12.5 });
    expect(v.can.record).toBe(true);
    expect(v.lines.find((l) => l.kind === 'data_preparation')?.note).toBe('Annex A');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .where('action', '=', 'burden.recorded')
      .where('activity_id', '=', onSite())
      .select('id')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses numbers out of range', async () => {
    await expect(
      recordLaEffort(c.la, {
        activityId: onSite(),
        lines: [{ kind: 'other', linkPersonHours: -1, staffDays: 0 }],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('inspectors may read but not record; another LA and researchers get not found', async () => {
    await expect(getLaEffort(c.lead, { activityId: onSite() })).resolves.toMatchObject({
      can: { record: false },
    });
    const line = [{ kind: 'other' as const, linkPersonHours: 1, staffDays: 0 }];
    await expect(
      recordLaEffort(c.lead, { activityId: onSite(), lines: line }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      recordLaEffort(eastbridgeLa, { activityId: onSite(), lines: line }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getLaEffort(c.researcher, { activityId: southmere })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // An LA user of another LA never sees this LA's figures.
    await expect(getLaEffort(eastbridgeLa, { activityId: southmere })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('nationally: medians by inspection type and LA size, small groups suppressed', async () => {
    const v = await getNationalLaEffort(national);
    expect(v.inspections).toBeGreaterThanOrEqual(1);
    // One or two inspections a group in the demo: every group is suppressed.
    expect(v.groups.every((g) => g.suppressed && g.medianLinkPersonHours === null)).toBe(true);
    await expect(getNationalLaEffort(c.regional)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getNationalLaEffort(c.la)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('inspectors’ working time', () => {
  it('counts after-hours write-up from the record times (England)', async () => {
    // 20:15 in England (GMT in November) on the test day.
    setClock(`${testNow().slice(0, 10)}T20:15:00Z`);
    try {
      await recordEvidence(c.inspector, {
        activityId: onSite(),
        text: 'Evening write-up of the afternoon’s case discussion.',
        method: 'social_worker_discussion',
        minutesSpent: 40,
      });
    } finally {
      setClock(null);
    }
    const own = await getWorkingTime(c.inspector, { activityId: onSite() });
    expect(own.scope).toBe('own');
    const me = c.inspector.actor.kind === 'user' ? c.inspector.actor.userId : '';
    expect(own.days.every((d) => d.userId === me)).toBe(true);
    const day = own.days.find((d) => d.afterHoursActions > 0);
    expect(day?.minutesRecorded).toBeGreaterThanOrEqual(40);
    expect(day?.lastAt).toBe('20:15');
    const all = await getWorkingTime(c.lead, { activityId: onSite() });
    expect(all.scope).toBe('all');
    expect(new Set(all.days.map((d) => d.userId)).size).toBeGreaterThan(1);
    await expect(getWorkingTime(c.qam, { activityId: onSite() })).resolves.toMatchObject({
      scope: 'all',
    });
    await expect(getWorkingTime(analyst, { activityId: onSite() })).resolves.toMatchObject({
      scope: 'own',
    });
  });

  it('nobody off the team sees named days: national, admin, regional, the LA', async () => {
    for (const ctx of [national, c.admin, c.regional, c.la, c.researcher])
      await expect(getWorkingTime(ctx, { activityId: onSite() })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
  });

  it('national staff see aggregates by role, never a name', async () => {
    const v = await getNationalWorkingTime(national);
    expect(v.all).not.toBeNull();
    const text = JSON.stringify(v);
    for (const key of ['lead', 'inspector', 'qam'])
      expect(text).not.toContain(
        c[key as 'lead'].actor.kind === 'user'
          ? (c[key as 'lead'].actor as { displayName: string }).displayName
          : 'x',
      );
    expect(text).not.toMatch(/userId|label/);
    await expect(getNationalWorkingTime(c.lead)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getNationalWorkingTime(c.regional)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

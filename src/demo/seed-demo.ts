// Seeds the demo through the same use cases people use, so the audit log tells its story too.
// The demo is a client of the use cases, like the CLI (its own records: usecases/demo).
import { randomBytes } from 'node:crypto';
import { systemActor, type UserActor } from '../domain/access/actor.js';
import type { ActivityTypeCatalog } from '../domain/activities/activity-type.js';
import { addTeamMember } from '../usecases/activities/add-team-member.js';
import { changeActivityState } from '../usecases/activities/change-activity-state.js';
import { createActivity } from '../usecases/activities/create-activity.js';
import type { UseCaseContext } from '../usecases/context.js';
import { addDemoLa } from '../usecases/demo/add-demo-la.js';
import { findSeededDemo } from '../usecases/demo/find-seeded-demo.js';
import { recordDemoSeeded } from '../usecases/demo/record-demo-seeded.js';
import { loadLaReference } from '../usecases/las/load-la-reference.js';
import { loadBundledHistory } from '../usecases/history/load-bundled-history.js';
import { createUser } from '../usecases/users/create-user.js';
import { dateDemoFieldwork } from '../usecases/demo/date-demo-fieldwork.js';
import { isWorkingDay } from '../domain/calendar/working-days.js';
import { DEMO_LA, DEMO_USERS } from './demo-content.js';
import { seedDemoEvidence } from './seed-demo-evidence.js';
import { seedDemoFieldwork } from './seed-demo-fieldwork.js';
import { seedDemoFieldworkPlan } from './seed-demo-fieldwork-plan.js';
import { seedDemoDoubleCoding } from './seed-demo-double-coding.js';
import { seedDemoSample } from './demo-sample.js';
import { seedDemoJudgements } from './demo-judgements.js';
import { seedDemoPracticeQa } from './seed-demo-practice-qa.js';
import { seedDemoOffline } from './seed-demo-offline.js';
import { seedDemoRisk } from './seed-demo-risk.js';
import { seedDemoStats } from './seed-demo-stats.js';
import { seedDemoConsistency } from './seed-demo-consistency.js';
import { seedDemoPublished } from './seed-demo-published.js';
import { seedDemoActionPlan } from './seed-demo-action-plan.js';
import { DEMO_PUBLISHED } from './demo-published.js';
import { seedDemoResearch } from './seed-demo-research.js';
import { seedDemoSelfEvaluations } from './seed-demo-selfeval.js';
import { seedDemoCalibration } from './seed-demo-calibration.js';
import { seedDemoRoster } from './seed-demo-roster.js';
import { seedDemoProgramme } from './seed-demo-programme.js';
import { DEMO_REVIEWERS } from './demo-published.js';
import { addDays, startOfDayInEngland, todayInEngland } from '../clock.js';

type Db = UseCaseContext['db'];

/** The demo is seeded by the system, recorded as such in the audit log. */
const seeder = (db: Db, catalog: ActivityTypeCatalog): UseCaseContext => ({
  db,
  actor: systemActor('demo-seed'),
  catalog,
});

export interface DemoCredentials {
  role: string;
  teamRole: string | null;
  email: string;
  displayName: string;
  /** Shown once, at seeding; never stored in clear. */
  password: string | null;
}

export interface DemoSeedResult {
  created: boolean;
  activityId: string;
  focusedVisitId: string | null;
  users: DemoCredentials[];
}

function demoPassword(): string {
  return process.env.TRIANGULATE_DEMO_PASSWORD ?? `demo-${randomBytes(9).toString('base64url')}`;
}

/** Seeds the demo into an empty database; returns null when accounts already exist. */
export async function seedDemoIfEmpty(
  db: Db,
  catalog: ActivityTypeCatalog,
): Promise<DemoSeedResult | null> {
  const { anyAccount } = await findSeededDemo(seeder(db, catalog), []);
  if (anyAccount) return null;
  return seedDemo(db, catalog);
}

function previousWorkingDay(iso: string): string {
  let d = addDays(iso, -1);
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

const atNine = (iso: string) => new Date(startOfDayInEngland(iso).getTime() + 9 * 3_600_000);

export async function seedDemo(db: Db, catalog: ActivityTypeCatalog): Promise<DemoSeedResult> {
  const ctx = seeder(db, catalog);
  const { demo: existing } = await findSeededDemo(
    ctx,
    DEMO_USERS.map((u) => u.email),
  );
  if (existing) {
    return {
      created: false,
      activityId: existing.marker.activityId,
      focusedVisitId: existing.marker.focusedVisitId,
      users: existing.accounts.map((u) => ({
        role: u.role,
        teamRole: DEMO_USERS.find((d) => d.email === u.email)?.teamRole ?? null,
        email: u.email,
        displayName: u.displayName,
        password: null,
      })),
    };
  }
  await loadLaReference(ctx);
  await loadBundledHistory(ctx);
  await seedDemoStats(ctx);
  await addDemoLa(ctx, { ...DEMO_LA, stat_neighbours: [...DEMO_LA.stat_neighbours] });

  const credentials: DemoCredentials[] = [];
  const ids = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const password = demoPassword();
    const user = await createUser(ctx, {
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      region: (u.region as never) ?? null,
      laId: u.laId ?? null,
      password,
    });
    ids.set(u.key, user.id);
    credentials.push({
      role: u.role,
      teamRole: u.teamRole ?? null,
      email: u.email,
      displayName: u.displayName,
      password,
    });
  }

  const DEMO_RULE_REASON = 'Demonstration data, dated from the day the demo was seeded.';
  // The inspection's planned fieldwork ended yesterday (in England; the team is still recording
  // it as on site), so the whole journey to publication can be walked today: a report is
  // published only after its fieldwork. Everything else in the demo is dated from its first day.
  const end = addDays(todayInEngland(), -1);
  const start = addDays(end, -11);
  const inspection = await createActivity(ctx, {
    laId: DEMO_LA.id,
    activityType: 'standard_inspection',
    plannedStart: start,
    plannedEnd: end,
    // The demo is dated from the day it is seeded, whatever the scheduling rules would prefer.
    ruleReason: DEMO_RULE_REASON,
  });
  for (const u of DEMO_USERS) {
    if (u.teamRole)
      await addTeamMember(ctx, {
        activityId: inspection.id,
        userId: ids.get(u.key)!,
        teamRole: u.teamRole,
      });
  }
  await changeActivityState(ctx, { activityId: inspection.id, toState: 'notified' });
  await changeActivityState(ctx, { activityId: inspection.id, toState: 'on_site' });
  // Each team member acts as themselves, so the audit log tells who did what.
  const teamActor = (key: string): UserActor => {
    const u = DEMO_USERS.find((d) => d.key === key)!;
    return {
      kind: 'user',
      userId: ids.get(key)!,
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      region: u.region ?? null,
      laId: u.laId ?? null,
    };
  };
  // The first morning's evidence, coded, so the coding workbench opens on real-looking work.
  await seedDemoEvidence(db, inspection, teamActor);
  // The first day of fieldwork: evidence, codings, a hypothesis (recorded as the team).
  await seedDemoFieldwork(db, catalog, inspection, {
    lead: teamActor('lead'),
    inspector: teamActor('inspector'),
  });
  // Two of those records coded blind by the lead and the team inspector, ready to reconcile.
  await seedDemoDoubleCoding(db, inspection.id, teamActor);
  await seedDemoSample(ctx, inspection.id, start);
  // The fieldwork plan: the sample's first cases allocated, conversations and observations.
  await seedDemoFieldworkPlan(db, inspection.id, start, {
    lead: teamActor('lead'),
    inspector: teamActor('inspector'),
  });
  await seedDemoJudgements(db, inspection, teamActor);
  // The QAM's observation of the team inspector's practice, on the inspection's second day.
  await seedDemoPracticeQa(db, inspection, addDays(start, 1), teamActor);
  await seedDemoConsistency(
    db,
    catalog,
    inspection,
    { lead: teamActor('lead'), inspector: teamActor('inspector'), regional: teamActor('regional') },
    start,
  );
  // The team inspector's first-day notes, captured offline and synced through the sync use case.
  await seedDemoOffline(db, inspection, start, teamActor('inspector'));
  // The LA was told on the last working day before fieldwork, at 9am, not at seeding time
  // (dated after the Annex A import, which kept judging ages at the seeding day as before).
  await dateDemoFieldwork(ctx, inspection.id, {
    notified: atNine(previousWorkingDay(start)),
    onSite: atNine(start),
  });

  // A future focused visit the LA has not been told about: LA users must not see it.
  const later = addDays(start, 7 * 30 + 1);
  const fvType = catalog.activityType(
    catalog.frameworkFor(later, 'focused_visit') ?? '',
    'focused_visit',
  );
  let focusedVisitId: string | null = null;
  if (fvType) {
    const fv = await createActivity(ctx, {
      laId: DEMO_LA.id,
      activityType: 'focused_visit',
      plannedStart: later,
      theme: fvType.themes[0] ?? 'Front door',
      ruleReason: DEMO_RULE_REASON,
    });
    focusedVisitId = fv.id;
  }
  // Three years of the region's intelligence and risk assessments, dated from the inspection.
  await seedDemoSelfEvaluations(db, teamActor('regional'), DEMO_LA.id, start);
  await seedDemoRisk(db, teamActor('regional'), DEMO_LA.id, start);
  // Three published inspections of other demo LAs, and a reliability study over them.
  const published = await seedDemoPublished(db, catalog, teamActor);
  credentials.push(...published.users);
  // Southmere's action plan after its inspection, and two visits reviewing it.
  const southmere = DEMO_PUBLISHED[0]!;
  credentials.push(
    ...(await seedDemoActionPlan(db, catalog, published.activityIds[0]!, {
      la: {
        kind: 'user',
        userId: published.userIds.get(`la:${southmere.la.id}`)!,
        email: southmere.dcs.email,
        displayName: southmere.dcs.displayName,
        role: 'la_user',
        region: null,
        laId: southmere.la.id,
      },
      lead: teamActor('lead'),
      inspector: teamActor('inspector'),
      qam: teamActor('qam'),
    })),
  );
  // Calibration with vignettes: a bank of ten, an exercise with eight inspectors.
  await seedDemoCalibration(db, catalog, teamActor('national'), (key) => {
    const r = DEMO_REVIEWERS.find((x) => x.key === key);
    if (!r) return teamActor(key);
    const userId = published.userIds.get(key)!;
    return { ...teamActor('inspector'), userId, email: r.email, displayName: r.displayName };
  });
  // A thematic review on supervision across them, in the pseudonymised research store.
  await seedDemoResearch(db, published.activityIds, teamActor('researcher'));
  // The region's inspector roster: profiles, leave and training, conflicts of interest.
  await seedDemoRoster(
    db,
    catalog,
    new Map([...ids, ...published.userIds]),
    { regional: teamActor('regional'), national: teamActor('national') },
    { northfieldId: DEMO_LA.id, focusedVisitId },
  );
  // The region's 12-month programme, solved from that roster and published (version 1).
  await seedDemoProgramme(db, catalog, teamActor('regional'));
  await recordDemoSeeded(ctx, { activityId: inspection.id, focusedVisitId });
  return { created: true, activityId: inspection.id, focusedVisitId, users: credentials };
}

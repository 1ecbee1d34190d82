// Three published inspections of three synthetic LAs (two standard, one short), walked through
// the real use cases from fieldwork to the published report: evidence, final judgements, a report
// released to the LA, confirmed and published. Other features need published work to look at
// (reliability studies, the LA's history); a reliability study over the three with two reviewer
// pairs is seeded too (src/demo/seed-demo-study.ts). Everything is synthetic.
import { randomBytes } from 'node:crypto';
import { systemActor, type UserActor } from '../domain/access/actor.js';
import type { ActivityTypeCatalog } from '../domain/activities/activity-type.js';
import { frameworkOf } from '../domain/frameworks/installed.js';
import { judgementsFor } from '../domain/judgements/judgement-rules.js';
import { addTeamMember } from '../usecases/activities/add-team-member.js';
import { changeActivityState } from '../usecases/activities/change-activity-state.js';
import { createActivity } from '../usecases/activities/create-activity.js';
import type { UseCaseContext } from '../usecases/context.js';
import { addDemoLa } from '../usecases/demo/add-demo-la.js';
import { recordEvidence } from '../usecases/evidence/record-evidence.js';
import { advanceJudgements } from '../usecases/judgements/advance-judgements.js';
import { assignPanelMember } from '../usecases/judgements/assign-panel-member.js';
import { setJudgement } from '../usecases/judgements/set-judgement.js';
import { confirmFactualAccuracy } from '../usecases/reports/confirm-factual-accuracy.js';
import { createReportDraft } from '../usecases/reports/create-report-draft.js';
import { getReportWorkspace } from '../usecases/reports/get-report-workspace.js';
import { publishReport } from '../usecases/reports/publish-report.js';
import { releaseReport } from '../usecases/reports/release-report.js';
import { saveReportSection } from '../usecases/reports/save-report-section.js';
import { signOffReport } from '../usecases/reports/sign-off-report.js';
import { createUser } from '../usecases/users/create-user.js';
import { startOfDayInEngland } from '../clock.js';
import { DEMO_PUBLISHED, DEMO_REVIEWERS, type PublishedDemo } from './demo-published.js';
import type { DemoCredentials } from './seed-demo.js';
import { seedDemoStudy } from './seed-demo-study.js';
import { seedDemoDataUsedFieldwork, seedDemoLaEffort } from './seed-demo-data-used.js';

type Db = UseCaseContext['db'];

export interface DemoPublishedResult {
  /** The three published activities, in DEMO_PUBLISHED's order. */
  activityIds: string[];
  /** The reviewer accounts (and the LAs' accounts) created, with passwords shown once. */
  users: DemoCredentials[];
  /** Account ids by key (reviewer keys, "la:<la id>"). */
  userIds: Map<string, string>;
  /** The demo's reliability study over the three. */
  studyId: string;
}

const password = () =>
  process.env.TRIANGULATE_DEMO_PASSWORD ?? `demo-${randomBytes(9).toString('base64url')}`;

async function account(
  ctx: UseCaseContext,
  u: {
    email: string;
    displayName: string;
    role: 'inspector' | 'la_user';
    region?: string;
    laId?: string;
  },
): Promise<{ actor: UserActor; credentials: DemoCredentials }> {
  const pw = password();
  const user = await createUser(ctx, {
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    region: (u.region as never) ?? null,
    laId: u.laId ?? null,
    password: pw,
  });
  const actor: UserActor = {
    kind: 'user',
    userId: user.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    region: u.region ?? null,
    laId: u.laId ?? null,
  };
  return {
    actor,
    credentials: {
      role: u.role,
      teamRole: null,
      email: u.email,
      displayName: u.displayName,
      password: pw,
    },
  };
}

const at10 = (iso: string) => new Date(startOfDayInEngland(iso).getTime() + 10 * 3_600_000);

/** Evidence, final judgements and the published report of one demo inspection. */
async function publishOne(
  db: Db,
  catalog: ActivityTypeCatalog,
  d: PublishedDemo,
  team: { lead: UserActor; inspector: UserActor; qam: UserActor; panel: UserActor; la: UserActor },
): Promise<string> {
  const sys: UseCaseContext = { db, actor: systemActor('demo-seed'), catalog };
  const as = (actor: UserActor): UseCaseContext => ({ db, actor, catalog });
  const a = await createActivity(sys, {
    laId: d.la.id,
    activityType: d.activityType,
    plannedStart: d.start,
    plannedEnd: d.end,
  });
  const members = [
    [team.lead, 'lead_inspector'],
    [team.inspector, 'team_inspector'],
    [team.qam, 'qam'],
  ] as const;
  for (const [m, teamRole] of members)
    await addTeamMember(sys, { activityId: a.id, userId: m.userId, teamRole });
  await changeActivityState(sys, { activityId: a.id, toState: 'notified' });
  await changeActivityState(sys, { activityId: a.id, toState: 'on_site' });
  for (const e of d.evidence)
    await recordEvidence(as(e.by === 'lead' ? team.lead : team.inspector), {
      activityId: a.id,
      text: e.text,
      method: e.method as never,
      caseRef: e.caseRef ?? null,
      newCase: !!e.caseRef,
      locality: e.locality ?? null,
      judgementAreas: e.areas,
      direction: e.direction,
      observedOn: e.on,
    });
  // The first one's Annex A, sample and data-used statement (issue 16).
  const cited =
    d === DEMO_PUBLISHED[0] ? await seedDemoDataUsedFieldwork(sys, as, a.id, team, d.start) : [];
  const lead = as(team.lead);
  const keys = judgementsFor(frameworkOf(a), a.activityType).map((j) => j.key);
  for (const key of keys)
    await setJudgement(lead, {
      activityId: a.id,
      judgementKey: key,
      expectedVersion: 0,
      grade: d.grades[key] ?? d.grades.overall_effectiveness!,
      position: 'secure',
      nearness: '',
      context: `${d.la.name} serves a mixed urban and rural area; inspectors weighed demand against outcomes.`,
      narrative: `Inspectors found practice in this area to be ${(d.grades[key] ?? '').replace(/_/g, ' ')}.`,
      ...(key === keys[0] && cited.length
        ? {
            links: cited.map((id) => ({
              kind: 'evidence' as const,
              id,
              direction: 'strength' as const,
            })),
          }
        : {}),
    });
  await assignPanelMember(lead, { activityId: a.id, user: team.panel.email });
  await advanceJudgements(lead, { activityId: a.id, toStage: 'consistency_panel' });
  await advanceJudgements(lead, { activityId: a.id, toStage: 'quality_assurance' });
  await advanceJudgements(as(team.qam), { activityId: a.id, toStage: 'final' });
  // Final judgements move the activity on to drafting by themselves.
  await createReportDraft(lead, {
    activityId: a.id,
    improvements: d.improvements.map((text) => ({ text })),
  });
  let version = 1;
  const workspace = await getReportWorkspace(lead, a.id);
  for (const s of workspace.sections)
    if (s.required && s.paragraphs.length === 0 && !s.tables.length) {
      const out = await saveReportSection(lead, {
        activityId: a.id,
        sectionKey: s.key,
        text: d.summary,
        baseVersion: version,
      });
      version = out.version;
    }
  await signOffReport(as(team.qam), { activityId: a.id, baseVersion: version });
  await releaseReport(lead, { activityId: a.id, baseVersion: version });
  await confirmFactualAccuracy(as(team.la), { activityId: a.id });
  await signOffReport(as(team.qam), { activityId: a.id, baseVersion: version });
  await publishReport(lead, { activityId: a.id, baseVersion: version }, at10(d.published));
  if (d === DEMO_PUBLISHED[0]) await seedDemoLaEffort(as(team.la), a.id);
  return a.id;
}

/**
 * Seeds the three published demo inspections (and their LAs, the LAs' accounts and the demo's
 * reviewer accounts). `team` names the demo's lead, team inspector, QAM and panel member.
 */
export async function seedDemoPublished(
  db: Db,
  catalog: ActivityTypeCatalog,
  actorOf: (key: string) => UserActor,
): Promise<DemoPublishedResult> {
  const sys: UseCaseContext = { db, actor: systemActor('demo-seed'), catalog };
  const users: DemoCredentials[] = [];
  const userIds = new Map<string, string>();
  const reviewers = new Map<string, UserActor>();
  const activityIds: string[] = [];
  for (const r of DEMO_REVIEWERS) {
    const made = await account(sys, { ...r, role: 'inspector' });
    users.push(made.credentials);
    userIds.set(r.key, made.actor.userId);
    reviewers.set(r.key, made.actor);
  }
  for (const d of DEMO_PUBLISHED) {
    await addDemoLa(sys, { ...d.la, stat_neighbours: [] });
    const la = await account(sys, { ...d.dcs, role: 'la_user', laId: d.la.id });
    users.push(la.credentials);
    userIds.set(`la:${d.la.id}`, la.actor.userId);
    activityIds.push(
      await publishOne(db, catalog, d, {
        lead: actorOf('lead'),
        inspector: actorOf('inspector'),
        qam: actorOf('qam'),
        panel: actorOf('panel'),
        la: la.actor,
      }),
    );
  }
  const studyId = await seedDemoStudy(
    db,
    catalog,
    actorOf('national'),
    (key) => reviewers.get(key)!,
    activityIds,
  );
  return { activityIds, users, userIds, studyId };
}

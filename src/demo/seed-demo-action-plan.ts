// Southmere's action plan after its published inspection (issue 16), walked through the real use
// cases: version 1 submitted and acknowledged by the South East region, version 2 with progress
// submitted and awaiting the region; a focused visit whose letter is published, with the lead's
// view on every item (shown to the LA); a focused visit on site now, whose lead has recorded views
// on some items (hidden from the LA); a reform programme the report mentions. Everything is
// synthetic.
import { randomBytes } from 'node:crypto';
import { systemActor, type UserActor } from '../domain/access/actor.js';
import type { ActivityTypeCatalog } from '../domain/activities/activity-type.js';
import { addTeamMember } from '../usecases/activities/add-team-member.js';
import { changeActivityState } from '../usecases/activities/change-activity-state.js';
import { createActivity } from '../usecases/activities/create-activity.js';
import { addProgressUpdate } from '../usecases/action-plans/add-progress-update.js';
import { getActionPlan } from '../usecases/action-plans/get-action-plan.js';
import { recordMonitoringView } from '../usecases/action-plans/record-monitoring-view.js';
import { respondToActionPlan } from '../usecases/action-plans/respond-to-action-plan.js';
import { savePlanAction } from '../usecases/action-plans/save-plan-action.js';
import { saveReformProgramme } from '../usecases/action-plans/save-reform-programme.js';
import { submitActionPlan } from '../usecases/action-plans/submit-action-plan.js';
import type { UseCaseContext } from '../usecases/context.js';
import { recordEvidence } from '../usecases/evidence/record-evidence.js';
import { confirmFactualAccuracy } from '../usecases/reports/confirm-factual-accuracy.js';
import { createReportDraft } from '../usecases/reports/create-report-draft.js';
import { getReportWorkspace } from '../usecases/reports/get-report-workspace.js';
import { publishReport } from '../usecases/reports/publish-report.js';
import { releaseReport } from '../usecases/reports/release-report.js';
import { saveReportSection } from '../usecases/reports/save-report-section.js';
import { signOffReport } from '../usecases/reports/sign-off-report.js';
import { createUser } from '../usecases/users/create-user.js';
import { addDays, startOfDayInEngland, todayInEngland } from '../clock.js';
import { addWorkingDays, isWorkingDay } from '../domain/calendar/working-days.js';
import type { DemoCredentials } from './seed-demo.js';

type Db = UseCaseContext['db'];

export const DEMO_SOUTH_EAST_REGIONAL = {
  email: 'regional.southeast@triangulate.example',
  displayName: 'Priya Shah (regional SHMI, South East)',
};

const REASON = 'Demonstration data: a visit to review progress against the action plan.';

/** Actions per item, in the report's order (strategy discussions, pathway plans, oversight). */
const ACTIONS = [
  {
    action: 'Daily strategy meeting slot in the front door, chaired by a team manager',
    owner: 'Head of front door services',
    milestone: 'Slot running in every locality',
    dueOn: '2025-07-31',
    impactMeasure:
      'Strategy discussions held within one working day of the decision in 90% of cases',
  },
  {
    action: 'Rewrite the pathway plan template with care leavers and audit every plan',
    owner: 'Service manager, leaving care',
    milestone: 'New template in use; first audit reported',
    dueOn: '2025-09-30',
    impactMeasure: 'Care leavers say their plan is theirs; 85% of plans reviewed in six months',
  },
  {
    action: 'Monthly supervision audit of child protection cases',
    owner: 'Principal social worker',
    milestone: 'Audit cycle agreed with team managers',
    dueOn: '2025-08-29',
    impactMeasure: 'Audits find management direction acted on in 80% of child protection cases',
  },
];

/** A two-day visit whose second day is the last working day on or before today. */
function currentVisitStart(today: string): string {
  const back = (d: string) => {
    let day = d;
    while (!isWorkingDay(day)) day = addDays(day, -1);
    return day;
  };
  return back(addDays(back(today), -1));
}

const at10 = (iso: string) => new Date(startOfDayInEngland(iso).getTime() + 10 * 3_600_000);

/** A visit to Southmere with the demo's lead and inspector, on site, with evidence. */
async function startVisit(
  sys: UseCaseContext,
  lead: UseCaseContext,
  team: { lead: UserActor; inspector: UserActor; qam: UserActor },
  start: string,
  evidence: string[],
): Promise<{ id: string; evidenceIds: string[] }> {
  const v = await createActivity(sys, {
    laId: 'demo-southmere',
    activityType: 'focused_visit',
    plannedStart: start,
    plannedEnd: addWorkingDays(start, 1),
    theme: 'Front door',
    ruleReason: REASON,
  });
  for (const [m, teamRole] of [
    [team.lead, 'lead_inspector'],
    [team.inspector, 'team_inspector'],
    [team.qam, 'qam'],
  ] as const)
    await addTeamMember(sys, { activityId: v.id, userId: m.userId, teamRole });
  await changeActivityState(sys, { activityId: v.id, toState: 'notified' });
  await changeActivityState(sys, { activityId: v.id, toState: 'on_site' });
  const evidenceIds: string[] = [];
  for (const text of evidence) {
    const e = await recordEvidence(lead, {
      activityId: v.id,
      text,
      method: 'case_file_reading',
      judgementAreas: ['help_and_protection'],
      direction: 'mixed',
      observedOn: start,
    } as never);
    evidenceIds.push((e as { id: string }).id);
  }
  return { id: v.id, evidenceIds };
}

/** The letter drafted, released, checked by the LA, signed off and published on `published`. */
async function publishLetter(
  visitId: string,
  ctxs: { sys: UseCaseContext; lead: UseCaseContext; qam: UseCaseContext; la: UseCaseContext },
  published: string,
): Promise<void> {
  for (const toState of ['analysis', 'drafting'] as const)
    await changeActivityState(ctxs.sys, { activityId: visitId, toState });
  await createReportDraft(ctxs.lead, {
    activityId: visitId,
    improvements: [
      {
        text: 'Keeping pathway plans up to date with care leavers',
        extent: 'not_yet_good',
      },
      { text: 'The review of every care leaver’s pathway plan within six months', priority: true },
    ],
  });
  let version = 1;
  for (const s of (await getReportWorkspace(ctxs.lead, visitId)).sections)
    if (s.content !== 'title' && s.content !== 'grade_table' && s.paragraphs.length === 0)
      version = (
        await saveReportSection(ctxs.lead, {
          activityId: visitId,
          sectionKey: s.key,
          text: 'Leaders have made progress in the front door since the inspection. Inspectors found that strategy discussions are now timely.',
          baseVersion: version,
        })
      ).version;
  await signOffReport(ctxs.qam, { activityId: visitId, baseVersion: version });
  await releaseReport(ctxs.lead, { activityId: visitId, baseVersion: version });
  await confirmFactualAccuracy(ctxs.la, { activityId: visitId });
  await signOffReport(ctxs.qam, { activityId: visitId, baseVersion: version });
  await publishReport(ctxs.lead, { activityId: visitId, baseVersion: version }, at10(published));
}

/** Seeds Southmere's plan, two visits and a programme; returns the region's new account. */
export async function seedDemoActionPlan(
  db: Db,
  catalog: ActivityTypeCatalog,
  planActivityId: string,
  actors: { la: UserActor; lead: UserActor; inspector: UserActor; qam: UserActor },
): Promise<DemoCredentials[]> {
  const sys: UseCaseContext = { db, actor: systemActor('demo-seed'), catalog };
  const as = (actor: UserActor): UseCaseContext => ({ db, actor, catalog });
  const password =
    process.env.TRIANGULATE_DEMO_PASSWORD ?? `demo-${randomBytes(9).toString('base64url')}`;
  const regionUser = await createUser(sys, {
    ...DEMO_SOUTH_EAST_REGIONAL,
    role: 'regional',
    region: 'South East',
    laId: null,
    password,
  });
  const region = as({
    kind: 'user',
    userId: regionUser.id,
    ...DEMO_SOUTH_EAST_REGIONAL,
    role: 'regional',
    region: 'South East',
    laId: null,
  });
  const la = as(actors.la);
  const lead = as(actors.lead);
  const qam = as(actors.qam);
  const items = (await getActionPlan(la, { activityId: planActivityId })).items;
  for (const [i, item] of items.entries())
    await savePlanAction(la, {
      activityId: planActivityId,
      itemKey: item.key,
      ...ACTIONS[i % ACTIONS.length]!,
    });
  await submitActionPlan(la, { activityId: planActivityId });
  await respondToActionPlan(region, {
    activityId: planActivityId,
    version: 1,
    decision: 'acknowledge',
    comment: 'Thank you: the measures of impact are clear. We will review progress at a visit.',
  });

  // A visit in the autumn, its letter published: views on every item, shown to the LA.
  const autumn = await startVisit(sys, lead, actors, '2025-10-06', [
    'Strategy discussions for the six children sampled were all held within a day of the decision.',
    'Pathway plans seen were on the new template but two of five were out of date.',
  ]);
  const views = [
    ['progress', 'Strategy discussions are now timely in the cases seen.', [0]],
    ['no_progress', 'Pathway plans are on the new template but not kept up to date.', [1]],
    ['progress', 'Supervision records show direction being followed up.', []],
  ] as const;
  for (const [i, item] of items.entries()) {
    const [view, reason, ev] = views[i % views.length]!;
    await recordMonitoringView(lead, {
      visitId: autumn.id,
      itemKey: item.key,
      view,
      reason,
      evidenceIds: ev.map((n) => autumn.evidenceIds[n]!),
    });
  }
  await publishLetter(autumn.id, { sys, lead, qam, la }, '2025-11-14');

  // Version 2: progress recorded since, awaiting the region.
  for (const [i, item] of items.entries())
    await addProgressUpdate(la, {
      activityId: planActivityId,
      itemKey: item.key,
      on: '2025-12-01',
      text: [
        'Audit of 40 strategy discussions: 37 held within one working day.',
        'All pathway plans reviewed with the young person; 78% within six months.',
        'Supervision audit completed for two quarters; findings shared with team managers.',
      ][i % 3]!,
    });
  await submitActionPlan(la, { activityId: planActivityId });

  // A visit on site now: its lead has recorded a view on the first item only (hidden from the LA).
  const now = await startVisit(sys, lead, actors, currentVisitStart(todayInEngland()), [
    'Front door records show strategy discussions held the same day in the cases tracked.',
  ]);
  await recordMonitoringView(lead, {
    visitId: now.id,
    itemKey: items[0]!.key,
    view: 'progress',
    reason: 'Strategy discussions were timely in the cases tracked this week.',
    evidenceIds: now.evidenceIds,
  });

  await saveReformProgramme(la, {
    laId: 'demo-southmere',
    name: 'Southmere Front Door Reform',
    aims: 'One front door for all contacts, with strategy discussions held the day they are needed.',
    startsOn: '2025-05-01',
    endsOn: '2027-03-31',
    keywords: 'strategy discussions, front door',
  });
  return [
    {
      role: 'regional',
      teamRole: null,
      email: DEMO_SOUTH_EAST_REGIONAL.email,
      displayName: DEMO_SOUTH_EAST_REGIONAL.displayName,
      password,
    },
  ];
}

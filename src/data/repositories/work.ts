// The facts "your work" is derived from, for one person: the activities where they lead, assure
// quality or sit on the consistency panel, or (for an LA user) their own LA's notified activities
// in the factual accuracy check. A handful of set-based queries, whatever the number of activities.
import type { Kysely } from 'kysely';
import type { ActivityState } from '../../domain/activities/lifecycle.js';
import type { WorkFacts, WorkReportFacts, WorkRole } from '../../domain/activities/work.js';
import type { JudgementStage } from '../../domain/judgements/stages.js';
import { signedOff } from '../../domain/reports/readiness.js';
import type { DB } from '../schema.js';

const FINISHED = ['published', 'cancelled'];

export type WorkOf = { userId: string; laId?: undefined } | { laId: string; userId?: undefined };

async function rolesOf(db: Kysely<DB>, who: WorkOf): Promise<Map<string, WorkRole[]>> {
  const roles = new Map<string, WorkRole[]>();
  const add = (id: string, r: WorkRole) => roles.set(id, [...(roles.get(id) ?? []), r]);
  if (who.laId !== undefined) {
    // Unannounced until notified: an LA's work starts only after the activity's notification.
    const rows = await db
      .selectFrom('activities')
      .select('id')
      .where('la_id', '=', who.laId)
      .where('notified_at', 'is not', null)
      .where('state', '=', 'factual_accuracy')
      .execute();
    for (const r of rows) add(r.id, 'la');
    return roles;
  }
  const team = await db
    .selectFrom('team_members')
    .select(['activity_id', 'team_role'])
    .where('user_id', '=', who.userId)
    .where('team_role', 'in', ['lead_inspector', 'qam'])
    .execute();
  for (const t of team) add(t.activity_id, t.team_role === 'qam' ? 'qam' : 'lead');
  const panel = await db
    .selectFrom('judgement_panel_members')
    .select('activity_id')
    .where('user_id', '=', who.userId)
    .execute();
  for (const p of panel) add(p.activity_id, 'panel');
  return roles;
}

async function reportFacts(
  db: Kysely<DB>,
  activityIds: string[],
): Promise<Map<string, WorkReportFacts>> {
  const out = new Map<string, WorkReportFacts>();
  const reports = await db
    .selectFrom('reports')
    .select(['id', 'activity_id', 'current_version', 'state'])
    .where('activity_id', 'in', activityIds)
    .execute();
  if (!reports.length) return out;
  const ids = reports.map((r) => r.id);
  const [releases, signoffs, open] = await Promise.all([
    db
      .selectFrom('report_releases')
      .select(['report_id', 'round', 'deadline', 'released_at', 'la_confirmed_at'])
      .where('report_id', 'in', ids)
      .orderBy('round')
      .execute(),
    db
      .selectFrom('report_signoffs')
      .select(['report_id', 'version_number', 'signed_at'])
      .where('report_id', 'in', ids)
      .orderBy('signed_at')
      .execute(),
    db
      .selectFrom('report_comments')
      .select(['report_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('report_id', 'in', ids)
      .where('response', 'is', null)
      .groupBy('report_id')
      .execute(),
  ]);
  for (const r of reports) {
    const mine = releases.filter((x) => x.report_id === r.id);
    const last = mine.at(-1);
    const round = last
      ? {
          deadline: last.deadline,
          releasedAt: last.released_at,
          laConfirmed: !!last.la_confirmed_at,
        }
      : null;
    const signs = signoffs
      .filter((s) => s.report_id === r.id)
      .map((s) => ({ versionNumber: s.version_number, signedAt: s.signed_at }));
    out.set(r.activity_id, {
      currentVersion: r.current_version,
      published: r.state === 'published',
      releases: mine.length,
      lastRelease: round ? { deadline: round.deadline, laConfirmed: round.laConfirmed } : null,
      currentSignedOff: signedOff(signs, r.current_version, round) !== null,
      openLaComments: Number(open.find((o) => o.report_id === r.id)?.n ?? 0),
    });
  }
  return out;
}

/** The facts of every unfinished activity the person has a working role in. */
export async function listWorkFacts(db: Kysely<DB>, who: WorkOf): Promise<WorkFacts[]> {
  const roles = await rolesOf(db, who);
  const ids = [...roles.keys()];
  if (!ids.length) return [];
  const [activities, sets, comments, reports] = await Promise.all([
    db
      .selectFrom('activities as a')
      .innerJoin('local_authorities as la', 'la.id', 'a.la_id')
      .select([
        'a.id',
        'a.title',
        'a.la_id',
        'la.name as la_name',
        'la.ofsted_region as la_region',
        'a.notified_at',
        'a.state',
        'a.planned_end',
      ])
      .where('a.id', 'in', ids)
      .where('a.state', 'not in', FINISHED)
      .execute(),
    db
      .selectFrom('judgement_sets')
      .select(['activity_id', 'stage'])
      .where('activity_id', 'in', ids)
      .execute(),
    db
      .selectFrom('judgement_panel_comments')
      .select(['activity_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('activity_id', 'in', ids)
      .where('response', 'is', null)
      .groupBy('activity_id')
      .execute(),
    reportFacts(db, ids),
  ]);
  return activities.map((a) => ({
    activityId: a.id,
    title: a.title,
    laName: a.la_name,
    laId: a.la_id,
    laRegion: a.la_region,
    notifiedAt: a.notified_at,
    state: a.state as ActivityState,
    plannedEnd: a.planned_end,
    roles: roles.get(a.id) ?? [],
    judgementStage:
      (sets.find((s) => s.activity_id === a.id)?.stage as JudgementStage | undefined) ??
      'team_provisional',
    openPanelComments: Number(comments.find((c) => c.activity_id === a.id)?.n ?? 0),
    report: reports.get(a.id) ?? null,
  }));
}

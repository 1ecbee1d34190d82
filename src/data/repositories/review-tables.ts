// What the review's tables read: the stored inspection history, or Triangulate's own activities
// (cancelled ones left out) and annual engagement meetings, with the facts the access rules ask
// about each; and every graded inspection's overall effectiveness.
import type { Kysely } from 'kysely';
import type { GradedEvent } from '../../domain/review-tables/engagements.js';
import type { StoredEngagement } from '../../domain/review-tables/shape.js';
import type { GradeKey } from '../../domain/history/types.js';
import { judgementActivityTypes } from '../../domain/history/types.js';
import type { DB } from '../schema.js';

export async function listHistoryEngagements(db: Kysely<DB>): Promise<StoredEngagement[]> {
  const rows = await db
    .selectFrom('inspection_history as h')
    .innerJoin('local_authorities as la', 'la.id', 'h.la_id')
    .select([
      'h.la_id',
      'la.ofsted_region',
      'h.activity_type',
      'h.framework_id',
      'h.start_date',
      'h.end_date',
      'h.theme',
    ])
    .orderBy('h.start_date')
    .orderBy('h.source_key')
    .execute();
  return rows.map((r) => ({
    laId: r.la_id,
    laRegion: r.ofsted_region,
    activityType: r.activity_type,
    frameworkId: r.framework_id,
    startDate: r.start_date,
    endDate: r.end_date,
    theme: r.theme,
    state: null,
    notifiedAt: null,
    inspectors: 0,
  }));
}

/** Team roles that inspect on site (QAMs, analysts and shadows are not counted as inspectors). */
const INSPECTING = [
  'lead_inspector',
  'team_inspector',
  'regulatory_inspector',
  'education_inspector',
];

export async function listActivityEngagements(db: Kysely<DB>): Promise<StoredEngagement[]> {
  const [activities, meetings] = await Promise.all([
    db
      .selectFrom('activities as a')
      .innerJoin('local_authorities as la', 'la.id', 'a.la_id')
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('team_members')
            .select(['activity_id', (e) => e.fn.countAll<string>().as('n')])
            .where('team_role', 'in', INSPECTING)
            .groupBy('activity_id')
            .as('t'),
        (join) => join.onRef('t.activity_id', '=', 'a.id'),
      )
      .select([
        'a.la_id',
        'la.ofsted_region',
        'a.activity_type',
        'a.framework_id',
        'a.planned_start',
        'a.planned_end',
        'a.theme',
        'a.state',
        'a.notified_at',
        't.n',
      ])
      .where('a.planned_start', 'is not', null)
      .where('a.state', '!=', 'cancelled')
      .orderBy('a.planned_start')
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('engagement_meetings as m')
      .innerJoin('local_authorities as la', 'la.id', 'm.la_id')
      .select(['m.la_id', 'la.ofsted_region', 'm.meeting_on'])
      .orderBy('m.meeting_on')
      .orderBy('m.id')
      .execute(),
  ]);
  return [
    ...activities.map((r) => ({
      laId: r.la_id,
      laRegion: r.ofsted_region,
      activityType: r.activity_type,
      frameworkId: r.framework_id,
      startDate: r.planned_start ?? '',
      endDate: r.planned_end,
      theme: r.theme,
      state: r.state,
      notifiedAt: r.notified_at,
      inspectors: Number(r.n ?? 0),
    })),
    ...meetings.map((r) => ({
      laId: r.la_id,
      laRegion: r.ofsted_region,
      activityType: 'annual_engagement_meeting',
      frameworkId: null,
      startDate: r.meeting_on,
      endDate: r.meeting_on,
      theme: null,
      state: 'engagement_meeting',
      notifiedAt: null,
      inspectors: 0,
    })),
  ];
}

/** Every graded inspection's overall effectiveness (null when the source gives none). */
export async function listGradedOverall(db: Kysely<DB>): Promise<GradedEvent[]> {
  const rows = await db
    .selectFrom('inspection_history')
    .select(['la_id', 'start_date', 'grades'])
    .where('activity_type', 'in', [...judgementActivityTypes])
    .orderBy('la_id')
    .orderBy('start_date')
    .execute();
  return rows.map((r) => ({
    laId: r.la_id,
    startDate: r.start_date,
    overall:
      ((r.grades as Record<string, string> | null)?.overall_effectiveness as
        GradeKey | undefined) ?? null,
  }));
}

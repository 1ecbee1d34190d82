// Practice QA (issue 17): observations of inspectors' practice with their ratings per prompt, the
// inspector's response, the aggregate counts national staff see (never per person), and the
// strengths fed back tracked to the report draft. Writes take the caller's transaction.
import { sql, type Kysely } from 'kysely';
import { now } from '../../clock.js';
import type { PracticeObservation, PromptRating } from '../../domain/practice-qa/observations.js';
import type {
  PatternCount,
  PatternGroupSize,
  PatternGrouping,
} from '../../domain/practice-qa/patterns.js';
import type { StrengthDecision } from '../../domain/reports/fed-back-strengths.js';
import type { DB } from '../schema.js';
import type { PersonRef } from './evidence.js';

export interface NewObservation {
  activityId: string;
  inspectorId: string;
  observer: PersonRef;
  observerRole: string;
  promptSetId: string;
  observedOn: string;
  setting: string;
  ratings: PromptRating[];
  developmentPoints: string;
}

export async function insertObservation(db: Kysely<DB>, o: NewObservation): Promise<string> {
  const { id } = await db
    .insertInto('practice_observations')
    .values({
      activity_id: o.activityId,
      inspector_id: o.inspectorId,
      observer_id: o.observer.id,
      observer_label: o.observer.label,
      observer_role: o.observerRole,
      prompt_set_id: o.promptSetId,
      observed_on: o.observedOn,
      setting: o.setting,
      development_points: o.developmentPoints,
      recorded_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.ratings.length)
    await db
      .insertInto('practice_observation_ratings')
      .values(
        o.ratings.map((r) => ({
          observation_id: id,
          prompt_key: r.promptKey,
          rating: r.rating,
          comment: r.comment,
        })),
      )
      .execute();
  return id;
}

type Filter =
  | { by: 'id'; id: string }
  | { by: 'activity'; activityId: string }
  | { by: 'inspector'; inspectorId: string };

async function listObservations(db: Kysely<DB>, f: Filter): Promise<PracticeObservation[]> {
  let q = db
    .selectFrom('practice_observations as o')
    .innerJoin('activities as a', 'a.id', 'o.activity_id')
    .innerJoin('local_authorities as la', 'la.id', 'a.la_id')
    .innerJoin('users as u', 'u.id', 'o.inspector_id')
    .select([
      'o.id',
      'o.activity_id',
      'a.title',
      'a.activity_type',
      'la.name as la_name',
      'o.inspector_id',
      'u.display_name as inspector_label',
      'o.observer_id',
      'o.observer_label',
      'o.observer_role',
      'o.prompt_set_id',
      'o.observed_on',
      'o.setting',
      'o.development_points',
      'o.response',
      'o.acknowledged_at',
      'o.recorded_at',
    ]);
  if (f.by === 'id') q = q.where('o.id', '=', f.id);
  if (f.by === 'activity') q = q.where('o.activity_id', '=', f.activityId);
  if (f.by === 'inspector') q = q.where('o.inspector_id', '=', f.inspectorId);
  const rows = await q.orderBy('o.observed_on', 'desc').orderBy('o.recorded_at', 'desc').execute();
  if (!rows.length) return [];
  const ratings = await db
    .selectFrom('practice_observation_ratings')
    .selectAll()
    .where(
      'observation_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({
    id: r.id,
    activityId: r.activity_id,
    activityTitle: r.title,
    activityType: r.activity_type,
    laName: r.la_name,
    inspector: { id: r.inspector_id, label: r.inspector_label },
    observer: { id: r.observer_id, label: r.observer_label, role: r.observer_role },
    promptSetId: r.prompt_set_id,
    observedOn: r.observed_on,
    setting: r.setting,
    ratings: ratings
      .filter((x) => x.observation_id === r.id)
      .map((x) => ({ promptKey: x.prompt_key, rating: x.rating, comment: x.comment })),
    developmentPoints: r.development_points,
    response: r.response,
    acknowledgedAt: r.acknowledged_at,
    recordedAt: r.recorded_at,
  }));
}

export async function findObservation(
  db: Kysely<DB>,
  id: string,
): Promise<PracticeObservation | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return (await listObservations(db, { by: 'id', id }))[0] ?? null;
}

export const listActivityObservations = (db: Kysely<DB>, activityId: string) =>
  listObservations(db, { by: 'activity', activityId });

export const listInspectorObservations = (db: Kysely<DB>, inspectorId: string) =>
  listObservations(db, { by: 'inspector', inspectorId });

export async function setObservationResponse(
  db: Kysely<DB>,
  id: string,
  response: string,
): Promise<void> {
  await db
    .updateTable('practice_observations')
    .set({ response, acknowledged_at: now() })
    .where('id', '=', id)
    .execute();
}

export interface PatternFilter {
  region?: string | null;
  year?: number | null;
  activityType?: string | null;
}

/**
 * Counts per group and prompt, and per group, prompt and rating, for the patterns national staff
 * see. Grouped only by region, year or activity type: no query here groups by a person.
 */
export async function countPatterns(
  db: Kysely<DB>,
  grouping: PatternGrouping,
  filter: PatternFilter,
): Promise<{ sizes: PatternGroupSize[]; counts: PatternCount[] }> {
  const group =
    grouping === 'region'
      ? sql<string>`coalesce(la.ofsted_region, 'No region')`
      : grouping === 'year'
        ? sql<string>`extract(year from o.observed_on)::int::text`
        : sql<string>`a.activity_type`;
  let base = db
    .selectFrom('practice_observation_ratings as r')
    .innerJoin('practice_observations as o', 'o.id', 'r.observation_id')
    .innerJoin('activities as a', 'a.id', 'o.activity_id')
    .innerJoin('local_authorities as la', 'la.id', 'a.la_id');
  if (filter.region) base = base.where('la.ofsted_region', '=', filter.region);
  if (filter.activityType) base = base.where('a.activity_type', '=', filter.activityType);
  if (filter.year)
    base = base.where(sql<number>`extract(year from o.observed_on)::int`, '=', filter.year);
  const [sizes, counts] = await Promise.all([
    base
      .select([
        group.as('grp'),
        'r.prompt_key',
        sql<string>`count(*)`.as('n'),
        sql<string>`count(distinct o.inspector_id)`.as('inspectors'),
      ])
      .groupBy([group, 'r.prompt_key'])
      .orderBy(group)
      .execute(),
    base
      .select([group.as('grp'), 'r.prompt_key', 'r.rating', sql<string>`count(*)`.as('n')])
      .groupBy([group, 'r.prompt_key', 'r.rating'])
      .execute(),
  ]);
  return {
    sizes: sizes.map((s) => ({
      group: s.grp,
      promptKey: s.prompt_key,
      observations: Number(s.n),
      inspectors: Number(s.inspectors),
    })),
    counts: counts.map((c) => ({
      group: c.grp,
      promptKey: c.prompt_key,
      rating: c.rating,
      observations: Number(c.n),
    })),
  };
}

export async function listStrengthDecisions(
  db: Kysely<DB>,
  activityId: string,
): Promise<StrengthDecision[]> {
  const rows = await db
    .selectFrom('fed_back_strength_tracking')
    .selectAll()
    .where('activity_id', '=', activityId)
    .execute();
  return rows.map((r) => ({
    strengthKey: r.strength_key,
    link:
      r.section_key !== null && r.paragraph_index !== null
        ? { sectionKey: r.section_key, index: r.paragraph_index, text: r.paragraph_text ?? '' }
        : null,
    reason: r.reason,
    byLabel: r.decided_by_label,
    at: r.decided_at,
  }));
}

/** Links a strength to a paragraph, or gives the reason it is left out (one row per strength). */
export async function upsertStrengthDecision(
  db: Kysely<DB>,
  activityId: string,
  strengthKey: string,
  change: { link: { sectionKey: string; index: number; text: string } } | { reason: string },
  by: PersonRef,
): Promise<void> {
  const values =
    'link' in change
      ? {
          section_key: change.link.sectionKey,
          paragraph_index: change.link.index,
          paragraph_text: change.link.text,
        }
      : { reason: change.reason };
  const who = { decided_by: by.id, decided_by_label: by.label, decided_at: now() };
  await db
    .insertInto('fed_back_strength_tracking')
    .values({ activity_id: activityId, strength_key: strengthKey, ...values, ...who })
    .onConflict((oc) =>
      oc.columns(['activity_id', 'strength_key']).doUpdateSet({ ...values, ...who }),
    )
    .execute();
}

// What the regional and national risk views show of each LA, in one statement: the current
// assessment and the level before it, the latest graded inspection's overall grade, the last
// inspection or visit of the history, the next planned activity, the latest entries of some kinds
// (self-evaluation, engagement meeting), how many entries arrived since a day, and an open
// review request. Only the columns the views show: on PGlite every row crosses a worker thread,
// and seven queries with every column (ratings, grades, justifications) cost more in transfer
// and round trips than in the database (bench/risk.ts). Each part is an index probe per LA.
import { sql, type Kysely } from 'kysely';
import { judgementActivityTypes } from '../../domain/history/types.js';
import type { DB } from '../schema.js';

export interface RiskViewFacts {
  laId: string;
  current: {
    version: number;
    modelId: string;
    overallLevel: string;
    assessedOn: string;
    nextReviewOn: string;
  } | null;
  previousLevel: string | null;
  /** The latest graded inspection: its start and its overall effectiveness grade (if given). */
  latestGraded: { startDate: string; overall: string | null } | null;
  lastEvent: { activityType: string; startDate: string } | null;
  nextPlanned: { activityType: string; plannedStart: string } | null;
  /** Per kind asked for: the latest day an entry of it was received. */
  latestOfKinds: Record<string, string>;
  newSince: number;
  openRequest: { requestedOn: string; reason: string } | null;
}

interface Row {
  la_id: string;
  version: number | null;
  model_id: string | null;
  overall_level: string | null;
  assessed_on: string | Date | null;
  next_review_on: string | Date | null;
  previous_level: string | null;
  graded_start: string | Date | null;
  graded_overall: string | null;
  last_type: string | null;
  last_start: string | Date | null;
  next_type: string | null;
  next_start: string | Date | null;
  kind_a: string | Date | null;
  kind_b: string | Date | null;
  new_since: number | string;
  requested_on: string | Date | null;
  request_reason: string | null;
}

const isoOf = (d: string | Date) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10));
const isoOrNull = (d: string | Date | null) => (d === null ? null : isoOf(d));

/**
 * The facts of the listed LAs, or of every LA in the register (`'all'`: no list of 153 ids to
 * send and match). `kinds`: at most two intelligence kinds whose latest entry is wanted.
 */
export async function riskViewFacts(
  db: Kysely<DB>,
  laIds: readonly string[] | 'all',
  opts: { today: string; since: string; kinds: readonly [string, string] },
): Promise<Map<string, RiskViewFacts>> {
  if (laIds !== 'all' && laIds.length === 0) return new Map();
  const filter =
    laIds === 'all' ? sql`` : sql`where la.id in (${sql.join(laIds.map((i) => sql`${i}`))})`;
  const graded = sql.join([...judgementActivityTypes].map((t) => sql`${t}`));
  const [kindA, kindB] = opts.kinds;
  const rows = await sql<Row>`
    select la.id as la_id, cur.version, cur.model_id, cur.overall_level, cur.assessed_on,
      cur.next_review_on, prev.overall_level as previous_level,
      g.start_date as graded_start, g.overall as graded_overall,
      lh.activity_type as last_type, lh.start_date as last_start,
      nx.activity_type as next_type, nx.planned_start as next_start,
      (select max(e.received_on) from intelligence_entries e
        where e.la_id = la.id and e.kind = ${kindA}) as kind_a,
      (select max(e.received_on) from intelligence_entries e
        where e.la_id = la.id and e.kind = ${kindB}) as kind_b,
      (select count(*) from intelligence_entries e
        where e.la_id = la.id and e.received_on >= ${opts.since}::date) as new_since,
      rq.requested_on, rq.reason as request_reason
    from local_authorities la
    left join lateral (
      select r.version, r.model_id, r.overall_level, r.assessed_on, r.next_review_on
      from risk_assessments r where r.la_id = la.id order by r.version desc limit 1
    ) cur on true
    left join lateral (
      select r.overall_level from risk_assessments r
      where r.la_id = la.id and r.version < cur.version order by r.version desc limit 1
    ) prev on true
    left join lateral (
      select h.start_date, h.grades ->> 'overall_effectiveness' as overall
      from inspection_history h where h.la_id = la.id and h.activity_type in (${graded})
      order by h.start_date desc, h.publication_date desc nulls last limit 1
    ) g on true
    left join lateral (
      select h.activity_type, h.start_date from inspection_history h
      where h.la_id = la.id order by h.start_date desc limit 1
    ) lh on true
    left join lateral (
      select a.activity_type, a.planned_start from activities a
      where a.la_id = la.id and a.state not in ('cancelled', 'published')
        and a.planned_start is not null
      order by a.planned_start limit 1
    ) nx on true
    left join lateral (
      select q.requested_on, q.reason from risk_review_requests q
      where q.la_id = la.id and q.after_version >= coalesce(cur.version, 0)
      order by q.requested_on, q.created_at limit 1
    ) rq on true
    ${filter}`.execute(db);
  const out = new Map<string, RiskViewFacts>();
  for (const r of rows.rows) {
    const latestOfKinds: Record<string, string> = {};
    if (r.kind_a !== null) latestOfKinds[kindA] = isoOf(r.kind_a);
    if (r.kind_b !== null) latestOfKinds[kindB] = isoOf(r.kind_b);
    out.set(r.la_id, {
      laId: r.la_id,
      current:
        r.version !== null && r.model_id && r.overall_level && r.assessed_on && r.next_review_on
          ? {
              version: Number(r.version),
              modelId: r.model_id,
              overallLevel: r.overall_level,
              assessedOn: isoOf(r.assessed_on),
              nextReviewOn: isoOf(r.next_review_on),
            }
          : null,
      previousLevel: r.previous_level,
      latestGraded: r.graded_start
        ? { startDate: isoOf(r.graded_start), overall: r.graded_overall }
        : null,
      lastEvent:
        r.last_type && r.last_start
          ? { activityType: r.last_type, startDate: isoOf(r.last_start) }
          : null,
      nextPlanned:
        r.next_type && r.next_start
          ? { activityType: r.next_type, plannedStart: isoOf(r.next_start) }
          : null,
      latestOfKinds,
      newSince: Number(r.new_since),
      openRequest:
        r.requested_on !== null
          ? { requestedOn: isoOrNull(r.requested_on) ?? '', reason: r.request_reason ?? '' }
          : null,
    });
  }
  return out;
}

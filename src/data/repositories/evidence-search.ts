// Full-text search over evidence records: the generated `search` tsvector column (English
// stemming, GIN index) matched with a tsquery built from the search language's tree, ranked with
// ts_rank_cd. Every word and phrase is a parameter; only the operators are SQL.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { TextQuery } from '../../domain/analysis/text-query.js';
import type { DB } from '../schema.js';
import { evidenceWhere, type EvidenceConditions } from './analysis-filters.js';
import type { PersonRef } from './evidence.js';

/** The tsquery for a query tree (words stemmed, phrases in order, prefixes, and/or/not). */
export function tsQuery(q: TextQuery): RawBuilder<unknown> {
  switch (q.kind) {
    case 'word':
      return sql`plainto_tsquery('english', ${q.text})`;
    case 'phrase':
      return sql`phraseto_tsquery('english', ${q.text})`;
    case 'prefix':
      return sql`to_tsquery('english', ${`'${q.text.replace(/['’]/g, '')}':*`})`;
    case 'not':
      return sql`(!! ${tsQuery(q.item)})`;
    case 'and':
    case 'or':
      return sql`(${sql.join(q.items.map(tsQuery), q.kind === 'and' ? sql` && ` : sql` || `)})`;
  }
}

/** Whether the query keeps any searchable word once stop words are dropped. */
export async function hasSearchableWords(db: Kysely<DB>, q: TextQuery): Promise<boolean> {
  const r = await sql<{ n: number }>`select numnode(${tsQuery(q)}) as n`.execute(db);
  return (r.rows[0]?.n ?? 0) > 0;
}

export interface SearchRow {
  id: string;
  activityId: string;
  /** The record's number in its activity (E12 is 12): with `rank`, the key pages seek by. */
  refNo: number;
  reference: string;
  version: number;
  /** The text (at most MAX_HIGHLIGHT_TEXT code points of it) for highlighting. */
  text: string;
  textLength: number;
  method: string;
  observedOn: string;
  direction: string | null;
  judgementAreas: string[];
  childCaseReference: string | null;
  recordedBy: PersonRef;
  recordedAt: Date;
  rank: number;
}

/** Highlights are computed on the first 200,000 code points of a record. */
export const MAX_HIGHLIGHT_TEXT = 200_000;

/** Where a page of an activity's hits lies: after (or before) the hit with this rank and number. */
export interface SearchSeek {
  direction: 'after' | 'before';
  rank: number;
  refNo: number;
}

export interface ActivitySearch {
  filter: EvidenceConditions;
  query: TextQuery;
  limit: number;
  /** Rows to skip from the first hit (a short jump only: later pages use `seek`). */
  offset?: number;
  /** The page after (or before) a hit already shown; null: the first page. */
  seek?: SearchSeek | null;
  /** Count every match (the first page); later pages carry the count in their token. */
  count?: boolean;
}

function shape(r: {
  id: string;
  activity_id: string;
  ref_no: number;
  version: number;
  text: string;
  text_length: number;
  method: string;
  observed_on: string;
  direction: string | null;
  judgement_areas: string[];
  child_case_reference: string | null;
  recorded_by: string | null;
  recorded_by_label: string;
  recorded_at: Date;
  rank: number;
}): SearchRow {
  return {
    id: r.id,
    activityId: r.activity_id,
    refNo: r.ref_no,
    reference: `E${r.ref_no}`,
    version: r.version,
    text: r.text,
    textLength: r.text_length,
    method: r.method,
    observedOn: r.observed_on,
    direction: r.direction,
    judgementAreas: r.judgement_areas,
    childCaseReference: r.child_case_reference,
    recordedBy: { id: r.recorded_by, label: r.recorded_by_label },
    recordedAt: r.recorded_at,
    rank: Number(r.rank),
  };
}

type PageRow = Parameters<typeof shape>[0] & {
  total: number;
  recorded_key: string;
  activity_title: string;
  la_id: string;
  la_name: string;
};

/** The columns of a page of hits (`p` holds id, rank and total; `e` the record). */
const pageColumns = sql`e.id, e.activity_id, e.ref_no, e.version,
  left(e.text, ${MAX_HIGHLIGHT_TEXT}) as text, char_length(e.text) as text_length, e.method,
  e.observed_on, e.direction, e.judgement_areas, cc.reference as child_case_reference,
  e.recorded_by, e.recorded_by_label, e.recorded_at, e.recorded_at::text as recorded_key,
  p.rank, p.total,
  a.title as activity_title, a.la_id, la.name as la_name`;

const pageJoins = sql`join evidence_records e on e.id = p.id
  join activities a on a.id = e.activity_id
  join local_authorities la on la.id = a.la_id
  left join cases cc on cc.id = e.child_case_id`;

/**
 * One page of an activity's matching records, best first (rank, then record number), and how many
 * match in all when asked to count. Pages seek: a later page reads the hits after (or, going back,
 * before) the key of a hit already shown, so no page skips over the ones before it. The rank is
 * read as float8 (ts_rank_cd gives float4) so the key a token carries compares exactly. The rank
 * and count are computed over the matches' ids only; texts are read for the page alone.
 */
export async function searchActivityEvidence(
  db: Kysely<DB>,
  s: ActivitySearch,
): Promise<{ total: number | null; rows: SearchRow[] }> {
  const q = tsQuery(s.query);
  const k = s.seek ?? null;
  const backwards = k?.direction === 'before';
  const from = k
    ? backwards
      ? sql`where m.rank > ${k.rank}::float8 or (m.rank = ${k.rank}::float8 and m.ref_no < ${k.refNo})`
      : sql`where m.rank < ${k.rank}::float8 or (m.rank = ${k.rank}::float8 and m.ref_no > ${k.refNo})`
    : sql``;
  const order = (t: 'm' | 'p') =>
    backwards
      ? sql`${sql.ref(`${t}.rank`)} asc, ${sql.ref(`${t}.ref_no`)} desc`
      : sql`${sql.ref(`${t}.rank`)} desc, ${sql.ref(`${t}.ref_no`)} asc`;
  const r = await sql<PageRow>`
    with m as (
      select e.id, e.ref_no, ts_rank_cd(e.search, ${q})::float8 as rank
      from evidence_records e
      where ${evidenceWhere(s.filter)} and e.search @@ ${q}
    ), p as (
      select m.id, m.rank, m.ref_no, ${s.count ? sql`(select count(*) from m)::int` : sql`0`} as total
      from m ${from}
      order by ${order('m')} limit ${s.limit} offset ${k ? 0 : (s.offset ?? 0)}
    )
    select ${pageColumns} from p ${pageJoins}
    order by ${order('p')}`.execute(db);
  let total: number | null = s.count ? (r.rows[0]?.total ?? 0) : null;
  if (s.count && r.rows.length === 0 && !k && (s.offset ?? 0) > 0) {
    const c = await sql<{ n: number }>`
      select count(*)::int as n from evidence_records e
      where ${evidenceWhere(s.filter)} and e.search @@ ${q}`.execute(db);
    total = c.rows[0]?.n ?? 0;
  }
  return { total, rows: r.rows.map(shape) };
}

export interface NationalSearch {
  /** Only these activities (an inspector's own), or every activity. */
  scope: { kind: 'all' } | { kind: 'member'; userId: string };
  query: TextQuery;
  methods?: string[];
  judgementAreas?: string[];
  limit: number;
  offset: number;
  /**
   * The page after a hit already shown, in the order its first page chose (a later page does not
   * count again): relevance (rank, then newest, then id) or recency (newest, then id).
   */
  after?: NationalSeek | null;
}

export type NationalSeek =
  | { orderedBy: 'relevance'; rank: number; recordedAt: string; id: string }
  | { orderedBy: 'recency'; recordedAt: string; id: string };

export interface NationalRow extends SearchRow {
  activityTitle: string;
  laId: string;
  laName: string;
  /** `recorded_at` as the database writes it (to the microsecond): part of a page's key. */
  recordedKey: string;
}

/** Counting stops here: "more than 5,000 records" is all anyone needs to know. */
export const NATIONAL_COUNT_CAP = 5_000;

/**
 * One page of matches across every activity the actor may see. Up to 5,000 matches are counted
 * and ranked by relevance in one query (the search index finds them). When more match, the
 * newest come first instead: the recency index is walked and each row tested, which for a common
 * word finds a page after a few hundred rows, so the time stays bounded whatever the query.
 */
export async function searchAllEvidence(
  db: Kysely<DB>,
  s: NationalSearch & { countCap?: number },
): Promise<{
  total: number;
  capped: boolean;
  orderedBy: 'relevance' | 'recency';
  rows: NationalRow[];
}> {
  const cap = s.countCap ?? NATIONAL_COUNT_CAP;
  const q = tsQuery(s.query);
  const k = s.after ?? null;
  const scope =
    s.scope.kind === 'all'
      ? sql<boolean>`true`
      : sql<boolean>`e.activity_id in (select tm.activity_id from team_members tm where tm.user_id = ${s.scope.userId})`;
  const filters = sql<boolean>`e.deleted_at is null and ${scope} and ${
    s.methods?.length ? sql`e.method in (${sql.join(s.methods)})` : sql`true`
  } and ${
    s.judgementAreas?.length
      ? sql`e.judgement_areas && array[${sql.join(s.judgementAreas)}]::text[]`
      : sql`true`
  }`;
  const toRow = (r: PageRow): NationalRow => ({
    ...shape(r),
    activityTitle: r.activity_title,
    laId: r.la_id,
    laName: r.la_name,
    recordedKey: r.recorded_key,
  });
  if (k?.orderedBy === 'recency')
    return {
      total: cap,
      capped: true,
      orderedBy: 'recency',
      rows: (await newestFirst(db, filters, q, s, k)).map(toRow),
    };
  // Ties of rank go newest first, then by id; a later page starts after its token's hit.
  const seek =
    k?.orderedBy === 'relevance'
      ? sql<boolean>`(m.rank < ${k.rank}::float8 or (m.rank = ${k.rank}::float8 and (
          m.recorded_at < ${k.recordedAt}::timestamptz or
          (m.recorded_at = ${k.recordedAt}::timestamptz and m.id > ${k.id}::uuid))))`
      : sql<boolean>`true`;
  const ranked = await sql<Partial<PageRow> & { all_matches: number }>`
    with m as materialized (
      select e.id, e.recorded_at, ts_rank_cd(e.search, ${q})::float8 as rank
      from evidence_records e where ${filters} and e.search @@ ${q}
      limit ${cap + 1}
    ), t as (
      select count(*)::int as all_matches from m
    ), p as (
      select m.id, m.rank, m.recorded_at, 0 as total from m, t
      where t.all_matches <= ${cap} and ${seek}
      order by m.rank desc, m.recorded_at desc, m.id limit ${s.limit} offset ${k ? 0 : s.offset}
    )
    select t.all_matches, page.* from t left join lateral (
      select ${pageColumns}, p.id as page_id from p ${pageJoins}
    ) page on true
    order by page.rank desc nulls last, page.recorded_at desc, page.id`.execute(db);
  const n = ranked.rows[0]?.all_matches ?? 0;
  if (n <= cap)
    return {
      total: n,
      capped: false,
      orderedBy: 'relevance',
      rows: ranked.rows.filter((r) => r.id).map((r) => toRow(r as PageRow)),
    };
  return {
    total: cap,
    capped: true,
    orderedBy: 'recency',
    rows: (await newestFirst(db, filters, q, s, null)).map(toRow),
  };
}

/**
 * A page of matches newest first: the recency index is walked (from the token's hit, when there
 * is one) and each row tested, so a page costs about the same however deep it lies.
 */
async function newestFirst(
  db: Kysely<DB>,
  filters: RawBuilder<boolean>,
  q: RawBuilder<unknown>,
  s: { limit: number; offset: number },
  k: { recordedAt: string; id: string } | null,
): Promise<PageRow[]> {
  const from = k
    ? sql`and (e.recorded_at < ${k.recordedAt}::timestamptz or
        (e.recorded_at = ${k.recordedAt}::timestamptz and e.id > ${k.id}::uuid))`
    : sql``;
  // OFFSET 0 keeps the inner query as written: newest first along the recency index.
  const recent = await sql<PageRow>`
    with p as (
      select x.id, ts_rank_cd(x.search, ${q})::float8 as rank, x.recorded_at, 0 as total from (
        select e.id, e.recorded_at, e.search from evidence_records e where ${filters} ${from}
        order by e.recorded_at desc, e.id offset 0
      ) x
      where x.search @@ ${q}
      order by x.recorded_at desc, x.id limit ${s.limit} offset ${k ? 0 : s.offset}
    )
    select ${pageColumns} from p ${pageJoins}
    order by p.recorded_at desc, p.id`.execute(db);
  return recent.rows;
}

// Stems are a pure function of the word (the 'english' configuration), so they are cached here
// for the life of the process: most searches then need no extra round trip.
const stemCache = new Map<string, string[]>();
const STEM_CACHE_MAX = 200_000;

/** The English stems of lower-cased words, as the search index has them (empty: stop word). */
export async function stemWords(db: Kysely<DB>, words: string[]): Promise<Map<string, string[]>> {
  const missing = words.filter((w) => !stemCache.has(w));
  if (missing.length > 0) {
    const r = await sql<{ w: string; lexemes: string[] }>`
      select t.w, coalesce(
        (select array_agg(x.lexeme) from unnest(to_tsvector('english', t.w)) x), '{}') as lexemes
      from jsonb_array_elements_text(${JSON.stringify(missing)}::jsonb) as t(w)`.execute(db);
    if (stemCache.size + r.rows.length > STEM_CACHE_MAX) stemCache.clear();
    for (const row of r.rows) stemCache.set(row.w, row.lexemes);
  }
  return new Map(words.map((w) => [w, stemCache.get(w) ?? []]));
}

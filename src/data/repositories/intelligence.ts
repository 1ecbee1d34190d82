// Each LA's intelligence log. Inspection and visit outcomes are read from inspection_history as
// entries of the log (id `history:<uuid>`, read-only), so the history stays their one record and
// every publication in Triangulate (which writes the history) adds one by itself.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CursorKey } from '../../domain/paging/cursor.js';
import type { IntelligenceKind, Sensitivity } from '../../domain/risk/intelligence.js';
import type { DB } from '../schema.js';
import type { IntelligenceEntryTable } from '../schema/risk.js';

export interface IntelligenceEntry {
  id: string;
  laId: string;
  kind: IntelligenceKind;
  title: string;
  summary: string;
  source: string;
  receivedOn: string;
  recordedBy: { userId: string | null; label: string };
  sensitivity: Sensitivity;
  sharedWithLa: boolean;
  domainKeys: string[];
  /** Recorded in the log, or an outcome from the inspection history (read-only). */
  origin: 'log' | 'history';
  /** For history outcomes: the activity type and its grades. */
  history: { activityType: string; grades: Record<string, string>; theme: string | null } | null;
}

export interface NewIntelligenceEntry {
  laId: string;
  kind: IntelligenceKind;
  title: string;
  summary: string;
  source: string;
  receivedOn: string;
  recordedBy: string | null;
  recordedByLabel: string;
  sensitivity: Sensitivity;
  sharedWithLa: boolean;
  domainKeys: string[];
}

function shapeLog(r: Selectable<IntelligenceEntryTable>): IntelligenceEntry {
  return {
    id: r.id,
    laId: r.la_id,
    kind: r.kind as IntelligenceKind,
    title: r.title,
    summary: r.summary,
    source: r.source,
    receivedOn: r.received_on,
    recordedBy: { userId: r.recorded_by, label: r.recorded_by_label },
    sensitivity: r.sensitivity as Sensitivity,
    sharedWithLa: r.shared_with_la,
    domainKeys: r.domain_keys,
    origin: 'log',
    history: null,
  };
}

export async function insertIntelligenceEntries(
  db: Kysely<DB>,
  entries: readonly NewIntelligenceEntry[],
): Promise<IntelligenceEntry[]> {
  if (entries.length === 0) return [];
  const rows = await db
    .insertInto('intelligence_entries')
    .values(
      entries.map((e) => ({
        la_id: e.laId,
        kind: e.kind,
        title: e.title,
        summary: e.summary,
        source: e.source,
        received_on: e.receivedOn,
        recorded_by: e.recordedBy,
        recorded_by_label: e.recordedByLabel,
        sensitivity: e.sensitivity,
        shared_with_la: e.sharedWithLa,
        domain_keys: e.domainKeys,
      })),
    )
    .returningAll()
    .execute();
  return rows.map(shapeLog);
}

export interface IntelligenceFilter {
  laId: string;
  kinds?: readonly string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only what the LA itself may read: shared, not confidential, none of these kinds. */
  laView?: { neverShared: readonly string[] } | undefined;
  /** Keyset: rows after this (receivedOn, id), newest first. */
  after?: CursorKey | undefined;
  limit: number;
}

/** The log and the history's outcomes as one list, newest first, the filters applied. */
function unionQuery(f: IntelligenceFilter) {
  const log = sql`
    select id::text as id, la_id, kind, title, summary, source, received_on,
      recorded_by::text as recorded_by, recorded_by_label, sensitivity, shared_with_la,
      domain_keys, 'log' as origin, null::text as activity_type, null::jsonb as grades,
      null::text as theme
    from intelligence_entries where la_id = ${f.laId}`;
  const history = sql`
    select 'history:' || id::text, la_id,
      case when activity_type = 'jtai' then 'jtai_send_outcome' else 'inspection_outcome' end,
      activity_type, '', source, coalesce(publication_date, end_date, start_date), null::text,
      'Inspection history', 'standard', true, '{}'::text[], 'history', activity_type,
      grades::jsonb, theme
    from inspection_history where la_id = ${f.laId}`;
  const where = [sql`true`];
  if (f.kinds && f.kinds.length > 0)
    where.push(sql`kind in (${sql.join(f.kinds.map((k) => sql`${k}`))})`);
  if (f.from) where.push(sql`received_on >= ${f.from}::date`);
  if (f.to) where.push(sql`received_on <= ${f.to}::date`);
  if (f.laView) {
    where.push(sql`shared_with_la and sensitivity <> 'confidential'`);
    if (f.laView.neverShared.length > 0)
      where.push(sql`kind not in (${sql.join(f.laView.neverShared.map((k) => sql`${k}`))})`);
  }
  return { body: sql`(${log} union all ${history}) e`, where: sql.join(where, sql` and `) };
}

interface UnionRow {
  id: string;
  la_id: string;
  kind: string;
  title: string;
  summary: string;
  source: string;
  received_on: string | Date;
  recorded_by: string | null;
  recorded_by_label: string;
  sensitivity: string;
  shared_with_la: boolean;
  domain_keys: string[];
  origin: 'log' | 'history';
  activity_type: string | null;
  grades: Record<string, string> | string | null;
  theme: string | null;
}

const isoOf = (d: string | Date) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10));

function shapeUnion(r: UnionRow): IntelligenceEntry {
  const grades = typeof r.grades === 'string' ? JSON.parse(r.grades) : r.grades;
  return {
    id: r.id,
    laId: r.la_id,
    kind: r.kind as IntelligenceKind,
    title: r.title,
    summary: r.summary,
    source: r.source,
    receivedOn: isoOf(r.received_on),
    recordedBy: { userId: r.recorded_by, label: r.recorded_by_label },
    sensitivity: r.sensitivity as Sensitivity,
    sharedWithLa: r.shared_with_la,
    domainKeys: r.domain_keys,
    origin: r.origin,
    history:
      r.origin === 'history'
        ? { activityType: r.activity_type ?? '', grades: grades ?? {}, theme: r.theme }
        : null,
  };
}

/** One page of an LA's log, newest first, and (when `count`) how many match in all. */
export async function listIntelligence(
  db: Kysely<DB>,
  f: IntelligenceFilter,
  count: boolean,
): Promise<{ entries: IntelligenceEntry[]; total: number | null }> {
  const { body, where } = unionQuery(f);
  const seek = f.after
    ? sql` and (received_on, id) < (${String(f.after[0])}::date, ${String(f.after[1])})`
    : sql``;
  const rows = await sql<UnionRow>`
    select * from ${body} where ${where}${seek}
    order by received_on desc, id desc limit ${f.limit}`.execute(db);
  let total: number | null = null;
  if (count) {
    const c = await sql<{ n: string | number }>`
      select count(*) as n from ${body} where ${where}`.execute(db);
    total = Number(c.rows[0]?.n ?? 0);
  }
  return { entries: rows.rows.map(shapeUnion), total };
}

/** The entries with these ids (log or history) of one LA, for linking to ratings. */
export async function findIntelligence(
  db: Kysely<DB>,
  laId: string,
  ids: readonly string[],
): Promise<IntelligenceEntry[]> {
  if (ids.length === 0) return [];
  const { body } = unionQuery({ laId, limit: 0 });
  const rows = await sql<UnionRow>`
    select * from ${body} where id in (${sql.join(ids.map((i) => sql`${i}`))})`.execute(db);
  return rows.rows.map(shapeUnion);
}

/** Per LA: the latest received date of each of these kinds (self-evaluation, meeting...). */
export async function latestOfKinds(
  db: Kysely<DB>,
  laIds: readonly string[],
  kinds: readonly string[],
): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  if (laIds.length === 0 || kinds.length === 0) return out;
  const rows = await db
    .selectFrom('intelligence_entries')
    .select(['la_id', 'kind', (eb) => eb.fn.max('received_on').as('latest')])
    .where('la_id', 'in', [...laIds])
    .where('kind', 'in', [...kinds])
    .groupBy(['la_id', 'kind'])
    .execute();
  for (const r of rows) {
    const m = out.get(r.la_id) ?? {};
    m[r.kind] = isoOf(r.latest as string | Date);
    out.set(r.la_id, m);
  }
  return out;
}

/** Per LA: how many entries were received on or after a date (what is new this quarter). */
export async function countIntelligenceSince(
  db: Kysely<DB>,
  laIds: readonly string[],
  since: string,
): Promise<Map<string, number>> {
  if (laIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('intelligence_entries')
    .select(['la_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('la_id', 'in', [...laIds])
    .where('received_on', '>=', since)
    .groupBy('la_id')
    .execute();
  return new Map(rows.map((r) => [r.la_id, Number(r.n)]));
}

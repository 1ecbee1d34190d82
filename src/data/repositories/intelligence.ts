// Each LA's intelligence log. Inspection and visit outcomes are entries of their own, one per
// history event (history_id) or published activity (activity_id), written by the history import
// and the publication (usecases/shared/outcome-intelligence.ts) and read-only in the log.
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
  /** Leave out confidential entries (what an inspection team reads). */
  standardOnly?: boolean | undefined;
  /** Keyset: rows after this (receivedOn, id), newest first. */
  after?: CursorKey | undefined;
  limit: number;
}

/**
 * The log, the history's outcomes with their event (grades, theme), the filters applied. Outcomes
 * are entries of their own (history_id), kept in step with the history by upsertOutcomeEntries.
 */
function unionQuery(f: IntelligenceFilter) {
  const body = sql`(
    select e.id::text as id, e.la_id, e.kind, e.title, e.summary, e.source, e.received_on,
      e.recorded_by::text as recorded_by, e.recorded_by_label, e.sensitivity, e.shared_with_la,
      e.domain_keys, case when e.history_id is null then 'log' else 'history' end as origin,
      h.activity_type, h.grades, h.theme, e.history_id::text as history_id
    from intelligence_entries e left join inspection_history h on h.id = e.history_id
    where e.la_id = ${f.laId}) e`;
  const where = [sql`true`];
  if (f.kinds && f.kinds.length > 0)
    where.push(sql`kind in (${sql.join(f.kinds.map((k) => sql`${k}`))})`);
  if (f.from) where.push(sql`received_on >= ${f.from}::date`);
  if (f.to) where.push(sql`received_on <= ${f.to}::date`);
  if (f.standardOnly) where.push(sql`sensitivity = 'standard'`);
  if (f.laView) {
    where.push(sql`shared_with_la and sensitivity <> 'confidential'`);
    if (f.laView.neverShared.length > 0)
      where.push(sql`kind not in (${sql.join(f.laView.neverShared.map((k) => sql`${k}`))})`);
  }
  return { body, where: sql.join(where, sql` and `) };
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
  history_id: string | null;
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

/**
 * The entries with these ids of one LA, for linking to ratings. An id written `history:<uuid>`
 * (how outcomes were named before they became entries) finds the entry of that history event.
 */
export async function findIntelligence(
  db: Kysely<DB>,
  laId: string,
  ids: readonly string[],
): Promise<IntelligenceEntry[]> {
  const plain = ids.filter((i) => UUID.test(i));
  const legacy = new Map(
    ids
      .filter((i) => i.startsWith('history:') && UUID.test(i.slice(8)))
      .map((i) => [i.slice(8), i]),
  );
  if (plain.length === 0 && legacy.size === 0) return [];
  const { body } = unionQuery({ laId, limit: 0 });
  const list = (xs: readonly string[]) => sql.join(xs.map((i) => sql`${i}`));
  const rows = await sql<UnionRow>`
    select * from ${body} where ${plain.length > 0 ? sql`id in (${list(plain)})` : sql`false`}
      or ${legacy.size > 0 ? sql`history_id in (${list([...legacy.keys()])})` : sql`false`}`.execute(
    db,
  );
  return rows.rows.map((r) => {
    const e = shapeUnion(r);
    const alias = r.history_id ? legacy.get(r.history_id) : undefined;
    return alias && !plain.includes(e.id) ? { ...e, id: alias } : e;
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One entry by id, with the LA it belongs to (null when there is none). */
export async function findIntelligenceEntry(
  db: Kysely<DB>,
  id: string,
): Promise<IntelligenceEntry | null> {
  if (!UUID.test(id)) return null;
  const row = await db
    .selectFrom('intelligence_entries')
    .select('la_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return (await findIntelligence(db, row.la_id, [id]))[0] ?? null;
}

export interface OutcomeEntryRow {
  /** The history event it records (null for a publication of an activity the history omits). */
  historyId: string | null;
  /** The activity whose publication it records, if published in Triangulate. */
  activityId: string | null;
  laId: string;
  kind: IntelligenceKind;
  title: string;
  summary: string;
  source: string;
  receivedOn: string;
  recordedByLabel: string;
}

/**
 * Writes outcome entries, one per history event (or per published activity), changing a stored
 * one only when its text or date changed: running it again over the same events changes nothing.
 * Returns the entries' ids in the order given.
 */
export async function upsertOutcomeEntries(
  db: Kysely<DB>,
  rows: readonly OutcomeEntryRow[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const values = chunk.map((r) => ({
      la_id: r.laId,
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      source: r.source,
      received_on: r.receivedOn,
      recorded_by: null,
      recorded_by_label: r.recordedByLabel,
      sensitivity: 'standard',
      shared_with_la: true,
      domain_keys: [] as string[],
      history_id: r.historyId,
      activity_id: r.activityId,
    }));
    const byHistory = values.filter((v) => v.history_id !== null);
    const byActivity = values.filter((v) => v.history_id === null);
    const changed = sql<boolean>`(intelligence_entries.title, intelligence_entries.summary,
      intelligence_entries.source, intelligence_entries.received_on, intelligence_entries.kind,
      intelligence_entries.activity_id) is distinct from (excluded.title, excluded.summary,
      excluded.source, excluded.received_on, excluded.kind,
      coalesce(excluded.activity_id, intelligence_entries.activity_id))`;
    const set = {
      title: sql<string>`excluded.title`,
      summary: sql<string>`excluded.summary`,
      source: sql<string>`excluded.source`,
      received_on: sql<string>`excluded.received_on`,
      kind: sql<string>`excluded.kind`,
      activity_id: sql<
        string | null
      >`coalesce(excluded.activity_id, intelligence_entries.activity_id)`,
    };
    if (byHistory.length > 0)
      await db
        .insertInto('intelligence_entries')
        .values(byHistory)
        .onConflict((oc) => oc.column('history_id').doUpdateSet(set).where(changed))
        .execute();
    if (byActivity.length > 0)
      await db
        .insertInto('intelligence_entries')
        .values(byActivity)
        .onConflict((oc) => oc.column('activity_id').doUpdateSet(set).where(changed))
        .execute();
    const hIds = byHistory.map((v) => v.history_id!);
    const aIds = byActivity.map((v) => v.activity_id!);
    const found = await db
      .selectFrom('intelligence_entries')
      .select(['id', 'history_id', 'activity_id'])
      .where((eb) =>
        eb.or([
          ...(hIds.length > 0 ? [eb('history_id', 'in', hIds)] : []),
          ...(aIds.length > 0 ? [eb('activity_id', 'in', aIds)] : []),
        ]),
      )
      .execute();
    const byH = new Map(found.map((f) => [f.history_id, f.id]));
    const byA = new Map(found.map((f) => [f.activity_id, f.id]));
    for (const v of values)
      ids.push((v.history_id ? byH.get(v.history_id) : byA.get(v.activity_id)) ?? '');
  }
  return ids;
}

/** How many outcome entries (made from the history) an LA, or every LA, has. */
export async function countOutcomeEntries(db: Kysely<DB>, laId?: string): Promise<number> {
  let q = db
    .selectFrom('intelligence_entries')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('history_id', 'is not', null);
  if (laId) q = q.where('la_id', '=', laId);
  return Number((await q.executeTakeFirstOrThrow()).n);
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

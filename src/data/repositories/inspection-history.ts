// Past inspections and visits of each authority, as stored.
import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  GradeKey,
  Grades,
  HistoryActivityType,
  HistoryEvent,
  HistorySource,
  JudgementKey,
} from '../../domain/history/types.js';
import { judgementActivityTypes } from '../../domain/history/types.js';
import type { DB, InspectionHistoryTable } from '../schema.js';
import { now } from '../../clock.js';

export interface InspectionHistoryEntry extends HistoryEvent {
  id: string;
  importedAt: Date;
}

function shape(r: Selectable<InspectionHistoryTable>): InspectionHistoryEntry {
  return {
    id: r.id,
    sourceKey: r.source_key,
    laId: r.la_id,
    activityType: r.activity_type as HistoryActivityType,
    frameworkId: r.framework_id,
    startDate: r.start_date,
    endDate: r.end_date,
    publicationDate: r.publication_date,
    theme: r.theme,
    grades: r.grades as Partial<Record<JudgementKey, GradeKey>>,
    source: r.source as HistorySource,
    importedAt: r.imported_at,
  };
}

function toRow(e: HistoryEvent) {
  return {
    la_id: e.laId,
    activity_type: e.activityType,
    framework_id: e.frameworkId,
    start_date: e.startDate,
    end_date: e.endDate,
    publication_date: e.publicationDate,
    theme: e.theme,
    grades: JSON.stringify(sortGrades(e.grades)),
    source: e.source,
    source_key: e.sourceKey,
  };
}

/** Stable key order, so that equal grades always serialise identically. */
function sortGrades(g: Grades): Grades {
  return Object.fromEntries(Object.entries(g).sort(([a], [b]) => a.localeCompare(b)));
}

const CHUNK = 500;

export async function findHistoryBySourceKeys(
  db: Kysely<DB>,
  keys: readonly string[],
): Promise<Map<string, InspectionHistoryEntry>> {
  const found = new Map<string, InspectionHistoryEntry>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const slice = keys.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom('inspection_history')
      .selectAll()
      .where('source_key', 'in', slice)
      .execute();
    for (const r of rows) found.set(r.source_key, shape(r));
  }
  return found;
}

/** Inserts events; `ifAbsent` passes over those whose source key is stored already. */
export async function insertHistoryEvents(
  db: Kysely<DB>,
  events: readonly HistoryEvent[],
  options: { ifAbsent?: boolean } = {},
): Promise<void> {
  for (let i = 0; i < events.length; i += CHUNK) {
    const insert = db
      .insertInto('inspection_history')
      .values(events.slice(i, i + CHUNK).map(toRow));
    await (
      options.ifAbsent ? insert.onConflict((oc) => oc.column('source_key').doNothing()) : insert
    ).execute();
  }
}

/** Replaces the stored version of an event (matched by its source key). */
export async function updateHistoryEvent(db: Kysely<DB>, event: HistoryEvent): Promise<void> {
  const { source_key: key, ...changes } = toRow(event);
  await db
    .updateTable('inspection_history')
    .set({ ...changes, imported_at: now() })
    .where('source_key', '=', key)
    .execute();
}

/**
 * Records an event, or brings the stored one with the same source key up to date (its end,
 * publication date, grades, source and framework): an inspection published in Triangulate.
 */
export async function upsertHistoryEvent(db: Kysely<DB>, event: HistoryEvent): Promise<string> {
  const row = toRow(event);
  const saved = await db
    .insertInto('inspection_history')
    .values(row)
    .onConflict((oc) =>
      oc.column('source_key').doUpdateSet({
        end_date: row.end_date,
        publication_date: row.publication_date,
        grades: row.grades,
        source: row.source,
        framework_id: row.framework_id,
        imported_at: now(),
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return saved.id;
}

/** Every stored event (for making every outcome an intelligence entry). */
export async function listAllHistory(db: Kysely<DB>): Promise<InspectionHistoryEntry[]> {
  const rows = await db
    .selectFrom('inspection_history')
    .selectAll()
    .orderBy('start_date')
    .execute();
  return rows.map(shape);
}

/** Events by id. */
export async function findHistoryByIds(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<InspectionHistoryEntry[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('inspection_history')
    .selectAll()
    .where('id', 'in', ids)
    .execute();
  return rows.map(shape);
}

/** Every event of these authorities, newest first. */
export async function listHistoryForLas(
  db: Kysely<DB>,
  laIds: readonly string[],
): Promise<InspectionHistoryEntry[]> {
  if (laIds.length === 0) return [];
  const rows = await db
    .selectFrom('inspection_history')
    .selectAll()
    .where('la_id', 'in', laIds)
    .orderBy('start_date', 'desc')
    .orderBy('activity_type')
    .orderBy('la_id')
    .execute();
  return rows.map(shape);
}

export interface HistoryWindow {
  /** Only events that started on or before this date. */
  asAt?: string;
  /** Only events published on or before this date (or with no known publication date). */
  publishedBy?: string;
}

/** Each authority's most recent graded inspection within the window, keyed by authority id. */
export async function latestJudgements(
  db: Kysely<DB>,
  options: HistoryWindow & { laIds?: readonly string[] } = {},
): Promise<Map<string, InspectionHistoryEntry>> {
  if (options.laIds && options.laIds.length === 0) return new Map();
  let q = db
    .selectFrom('inspection_history')
    .selectAll()
    .distinctOn('la_id')
    .where('activity_type', 'in', [...judgementActivityTypes]);
  if (options.asAt) q = q.where('start_date', '<=', options.asAt);
  const publishedBy = options.publishedBy;
  if (publishedBy) {
    q = q.where((eb) =>
      eb.or([eb('publication_date', '<=', publishedBy), eb('publication_date', 'is', null)]),
    );
  }
  if (options.laIds) q = q.where('la_id', 'in', [...options.laIds]);
  const rows = await q
    .orderBy('la_id')
    .orderBy('start_date', 'desc')
    .orderBy(sql`publication_date desc nulls last`)
    .execute();
  return new Map(rows.map((r) => [r.la_id, shape(r)]));
}

/** Every graded inspection (short, standard, SIF or unnamed), oldest first. */
export async function listGradedHistory(db: Kysely<DB>): Promise<InspectionHistoryEntry[]> {
  const rows = await db
    .selectFrom('inspection_history')
    .selectAll()
    .where('activity_type', 'in', [...judgementActivityTypes])
    .orderBy('la_id')
    .orderBy('start_date')
    .orderBy('source_key')
    .execute();
  return rows.map(shape);
}

/** How many events are stored in all. */
export async function countHistory(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('inspection_history')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many events of each type started within a period (inclusive dates). */
export async function countHistoryByType(
  db: Kysely<DB>,
  period: { from: string; to: string; publishedBy?: string },
): Promise<Record<string, number>> {
  let q = db
    .selectFrom('inspection_history')
    .select(['activity_type', (eb) => eb.fn.countAll<string>().as('n')])
    .where('start_date', '>=', period.from)
    .where('start_date', '<=', period.to);
  const publishedBy = period.publishedBy;
  if (publishedBy) {
    q = q.where((eb) =>
      eb.or([eb('publication_date', '<=', publishedBy), eb('publication_date', 'is', null)]),
    );
  }
  const rows = await q.groupBy('activity_type').execute();
  return Object.fromEntries(rows.map((r) => [r.activity_type, Number(r.n)]));
}

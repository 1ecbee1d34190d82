// The codebook of an activity: codes and folders in a hierarchy (REFI-QDA Codes), with how many
// codings each carries.
import { sql, type Kysely, type Transaction } from 'kysely';
import { now } from '../../clock.js';
import type { DB } from '../schema.js';
import { isUuid } from './users.js';
import type { Code, PersonRef } from '../../domain/evidence/records.js';

export type { Code };

// The count is a column kept by triggers (migration 2026-11-23T1000_code_counts): reading it costs
// nothing, where aggregating an activity's codings took 15-20 ms on the embedded engine.
function baseQuery(db: Kysely<DB>) {
  return db.selectFrom('codes as c').selectAll('c');
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toCode(r: Row): Code {
  return {
    id: r.id,
    guid: r.guid,
    activityId: r.activity_id,
    parentId: r.parent_id,
    name: r.name,
    description: r.description,
    colour: r.colour,
    isCodable: r.is_codable,
    source: r.source,
    frameworkKey: r.framework_key,
    sortOrder: r.sort_order,
    mergedIntoId: r.merged_into_id,
    mergedAt: r.merged_at,
    version: r.version,
    createdBy: { id: r.created_by, label: r.created_by_label },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    codingCount: r.coding_count,
  };
}

/** One code (with its coding count, which costs nothing to read). */
export async function findCode(db: Kysely<DB>, id: string): Promise<Code | null> {
  if (!isUuid(id)) return null;
  const row = await baseQuery(db).where('c.id', '=', id).executeTakeFirst();
  return row ? toCode(row) : null;
}

/** The codes with these ids that exist, by id (any activity: the caller checks). */
export async function findCodes(db: Kysely<DB>, ids: string[]): Promise<Map<string, Code>> {
  const wanted = [...new Set(ids.filter(isUuid))];
  if (wanted.length === 0) return new Map();
  const rows = await baseQuery(db).where('c.id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, toCode(r)]));
}

/** The live codes of an activity (merged codes only with includeMerged), in tree order. */
export async function listCodes(
  db: Kysely<DB>,
  activityId: string,
  opts: { includeMerged?: boolean } = {},
): Promise<Code[]> {
  let q = baseQuery(db).where('c.activity_id', '=', activityId);
  if (!opts.includeMerged) q = q.where('c.merged_into_id', 'is', null);
  const rows = await q.orderBy('c.sort_order').orderBy('c.name').execute();
  return treeOrder(rows.map(toCode));
}

/** Parents before children, siblings by sort order then name (depth-first). */
export function treeOrder<T extends { id: string; parentId: string | null }>(codes: T[]): T[] {
  const byParent = new Map<string | null, T[]>();
  const ids = new Set(codes.map((c) => c.id));
  for (const c of codes) {
    const key = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), c]);
  }
  const out: T[] = [];
  const walk = (parent: string | null) => {
    for (const c of byParent.get(parent) ?? []) {
      out.push(c);
      walk(c.id);
    }
  };
  walk(null);
  return out;
}

/** Whether the activity's codebook has been seeded from its framework (merged codes count). */
export async function hasFrameworkCodes(db: Kysely<DB>, activityId: string): Promise<boolean> {
  const row = await db
    .selectFrom('codes')
    .select('id')
    .where('activity_id', '=', activityId)
    .where('source', '=', 'framework')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Ids of the code and all its descendants. */
export async function descendantIds(db: Kysely<DB>, codeId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    with recursive tree(id) as (
      select id from codes where id = ${codeId}
      union all
      select c.id from codes c join tree t on c.parent_id = t.id
    )
    select id from tree`.execute(db);
  return rows.rows.map((r) => r.id);
}

export interface CodeChoice {
  id: string;
  parentId: string | null;
  name: string;
  isCodable: boolean;
  codingCount: number;
}

/** The live codes of an activity in tree order, with only what a form's choices need. */
export async function listCodeChoices(db: Kysely<DB>, activityId: string): Promise<CodeChoice[]> {
  const rows = await db
    .selectFrom('codes')
    .select(['id', 'parent_id', 'name', 'is_codable', 'coding_count'])
    .where('activity_id', '=', activityId)
    .where('merged_into_id', 'is', null)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  return treeOrder(
    rows.map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      name: r.name,
      isCodable: r.is_codable,
      codingCount: r.coding_count,
    })),
  );
}

/** Serialises seeding an activity's codebook (two-key advisory lock: area, activity). */
export async function lockCodebook(trx: Transaction<DB>, activityId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(73013, hashtext(${activityId}))`.execute(trx);
}

/** Locks the codes' rows (in id order, so two merges never wait on each other). */
export async function lockCodes(trx: Transaction<DB>, ids: string[]): Promise<void> {
  await trx
    .selectFrom('codes')
    .select('id')
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Locks one code's row and returns its version. */
export async function lockCodeVersion(trx: Transaction<DB>, id: string): Promise<number> {
  const row = await trx
    .selectFrom('codes')
    .select('version')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return row.version;
}

/** Parent and name of the live codes of an activity (to keep sibling names unique). */
export async function liveCodeNames(
  db: Kysely<DB>,
  activityId: string,
): Promise<Array<{ parentId: string | null; name: string }>> {
  const rows = await db
    .selectFrom('codes')
    .select(['parent_id', 'name'])
    .where('activity_id', '=', activityId)
    .where('merged_into_id', 'is', null)
    .execute();
  return rows.map((r) => ({ parentId: r.parent_id, name: r.name }));
}

/** The live sub-codes of a code. */
export async function liveChildCodes(
  db: Kysely<DB>,
  parentId: string,
): Promise<Array<{ id: string; name: string }>> {
  return db
    .selectFrom('codes')
    .select(['id', 'name'])
    .where('parent_id', '=', parentId)
    .where('merged_into_id', 'is', null)
    .execute();
}

export interface NewCode {
  activityId: string;
  parentId: string | null;
  name: string;
  description: string | null;
  colour: string | null;
  isCodable: boolean;
  source: Code['source'];
  frameworkKey?: string | null;
  sortOrder: number;
  createdBy: PersonRef;
}

/** Inserts a code; returns its id. */
export async function insertCode(trx: Transaction<DB>, c: NewCode): Promise<string> {
  const row = await trx
    .insertInto('codes')
    .values({
      activity_id: c.activityId,
      parent_id: c.parentId,
      name: c.name,
      description: c.description,
      colour: c.colour,
      is_codable: c.isCodable,
      source: c.source,
      ...(c.frameworkKey === undefined ? {} : { framework_key: c.frameworkKey }),
      sort_order: c.sortOrder,
      created_by: c.createdBy.id,
      created_by_label: c.createdBy.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Sets a code's editable fields and its new version. */
export async function updateCodeRow(
  trx: Transaction<DB>,
  id: string,
  c: Pick<Code, 'name' | 'parentId' | 'description' | 'colour' | 'sortOrder' | 'version'>,
): Promise<void> {
  await trx
    .updateTable('codes')
    .set({
      name: c.name,
      parent_id: c.parentId,
      description: c.description,
      colour: c.colour,
      sort_order: c.sortOrder,
      version: c.version,
      updated_at: now(),
    })
    .where('id', '=', id)
    .execute();
}

/** Moves a code under another parent, under a (possibly new) name. */
export async function moveCode(
  trx: Transaction<DB>,
  id: string,
  parentId: string,
  name: string,
): Promise<void> {
  await trx.updateTable('codes').set({ parent_id: parentId, name }).where('id', '=', id).execute();
}

/** Leaves a merged code as a tombstone pointing at the code it went into. */
export async function markCodeMerged(
  trx: Transaction<DB>,
  id: string,
  m: { intoId: string; version: number },
): Promise<void> {
  const at = now();
  await trx
    .updateTable('codes')
    .set({ merged_into_id: m.intoId, merged_at: at, version: m.version, updated_at: at })
    .where('id', '=', id)
    .execute();
}

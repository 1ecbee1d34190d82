// The codebook of an activity: codes and folders in a hierarchy (REFI-QDA Codes), with how many
// codings each carries.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';
import type { PersonRef } from './evidence.js';
import { isUuid } from './users.js';

export interface Code {
  id: string;
  guid: string;
  activityId: string;
  parentId: string | null;
  name: string;
  description: string | null;
  colour: string | null;
  isCodable: boolean;
  source: 'framework' | 'emergent' | 'imported';
  frameworkKey: string | null;
  sortOrder: number;
  mergedIntoId: string | null;
  mergedAt: Date | null;
  version: number;
  createdBy: PersonRef;
  createdAt: Date;
  updatedAt: Date;
  /** Codings of this code on evidence that is not deleted. */
  codingCount: number;
}

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('codes as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .selectFrom('codings as k')
        .innerJoin('evidence_records as e', 'e.id', 'k.evidence_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('k.code_id', '=', 'c.id')
        .where('e.deleted_at', 'is', null)
        .as('coding_count'),
    );
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
    codingCount: r.coding_count ?? 0,
  };
}

/** One code; `withCount: false` skips counting its codings (codingCount is then 0). */
export async function findCode(
  db: Kysely<DB>,
  id: string,
  opts: { withCount?: boolean } = {},
): Promise<Code | null> {
  if (!isUuid(id)) return null;
  if (opts.withCount === false) {
    const row = await db.selectFrom('codes').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toCode({ ...row, coding_count: 0 }) : null;
  }
  const row = await baseQuery(db).where('c.id', '=', id).executeTakeFirst();
  return row ? toCode(row) : null;
}

/**
 * Codings per code on live evidence, for a whole activity, in one query: an aggregate over the
 * activity's codings that leaves out the few on deleted records (found through the partial index
 * of deleted records and hashed), cheaper than joining every coding to its record.
 */
export async function codingCounts(
  db: Kysely<DB>,
  activityId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('codings as k')
    .select(['k.code_id', sql<number>`count(*)::int`.as('n')])
    .where('k.activity_id', '=', activityId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('evidence_records as e')
            .select('e.id')
            .whereRef('e.id', '=', 'k.evidence_id')
            .where('e.activity_id', '=', activityId)
            .where('e.deleted_at', 'is not', null),
        ),
      ),
    )
    .groupBy('k.code_id')
    .execute();
  return new Map(rows.map((r) => [r.code_id, r.n]));
}

/** The live codes of an activity (merged codes only with includeMerged), in tree order. */
export async function listCodes(
  db: Kysely<DB>,
  activityId: string,
  opts: { includeMerged?: boolean } = {},
): Promise<Code[]> {
  let q = db.selectFrom('codes as c').selectAll('c').where('c.activity_id', '=', activityId);
  if (!opts.includeMerged) q = q.where('c.merged_into_id', 'is', null);
  const [rows, counts] = await Promise.all([
    q.orderBy('c.sort_order').orderBy('c.name').execute(),
    codingCounts(db, activityId),
  ]);
  return treeOrder(rows.map((r) => toCode({ ...r, coding_count: counts.get(r.id) ?? 0 })));
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

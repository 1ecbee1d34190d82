// The LA's reform and improvement programmes (Munro recommendation 9).
import type { Kysely, Selectable } from 'kysely';
import type { ReformProgramme } from '../../domain/action-plans/reform-programme.js';
import type { PersonRef } from '../../domain/evidence/records.js';
import type { DB } from '../schema.js';
import type { ReformProgrammeTable } from '../schema/action-plans.js';
import { isUuid } from './users.js';

function shape(r: Selectable<ReformProgrammeTable>): ReformProgramme {
  return {
    id: r.id,
    laId: r.la_id,
    name: r.name,
    aims: r.aims,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    keywords: r.keywords,
    updatedBy: { id: r.updated_by, label: r.updated_by_label },
    updatedAt: r.updated_at,
  };
}

export async function listReformProgrammes(
  db: Kysely<DB>,
  laId: string,
): Promise<ReformProgramme[]> {
  const rows = await db
    .selectFrom('reform_programmes')
    .selectAll()
    .where('la_id', '=', laId)
    .orderBy('starts_on', 'desc')
    .orderBy('name')
    .execute();
  return rows.map(shape);
}

export async function findReformProgramme(
  db: Kysely<DB>,
  laId: string,
  id: string,
): Promise<ReformProgramme | null> {
  if (!isUuid(id)) return null;
  const r = await db
    .selectFrom('reform_programmes')
    .selectAll()
    .where('la_id', '=', laId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return r ? shape(r) : null;
}

export interface ReformProgrammeFields {
  name: string;
  aims: string;
  startsOn: string;
  endsOn: string | null;
  keywords: string[];
}

const columns = (f: ReformProgrammeFields, by: PersonRef, at: Date) => ({
  name: f.name,
  aims: f.aims,
  starts_on: f.startsOn,
  ends_on: f.endsOn,
  keywords: f.keywords,
  updated_by: by.id,
  updated_by_label: by.label,
  updated_at: at,
});

/** Adds a programme; null when the LA already has one of that name. */
export async function insertReformProgramme(
  db: Kysely<DB>,
  laId: string,
  f: ReformProgrammeFields,
  by: PersonRef,
  at: Date,
): Promise<ReformProgramme | null> {
  const r = await db
    .insertInto('reform_programmes')
    .values({ la_id: laId, ...columns(f, by, at) })
    .onConflict((oc) => oc.columns(['la_id', 'name']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return r ? shape(r) : null;
}

export async function updateReformProgramme(
  db: Kysely<DB>,
  id: string,
  f: ReformProgrammeFields,
  by: PersonRef,
  at: Date,
): Promise<ReformProgramme> {
  const r = await db
    .updateTable('reform_programmes')
    .set(columns(f, by, at))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return shape(r);
}

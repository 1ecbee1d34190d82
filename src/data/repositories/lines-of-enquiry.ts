// Lines of enquiry (and hypotheses) of an activity, with how much evidence is filed under each.
import { sql, type Kysely, type Transaction } from 'kysely';
import { now } from '../../clock.js';
import type { DB } from '../schema.js';
import { isUuid } from './users.js';
import type { LineOfEnquiry, PersonRef } from '../../domain/evidence/records.js';

export type { LineOfEnquiry };

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('lines_of_enquiry as l')
    .selectAll('l')
    .select((eb) =>
      eb
        .selectFrom('evidence_records as e')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('e.line_of_enquiry_id', '=', 'l.id')
        .where('e.deleted_at', 'is', null)
        .as('evidence_count'),
    );
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toLine(r: Row): LineOfEnquiry {
  return {
    id: r.id,
    guid: r.guid,
    activityId: r.activity_id,
    title: r.title,
    description: r.description,
    status: r.status,
    conclusion: r.conclusion,
    source: r.source,
    judgementAreas: r.judgement_areas,
    version: r.version,
    createdBy: { id: r.created_by, label: r.created_by_label },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    evidenceCount: r.evidence_count ?? 0,
  };
}

export async function findLineOfEnquiry(db: Kysely<DB>, id: string): Promise<LineOfEnquiry | null> {
  if (!isUuid(id)) return null;
  const row = await baseQuery(db).where('l.id', '=', id).executeTakeFirst();
  return row ? toLine(row) : null;
}

export async function listLinesOfEnquiry(
  db: Kysely<DB>,
  f: { activityId: string; status?: LineOfEnquiry['status'] },
): Promise<LineOfEnquiry[]> {
  let q = baseQuery(db).where('l.activity_id', '=', f.activityId);
  if (f.status) q = q.where('l.status', '=', f.status);
  const rows = await q.orderBy('l.created_at').orderBy('l.id').execute();
  return rows.map(toLine);
}

/** Id, title and status of an activity's lines of enquiry, for a form's choices (no counts). */
export async function listLineChoices(
  db: Kysely<DB>,
  activityId: string,
): Promise<Array<{ id: string; title: string; status: LineOfEnquiry['status'] }>> {
  return db
    .selectFrom('lines_of_enquiry')
    .select(['id', 'title', 'status'])
    .where('activity_id', '=', activityId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Whether the line of enquiry exists in the activity. */
export async function lineOfEnquiryInActivity(
  db: Kysely<DB>,
  activityId: string,
  lineId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('lines_of_enquiry')
    .select('id')
    .where('id', '=', lineId)
    .where('activity_id', '=', activityId)
    .executeTakeFirst();
  return row !== undefined;
}

export interface NewLineOfEnquiry {
  activityId: string;
  title: string;
  description: string | null;
  source: string;
  judgementAreas: string[];
  createdBy: PersonRef;
  /** Stamped by the database when absent. */
  createdAt?: Date;
}

/** Inserts a line of enquiry; returns its id. */
export async function insertLineOfEnquiry(
  trx: Transaction<DB>,
  l: NewLineOfEnquiry,
): Promise<string> {
  const row = await trx
    .insertInto('lines_of_enquiry')
    .values({
      ...(l.createdAt ? { created_at: l.createdAt, updated_at: l.createdAt } : {}),
      activity_id: l.activityId,
      title: l.title,
      description: l.description,
      source: l.source,
      judgement_areas: l.judgementAreas,
      created_by: l.createdBy.id,
      created_by_label: l.createdBy.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type LineOfEnquiryFields = Pick<
  LineOfEnquiry,
  'title' | 'description' | 'status' | 'conclusion' | 'source' | 'judgementAreas'
>;

/** Changes a line of enquiry if it is still at `expectedVersion`; false when someone changed it. */
export async function updateLineOfEnquiryIfVersion(
  trx: Transaction<DB>,
  id: string,
  expectedVersion: number,
  l: LineOfEnquiryFields,
): Promise<boolean> {
  const updated = await trx
    .updateTable('lines_of_enquiry')
    .set({
      title: l.title,
      description: l.description,
      status: l.status,
      conclusion: l.conclusion,
      source: l.source,
      judgement_areas: l.judgementAreas,
      version: expectedVersion + 1,
      updated_at: now(),
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** Sets a line's status and conclusion at a new version. */
export async function setLineOfEnquiryStatus(
  trx: Transaction<DB>,
  id: string,
  l: Pick<LineOfEnquiry, 'status' | 'conclusion' | 'version'>,
): Promise<void> {
  await trx
    .updateTable('lines_of_enquiry')
    .set({ status: l.status, conclusion: l.conclusion, version: l.version, updated_at: now() })
    .where('id', '=', id)
    .execute();
}

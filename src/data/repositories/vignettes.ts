// Vignettes: passages marked as candidate illustrations for the report, with the record's current
// text at the same place (to notice edits since) and who confirmed the wording is anonymised.
import { sql, type Kysely, type Transaction } from 'kysely';
import { now } from '../../clock.js';
import type { VignetteStatus } from '../schema/analysis.js';
import type { DB } from '../schema.js';
import type { PersonRef } from './evidence.js';
import { isUuid } from './users.js';

export interface Vignette {
  id: string;
  activityId: string;
  evidenceId: string;
  reference: string;
  /** The version of the record the passage was marked on, and the record's version now. */
  evidenceVersion: number;
  currentEvidenceVersion: number;
  start: number;
  end: number;
  /** The passage as marked. */
  spanText: string;
  /** What the record now holds at the same offsets (differs after an edit). */
  currentText: string;
  judgementArea: string | null;
  direction: string | null;
  title: string | null;
  reportText: string | null;
  note: string | null;
  status: VignetteStatus;
  anonymised: { by: PersonRef; at: Date } | null;
  version: number;
  createdBy: PersonRef;
  createdAt: Date;
  updatedAt: Date;
}

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('vignettes as v')
    .innerJoin('evidence_records as e', 'e.id', 'v.evidence_id')
    .selectAll('v')
    .select([
      'e.ref_no',
      'e.version as current_version',
      'e.direction',
      sql<string>`substr(e.text, v.start_pos + 1, v.end_pos - v.start_pos)`.as('current_text'),
    ])
    .where('e.deleted_at', 'is', null);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toVignette(r: Row): Vignette {
  return {
    id: r.id,
    activityId: r.activity_id,
    evidenceId: r.evidence_id,
    reference: `E${r.ref_no}`,
    evidenceVersion: r.evidence_version,
    currentEvidenceVersion: r.current_version,
    start: r.start_pos,
    end: r.end_pos,
    spanText: r.span_text,
    currentText: r.current_text,
    judgementArea: r.judgement_area,
    direction: r.direction,
    title: r.title,
    reportText: r.report_text,
    note: r.note,
    status: r.status,
    anonymised:
      r.anonymised_at && r.anonymised_by_label
        ? { by: { id: r.anonymised_by, label: r.anonymised_by_label }, at: r.anonymised_at }
        : null,
    version: r.version,
    createdBy: { id: r.created_by, label: r.created_by_label },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findVignette(db: Kysely<DB>, id: string): Promise<Vignette | null> {
  if (!isUuid(id)) return null;
  const r = await baseQuery(db).where('v.id', '=', id).executeTakeFirst();
  return r ? toVignette(r) : null;
}

export async function listVignettes(
  db: Kysely<DB>,
  f: { activityId: string; status?: VignetteStatus; judgementArea?: string },
): Promise<Vignette[]> {
  let q = baseQuery(db).where('v.activity_id', '=', f.activityId);
  if (f.status) q = q.where('v.status', '=', f.status);
  if (f.judgementArea) q = q.where('v.judgement_area', '=', f.judgementArea);
  const rows = await q.orderBy('e.ref_no').orderBy('v.start_pos').execute();
  return rows.map(toVignette);
}

export interface NewVignette {
  activityId: string;
  evidenceId: string;
  evidenceVersion: number;
  start: number;
  end: number;
  spanText: string;
  judgementArea: string | null;
  title: string | null;
  note: string | null;
  createdBy: PersonRef;
}

/** Inserts a candidate vignette; returns its id. */
export async function insertVignette(trx: Transaction<DB>, v: NewVignette): Promise<string> {
  const at = now();
  const row = await trx
    .insertInto('vignettes')
    .values({
      created_at: at,
      updated_at: at,
      activity_id: v.activityId,
      evidence_id: v.evidenceId,
      evidence_version: v.evidenceVersion,
      start_pos: v.start,
      end_pos: v.end,
      span_text: v.spanText,
      judgement_area: v.judgementArea,
      title: v.title,
      report_text: null,
      note: v.note,
      created_by: v.createdBy.id,
      created_by_label: v.createdBy.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a vignette if it is still at `expectedVersion`; false when someone changed it. */
export async function updateVignetteIfVersion(
  trx: Transaction<DB>,
  id: string,
  expectedVersion: number,
  v: Pick<Vignette, 'status' | 'title' | 'reportText' | 'note' | 'anonymised'>,
): Promise<boolean> {
  const updated = await trx
    .updateTable('vignettes')
    .set({
      status: v.status,
      title: v.title,
      report_text: v.reportText,
      note: v.note,
      anonymised_by: v.anonymised?.by.id ?? null,
      anonymised_by_label: v.anonymised?.by.label ?? null,
      anonymised_at: v.anonymised?.at ?? null,
      version: expectedVersion + 1,
      updated_at: now(),
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

export async function deleteVignette(trx: Transaction<DB>, id: string): Promise<void> {
  await trx.deleteFrom('vignettes').where('id', '=', id).execute();
}

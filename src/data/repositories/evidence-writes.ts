// The row-level writes the evidence use cases compose inside their transactions: new records and
// their versions, edits, reversible deletion, and the lock coding takes on a record.
import type { Transaction } from 'kysely';
import { now } from '../../clock.js';
import type { EvidenceSourceKind } from '../../domain/evidence/vocabulary.js';
import type { DB } from '../schema.js';
import type { EvidenceFields, PersonRef } from './evidence.js';

/** Columns of evidence_records set from fields (inserts and updates). */
export function fieldColumns(f: EvidenceFields) {
  return {
    method: f.method,
    observed_on: f.observedOn,
    child_case_id: f.childCaseId,
    practitioner_case_id: f.practitionerCaseId,
    team_case_id: f.teamCaseId,
    locality: f.locality,
    line_of_enquiry_id: f.lineOfEnquiryId,
    judgement_areas: f.judgementAreas,
    minutes_spent: f.minutesSpent,
    child_voice: f.childVoice,
    lived_experience: f.livedExperience,
    direction: f.direction,
    consent_info_sheet_given: f.consent?.infoSheetGiven ?? null,
    consent_given: f.consent?.consentGiven ?? null,
    consent_given_by: f.consent?.givenBy ?? null,
  };
}

export interface NewEvidence {
  activityId: string;
  refNo: number;
  text: string;
  fields: EvidenceFields;
  source: { kind: EvidenceSourceKind; file: string | null };
  by: PersonRef;
}

/** Inserts a record at version 1 (its first version row is insertEvidenceVersion's); returns its id. */
export async function insertEvidence(trx: Transaction<DB>, e: NewEvidence): Promise<string> {
  const row = await trx
    .insertInto('evidence_records')
    .values({
      recorded_at: now(),
      updated_at: now(),
      activity_id: e.activityId,
      ref_no: e.refNo,
      text: e.text,
      ...fieldColumns(e.fields),
      source_kind: e.source.kind,
      source_file: e.source.file,
      recorded_by: e.by.id,
      recorded_by_label: e.by.label,
      updated_by: e.by.id,
      updated_by_label: e.by.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Sets a record's text and fields at a new version, changed by `by` now. */
export async function updateEvidence(
  trx: Transaction<DB>,
  id: string,
  e: { text: string; fields: EvidenceFields; version: number; by: PersonRef },
): Promise<void> {
  await trx
    .updateTable('evidence_records')
    .set({
      text: e.text,
      ...fieldColumns(e.fields),
      version: e.version,
      updated_by: e.by.id,
      updated_by_label: e.by.label,
      updated_at: now(),
    })
    .where('id', '=', id)
    .execute();
}

/** Marks a record deleted (reversibly: restoreEvidenceRow brings it back). */
export async function markEvidenceDeleted(
  trx: Transaction<DB>,
  id: string,
  d: { by: PersonRef; reason: string | null },
): Promise<void> {
  await trx
    .updateTable('evidence_records')
    .set({
      deleted_at: now(),
      deleted_by: d.by.id,
      deleted_by_label: d.by.label,
      deleted_reason: d.reason,
    })
    .where('id', '=', id)
    .execute();
}

export async function restoreEvidenceRow(trx: Transaction<DB>, id: string): Promise<void> {
  await trx
    .updateTable('evidence_records')
    .set({ deleted_at: null, deleted_by: null, deleted_by_label: null, deleted_reason: null })
    .where('id', '=', id)
    .execute();
}

export async function insertEvidenceVersion(
  trx: Transaction<DB>,
  v: { evidenceId: string; version: number; text: string; fields: EvidenceFields; by: PersonRef },
): Promise<void> {
  await trx
    .insertInto('evidence_versions')
    .values({
      created_at: now(),
      evidence_id: v.evidenceId,
      version: v.version,
      text: v.text,
      fields: JSON.stringify(v.fields),
      created_by: v.by.id,
      created_by_label: v.by.label,
    })
    .execute();
}

/**
 * Many new records at version 1 with their first version rows, ids chosen by the caller (a sync
 * of a day's records offline: a few statements instead of two per record).
 */
export async function insertEvidenceWithVersions(
  trx: Transaction<DB>,
  list: Array<NewEvidence & { id: string }>,
): Promise<void> {
  const at = now();
  for (let i = 0; i < list.length; i += ROWS_PER_INSERT) {
    const chunk = list.slice(i, i + ROWS_PER_INSERT);
    await trx
      .insertInto('evidence_records')
      .values(
        chunk.map((e) => ({
          id: e.id,
          recorded_at: at,
          updated_at: at,
          activity_id: e.activityId,
          ref_no: e.refNo,
          text: e.text,
          ...fieldColumns(e.fields),
          source_kind: e.source.kind,
          source_file: e.source.file,
          recorded_by: e.by.id,
          recorded_by_label: e.by.label,
          updated_by: e.by.id,
          updated_by_label: e.by.label,
        })),
      )
      .execute();
    await trx
      .insertInto('evidence_versions')
      .values(
        chunk.map((e) => ({
          created_at: at,
          evidence_id: e.id,
          version: 1,
          text: e.text,
          fields: JSON.stringify(e.fields),
          created_by: e.by.id,
          created_by_label: e.by.label,
        })),
      )
      .execute();
  }
}

// About 25 parameters a record, well under PostgreSQL's 65,535 a statement.
const ROWS_PER_INSERT = 500;

// Reads behind the whole-project QDPX export: every live record and its codings, a page of
// records at a time, each page as one JSON text. Tens of thousands of rows of ten or twenty
// columns cost far more to transfer (above all from the embedded engine, a copy a field) than one
// string costs to parse (issue 19: the rows were 1.6 s of a 3.4 s export's CPU).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';

export interface ExportPerson {
  id: string | null;
  label: string;
}

/** What a QDPX export writes of a record (the fields of `SnapshotEvidence`). */
export interface ExportRecord {
  id: string;
  guid: string;
  refNo: number;
  text: string;
  method: string;
  observedOn: string;
  judgementAreas: string[];
  direction: string | null;
  childVoice: boolean;
  livedExperience: boolean;
  minutesSpent: number | null;
  locality: string | null;
  consent: {
    infoSheetGiven: boolean | null;
    consentGiven: boolean | null;
    givenBy: string | null;
  } | null;
  childCaseId: string | null;
  practitionerCaseId: string | null;
  teamCaseId: string | null;
  recordedBy: ExportPerson;
  recordedAt: Date;
  updatedBy: ExportPerson;
  updatedAt: Date;
}

/** What a QDPX export writes of a coding (the fields of `SnapshotCoding`). */
export interface ExportCoding {
  id: string;
  guid: string;
  evidenceId: string;
  codeId: string;
  start: number;
  end: number;
  spanText: string;
  coder: ExportPerson;
  createdAt: Date;
}

export interface ExportPage {
  records: ExportRecord[];
  /** The page's records' codings, by record number, start, end and id (as `listCodings`). */
  codings: ExportCoding[];
  /** The last record's number: the next page starts after it (null when the page is empty). */
  lastRefNo: number | null;
}

type RecordTuple = [
  string,
  string,
  number,
  string,
  string,
  string,
  string[],
  string | null,
  boolean,
  boolean,
  number | null,
  string | null,
  boolean | null,
  boolean | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
  string,
  string | null,
  string,
  string,
];
type CodingTuple = [
  string,
  string,
  string,
  string,
  number,
  number,
  string,
  string | null,
  string,
  string,
];

/**
 * Live records of the activity numbered after `afterRefNo`, at most `limit` of them in number
 * order (by the (activity, number) index), with their codings. Timestamps travel as JSON text
 * and become Dates as the row readers make them.
 */
export async function exportPage(
  db: Kysely<DB>,
  activityId: string,
  afterRefNo: number,
  limit: number,
): Promise<ExportPage> {
  const r = await sql<{ records: string; codings: string; last: number | null }>`
    with page as (
      select e.id, e.guid, e.ref_no, e.text, e.method, e.observed_on, e.judgement_areas,
        e.direction, e.child_voice, e.lived_experience, e.minutes_spent, e.locality,
        e.consent_info_sheet_given, e.consent_given, e.consent_given_by, e.child_case_id,
        e.practitioner_case_id, e.team_case_id, e.recorded_by, e.recorded_by_label,
        e.recorded_at, e.updated_by, e.updated_by_label, e.updated_at
      from evidence_records e
      where e.activity_id = ${activityId} and e.ref_no > ${afterRefNo} and e.deleted_at is null
      order by e.ref_no
      limit ${limit})
    select
      (select coalesce(json_agg(json_build_array(
         e.id, e.guid, e.ref_no, e.text, e.method, e.observed_on, e.judgement_areas, e.direction,
         e.child_voice, e.lived_experience, e.minutes_spent, e.locality,
         e.consent_info_sheet_given, e.consent_given, e.consent_given_by,
         e.child_case_id, e.practitioner_case_id, e.team_case_id,
         e.recorded_by, e.recorded_by_label, e.recorded_at,
         e.updated_by, e.updated_by_label, e.updated_at) order by e.ref_no), '[]')::text
       from page e) as records,
      (select coalesce(json_agg(json_build_array(
         k.id, k.guid, k.evidence_id, k.code_id, k.start_pos, k.end_pos, k.span_text,
         k.coder_id, k.coder_label, k.created_at)
         order by e.ref_no, k.start_pos, k.end_pos, k.id), '[]')::text
       from page e join codings k on k.evidence_id = e.id) as codings,
      (select max(ref_no) from page) as last`.execute(db);
  const row = r.rows[0]!;
  const records = (JSON.parse(row.records) as RecordTuple[]).map((t): ExportRecord => ({
    id: t[0],
    guid: t[1],
    refNo: t[2],
    text: t[3],
    method: t[4],
    observedOn: t[5],
    judgementAreas: t[6],
    direction: t[7],
    childVoice: t[8],
    livedExperience: t[9],
    minutesSpent: t[10],
    locality: t[11],
    consent:
      t[12] === null && t[13] === null && t[14] === null
        ? null
        : { infoSheetGiven: t[12], consentGiven: t[13], givenBy: t[14] },
    childCaseId: t[15],
    practitionerCaseId: t[16],
    teamCaseId: t[17],
    recordedBy: { id: t[18], label: t[19] },
    recordedAt: new Date(t[20]),
    updatedBy: { id: t[21], label: t[22] },
    updatedAt: new Date(t[23]),
  }));
  const codings = (JSON.parse(row.codings) as CodingTuple[]).map((t): ExportCoding => ({
    id: t[0],
    guid: t[1],
    evidenceId: t[2],
    codeId: t[3],
    start: t[4],
    end: t[5],
    spanText: t[6],
    coder: { id: t[7], label: t[8] },
    createdAt: new Date(t[9]),
  }));
  return { records, codings, lastRefNo: row.last === null ? null : Number(row.last) };
}

// Evidence records of an activity: reading them (one, a filtered list, the version history) and
// numbering new ones. The row-level writes are in evidence-writes.ts.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.js';
import { isUuid } from './users.js';
import type {
  CaseRef,
  Consent,
  EvidenceFields,
  EvidenceRecord,
  EvidenceVersion,
  PersonRef,
} from '../../domain/evidence/records.js';

export type { CaseRef, Consent, EvidenceFields, EvidenceRecord, EvidenceVersion, PersonRef };

export interface EvidenceFilter {
  activityId: string;
  ids?: string[];
  deleted?: 'exclude' | 'include' | 'only';
  methods?: string[];
  recordedBy?: string[];
  observedFrom?: string;
  observedTo?: string;
  judgementArea?: string;
  childCaseId?: string;
  practitionerCaseId?: string;
  teamCaseId?: string;
  locality?: string;
  lineOfEnquiryId?: string;
  directions?: string[];
  /** Records with at least one coding of one of these codes. */
  codeIds?: string[];
  /** PostgreSQL web search syntax: words, "phrases", or, -not (English stemming). */
  search?: string;
  /** Return the first 240 characters instead of the full text. */
  excerptOnly?: boolean;
  limit?: number;
  offset?: number;
}

export const EXCERPT_LENGTH = 240;

const records = (db: Kysely<DB>) => db.selectFrom('evidence_records as e');
type RecordsQuery = ReturnType<typeof records>;

function baseQuery(start: RecordsQuery, excerptOnly: boolean) {
  return start
    .leftJoin('cases as cc', 'cc.id', 'e.child_case_id')
    .leftJoin('cases as pc', 'pc.id', 'e.practitioner_case_id')
    .leftJoin('cases as tc', 'tc.id', 'e.team_case_id')
    .leftJoin('lines_of_enquiry as l', 'l.id', 'e.line_of_enquiry_id')
    .select([
      'e.id',
      'e.guid',
      'e.activity_id',
      'e.ref_no',
      'e.version',
      excerptOnly ? sql<string>`left(e.text, ${EXCERPT_LENGTH})`.as('text') : 'e.text',
      sql<number>`char_length(e.text)`.as('text_length'),
      'e.method',
      'e.observed_on',
      'e.child_case_id',
      'cc.reference as child_case_reference',
      'e.practitioner_case_id',
      'pc.reference as practitioner_case_reference',
      'e.team_case_id',
      'tc.reference as team_case_reference',
      'e.locality',
      'e.line_of_enquiry_id',
      'l.title as line_of_enquiry_title',
      'e.judgement_areas',
      'e.minutes_spent',
      'e.child_voice',
      'e.lived_experience',
      'e.direction',
      'e.consent_info_sheet_given',
      'e.consent_given',
      'e.consent_given_by',
      'e.source_kind',
      'e.source_file',
      'e.recorded_by',
      'e.recorded_by_label',
      'e.recorded_at',
      'e.updated_by',
      'e.updated_by_label',
      'e.updated_at',
      'e.deleted_at',
      'e.deleted_by',
      'e.deleted_by_label',
      'e.deleted_reason',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const caseRef = (id: string | null, reference: string | null): CaseRef | null =>
  id && reference !== null ? { id, reference } : null;

function toRecord(r: Row): EvidenceRecord {
  const consent =
    r.consent_info_sheet_given === null && r.consent_given === null && r.consent_given_by === null
      ? null
      : {
          infoSheetGiven: r.consent_info_sheet_given,
          consentGiven: r.consent_given,
          givenBy: r.consent_given_by,
        };
  return {
    id: r.id,
    guid: r.guid,
    activityId: r.activity_id,
    refNo: r.ref_no,
    reference: `E${r.ref_no}`,
    version: r.version,
    text: r.text,
    textLength: r.text_length,
    method: r.method,
    observedOn: r.observed_on,
    childCaseId: r.child_case_id,
    practitionerCaseId: r.practitioner_case_id,
    teamCaseId: r.team_case_id,
    childCase: caseRef(r.child_case_id, r.child_case_reference),
    practitionerCase: caseRef(r.practitioner_case_id, r.practitioner_case_reference),
    teamCase: caseRef(r.team_case_id, r.team_case_reference),
    locality: r.locality,
    lineOfEnquiryId: r.line_of_enquiry_id,
    lineOfEnquiryTitle: r.line_of_enquiry_title,
    judgementAreas: r.judgement_areas,
    minutesSpent: r.minutes_spent,
    childVoice: r.child_voice,
    livedExperience: r.lived_experience,
    direction: r.direction,
    consent,
    sourceKind: r.source_kind,
    sourceFile: r.source_file,
    recordedBy: { id: r.recorded_by, label: r.recorded_by_label },
    recordedAt: r.recorded_at,
    updatedBy: { id: r.updated_by, label: r.updated_by_label },
    updatedAt: r.updated_at,
    deleted: r.deleted_at
      ? {
          at: r.deleted_at,
          by: { id: r.deleted_by, label: r.deleted_by_label ?? '' },
          reason: r.deleted_reason,
        }
      : null,
  };
}

/** The fields snapshot of a record (stored with each version). */
export function fieldsOf(r: EvidenceFields): EvidenceFields {
  return {
    method: r.method,
    observedOn: r.observedOn,
    childCaseId: r.childCaseId,
    practitionerCaseId: r.practitionerCaseId,
    teamCaseId: r.teamCaseId,
    locality: r.locality,
    lineOfEnquiryId: r.lineOfEnquiryId,
    judgementAreas: r.judgementAreas,
    minutesSpent: r.minutesSpent,
    childVoice: r.childVoice,
    livedExperience: r.livedExperience,
    direction: r.direction,
    consent: r.consent,
  };
}

export async function findEvidence(
  db: Kysely<DB>,
  id: string,
  opts: { forUpdate?: boolean; forShare?: boolean } = {},
): Promise<EvidenceRecord | null> {
  if (!isUuid(id)) return null;
  let q = baseQuery(records(db).where('e.id', '=', id), false);
  if (opts.forUpdate) q = q.forUpdate('e');
  else if (opts.forShare) q = q.forShare('e');
  const row = await q.executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The id of the activity's record "E<refNo>", or null. */
export async function findEvidenceByReference(
  db: Kysely<DB>,
  activityId: string,
  refNo: number,
): Promise<string | null> {
  if (!isUuid(activityId) || !Number.isSafeInteger(refNo)) return null;
  const row = await db
    .selectFrom('evidence_records')
    .select('id')
    .where('activity_id', '=', activityId)
    .where('ref_no', '=', refNo)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The filtered records query (no joins yet), or null when the filter can match nothing. */
export function filtered(db: Kysely<DB>, f: EvidenceFilter): RecordsQuery | null {
  let q = records(db).where('e.activity_id', '=', f.activityId);
  const deleted = f.deleted ?? 'exclude';
  if (deleted === 'exclude') q = q.where('e.deleted_at', 'is', null);
  if (deleted === 'only') q = q.where('e.deleted_at', 'is not', null);
  if (f.ids) {
    const ids = f.ids.filter(isUuid);
    if (ids.length === 0) return null;
    q = q.where('e.id', 'in', ids);
  }
  if (f.methods?.length) q = q.where('e.method', 'in', f.methods);
  if (f.recordedBy?.length) {
    const ids = f.recordedBy.filter(isUuid);
    if (ids.length === 0) return null;
    q = q.where('e.recorded_by', 'in', ids);
  }
  if (f.observedFrom) q = q.where('e.observed_on', '>=', f.observedFrom);
  if (f.observedTo) q = q.where('e.observed_on', '<=', f.observedTo);
  if (f.judgementArea)
    q = q.where(sql<boolean>`e.judgement_areas @> array[${f.judgementArea}]::text[]`);
  if (f.childCaseId) q = q.where('e.child_case_id', '=', f.childCaseId);
  if (f.practitionerCaseId) q = q.where('e.practitioner_case_id', '=', f.practitionerCaseId);
  if (f.teamCaseId) q = q.where('e.team_case_id', '=', f.teamCaseId);
  if (f.locality) q = q.where(sql<boolean>`lower(e.locality) = lower(${f.locality})`);
  if (f.lineOfEnquiryId) q = q.where('e.line_of_enquiry_id', '=', f.lineOfEnquiryId);
  if (f.directions?.length) q = q.where('e.direction', 'in', f.directions);
  if (f.codeIds?.length) {
    const codeIds = f.codeIds.filter(isUuid);
    if (codeIds.length === 0) return null;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('codings as k')
          .select('k.id')
          .whereRef('k.evidence_id', '=', 'e.id')
          .where('k.code_id', 'in', codeIds),
      ),
    );
  }
  if (f.search?.trim())
    q = q.where(sql<boolean>`e.search @@ websearch_to_tsquery('english', ${f.search})`);
  return q;
}

export async function listEvidence(db: Kysely<DB>, f: EvidenceFilter): Promise<EvidenceRecord[]> {
  const q = filtered(db, f);
  if (!q) return [];
  const rows = await baseQuery(q, f.excerptOnly ?? false)
    .orderBy('e.observed_on')
    .orderBy('e.ref_no')
    .limit(f.limit ?? 10_000)
    .offset(f.offset ?? 0)
    .execute();
  return rows.map(toRecord);
}

export async function listEvidenceVersions(
  db: Kysely<DB>,
  evidenceId: string,
): Promise<EvidenceVersion[]> {
  const rows = await db
    .selectFrom('evidence_versions')
    .selectAll()
    .where('evidence_id', '=', evidenceId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    text: r.text,
    fields: r.fields as unknown as EvidenceFields,
    createdBy: { id: r.created_by, label: r.created_by_label },
    createdAt: r.created_at,
  }));
}

export async function findEvidenceVersion(
  db: Kysely<DB>,
  evidenceId: string,
  version: number,
): Promise<EvidenceVersion | null> {
  const r = await db
    .selectFrom('evidence_versions')
    .selectAll()
    .where('evidence_id', '=', evidenceId)
    .where('version', '=', version)
    .executeTakeFirst();
  return r
    ? {
        version: r.version,
        text: r.text,
        fields: r.fields as unknown as EvidenceFields,
        createdBy: { id: r.created_by, label: r.created_by_label },
        createdAt: r.created_at,
      }
    : null;
}

/** The next E-number in an activity; call inside the transaction that inserts it. */
export async function nextEvidenceRefNo(trx: Transaction<DB>, activityId: string): Promise<number> {
  // Serialises numbering per activity (two-key advisory lock: area, activity).
  await sql`select pg_advisory_xact_lock(73012, hashtext(${activityId}))`.execute(trx);
  const row = await trx
    .selectFrom('evidence_records')
    .select(sql<number>`coalesce(max(ref_no), 0) + 1`.as('next'))
    .where('activity_id', '=', activityId)
    .executeTakeFirstOrThrow();
  return row.next;
}

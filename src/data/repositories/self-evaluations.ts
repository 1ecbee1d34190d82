// Self-evaluations of social work practice: one draft per LA, submitted versions (never changed
// but for the region's acknowledgement) and the documents they carry. Lists never read a file's
// bytes; only a download does. Writes take the caller's transaction.
import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  Answer,
  FileSection,
  SelfEvaluation,
  SelfEvaluationContent,
  SelfEvaluationDraft,
  SelfEvaluationFile,
} from '../../domain/self-evaluation/self-evaluation.js';
import type { PersonRef } from '../../domain/evidence/records.js';
import type { DB } from '../schema.js';
import type { SelfEvaluationDraftTable, SelfEvaluationTable } from '../schema/self-evaluation.js';
import { isUuid } from './users.js';

const FILE_COLUMNS = [
  'id',
  'la_id',
  'section',
  'file_name',
  'media_type',
  'size_bytes',
  'sha256',
  'scan_status',
  'scan_detail',
  'uploaded_by',
  'uploaded_by_label',
  'uploaded_at',
] as const;

type FileRow = Pick<Selectable<DB['self_evaluation_files']>, (typeof FILE_COLUMNS)[number]>;

function shapeFile(r: FileRow): SelfEvaluationFile {
  return {
    id: r.id,
    laId: r.la_id,
    section: r.section as FileSection,
    fileName: r.file_name,
    mediaType: r.media_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    scan: { status: r.scan_status, detail: r.scan_detail },
    uploadedBy: { id: r.uploaded_by, label: r.uploaded_by_label },
    uploadedAt: r.uploaded_at,
  };
}

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

function shapeDraft(r: Selectable<SelfEvaluationDraftTable>): SelfEvaluationDraft {
  return {
    laId: r.la_id,
    frameworkId: r.framework_id,
    answers: parseJson<Answer[]>(r.answers),
    improvementPlan: r.improvement_plan,
    reformProgramme: r.reform_programme,
    fileIds: r.file_ids,
    basedOnVersion: r.based_on_version,
    updatedBy: { id: r.updated_by, label: r.updated_by_label },
    updatedAt: r.updated_at,
  };
}

function shapeVersion(r: Selectable<SelfEvaluationTable>): SelfEvaluation {
  return {
    id: r.id,
    laId: r.la_id,
    version: r.version,
    frameworkId: r.framework_id,
    answers: parseJson<Answer[]>(r.answers),
    improvementPlan: r.improvement_plan,
    reformProgramme: r.reform_programme,
    fileIds: r.file_ids,
    submittedOn: r.submitted_on,
    submittedAt: r.submitted_at,
    submittedBy: { id: r.submitted_by, label: r.submitted_by_label },
    intelligenceEntryId: r.intelligence_entry_id,
    acknowledgement:
      r.acknowledged_at && r.acknowledged_by_label
        ? {
            at: r.acknowledged_at,
            by: { id: r.acknowledged_by, label: r.acknowledged_by_label },
            note: r.acknowledgement_note,
          }
        : null,
  };
}

export async function findDraft(db: Kysely<DB>, laId: string): Promise<SelfEvaluationDraft | null> {
  const r = await db
    .selectFrom('self_evaluation_drafts')
    .selectAll()
    .where('la_id', '=', laId)
    .executeTakeFirst();
  return r ? shapeDraft(r) : null;
}

/** Locks the LA's draft row (if any) so two saves or submissions take turns. */
export async function lockDraft(db: Kysely<DB>, laId: string): Promise<SelfEvaluationDraft | null> {
  const r = await db
    .selectFrom('self_evaluation_drafts')
    .selectAll()
    .where('la_id', '=', laId)
    .forUpdate()
    .executeTakeFirst();
  return r ? shapeDraft(r) : null;
}

export async function saveDraft(
  db: Kysely<DB>,
  laId: string,
  c: SelfEvaluationContent & { basedOnVersion: number | null },
  by: PersonRef,
  at: Date,
): Promise<SelfEvaluationDraft> {
  const values = {
    framework_id: c.frameworkId,
    answers: JSON.stringify(c.answers),
    improvement_plan: c.improvementPlan,
    reform_programme: c.reformProgramme,
    file_ids: c.fileIds,
    based_on_version: c.basedOnVersion,
    updated_by: by.id,
    updated_by_label: by.label,
    updated_at: at,
  };
  const r = await db
    .insertInto('self_evaluation_drafts')
    .values({ la_id: laId, ...values })
    .onConflict((oc) => oc.column('la_id').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  return shapeDraft(r);
}

export async function deleteDraft(db: Kysely<DB>, laId: string): Promise<void> {
  await db.deleteFrom('self_evaluation_drafts').where('la_id', '=', laId).execute();
}

/** Every submitted version of an LA's self-evaluation, newest first. */
export async function listVersions(db: Kysely<DB>, laId: string): Promise<SelfEvaluation[]> {
  const rows = await db
    .selectFrom('self_evaluations')
    .selectAll()
    .where('la_id', '=', laId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(shapeVersion);
}

export async function findVersion(
  db: Kysely<DB>,
  laId: string,
  version: number,
  opts: { lock?: boolean } = {},
): Promise<SelfEvaluation | null> {
  let q = db
    .selectFrom('self_evaluations')
    .selectAll()
    .where('la_id', '=', laId)
    .where('version', '=', version);
  if (opts.lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? shapeVersion(r) : null;
}

export async function insertVersion(
  db: Kysely<DB>,
  v: SelfEvaluationContent & {
    laId: string;
    version: number;
    submittedOn: string;
    submittedAt: Date;
    by: PersonRef;
    intelligenceEntryId: string | null;
  },
): Promise<SelfEvaluation> {
  const r = await db
    .insertInto('self_evaluations')
    .values({
      la_id: v.laId,
      version: v.version,
      framework_id: v.frameworkId,
      answers: JSON.stringify(v.answers),
      improvement_plan: v.improvementPlan,
      reform_programme: v.reformProgramme,
      file_ids: v.fileIds,
      submitted_on: v.submittedOn,
      submitted_at: v.submittedAt,
      submitted_by: v.by.id,
      submitted_by_label: v.by.label,
      intelligence_entry_id: v.intelligenceEntryId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return shapeVersion(r);
}

export async function acknowledgeVersion(
  db: Kysely<DB>,
  id: string,
  ack: { at: Date; by: PersonRef; note: string | null },
): Promise<SelfEvaluation> {
  const r = await db
    .updateTable('self_evaluations')
    .set({
      acknowledged_at: ack.at,
      acknowledged_by: ack.by.id,
      acknowledged_by_label: ack.by.label,
      acknowledgement_note: ack.note,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return shapeVersion(r);
}

/** The latest submitted version of each LA (for the agenda, status lists, the regional view). */
export async function latestVersions(
  db: Kysely<DB>,
  laIds: readonly string[],
): Promise<Map<string, SelfEvaluation>> {
  if (laIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('self_evaluations as s')
    .selectAll('s')
    .where('s.la_id', 'in', [...laIds])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('self_evaluations as n')
            .select(sql`1`.as('one'))
            .whereRef('n.la_id', '=', 's.la_id')
            .whereRef('n.version', '>', 's.version'),
        ),
      ),
    )
    .execute();
  return new Map(rows.map((r) => [r.la_id, shapeVersion(r)]));
}

/** Per LA: the latest day a self-evaluation was submitted (the regional risk view's column). */
export async function latestSubmissionDays(
  db: Kysely<DB>,
  laIds: readonly string[],
): Promise<Map<string, string>> {
  if (laIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('self_evaluations')
    .select(['la_id', (eb) => eb.fn.max('submitted_on').as('latest')])
    .where('la_id', 'in', [...laIds])
    .groupBy('la_id')
    .execute();
  return new Map(rows.map((r) => [r.la_id, isoOf(r.latest as string | Date)]));
}

const isoOf = (d: string | Date) => (typeof d === 'string' ? d : d.toISOString().slice(0, 10));

// ---- Files ---------------------------------------------------------------------------------

export async function insertFile(
  db: Kysely<DB>,
  f: {
    laId: string;
    section: FileSection;
    fileName: string;
    mediaType: string;
    declaredType: string | null;
    sha256: string;
    scan: SelfEvaluationFile['scan'];
    by: PersonRef;
    bytes: Uint8Array;
    at: Date;
  },
): Promise<SelfEvaluationFile> {
  const r = await db
    .insertInto('self_evaluation_files')
    .values({
      la_id: f.laId,
      section: f.section,
      file_name: f.fileName,
      media_type: f.mediaType,
      declared_type: f.declaredType,
      size_bytes: f.bytes.length,
      sha256: f.sha256,
      scan_status: f.scan.status,
      scan_detail: f.scan.detail,
      uploaded_by: f.by.id,
      uploaded_by_label: f.by.label,
      uploaded_at: f.at,
      bytes: f.bytes,
    })
    .returning(FILE_COLUMNS)
    .executeTakeFirstOrThrow();
  return shapeFile(r);
}

/** An LA's files with these ids (never their bytes), in upload order. */
export async function listFiles(
  db: Kysely<DB>,
  laId: string,
  ids?: readonly string[],
): Promise<SelfEvaluationFile[]> {
  const valid = ids?.filter(isUuid);
  if (valid && valid.length === 0) return [];
  let q = db
    .selectFrom('self_evaluation_files')
    .select(FILE_COLUMNS)
    .where('la_id', '=', laId)
    .orderBy('uploaded_at')
    .orderBy('id');
  if (valid) q = q.where('id', 'in', valid);
  return (await q.execute()).map(shapeFile);
}

export async function readFileBytes(
  db: Kysely<DB>,
  laId: string,
  id: string,
): Promise<{ file: SelfEvaluationFile; bytes: Uint8Array } | null> {
  if (!isUuid(id)) return null;
  const r = await db
    .selectFrom('self_evaluation_files')
    .select([...FILE_COLUMNS, 'bytes'])
    .where('la_id', '=', laId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? { file: shapeFile(r), bytes: r.bytes } : null;
}

/** Deletes a file no version carries (taken out of the draft before any submission). */
export async function deleteUnsubmittedFile(
  db: Kysely<DB>,
  laId: string,
  id: string,
): Promise<void> {
  if (!isUuid(id)) return;
  await sql`
    delete from self_evaluation_files f where f.id = ${id} and f.la_id = ${laId}
      and not exists (select 1 from self_evaluations s where s.la_id = ${laId} and ${id}::uuid = any (s.file_ids))
  `.execute(db);
}

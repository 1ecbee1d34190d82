// Attachments: files kept beside an evidence record or a factual-accuracy comment. Listing never
// reads the bytes (they are in attachment_contents); only a download does. Writes take the
// caller's transaction.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.js';
import type { PersonRef } from './evidence.js';
import { isUuid } from './users.js';
import { now } from '../../clock.js';
import type {
  Attachment,
  AttachmentOwner,
  IntelligenceAttachment,
} from '../../domain/files/attachment.js';

export type { Attachment, AttachmentOwner, IntelligenceAttachment };

export interface NewAttachment {
  activityId: string;
  owner: AttachmentOwner;
  origin: Attachment['origin'];
  fileName: string;
  mediaType: string;
  declaredType: string | null;
  sha256: string;
  scan: Attachment['scan'];
  by: PersonRef;
  bytes: Uint8Array;
}

const COLUMNS = [
  'id',
  'activity_id',
  'evidence_id',
  'report_comment_id',
  'origin',
  'file_name',
  'media_type',
  'declared_type',
  'size_bytes',
  'sha256',
  'scan_status',
  'scan_detail',
  'uploaded_by',
  'uploaded_by_label',
  'uploaded_at',
] as const;

type Row = {
  id: string;
  activity_id: string;
  evidence_id: string | null;
  report_comment_id: string | null;
  origin: Attachment['origin'];
  file_name: string;
  media_type: string;
  declared_type: string | null;
  size_bytes: number;
  sha256: string;
  scan_status: Attachment['scan']['status'];
  scan_detail: string | null;
  uploaded_by: string | null;
  uploaded_by_label: string;
  uploaded_at: Date;
};

function shape(r: Row): Attachment {
  return {
    id: r.id,
    activityId: r.activity_id,
    owner: r.evidence_id
      ? { kind: 'evidence', id: r.evidence_id }
      : { kind: 'report_comment', id: r.report_comment_id ?? '' },
    origin: r.origin,
    fileName: r.file_name,
    mediaType: r.media_type,
    declaredType: r.declared_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    scan: { status: r.scan_status, detail: r.scan_detail },
    uploadedBy: { id: r.uploaded_by, label: r.uploaded_by_label },
    uploadedAt: r.uploaded_at,
  };
}

export async function insertAttachment(trx: Transaction<DB>, a: NewAttachment): Promise<string> {
  const row = await trx
    .insertInto('attachments')
    .values({
      activity_id: a.activityId,
      evidence_id: a.owner.kind === 'evidence' ? a.owner.id : null,
      report_comment_id: a.owner.kind === 'report_comment' ? a.owner.id : null,
      origin: a.origin,
      file_name: a.fileName,
      media_type: a.mediaType,
      declared_type: a.declaredType,
      size_bytes: a.bytes.length,
      sha256: a.sha256,
      scan_status: a.scan.status,
      scan_detail: a.scan.detail,
      uploaded_by: a.by.id,
      uploaded_by_label: a.by.label,
      uploaded_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertBytes(trx, row.id, a.bytes);
  return row.id;
}

async function insertBytes(trx: Transaction<DB>, id: string, bytes: Uint8Array): Promise<void> {
  // The bytes travel as base64 text, decoded by the database: PGlite converts a bytea parameter
  // in JavaScript about ten times slower (1.3 s a MB, bench/attachments.ts), and PostgreSQL
  // does not mind either way.
  const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  await trx
    .insertInto('attachment_contents')
    .values({ attachment_id: id, bytes: sql<Uint8Array>`decode(${base64}, 'base64')` })
    .execute();
}

export async function findAttachment(db: Kysely<DB>, id: string): Promise<Attachment | null> {
  if (!isUuid(id)) return null;
  const row = await db
    .selectFrom('attachments')
    .select(COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? shape(row as Row) : null;
}

/** The attachments of some owners (records or comments), oldest first. */
export async function listAttachments(
  db: Kysely<DB>,
  kind: AttachmentOwner['kind'],
  ownerIds: string[],
): Promise<Attachment[]> {
  const ids = ownerIds.filter(isUuid);
  if (ids.length === 0) return [];
  const column = kind === 'evidence' ? 'evidence_id' : 'report_comment_id';
  const rows = await db
    .selectFrom('attachments')
    .select(COLUMNS)
    .where(column, 'in', ids)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => shape(r as Row));
}

/** Every attachment of an activity (for the CLI's list). */
export async function listActivityAttachments(
  db: Kysely<DB>,
  activityId: string,
): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('attachments')
    .select(COLUMNS)
    .where('activity_id', '=', activityId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => shape(r as Row));
}

export async function readAttachmentBytes(db: Kysely<DB>, id: string): Promise<Uint8Array | null> {
  // Read as base64 for the same reason as insertAttachment writes it so.
  const row = await db
    .selectFrom('attachment_contents')
    .select(sql<string>`encode(bytes, 'base64')`.as('base64'))
    .where('attachment_id', '=', id)
    .executeTakeFirst();
  return row ? new Uint8Array(Buffer.from(row.base64, 'base64')) : null;
}

/** The rows an attachment can belong to, and the column of `attachments` that points at each. */
const ATTACHMENT_OWNERS = {
  activity: { table: 'activities', column: 'activity_id' },
  intelligence: { table: 'intelligence_entries', column: 'intelligence_entry_id' },
} as const;

/**
 * Bytes the owner's attachments take, counted after locking the owner's row, so that two
 * uploads at once cannot both pass the owner's limit.
 */
async function lockedOwnerAttachmentBytes(
  trx: Transaction<DB>,
  owner: keyof typeof ATTACHMENT_OWNERS,
  ownerId: string,
): Promise<number> {
  const { table, column } = ATTACHMENT_OWNERS[owner];
  await trx.selectFrom(table).select('id').where('id', '=', ownerId).forUpdate().execute();
  const row = await trx
    .selectFrom('attachments')
    .select(sql<number>`coalesce(sum(size_bytes), 0)`.as('total'))
    .where(column, '=', ownerId)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Bytes the activity's attachments take (see `lockedOwnerAttachmentBytes`). */
export function lockedActivityAttachmentBytes(
  trx: Transaction<DB>,
  activityId: string,
): Promise<number> {
  return lockedOwnerAttachmentBytes(trx, 'activity', activityId);
}

export async function deleteAttachmentRow(trx: Transaction<DB>, id: string): Promise<boolean> {
  const r = await trx.deleteFrom('attachments').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// ---- Files kept beside intelligence entries (no activity) -----------------------------------

export interface NewIntelligenceAttachment {
  entryId: string;
  fileName: string;
  mediaType: string;
  declaredType: string | null;
  sha256: string;
  scan: Attachment['scan'];
  by: PersonRef;
  bytes: Uint8Array;
}

const INTEL_COLUMNS = [
  'id',
  'intelligence_entry_id',
  'file_name',
  'media_type',
  'declared_type',
  'size_bytes',
  'sha256',
  'scan_status',
  'scan_detail',
  'uploaded_by',
  'uploaded_by_label',
  'uploaded_at',
] as const;

type IntelRow = Omit<Row, 'activity_id' | 'evidence_id' | 'report_comment_id' | 'origin'> & {
  intelligence_entry_id: string | null;
};

function shapeIntel(r: IntelRow): IntelligenceAttachment {
  return {
    id: r.id,
    entryId: r.intelligence_entry_id ?? '',
    fileName: r.file_name,
    mediaType: r.media_type,
    declaredType: r.declared_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    scan: { status: r.scan_status, detail: r.scan_detail },
    uploadedBy: { id: r.uploaded_by, label: r.uploaded_by_label },
    uploadedAt: r.uploaded_at,
  };
}

export async function insertIntelligenceAttachment(
  trx: Transaction<DB>,
  a: NewIntelligenceAttachment,
): Promise<IntelligenceAttachment> {
  const row = await trx
    .insertInto('attachments')
    .values({
      activity_id: null,
      intelligence_entry_id: a.entryId,
      origin: 'upload',
      file_name: a.fileName,
      media_type: a.mediaType,
      declared_type: a.declaredType,
      size_bytes: a.bytes.length,
      sha256: a.sha256,
      scan_status: a.scan.status,
      scan_detail: a.scan.detail,
      uploaded_by: a.by.id,
      uploaded_by_label: a.by.label,
      uploaded_at: now(),
    })
    .returning(INTEL_COLUMNS)
    .executeTakeFirstOrThrow();
  await insertBytes(trx, row.id, a.bytes);
  return shapeIntel(row as IntelRow);
}

/** The files of some intelligence entries, oldest first. */
export async function listIntelligenceAttachments(
  db: Kysely<DB>,
  entryIds: readonly string[],
): Promise<IntelligenceAttachment[]> {
  const ids = entryIds.filter(isUuid);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('attachments')
    .select(INTEL_COLUMNS)
    .where('intelligence_entry_id', 'in', ids)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => shapeIntel(r as IntelRow));
}

/** One file of one intelligence entry (null when it is not that entry's). */
export async function findIntelligenceAttachment(
  db: Kysely<DB>,
  entryId: string,
  id: string,
): Promise<IntelligenceAttachment | null> {
  if (!isUuid(id) || !isUuid(entryId)) return null;
  const row = await db
    .selectFrom('attachments')
    .select(INTEL_COLUMNS)
    .where('id', '=', id)
    .where('intelligence_entry_id', '=', entryId)
    .executeTakeFirst();
  return row ? shapeIntel(row as IntelRow) : null;
}

/** Bytes an intelligence entry's files take (see `lockedOwnerAttachmentBytes`). */
export function lockedIntelligenceAttachmentBytes(
  trx: Transaction<DB>,
  entryId: string,
): Promise<number> {
  return lockedOwnerAttachmentBytes(trx, 'intelligence', entryId);
}

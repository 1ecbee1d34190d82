// Kysely table types of attachments (migration 2026-12-07T0015_attachments).
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface AttachmentTable {
  id: Generated<string>;
  /** Null for an intelligence entry's files (they belong to an LA, not an activity). */
  activity_id: string | null;
  evidence_id: string | null;
  report_comment_id: string | null;
  intelligence_entry_id: string | null;
  /** 'upload': attached by someone; 'evidence_source': the file an evidence record was read from. */
  origin: 'upload' | 'evidence_source';
  file_name: string;
  /** Decided from the content (domain/files/attachment-check.ts). */
  media_type: string;
  /** What the sender's browser or client said it was. */
  declared_type: string | null;
  /** bigint; both engines read int8 as a number (data/type-parsers.ts). */
  size_bytes: number;
  sha256: string;
  scan_status: 'clean' | 'not_scanned';
  scan_detail: string | null;
  uploaded_by: string | null;
  uploaded_by_label: string;
  uploaded_at: CreatedAt;
}

export interface AttachmentContentTable {
  attachment_id: string;
  bytes: Uint8Array;
}

export interface AttachmentTables {
  attachments: AttachmentTable;
  attachment_contents: AttachmentContentTable;
}

// The shape of a kept file (an attachment) as the use cases, routes and CLI see it: where it
// belongs, what it is and whether it was scanned. The bytes are never part of it.
import type { PersonRef } from '../evidence/records.js';

export type AttachmentOwner =
  { kind: 'evidence'; id: string } | { kind: 'report_comment'; id: string };

export interface Attachment {
  id: string;
  activityId: string;
  owner: AttachmentOwner;
  origin: 'upload' | 'evidence_source';
  fileName: string;
  mediaType: string;
  declaredType: string | null;
  sizeBytes: number;
  sha256: string;
  scan: { status: 'clean' | 'not_scanned'; detail: string | null };
  uploadedBy: PersonRef;
  uploadedAt: Date;
}

/** A file kept beside an entry of an LA's intelligence log (no activity). */
export interface IntelligenceAttachment {
  id: string;
  entryId: string;
  fileName: string;
  mediaType: string;
  declaredType: string | null;
  sizeBytes: number;
  sha256: string;
  scan: { status: 'clean' | 'not_scanned'; detail: string | null };
  uploadedBy: PersonRef;
  uploadedAt: Date;
}

// Keeping a file as an attachment, in two steps every owner shares: checkAttachment (before any
// transaction: the type from the content, the per-file size limit, the virus-scan hook) and
// saveAttachment (inside the owner's transaction: the activity's limit, the row, the bytes and the
// audit event). The evidence import keeps its original this way, and so do the attachments area's
// use cases. Refusals are ATTACHMENT_REFUSED naming the file and the reason.
import type { Transaction } from 'kysely';
import { writeAudit } from '../../data/audit-log.js';
import type { Activity } from '../../data/repositories/activities.js';
import {
  insertAttachment,
  lockedActivityAttachmentBytes,
  type AttachmentOwner,
  type Attachment,
} from '../../data/repositories/attachments.js';
import type { DB } from '../../data/schema.js';
import {
  AttachmentProblem,
  checkAttachmentSize,
  DEFAULT_ATTACHMENT_SETTINGS,
  detectAttachmentType,
  sizeText,
  type AttachmentSettings,
} from '../../domain/files/attachment-check.js';
import { sha256Hex } from '../../domain/files/digest.js';
import { AppError } from '../../errors.js';
import { scanFile } from '../../workers/scan-file.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from './actor-ref.js';

export interface IncomingFile {
  fileName: string;
  /** What the sender's browser or client declared (kept, never trusted). */
  declaredType?: string | null;
  bytes: Uint8Array;
}

export interface CheckedFile {
  fileName: string;
  mediaType: string;
  declaredType: string | null;
  sha256: string;
  scan: Attachment['scan'];
  bytes: Uint8Array;
}

export function attachmentSettings(ctx: UseCaseContext): AttachmentSettings {
  return ctx.attachments ?? DEFAULT_ATTACHMENT_SETTINGS;
}

export function refused(fileName: string, reason: string): AppError {
  return new AppError('ATTACHMENT_REFUSED', {
    message: `${fileName} was not kept: ${reason}.`,
    details: [{ file: fileName, field: 'file', reason: `${fileName}: ${reason}` }],
  });
}

/** Type by content, size, virus scan: the file as it will be kept, or ATTACHMENT_REFUSED. */
export async function checkAttachment(
  ctx: UseCaseContext,
  file: IncomingFile,
): Promise<CheckedFile> {
  const settings = attachmentSettings(ctx);
  const shown = file.fileName.split(/[\\/]/).pop() || 'The file';
  let detected;
  try {
    checkAttachmentSize(file.bytes.length, settings);
    detected = detectAttachmentType(file.bytes, file.fileName);
  } catch (err) {
    if (err instanceof AttachmentProblem) throw refused(shown, err.message);
    throw err;
  }
  const scan = await scanFile(settings.scan, file.bytes);
  if (scan.status === 'infected')
    throw refused(shown, `the virus scanner refused it (${scan.detail})`);
  if (scan.status === 'failed')
    throw refused(
      shown,
      `it could not be checked for viruses, so it was not kept (${scan.detail})`,
    );
  const declared = (file.declaredType ?? '').trim().slice(0, 255);
  return {
    fileName: detected.fileName,
    mediaType: detected.mediaType,
    declaredType: declared || null,
    sha256: await sha256Hex(file.bytes),
    scan: { status: scan.status, detail: scan.detail.slice(0, 1000) },
    bytes: file.bytes,
  };
}

/** Stores a checked file for its owner in the caller's transaction, with its audit event. */
export async function saveAttachment(
  trx: Transaction<DB>,
  ctx: UseCaseContext,
  activity: Pick<Activity, 'id' | 'laId'>,
  owner: AttachmentOwner,
  file: CheckedFile,
  origin: Attachment['origin'] = 'upload',
): Promise<string> {
  const settings = attachmentSettings(ctx);
  const used = await lockedActivityAttachmentBytes(trx, activity.id);
  if (used + file.bytes.length > settings.maxActivityBytes)
    throw refused(
      file.fileName,
      `the activity’s attachments would take ${sizeText(used + file.bytes.length)}, more than its ${sizeText(settings.maxActivityBytes)} limit (${sizeText(used)} used)`,
    );
  const id = await insertAttachment(trx, {
    activityId: activity.id,
    owner,
    origin,
    fileName: file.fileName,
    mediaType: file.mediaType,
    declaredType: file.declaredType,
    sha256: file.sha256,
    scan: file.scan,
    by: actorRef(ctx.actor),
    bytes: file.bytes,
  });
  await writeAudit(trx, ctx.actor, {
    action: 'attachment.uploaded',
    entityType: 'attachment',
    entityId: id,
    activityId: activity.id,
    laId: activity.laId,
    after: {
      owner: owner.kind,
      ownerId: owner.id,
      origin,
      fileName: file.fileName,
      mediaType: file.mediaType,
      declaredType: file.declaredType,
      sizeBytes: file.bytes.length,
      sha256: file.sha256,
      scan: file.scan.status,
    },
  });
  return id;
}

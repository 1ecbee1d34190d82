// Applying one operation a device captured offline, inside the sync's transaction: a new record,
// an edit of the person's own record from the version they started from, or a coding (of a record
// on the server, or of one the same device captured offline). An edit whose base version is no
// longer the record's becomes a stored conflict: nothing is overwritten.
import { z } from 'zod';
import { now } from '../../clock.js';
import {
  fieldsOf,
  findEvidence,
  findEvidenceVersion,
  type EvidenceRecord,
} from '../../data/repositories/evidence.js';
import { insertEvidenceVersion, updateEvidence } from '../../data/repositories/evidence-writes.js';
import { insertSyncConflict } from '../../data/repositories/offline-sync.js';
import { cpSlice, spanProblem } from '../../domain/evidence/offsets.js';
import { reanchor } from '../../domain/evidence/reanchor.js';
import { AppError } from '../../errors.js';
import { actorRef } from '../shared/actor-ref.js';
import { reanchorCodings } from './edit-evidence.js';
import {
  codedRecord,
  flushQueued,
  queueAudit,
  queueRecord,
  takeRefNo,
  type Applied,
  type BatchState,
  type CodedRecord,
} from './offline-batch.js';
import { EvidenceFieldsInput, evidenceText, newEvidenceFields } from './record-evidence.js';

export type { Applied, BatchState } from './offline-batch.js';

const clientId = z.string().trim().min(8).max(100);
/** The device's clock when the words were written, as it reported it (kept, never trusted). */
const writtenAt = z.iso.datetime({ offset: true });

export const OfflineOperation = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('record'),
    clientId,
    writtenAt,
    text: z.string().min(1, 'Enter the evidence'),
    fields: EvidenceFieldsInput,
  }),
  z.object({
    kind: z.literal('edit'),
    clientId,
    writtenAt,
    evidenceId: z.uuid(),
    /** The version the device started from. */
    baseVersion: z.number().int().min(1),
    text: z.string().min(1, 'Enter the evidence'),
  }),
  z.object({
    kind: z.literal('coding'),
    clientId,
    writtenAt,
    /** A record on the server, or ... */
    evidenceId: z.uuid().optional(),
    /** ... one captured offline, by its client id (synced in this batch or before). */
    recordClientId: clientId.optional(),
    /** The version the offsets refer to (1 for a record captured offline). */
    evidenceVersion: z.number().int().min(1).default(1),
    codeId: z.uuid(),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    spanText: z.string().optional(),
  }),
]);
export type OfflineOperation = z.output<typeof OfflineOperation>;

export async function applyRecord(
  s: BatchState,
  op: Extract<OfflineOperation, { kind: 'record' }>,
): Promise<Applied> {
  const { trx, actor, activity } = s;
  const input = op.fields;
  const text = evidenceText(op.text);
  const fields = await newEvidenceFields(trx, actor, activity, input, s.lookups);
  const by = actorRef(actor);
  const refNo = await takeRefNo(s);
  const source = { kind: 'typed' as const, file: null };
  const id = queueRecord(s, { activityId: activity.id, refNo, text, fields, source, by });
  queueAudit(s, {
    action: 'evidence.recorded',
    entityType: 'evidence',
    entityId: id,
    activityId: activity.id,
    laId: activity.laId,
    after: {
      reference: `E${refNo}`,
      version: 1,
      text,
      ...fields,
      source: 'offline',
      clientId: op.clientId,
      writtenAt: op.writtenAt,
      receivedAt: s.receivedAt.toISOString(),
    },
  });
  return { outcome: 'applied', evidenceId: id, codingId: null, conflictId: null, version: 1 };
}

/** The record an edit names, in the activity, locked; a missing or foreign one is NOT_FOUND. */
async function recordToEdit(s: BatchState, evidenceId: string) {
  // The edit reads and re-anchors what is on the server: what the batch queued goes first.
  await flushQueued(s);
  const record = await findEvidence(s.trx, evidenceId, { forUpdate: true });
  if (!record || record.activityId !== s.activity.id) throw new AppError('NOT_FOUND');
  if (record.deleted)
    throw new AppError('CONFLICT', { message: `${record.reference} was deleted.` });
  // Codings later in the batch read it again, as it is after this edit.
  s.records.delete(record.id);
  return record;
}

export async function applyEdit(
  s: BatchState,
  op: Extract<OfflineOperation, { kind: 'edit' }>,
): Promise<Applied> {
  const { trx, actor, activity } = s;
  const text = evidenceText(op.text);
  const current = await recordToEdit(s, op.evidenceId);
  if (current.recordedBy.id !== s.userId)
    throw new AppError('FORBIDDEN', { message: 'Offline edits are of your own records only.' });
  if (current.text === text)
    return {
      outcome: 'applied',
      evidenceId: current.id,
      codingId: null,
      conflictId: null,
      version: current.version,
    };
  if (current.version !== op.baseVersion) return conflictOf(s, op, current, text);
  const version = current.version + 1;
  const by = actorRef(actor);
  const fields = fieldsOf(current);
  await updateEvidence(trx, current.id, { text, fields, version, by });
  await insertEvidenceVersion(trx, { evidenceId: current.id, version, text, fields, by });
  const codings = await reanchorCodings(trx, current, text, version);
  queueAudit(s, {
    action: 'evidence.edited',
    entityType: 'evidence',
    entityId: current.id,
    activityId: activity.id,
    laId: activity.laId,
    before: { version: current.version, text: current.text },
    after: {
      version,
      text,
      codings,
      source: 'offline',
      clientId: op.clientId,
      writtenAt: op.writtenAt,
      receivedAt: s.receivedAt.toISOString(),
    },
  });
  return { outcome: 'applied', evidenceId: current.id, codingId: null, conflictId: null, version };
}

async function conflictOf(
  s: BatchState,
  op: Extract<OfflineOperation, { kind: 'edit' }>,
  current: EvidenceRecord,
  deviceText: string,
): Promise<Applied> {
  const label = actorRef(s.actor).label;
  const conflictId = await insertSyncConflict(s.trx, {
    activityId: s.activity.id,
    evidenceId: current.id,
    userId: s.userId,
    userLabel: label,
    clientId: op.clientId,
    baseVersion: op.baseVersion,
    deviceText,
    serverVersion: current.version,
    serverText: current.text,
    serverByLabel: current.updatedBy.label,
    writtenAt: new Date(op.writtenAt),
    receivedAt: s.receivedAt,
  });
  queueAudit(s, {
    action: 'evidence.sync_conflict',
    entityType: 'evidence',
    entityId: current.id,
    activityId: s.activity.id,
    laId: s.activity.laId,
    after: {
      reference: current.reference,
      conflictId,
      baseVersion: op.baseVersion,
      serverVersion: current.version,
      deviceText,
      clientId: op.clientId,
      writtenAt: op.writtenAt,
      receivedAt: s.receivedAt.toISOString(),
    },
  });
  return {
    outcome: 'conflict',
    evidenceId: current.id,
    codingId: null,
    conflictId,
    version: current.version,
    serverText: current.text,
  };
}

export async function applyCoding(
  s: BatchState,
  op: Extract<OfflineOperation, { kind: 'coding' }>,
): Promise<Applied> {
  const { actor, activity } = s;
  let evidenceId = op.evidenceId;
  if (!evidenceId && op.recordClientId) {
    const made = s.synced.get(op.recordClientId);
    if (!made || made.kind !== 'record' || !made.evidenceId)
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            field: 'recordClientId',
            value: op.recordClientId,
            reason: 'That record has not arrived',
          },
        ],
      });
    evidenceId = made.evidenceId;
  }
  if (!evidenceId)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'evidenceId', reason: 'Say which record the coding is of' }],
    });
  const record = await codedRecord(s, evidenceId);
  const code = s.codes.get(op.codeId);
  if (!code || code.activityId !== activity.id || code.mergedIntoId !== null || !code.isCodable)
    throw new AppError('VALIDATION_FAILED', {
      details: [
        { field: 'codeId', value: op.codeId, reason: 'No such code in this activity’s codebook' },
      ],
    });
  const { start, end } = await place(s, record, op);
  const spanText = cpSlice(record.text, start, end);
  const coder = actorRef(actor);
  // The coding's id, and its audit event's, come when the queue is written (flushQueued).
  const applied: Applied = {
    outcome: 'applied',
    evidenceId: record.id,
    codingId: null,
    conflictId: null,
    version: record.version,
  };
  const audit = queueAudit(s, {
    action: 'coding.created',
    entityType: 'coding',
    entityId: '',
    activityId: activity.id,
    laId: activity.laId,
    after: {
      evidence: record.reference,
      evidenceId: record.id,
      version: record.version,
      code: code.name,
      codeId: code.id,
      start,
      end,
      spanText,
      source: 'offline',
      clientId: op.clientId,
      writtenAt: op.writtenAt,
      receivedAt: s.receivedAt.toISOString(),
    },
  });
  s.codings.push({
    coding: {
      createdAt: now(),
      activityId: activity.id,
      evidenceId: record.id,
      evidenceVersion: record.version,
      codeId: code.id,
      start,
      end,
      spanText,
      coder,
    },
    applied,
    audit,
  });
  return applied;
}

/** The span in the record's current text (re-anchored from the version the device saw). */
async function place(
  s: BatchState,
  record: CodedRecord,
  op: Extract<OfflineOperation, { kind: 'coding' }>,
): Promise<{ start: number; end: number }> {
  const seenText =
    op.evidenceVersion === record.version
      ? record.text
      : (await findEvidenceVersion(s.trx, record.id, op.evidenceVersion))?.text;
  if (seenText === undefined)
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'evidenceVersion',
          value: String(op.evidenceVersion),
          reason: `${record.reference} has no such version`,
        },
      ],
    });
  const problem = spanProblem(seenText, op.start, op.end);
  if (problem)
    throw new AppError('VALIDATION_FAILED', { details: [{ field: 'end', reason: problem }] });
  if (op.spanText !== undefined && cpSlice(seenText, op.start, op.end) !== op.spanText)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'spanText', reason: 'The words do not match the offsets' }],
    });
  if (seenText === record.text) return { start: op.start, end: op.end };
  const [placed] = reanchor(seenText, record.text, [
    { start: op.start, end: op.end, spanText: cpSlice(seenText, op.start, op.end) },
  ]);
  if (!placed || placed.status === 'lost')
    throw new AppError('CONFLICT', {
      message: `${record.reference} was changed and the words coded offline are no longer there.`,
    });
  return { start: placed.start, end: placed.end };
}

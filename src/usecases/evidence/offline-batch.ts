// The state of one offline sync inside its transaction, and its deferred writes. A day's capture
// is thousands of operations: each record's row, each coding and each audit event written one
// statement at a time took over a minute for 500 records and 2,000 codings on PostgreSQL. So the
// lookups are made once for the batch (codes, cases, the records coded), new records and codings
// are queued and written in a few multi-row inserts, and the audit events are chained in
// operation order and written together at the end. An edit reads and re-anchors what is on the
// server, so the queue is written before any edit is applied: the outcome is the same as applying
// the operations one by one.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { writeAudits, type AuditInput } from '../../data/audit-log.js';
import type { Activity } from '../../data/repositories/activities.js';
import { findCaseIds } from '../../data/repositories/cases.js';
import { findCodes } from '../../data/repositories/codes.js';
import type { NewCoding } from '../../data/repositories/codings.js';
import { insertCodings } from '../../data/repositories/codings-bulk.js';
import {
  findEvidence,
  nextEvidenceRefNo,
  type EvidenceRecord,
} from '../../data/repositories/evidence.js';
import {
  insertEvidenceWithVersions,
  type NewEvidence,
} from '../../data/repositories/evidence-writes.js';
import type { SyncedOperation } from '../../data/repositories/offline-sync.js';
import type { DB } from '../../data/schema.js';
import type { Code } from '../../domain/evidence/records.js';
import type { Actor } from '../../domain/access/actor.js';
import type { CaseKind } from '../../domain/evidence/vocabulary.js';
import { AppError } from '../../errors.js';
import type { EvidenceLookups } from './evidence-fields.js';

/** What applying one operation did (the row that records it is the caller's). */
export type Applied = Omit<
  SyncedOperation,
  'clientId' | 'kind' | 'activityId' | 'writtenAt' | 'receivedAt'
> & {
  serverText?: string;
};

/** What a coding needs of the record it codes. */
export type CodedRecord = Pick<
  EvidenceRecord,
  'id' | 'activityId' | 'deleted' | 'reference' | 'version' | 'text'
>;

export interface BatchState {
  trx: Transaction<DB>;
  actor: Actor;
  userId: string;
  activity: Activity;
  receivedAt: Date;
  /** Operations synced before (this batch's are added as they are applied). */
  synced: Map<string, SyncedOperation>;
  lookups: EvidenceLookups;
  /** The codes the batch's codings name, read once. */
  codes: Map<string, Code>;
  /** Records read (locked) or made in this batch, by id. */
  records: Map<string, CodedRecord>;
  /** The next E-number once the first has been taken (the numbering lock is then held). */
  nextRefNo: number | null;
  newRecords: Array<NewEvidence & { id: string }>;
  codings: Array<{ coding: NewCoding; applied: Applied; audit: AuditEntry }>;
  /** Audit events in operation order; a coding's waits for its row. */
  audit: AuditEntry[];
}

interface AuditEntry {
  input: AuditInput;
  skip?: boolean;
}

interface OperationLike {
  kind: string;
  codeId?: string;
  fields?: { caseRef?: string | null; practitionerRef?: string | null; teamRef?: string | null };
}

/** The batch's state, with the codes and cases its operations name read in a few queries. */
export async function openBatch(
  base: Pick<BatchState, 'trx' | 'actor' | 'userId' | 'activity' | 'receivedAt' | 'synced'>,
  operations: OperationLike[],
): Promise<BatchState> {
  const { trx, activity } = base;
  const refs: Record<CaseKind, string[]> = { child: [], practitioner: [], team: [] };
  for (const op of operations) {
    const f = op.fields;
    if (!f) continue;
    if (f.caseRef?.trim()) refs.child.push(f.caseRef.trim());
    if (f.practitionerRef?.trim()) refs.practitioner.push(f.practitionerRef.trim());
    if (f.teamRef?.trim()) refs.team.push(f.teamRef.trim());
  }
  const cases = new Map<string, string>();
  for (const kind of ['child', 'practitioner', 'team'] as const)
    for (const [ref, id] of await findCaseIds(trx, activity.id, kind, refs[kind]))
      cases.set(`${kind}:${ref}`, id);
  const codes = await findCodes(
    trx,
    operations.flatMap((op) => (op.kind === 'coding' && op.codeId ? [op.codeId] : [])),
  );
  return {
    ...base,
    lookups: { cases, lines: new Set() },
    codes,
    records: new Map(),
    nextRefNo: null,
    newRecords: [],
    codings: [],
    audit: [],
  };
}

/** The next E-number of the activity: read (under the numbering lock) once, then counted on. */
export async function takeRefNo(s: BatchState): Promise<number> {
  s.nextRefNo ??= await nextEvidenceRefNo(s.trx, s.activity.id);
  return s.nextRefNo++;
}

/** Queues a new record (its id chosen here, so codings later in the batch can name it). */
export function queueRecord(s: BatchState, e: NewEvidence): string {
  const id = randomUUID();
  s.newRecords.push({ ...e, id });
  s.records.set(id, {
    id,
    activityId: e.activityId,
    deleted: null,
    reference: `E${e.refNo}`,
    version: 1,
    text: e.text,
  });
  return id;
}

export function queueAudit(s: BatchState, input: AuditInput): AuditEntry {
  const entry = { input };
  s.audit.push(entry);
  return entry;
}

/** The record a coding names, in the activity (read with a share lock once per batch). */
export async function codedRecord(s: BatchState, evidenceId: string): Promise<CodedRecord> {
  let record = s.records.get(evidenceId);
  if (!record) {
    const found = await findEvidence(s.trx, evidenceId, { forShare: true });
    if (found) s.records.set(found.id, found);
    record = found ?? undefined;
  }
  if (!record || record.activityId !== s.activity.id) throw new AppError('NOT_FOUND');
  if (record.deleted)
    throw new AppError('CONFLICT', { message: `${record.reference} was deleted.` });
  return record;
}

/** Writes the queued records and codings; each coding's result and audit event get its row. */
export async function flushQueued(s: BatchState): Promise<void> {
  if (s.newRecords.length) {
    await insertEvidenceWithVersions(s.trx, s.newRecords);
    s.newRecords = [];
  }
  if (s.codings.length) {
    const rows = await insertCodings(
      s.trx,
      s.codings.map((c) => c.coding),
    );
    s.codings.forEach((c, i) => {
      const row = rows[i];
      // The coder already had this code on this span: applied, nothing new (no event).
      if (!row) c.audit.skip = true;
      else {
        c.applied.codingId = row.id;
        c.audit.input.entityId = row.id;
      }
    });
    s.codings = [];
  }
}

/** Writes everything still queued, then the audit events in order. */
export async function finishBatch(s: BatchState): Promise<void> {
  await flushQueued(s);
  await writeAudits(
    s.trx,
    s.actor,
    s.audit.filter((a) => !a.skip).map((a) => a.input),
  );
}

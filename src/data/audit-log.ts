// Writes audit events inside the caller's transaction and reads them back for browsing and
// verification. There is deliberately no update or delete here.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../domain/access/actor.js';
import { actorLabel, actorUserId } from '../domain/access/actor.js';
import type { AuditAction } from '../domain/audit/actions.js';
import {
  canonicalJson,
  GENESIS_HASH,
  hashEvent,
  type HashableEvent,
} from '../domain/audit/hash.js';
import { DEFERRABLE_WRITE } from './pglite-worker-dialect.js';
import type { DB } from './schema.js';
import { now } from '../clock.js';

export interface AuditInput {
  action: AuditAction;
  entityType: string;
  entityId: string;
  activityId?: string | null;
  laId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
}

// Any constant: serialises writers so the chain never forks under concurrent transactions.
const AUDIT_LOCK_KEY = 73_011;

export async function writeAudit(
  trx: Transaction<DB>,
  actor: Actor,
  input: AuditInput,
): Promise<string> {
  const event = eventOf(actor, input, now().toISOString());
  // One statement: the chain's lock and last hash (audit_chain_head reads it after the lock),
  // then the event with hashEvent(previous, event) computed by the database from the same
  // canonical text (sha256 of "previous hash, newline, canonical JSON", as hashEvent does). It
  // is a deferrable write: on the embedded database it travels with the next statement or the
  // COMMIT (issue 19: coding a span had two round trips here).
  await sql`${sql.raw(DEFERRABLE_WRITE)}insert into audit_events
      (id, occurred_at, actor_id, actor_label, action, entity_type, entity_id, activity_id,
       la_id, before, after, reason, prev_hash, hash)
    select ${event.id}::uuid, ${event.occurredAt}::timestamptz, ${event.actorId}::uuid,
           ${event.actorLabel}::text, ${event.action}::text, ${event.entityType}::text,
           ${event.entityId}::text, ${event.activityId}::uuid, ${event.laId}::text,
           ${jsonText(event.before)}::jsonb, ${jsonText(event.after)}::jsonb,
           ${event.reason}::text, h.prev,
           encode(sha256(convert_to(h.prev || chr(10) || ${canonicalJson(event)}::text, 'UTF8')),
                  'hex')
      from (select coalesce(audit_chain_head(${AUDIT_LOCK_KEY}), ${GENESIS_HASH}::text) as prev) h`.execute(
    trx,
  );
  return event.id;
}

const jsonText = (v: unknown): string | null => (v === null ? null : JSON.stringify(v));

/** The event as it is hashed and stored (one shape for the single write and the batch). */
function eventOf(actor: Actor, input: AuditInput, occurredAt: string): HashableEvent {
  return {
    id: randomUUID(),
    occurredAt,
    actorId: actorUserId(actor),
    actorLabel: actorLabel(actor),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    activityId: input.activityId ?? null,
    laId: input.laId ?? null,
    // Round-trip through JSON so that what we hash is exactly what jsonb gives back.
    before: normalise(input.before),
    after: normalise(input.after),
    reason: input.reason ?? null,
  };
}

/**
 * Several events in the order given, chained one to the next: one lock and head read, then the
 * rows in as few inserts as fit (a sync of thousands of operations, one event each).
 */
export async function writeAudits(
  trx: Transaction<DB>,
  actor: Actor,
  inputs: AuditInput[],
): Promise<string[]> {
  if (inputs.length === 0) return [];
  // The chain's lock, then the last hash read after it (one round trip: audit_chain_head).
  const head = await sql<{
    hash: string | null;
  }>`select audit_chain_head(${AUDIT_LOCK_KEY}) as hash`.execute(trx);
  let prevHash = head.rows[0]?.hash ?? GENESIS_HASH;
  const occurredAt = now().toISOString();
  const rows = inputs.map((input) => {
    const event = eventOf(actor, input, occurredAt);
    const hash = hashEvent(prevHash, event);
    const row = {
      id: event.id,
      occurred_at: event.occurredAt,
      actor_id: event.actorId,
      actor_label: event.actorLabel,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      activity_id: event.activityId,
      la_id: event.laId,
      before: jsonText(event.before),
      after: jsonText(event.after),
      reason: event.reason,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  // A multi-row insert takes its sequence numbers in row order, so seq follows the chain.
  for (let i = 0; i < rows.length; i += AUDIT_ROWS_PER_INSERT)
    await trx
      .insertInto('audit_events')
      .values(rows.slice(i, i + AUDIT_ROWS_PER_INSERT))
      .execute();
  return rows.map((r) => r.id);
}

// 14 parameters a row, well under PostgreSQL's 65,535 a statement.
const AUDIT_ROWS_PER_INSERT = 1000;

function normalise(
  value: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

export interface AuditEventView {
  seq: number;
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  activityId: string | null;
  laId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditFilter {
  action?: string;
  entityType?: string;
  entityId?: string;
  activityId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  afterSeq?: number;
  limit?: number;
  order?: 'asc' | 'desc';
}

export async function listAuditEvents(db: Kysely<DB>, f: AuditFilter): Promise<AuditEventView[]> {
  let q = db.selectFrom('audit_events').selectAll();
  if (f.action) q = q.where('action', '=', f.action);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.activityId) q = q.where('activity_id', '=', f.activityId);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.from) q = q.where('occurred_at', '>=', f.from);
  if (f.to) q = q.where('occurred_at', '<', f.to);
  if (f.afterSeq !== undefined) q = q.where('seq', f.order === 'desc' ? '<' : '>', f.afterSeq);
  const rows = await q
    .orderBy('seq', f.order ?? 'desc')
    .limit(f.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    id: r.id,
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    activityId: r.activity_id,
    laId: r.la_id,
    before: r.before,
    after: r.after,
    reason: r.reason,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

/** Everyone who has acted, by label (one label per id: the first by label order). */
export async function listAuditActors(db: Kysely<DB>): Promise<{ id: string; label: string }[]> {
  const actors = await db
    .selectFrom('audit_events')
    .select(['actor_id', 'actor_label'])
    .where('actor_id', 'is not', null)
    .groupBy(['actor_id', 'actor_label'])
    .orderBy('actor_label')
    .execute();
  const byId = new Map<string, string>();
  for (const a of actors)
    if (a.actor_id && !byId.has(a.actor_id)) byId.set(a.actor_id, a.actor_label);
  return [...byId].map(([id, label]) => ({ id, label }));
}

/** The kinds of thing the log has events about, in order. */
export async function listAuditEntityTypes(db: Kysely<DB>): Promise<string[]> {
  const types = await db
    .selectFrom('audit_events')
    .select('entity_type')
    .distinct()
    .orderBy('entity_type')
    .execute();
  return types.map((t) => t.entity_type);
}

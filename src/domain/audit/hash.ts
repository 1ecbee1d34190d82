// The audit log is a hash chain: each event's hash covers its content and the previous hash,
// so editing or deleting a stored row breaks verification from that point on.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashableEvent {
  id: string;
  occurredAt: string; // ISO 8601, millisecond precision
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  activityId: string | null;
  laId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** JSON with object keys sorted, so that the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashEvent(prevHash: string, event: HashableEvent): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson(event))
    .digest('hex');
}

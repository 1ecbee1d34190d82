// Pseudonyms for children, adopters, families and staff: HMAC-SHA-256 with a key that belongs to
// one activity, so the same child gets the same reference in every list of that activity's
// import (and in a replacement file) but cannot be linked across activities, and nobody can
// recompute a reference once the key is destroyed at purge time.
import { createHmac, randomBytes } from 'node:crypto';

export type PseudonymKind = 'child' | 'adopter' | 'family' | 'staff';

const PREFIX: Record<PseudonymKind, string> = { child: 'C', adopter: 'A', family: 'F', staff: 'W' };

/** A new random per-activity key (hex). */
export function newPseudonymKey(): string {
  return randomBytes(32).toString('hex');
}

/**
 * The identifier as compared: trimmed, upper case, inner spaces removed, and leading zeros of an
 * all-digit identifier dropped (spreadsheets lose them: "00123" and 123 are the same child).
 */
export function canonicalIdentifier(raw: string): string {
  const s = raw.normalize('NFKC').trim().toUpperCase().replace(/\s+/g, '');
  const n = /^0*(\d+?)(\.0+)?$/.exec(s);
  return n ? n[1]! : s;
}

export type Pseudonymiser = (kind: PseudonymKind, value: string) => string;

/** A pseudonymiser for one activity's key: e.g. C-3f9a0c41d2e87b65 for a child. */
export function pseudonymiser(keyHex: string): Pseudonymiser {
  const key = Buffer.from(keyHex, 'hex');
  if (key.length < 16) throw new Error('pseudonym key too short');
  return (kind, value) => {
    const id = kind === 'staff' ? value.trim().toLowerCase() : canonicalIdentifier(value);
    const mac = createHmac('sha256', key).update(`${kind}\u0000${id}`).digest('hex');
    return `${PREFIX[kind]}-${mac.slice(0, 16)}`;
  };
}

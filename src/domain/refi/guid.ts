// REFI-QDA identifiers (GUIDType): a UUID, with or without braces, any letter case. Importers
// normalise them to lower-case UUIDs without braces (the form PostgreSQL prints); exporters write
// that form, which every vendor reads.
import { createHash } from 'node:crypto';

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const BRACED = /^\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}$/;

/** Whether s matches the XSD's GUIDType (after xsd:token whitespace collapsing). */
export function isRefiGuid(s: string): boolean {
  const t = s.trim();
  return UUID.test(t) || BRACED.test(t);
}

/** The canonical form of a valid GUID ('{ABC…}' → 'abc…'), or null when s is not one. */
export function normaliseGuid(s: string): string | null {
  if (!isRefiGuid(s)) return null;
  return s
    .trim()
    .replace(/^\{|\}$/g, '')
    .toLowerCase();
}

const namespaceBytes = new Map<string, Buffer>();

/** A name-based UUID (RFC 4122 version 5, SHA-1): the same inputs always give the same GUID. */
export function uuidV5(name: string, namespace = TRIANGULATE_NAMESPACE): string {
  // An export derives one a text selection (tens of thousands): the namespace's bytes once.
  let ns = namespaceBytes.get(namespace);
  if (!ns) {
    ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
    namespaceBytes.set(namespace, ns);
  }
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Namespace of the GUIDs Triangulate derives (people without accounts, text selections). */
export const TRIANGULATE_NAMESPACE = '6f0f1c57-2d1e-4c43-9d53-7a2f4f7d0b11';

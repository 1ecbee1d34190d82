// The parts of an imported project that Triangulate has no model for (pictures, audio, video and
// PDF sources with their selections and transcripts; sets; graphs; links; users; variables) are
// kept as they were written, as XML elements, and written again on export. GUIDs in them are put
// in canonical form (as everywhere else), and the paths of the files they name are rewritten to
// 'internal://<file>' because the files themselves are kept too (re-exported under sources/).
import { normaliseGuid, uuidV5 } from './guid.js';
import { escapeAttribute, escapeText } from './xml-writer.js';
import type { XmlElement } from './xml-tree.js';

export type KeptKind = 'user' | 'variable' | 'source' | 'set' | 'graph' | 'link';

export interface KeptElement {
  kind: KeptKind;
  guid: string;
  /** The element as XML, one element per line, without namespace prefixes. */
  xml: string;
}

export interface KeptFile {
  /** The file's name inside sources/. */
  name: string;
  bytes: Uint8Array;
}

/** Attributes holding a GUID (the XSD's GUIDType attributes). */
const GUID_ATTRS = new Set([
  'guid',
  'targetGUID',
  'originGUID',
  'representedGUID',
  'sourceVertex',
  'targetVertex',
  'creatingUser',
  'modifyingUser',
  'creatingUserGUID',
  'modifyingUserGUID',
]);
const PATH_ATTRS = new Set(['path', 'plainTextPath', 'richTextPath']);

export interface KeepContext {
  repairGuids: boolean;
  /** The archive entry a path names, with its bytes, or null. */
  file(path: string): { name: string; bytes: Uint8Array } | null;
  files: Map<string, KeptFile>;
  warnings: string[];
}

function canonicalAttrs(el: XmlElement, ctx: KeepContext): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(el.attrs)) {
    if (k.includes(':')) continue; // xsi:schemaLocation and vendor extensions
    let value = v;
    if (GUID_ATTRS.has(k)) {
      const g = normaliseGuid(v);
      value = g ?? (ctx.repairGuids ? uuidV5(`repaired:${v.trim()}`) : v);
    } else if (PATH_ATTRS.has(k)) {
      const f = ctx.file(v);
      if (f) {
        ctx.files.set(f.name.toLowerCase(), { name: f.name, bytes: f.bytes });
        value = `internal://${f.name}`;
      } else if (/^internal:\/\//i.test(v.trim()) || !/^[a-z]+:\/\//i.test(v.trim()))
        ctx.warnings.push(
          `<${el.name} guid="${el.attrs.guid ?? ''}">: the file '${v}' is not in the archive; the element was kept without it`,
        );
    }
    out.push([k, value]);
  }
  return out;
}

/** The element and its descendants as XML (text-only elements keep their text exactly). */
export function elementXml(el: XmlElement, ctx: KeepContext, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = canonicalAttrs(el, ctx)
    .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
    .join('');
  if (el.children.length === 0)
    return el.text.trim() === ''
      ? `${pad}<${el.name}${attrs}/>`
      : `${pad}<${el.name}${attrs}>${escapeText(el.text)}</${el.name}>`;
  const inner = el.children.map((c) => elementXml(c, ctx, depth + 1)).join('\n');
  return `${pad}<${el.name}${attrs}>\n${inner}\n${pad}</${el.name}>`;
}

/** Keeps one element whole (null when it has no usable GUID). */
export function keepElement(el: XmlElement, kind: KeptKind, ctx: KeepContext): KeptElement | null {
  const raw = el.attrs.guid;
  if (raw === undefined) return null;
  const guid = normaliseGuid(raw) ?? (ctx.repairGuids ? uuidV5(`repaired:${raw.trim()}`) : null);
  return guid ? { kind, guid, xml: elementXml(el, ctx) } : null;
}

/** Every GUID an element written by elementXml carries in a guid attribute. */
export function guidsIn(xml: string): string[] {
  return [...xml.matchAll(/\sguid="([^"]+)"/g)].map((m) => m[1]!);
}

/** Drops the lines of kept XML that refer (targetGUID) to something not in the export. */
export function withoutDanglingRefs(xml: string, present: Set<string>): string {
  return xml
    .split('\n')
    .filter((line) => {
      const m =
        /^\s*<(Member\w+|NoteRef|CodeRef|SourceRef|SelectionRef)\s+targetGUID="([^"]+)"\/>$/.exec(
          line,
        );
      return !m || present.has(m[2]!);
    })
    .join('\n');
}

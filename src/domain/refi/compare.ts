// Compares a REFI-QDA project with its re-export element by element: every element the standard
// identifies (a guid attribute) must come back under the same GUID and element name, with the
// same identifying attributes (names, dates, users, positions, colours, types), the same
// Description and text, the same references (NoteRef, CodeRef, SourceRef, SelectionRef,
// Member…), and its files with the same bytes. What the export adds is not a loss. Used by the
// integration tests and `npm run conformance` on vendor projects.
import { normaliseGuid } from './guid.js';
import { openQdpx } from './package.js';
import { decodeSourceText } from './text-map.js';
import { parseXmlTree, type XmlElement } from './xml-tree.js';

export interface Loss {
  element: string;
  guid: string;
  what: string;
}

export interface ComparedProject {
  root: XmlElement;
  /** The bytes of a file a path names (null when absent). */
  file(path: string): Uint8Array | null;
}

/** A .qdpx opened for comparison (the same safe reading as an import). */
export function comparedQdpx(bytes: Uint8Array, label = 'project.qdpx'): ComparedProject {
  const q = openQdpx(bytes);
  return {
    root: parseXmlTree(q.xml.replace(/^\ufeff/, ''), label),
    file: (p) => q.readInternal(p),
  };
}

const COMPARED = [
  'name',
  'creatingUser',
  'creationDateTime',
  'modifyingUser',
  'modifiedDateTime',
  'color',
  'isCodable',
  'startPosition',
  'endPosition',
  'typeOfVariable',
  'direction',
  'originGUID',
  'targetGUID',
  'firstX',
  'firstY',
  'secondX',
  'secondY',
  'begin',
  'end',
  'page',
];
const REFS = /^(NoteRef|CodeRef|SourceRef|SelectionRef|VariableRef|Member\w+)$/;
const TEXTS = ['Description'];
const FILE_ATTRS = ['path', 'richTextPath'];

const canon = (v: string) => normaliseGuid(v) ?? v;

function identified(root: XmlElement): Map<string, XmlElement> {
  const out = new Map<string, XmlElement>();
  const walk = (el: XmlElement) => {
    const g = el.attrs.guid;
    if (g !== undefined && !out.has(canon(g))) out.set(canon(g), el);
    el.children.forEach(walk);
  };
  walk(root);
  return out;
}

const refsOf = (el: XmlElement) =>
  el.children
    .filter((c) => REFS.test(c.name) && c.attrs.targetGUID !== undefined)
    .map((c) => `${c.name}:${canon(c.attrs.targetGUID!)}`);

const valuesOf = (el: XmlElement) =>
  el.children
    .filter((c) => c.name === 'VariableValue')
    .map((c) => {
      const ref = c.children.find((x) => x.name === 'VariableRef')?.attrs.targetGUID ?? '';
      const v = c.children.find((x) => x.name !== 'VariableRef');
      return `${canon(ref)}=${v?.text.trim() ?? ''}`;
    });

/** The plain text of a source or note: inline, or in the file its plainTextPath names. */
function plainText(p: ComparedProject, el: XmlElement): string | null {
  const inline = el.children.find((c) => c.name === 'PlainTextContent');
  if (inline) return inline.text;
  const path = el.attrs.plainTextPath;
  const bytes = path !== undefined ? p.file(path) : null;
  return bytes ? decodeSourceText(bytes).text : null;
}

/**
 * The losses; `excused` names elements known to be left out (an import told about them), which
 * are not losses, nor is anything inside them.
 */
export function compareProjects(
  before: ComparedProject,
  after: ComparedProject,
  excused: Set<string> = new Set(),
): Loss[] {
  const losses: Loss[] = [];
  const a = identified(before.root);
  const b = identified(after.root);
  const isExcused = (el: XmlElement): boolean => {
    for (let g: string | null = canon(el.attrs.guid ?? ''); g !== null;) {
      if (excused.has(g)) return true;
      const e = a.get(g);
      g = e ? parentGuid(before.root, e) : null;
    }
    return false;
  };
  for (const [guid, el] of a) {
    if (isExcused(el)) continue;
    const lose = (what: string) => losses.push({ element: el.name, guid, what });
    const other = b.get(guid);
    if (!other) {
      lose('missing from the export');
      continue;
    }
    if (other.name !== el.name) lose(`exported as <${other.name}>`);
    for (const attr of COMPARED) {
      const x = el.attrs[attr];
      if (x === undefined) continue;
      const y = other.attrs[attr];
      const same =
        y !== undefined &&
        (canon(x.trim()) === canon(y.trim()) ||
          // ATLAS.ti's "Parent::child" names are exported nested, as 'child' under 'Parent'.
          (attr === 'name' && el.name === 'Code' && x.includes('::') && x.endsWith(`::${y}`)));
      if (!same) lose(`${attr}="${x}" became ${y === undefined ? 'absent' : `"${y}"`}`);
    }
    for (const t of TEXTS) {
      const x = el.children.find((c) => c.name === t);
      const y = other.children.find((c) => c.name === t);
      if (x && x.text !== (y?.text ?? null))
        lose(`its ${t} changed: ${JSON.stringify(x.text.slice(0, 60))}`);
    }
    const text = plainText(before, el);
    if (text !== null && plainText(after, other) !== text)
      lose(`its text changed (${JSON.stringify(text.slice(0, 40))}…)`);
    const theirs = new Set(refsOf(other));
    for (const r of refsOf(el))
      if (!theirs.has(r) && !excused.has(r.slice(r.indexOf(':') + 1)))
        lose(`lost its ${r.replace(':', ' to ')}`);
    const values = new Set(valuesOf(other));
    for (const v of valuesOf(el)) if (!values.has(v)) lose(`lost its variable value ${v}`);
    for (const attr of FILE_ATTRS) {
      const path = el.attrs[attr];
      if (path === undefined) continue;
      const x = before.file(path);
      if (x === null) continue;
      const otherPath = other.attrs[attr];
      const y = otherPath !== undefined ? after.file(otherPath) : null;
      if (!sameBytes(x, y))
        lose(`the file of its ${attr} (${path}) ${y === null ? 'is missing' : 'changed'}`);
    }
    const parent = parentGuid(before.root, el);
    const otherParent = parentGuid(after.root, other);
    if (parent !== otherParent && !(el.name === 'Code' && el.attrs.name?.includes('::')))
      lose(`moved from ${parent ?? 'the top'} to ${otherParent ?? 'the top'}`);
  }
  return losses;
}

function sameBytes(x: Uint8Array, y: Uint8Array | null): boolean {
  if (!y || x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

const parents = new WeakMap<XmlElement, Map<XmlElement, string | null>>();

/** The GUID of the nearest identified ancestor (where the element sits in the tree). */
function parentGuid(root: XmlElement, el: XmlElement): string | null {
  let m = parents.get(root);
  if (!m) {
    const map = new Map<XmlElement, string | null>();
    const walk = (e: XmlElement, p: string | null) => {
      map.set(e, p);
      const g = e.attrs.guid !== undefined ? canon(e.attrs.guid) : p;
      e.children.forEach((c) => walk(c, g));
    };
    walk(root, null);
    parents.set(root, map);
    m = map;
  }
  return m.get(el) ?? null;
}

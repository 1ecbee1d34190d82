// Writes a RefiProject as REFI-QDA 1.5 XML: project.qde (with each source's text as an internal
// UTF-8 file sources/<guid>.txt) and the codebook as a .qdc. Empty wrappers (<Cases/>, <Sets/>…)
// are never written: the XSDs require at least one child in each.
import type {
  RefiCase,
  RefiCode,
  RefiCoding,
  RefiProject,
  RefiTextSource,
  RefiVariable,
  RefiVariableValue,
  Stamp,
} from './model.js';
import { CODEBOOK_NS, PROJECT_NS } from './xsd-rules.js';
import { XmlWriter, type Attributes } from './xml-writer.js';

export interface WrittenProject {
  /** The project.qde document, as UTF-8 bytes in pieces of about 1 MB. */
  xml: Uint8Array[];
  /** Internal source files by name within sources/ ('<guid>.txt'). */
  sources: Map<string, string>;
  /** Other files (of kept media sources) by name within sources/. */
  files: Map<string, Uint8Array>;
}

const stamp = (s: Stamp): Attributes => ({
  creatingUser: s.creatingUser,
  creationDateTime: s.creationDateTime,
  modifyingUser: s.modifyingUser,
  modifiedDateTime: s.modifiedDateTime,
});

function writeCode(w: XmlWriter, c: RefiCode, withNotes: boolean): void {
  const attrs = { guid: c.guid, name: c.name, isCodable: c.isCodable, color: c.color };
  const notes = withNotes ? c.noteRefs : [];
  if (c.description === null && notes.length === 0 && c.children.length === 0) {
    w.empty('Code', attrs);
    return;
  }
  w.open('Code', attrs);
  if (c.description !== null) w.text('Description', c.description);
  for (const n of notes) w.empty('NoteRef', { targetGUID: n });
  for (const child of c.children) writeCode(w, child, withNotes);
  w.close();
}

function writeValue(w: XmlWriter, v: RefiVariableValue, vars: Map<string, RefiVariable>): void {
  const type = vars.get(v.variableGuid)?.type ?? 'Text';
  w.open('VariableValue');
  w.empty('VariableRef', { targetGUID: v.variableGuid });
  const element = `${type}Value`;
  w.text(element, typeof v.value === 'boolean' ? String(v.value) : String(v.value));
  w.close();
}

function writeCoding(w: XmlWriter, k: RefiCoding): void {
  w.open('Coding', {
    guid: k.guid,
    creatingUser: k.creatingUser,
    creationDateTime: k.creationDateTime,
  });
  w.empty('CodeRef', { targetGUID: k.codeGuid });
  for (const n of k.noteRefs) w.empty('NoteRef', { targetGUID: n });
  w.close();
}

function writeCase(w: XmlWriter, c: RefiCase, vars: Map<string, RefiVariable>): void {
  w.open('Case', { guid: c.guid, name: c.name });
  if (c.description !== null) w.text('Description', c.description);
  for (const r of c.codeRefs) w.empty('CodeRef', { targetGUID: r });
  for (const v of c.variableValues) writeValue(w, v, vars);
  for (const r of c.sourceRefs) w.empty('SourceRef', { targetGUID: r });
  for (const r of c.selectionRefs) w.empty('SelectionRef', { targetGUID: r });
  w.close();
}

function writeSource(
  w: XmlWriter,
  s: RefiTextSource,
  vars: Map<string, RefiVariable>,
  files: Map<string, string>,
): void {
  const file = `${s.guid}.txt`;
  files.set(file, s.text);
  w.open('TextSource', {
    guid: s.guid,
    name: s.name,
    plainTextPath: `internal://${file}`,
    creatingUser: s.creatingUser,
    creationDateTime: s.creationDateTime,
    modifyingUser: s.modifyingUser,
    modifiedDateTime: s.modifiedDateTime,
  });
  if (s.description !== null) w.text('Description', s.description);
  for (const sel of s.selections) {
    w.open('PlainTextSelection', {
      guid: sel.guid,
      name: sel.name,
      startPosition: sel.start,
      endPosition: sel.end,
      creatingUser: sel.creatingUser,
      creationDateTime: sel.creationDateTime,
      modifyingUser: sel.modifyingUser,
      modifiedDateTime: sel.modifiedDateTime,
    });
    if (sel.description !== null) w.text('Description', sel.description);
    for (const k of sel.codings) writeCoding(w, k);
    for (const n of sel.noteRefs) w.empty('NoteRef', { targetGUID: n });
    w.close();
  }
  for (const k of s.codings) writeCoding(w, k);
  for (const n of s.noteRefs) w.empty('NoteRef', { targetGUID: n });
  for (const v of s.variableValues) writeValue(w, v, vars);
  w.close();
}

export function writeProject(p: RefiProject): WrittenProject {
  const w = new XmlWriter();
  const files = new Map<string, string>();
  const vars = new Map(p.variables.map((v) => [v.guid, v]));
  for (const x of p.raw?.variables ?? []) {
    const guid = /\sguid="([^"]+)"/.exec(x)?.[1];
    const type = /\stypeOfVariable="([^"]+)"/.exec(x)?.[1];
    if (guid && type)
      vars.set(guid, { guid, name: '', type: type as RefiVariable['type'], description: null });
  }
  w.open('Project', {
    xmlns: PROJECT_NS,
    name: p.name,
    origin: p.origin,
    creationDateTime: p.creationDateTime,
    modifiedDateTime: p.modifiedDateTime,
  });
  const raw = p.raw ?? { users: [], variables: [], sources: [], links: [], sets: [], graphs: [] };
  if (p.users.length + raw.users.length > 0) {
    w.open('Users');
    for (const u of raw.users) w.raw(u);
    for (const u of p.users) w.empty('User', { guid: u.guid, name: u.name });
    w.close();
  }
  if (p.codes.length > 0) {
    w.open('CodeBook').open('Codes');
    for (const c of p.codes) writeCode(w, c, true);
    w.close().close();
  }
  if (p.variables.length + raw.variables.length > 0) {
    w.open('Variables');
    for (const v of raw.variables) w.raw(v);
    for (const v of p.variables) {
      const attrs = { guid: v.guid, name: v.name, typeOfVariable: v.type };
      if (v.description === null) w.empty('Variable', attrs);
      else w.open('Variable', attrs).text('Description', v.description).close();
    }
    w.close();
  }
  if (p.cases.length > 0) {
    w.open('Cases');
    for (const c of p.cases) writeCase(w, c, vars);
    w.close();
  }
  if (p.sources.length + raw.sources.length > 0) {
    w.open('Sources');
    for (const s of p.sources) writeSource(w, s, vars, files);
    for (const s of raw.sources) w.raw(s);
    w.close();
  }
  if (p.notes.length > 0) {
    w.open('Notes');
    for (const n of p.notes) {
      w.open('Note', { guid: n.guid, name: n.name, ...stamp(n) });
      if (n.description !== null) w.text('Description', n.description);
      w.text('PlainTextContent', n.text);
      w.close();
    }
    w.close();
  }
  if (p.links.length + raw.links.length > 0) {
    w.open('Links');
    for (const l of raw.links) w.raw(l);
    for (const l of p.links)
      w.empty('Link', {
        guid: l.guid,
        name: l.name,
        direction: l.direction,
        originGUID: l.originGuid,
        targetGUID: l.targetGuid,
      });
    w.close();
  }
  for (const [wrapper, list] of [
    ['Sets', raw.sets],
    ['Graphs', raw.graphs],
  ] as const)
    if (list.length > 0) {
      w.open(wrapper);
      for (const x of list) w.raw(x);
      w.close();
    }
  if (p.description !== null) w.text('Description', p.description);
  for (const n of p.noteRefs) w.empty('NoteRef', { targetGUID: n });
  w.close();
  return {
    xml: w.toBytes(),
    sources: files,
    files: new Map((p.files ?? []).map((f) => [f.name, f.bytes])),
  };
}

/** The codebook alone, as a .qdc document (Codebook.xsd). */
export function writeCodebook(codes: RefiCode[], origin: string): string {
  if (codes.length === 0)
    throw new Error('A codebook needs at least one code (Codebook.xsd requires one)');
  const w = new XmlWriter();
  w.open('CodeBook', { xmlns: CODEBOOK_NS, origin });
  w.open('Codes');
  for (const c of codes) writeCode(w, c, false);
  w.close().close();
  return w.toString();
}

// Gives an exported project back what the imported file said, where the evidence base still
// holds it unchanged: the file's GUIDs, names, creation dates (none invented: a date the file did
// not have is not written), users (also those nothing refers to), source texts byte for byte
// (line ends, trailing newline; positions are turned back into the file's code points), the
// selections and their codings as they were grouped, a note's Description apart from its text,
// colours as written, and whole elements kept as XML (media sources and their files, sets,
// graphs, links, variables, users). What users added since is exported as Triangulate writes it.
import { cpLength } from '../evidence/offsets.js';
import { guidsIn, withoutDanglingRefs, type KeptFile } from './kept-elements.js';
import {
  flattenCodes,
  type RefiCoding,
  type RefiProject,
  type RefiSelection,
  type RefiVariableValue,
} from './model.js';
import type {
  CaseOriginal,
  CodeOriginal,
  CodingOriginal,
  NoteOriginal,
  ProjectOriginal,
  SelectionOriginal,
  SourceOriginal,
} from './originals.js';
import { colourOf } from './read-codes.js';
import { normaliseWithMap } from './text-map.js';

export interface ExportOriginal {
  kind: string;
  guid: string;
  /** Whether the import made a row of it. */
  hadRow: boolean;
  /** The GUID that row has today (null when it had none or is gone). */
  current: string | null;
  data: unknown;
  xml: string | null;
}

export interface OriginalsForExport {
  elements: ExportOriginal[];
  files: KeptFile[];
}

const dedupe = (list: string[]) => [...new Set(list)];

/** Positions in the tidied text back to the file's: the first original code point of each. */
function inverseMap(map: Int32Array, length: number): Int32Array {
  const inv = new Int32Array(length + 1).fill(-1);
  for (let i = map.length - 1; i >= 0; i--) inv[map[i]!] = i;
  for (let p = length; p >= 0; p--)
    if (inv[p] === -1) inv[p] = p === length ? map.length - 1 : inv[p + 1]!;
  return inv;
}

export function restoreOriginals(p: RefiProject, o: OriginalsForExport): RefiProject {
  if (o.elements.length === 0) return p;
  const of = (kind: string) => o.elements.filter((e) => e.kind === kind);
  const byCurrent = (kind: string) => {
    const m = new Map<string, ExportOriginal>();
    for (const e of of(kind)) if (e.current && !m.has(e.current)) m.set(e.current, e);
    return m;
  };

  // Codes.
  const codeMap = new Map<string, string>();
  const codeOriginals = byCurrent('code');
  const codeGuids = new Set(flattenCodes(p.codes).map((c) => c.guid));
  for (const c of flattenCodes(p.codes)) {
    const e = codeOriginals.get(c.guid);
    if (!e) continue;
    const d = e.data as CodeOriginal;
    if (e.guid !== c.guid && !codeGuids.has(e.guid)) {
      codeMap.set(c.guid, e.guid);
      codeGuids.add(e.guid);
      c.guid = e.guid;
    }
    if (d.name.replace(/\s+/g, ' ').trim() === c.name) c.name = d.name;
    if (d.plannedCodable === c.isCodable) c.isCodable = d.isCodable;
    if (d.color !== null && colourOf(d.color) === c.color) c.color = d.color;
    if ((d.description?.trim() || null) === c.description) c.description = d.description;
  }
  const code = (g: string) => codeMap.get(g) ?? g;

  // Notes (memos), first: everything else refers to them.
  const noteMap = new Map<string, string>();
  const noteOriginals = byCurrent('note');
  const copies = byCurrent('note-copy');
  const dropped = new Set<string>();
  for (const n of p.notes) {
    const copy = copies.get(n.guid);
    const copyData = copy?.data as { of: string; memoText: string } | undefined;
    if (copyData && n.text === copyData.memoText) {
      noteMap.set(n.guid, copyData.of);
      dropped.add(n.guid);
      continue;
    }
    const e = noteOriginals.get(n.guid);
    if (!e) continue;
    const d = e.data as NoteOriginal;
    noteMap.set(n.guid, e.guid);
    n.guid = e.guid;
    n.creatingUser = d.creatingUser;
    n.creationDateTime = d.creationDateTime;
    if (n.text === d.memoText) {
      n.text = d.text;
      n.description = d.description;
      n.name = d.name;
      n.modifyingUser = d.modifyingUser;
      n.modifiedDateTime = d.modifiedDateTime;
    }
  }
  p.notes = p.notes.filter((n) => !dropped.has(n.guid));
  for (const e of of('note'))
    if (!e.hadRow) {
      const d = e.data as NoteOriginal;
      p.notes.push({
        guid: e.guid,
        name: d.name,
        description: d.description,
        text: d.text,
        creatingUser: d.creatingUser,
        creationDateTime: d.creationDateTime,
        modifyingUser: d.modifyingUser,
        modifiedDateTime: d.modifiedDateTime,
      });
    }
  const notes = (refs: string[]) => dedupe(refs.map((r) => noteMap.get(r) ?? r));
  p.noteRefs = notes(p.noteRefs);
  for (const c of flattenCodes(p.codes)) c.noteRefs = notes(c.noteRefs);

  // Sources, their selections and codings.
  const sourceMap = new Map<string, string>();
  const sourceOriginals = byCurrent('source');
  const selections = new Map(of('selection').map((e) => [e.guid, e.data as SelectionOriginal]));
  const uncoded = new Map<string, Array<[string, SelectionOriginal]>>();
  for (const [guid, so] of selections)
    if (so.codings.length === 0)
      uncoded.set(so.source, [...(uncoded.get(so.source) ?? []), [guid, so]]);
  const codingOriginals = byCurrent('coding');
  const mergedInto = new Map<string, Array<{ guid: string; d: CodingOriginal }>>();
  for (const e of of('coding')) {
    const d = e.data as CodingOriginal;
    if (d.keptAs)
      mergedInto.set(d.keptAs, [...(mergedInto.get(d.keptAs) ?? []), { guid: e.guid, d }]);
  }
  const restoredCoding = (guid: string, d: CodingOriginal): RefiCoding => ({
    guid,
    codeGuid: code(d.code),
    creatingUser: d.creatingUser,
    creationDateTime: d.creationDateTime,
    noteRefs: notes(d.noteRefs),
  });
  const withinMedia = new Set<string>();
  for (const s of p.sources) {
    const fix = (k: RefiCoding) => {
      k.codeGuid = code(k.codeGuid);
      k.noteRefs = notes(k.noteRefs);
    };
    s.noteRefs = notes(s.noteRefs);
    const e = sourceOriginals.get(s.guid);
    if (!e) {
      for (const sel of s.selections) sel.codings.forEach(fix);
      s.codings.forEach(fix);
      continue;
    }
    const d = e.data as SourceOriginal;
    if (d.keptIn) {
      withinMedia.add(s.guid);
      continue;
    }
    sourceMap.set(s.guid, e.guid);
    s.guid = e.guid;
    s.name = d.name ?? s.name;
    s.description = d.description;
    s.creatingUser = d.creatingUser;
    s.creationDateTime = d.creationDateTime;
    const { text: tidied, map } = normaliseWithMap(d.text);
    const same = tidied === s.text;
    if (!same) {
      for (const sel of s.selections) sel.codings.forEach(fix);
      s.codings.forEach(fix);
      s.variableValues = mergeValues(s.variableValues, d.values);
      continue;
    }
    s.text = d.text;
    s.modifyingUser = d.modifyingUser;
    s.modifiedDateTime = d.modifiedDateTime;
    const length = cpLength(tidied);
    const inv = inverseMap(map, length);
    const restored = new Map<string, RefiSelection>();
    const whole: RefiCoding[] = [];
    const place = (container: RefiCoding[], k: RefiCoding) => {
      container.push(k);
      for (const m of mergedInto.get(k.guid) ?? []) container.push(restoredCoding(m.guid, m.d));
    };
    const selectionOf = (guid: string, so: SelectionOriginal): RefiSelection => {
      let sel = restored.get(guid);
      if (!sel) {
        sel = {
          guid,
          name: so.name,
          start: so.start,
          end: so.end,
          description: so.description,
          creatingUser: so.creatingUser,
          creationDateTime: so.creationDateTime,
          modifyingUser: so.modifyingUser,
          modifiedDateTime: so.modifiedDateTime,
          codings: [],
          noteRefs: notes(so.noteRefs),
        };
        restored.set(guid, sel);
      }
      return sel;
    };
    for (const sel of s.selections) {
      const left: RefiCoding[] = [];
      for (const k of sel.codings) {
        fix(k);
        const ce = codingOriginals.get(k.guid);
        const cd = ce?.data as CodingOriginal | undefined;
        if (ce && cd) {
          k.guid = ce.guid;
          k.creatingUser = cd.creatingUser;
          k.creationDateTime = cd.creationDateTime;
          const so = cd.selection ? selections.get(cd.selection) : undefined;
          if (cd.selection === null && sel.start === 0 && sel.end === length) {
            place(whole, k);
            continue;
          }
          if (cd.selection && so && map[so.start] === sel.start && map[so.end] === sel.end) {
            const target = selectionOf(cd.selection, so);
            // A note on the selection that the import attached to its only coding.
            k.noteRefs = k.noteRefs.filter(
              (r) => !target.noteRefs.includes(r) || notes(cd.noteRefs).includes(r),
            );
            place(target.codings, k);
            continue;
          }
        }
        left.push(k);
      }
      sel.codings = left;
      sel.start = inv[sel.start]!;
      sel.end = inv[sel.end]!;
    }
    for (const [guid, so] of uncoded.get(e.guid) ?? []) selectionOf(guid, so);
    s.selections = [...s.selections.filter((x) => x.codings.length > 0), ...restored.values()].sort(
      (a, b) => a.start - b.start || a.end - b.end,
    );
    s.codings = [...whole, ...s.codings];
    s.variableValues = mergeValues(s.variableValues, d.values);
  }
  p.sources = p.sources.filter((s) => !withinMedia.has(s.guid));

  // Cases.
  const caseMap = new Map<string, string>();
  const caseOriginals = byCurrent('case');
  const exportedSelections = new Set(p.sources.flatMap((s) => s.selections.map((x) => x.guid)));
  for (const c of p.cases) {
    c.sourceRefs = dedupe(c.sourceRefs.map((g) => sourceMap.get(g) ?? g));
    const e = caseOriginals.get(c.guid);
    if (!e) continue;
    const d = e.data as CaseOriginal;
    caseMap.set(c.guid, e.guid);
    c.guid = e.guid;
    if (d.name !== null && d.name.trim() === c.name) c.name = d.name;
    if (c.description === d.plannedDescription) c.description = d.description;
    c.variableValues = mergeValues(c.variableValues, d.values);
    c.codeRefs = dedupe([...c.codeRefs, ...d.codeRefs.filter((g) => codeGuids.has(g))]);
    c.selectionRefs = dedupe([
      ...c.selectionRefs,
      ...d.selectionRefs.filter((g) => exportedSelections.has(g)),
    ]);
  }

  // Whole elements kept as written.
  const xmlOf = (kind: string) => of(kind).flatMap((e) => (e.xml ? [e.xml] : []));
  const rawUsers = xmlOf('user');
  const rawVariables = xmlOf('variable');
  const media = xmlOf('media');
  const present = new Set<string>([
    ...codeGuids,
    ...p.sources.flatMap((s) => [
      s.guid,
      ...s.selections.flatMap((x) => [x.guid, ...x.codings.map((k) => k.guid)]),
      ...s.codings.map((k) => k.guid),
    ]),
    ...p.notes.map((n) => n.guid),
    ...p.cases.map((c) => c.guid),
    ...p.variables.map((v) => v.guid),
    ...[...rawUsers, ...rawVariables, ...media].flatMap(guidsIn),
  ]);
  const linkEnds = (xml: string) => [
    /originGUID="([^"]+)"/.exec(xml)?.[1],
    /targetGUID="([^"]+)"/.exec(xml)?.[1],
  ];
  const rawLinks = xmlOf('link').filter((x) => linkEnds(x).every((g) => g && present.has(g)));
  const rawEnds = new Set(rawLinks.map((x) => linkEnds(x).join('>')));
  p.links = p.links
    .map((l) => ({
      ...l,
      originGuid: l.originGuid ? (noteMap.get(l.originGuid) ?? l.originGuid) : null,
      targetGuid: l.targetGuid ? (caseMap.get(l.targetGuid) ?? l.targetGuid) : null,
    }))
    .filter((l) => !rawEnds.has(`${l.originGuid}>${l.targetGuid}`));
  const sets = xmlOf('set').map((x) => withoutDanglingRefs(x, present));

  // Users: all the file had, and those of what was added that something refers to.
  const rawUserGuids = new Set(rawUsers.flatMap(guidsIn));
  const referenced = new Set<string>();
  const stamp = (x: { creatingUser?: string | null; modifyingUser?: string | null }) => {
    if (x.creatingUser) referenced.add(x.creatingUser);
    if (x.modifyingUser) referenced.add(x.modifyingUser);
  };
  for (const s of p.sources) {
    stamp(s);
    s.codings.forEach(stamp);
    for (const x of s.selections) {
      stamp(x);
      x.codings.forEach(stamp);
    }
  }
  p.notes.forEach(stamp);
  p.users = p.users.filter((u) => referenced.has(u.guid) && !rawUserGuids.has(u.guid));
  const rawVariableGuids = new Set(rawVariables.flatMap(guidsIn));
  p.variables = p.variables.filter((v) => !rawVariableGuids.has(v.guid));

  const project = of('project')[0]?.data as ProjectOriginal | undefined;
  if (project) {
    p.name = project.name;
    p.creationDateTime = project.creationDateTime;
    p.description = project.description ?? p.description;
  }
  p.raw = {
    users: rawUsers,
    variables: rawVariables,
    sources: media,
    links: rawLinks,
    sets,
    graphs: xmlOf('graph'),
  };
  p.files = o.files;
  return p;
}

function mergeValues(ours: RefiVariableValue[], theirs: RefiVariableValue[]): RefiVariableValue[] {
  const have = new Set(ours.map((v) => v.variableGuid));
  return [...ours, ...theirs.filter((v) => !have.has(v.variableGuid))];
}

// What an import keeps of the file as it was written, so that an export gives back what the
// standard identifies: GUIDs of selections, codings and users, names, creation dates (none
// invented), source texts byte for byte, a note's Description apart from its text, colours as
// written, and whole elements Triangulate has no model for (media sources, sets, graphs, links).
// Each original names the row it became (a code, case, evidence record, coding or memo) by the
// GUID the plan gave it; the use case turns that into the row's id when it stores them.
import { flattenCodes, type RefiVariableValue, type Stamp } from './model.js';
import type { ImportPlan } from './plan-import.js';
import type { ImportedProject } from './read-project.js';

export type OriginalKind =
  | 'project'
  | 'code'
  | 'case'
  | 'source'
  | 'selection'
  | 'coding'
  | 'note'
  | 'note-copy'
  | 'user'
  | 'variable'
  | 'media'
  | 'set'
  | 'graph'
  | 'link';

export type LocalKind = 'code' | 'case' | 'evidence' | 'coding' | 'memo';

export interface CodeOriginal {
  name: string;
  isCodable: boolean;
  /** Whether the import made it codable (a code marked not codable that has codings). */
  plannedCodable: boolean | null;
  color: string | null;
  description: string | null;
}
export interface SourceOriginal extends Stamp {
  name: string | null;
  description: string | null;
  /** The text as the file had it (before line ends and spaces were tidied). */
  text: string;
  values: RefiVariableValue[];
  /** A media source it is exported within (a PDF's representation, a transcript), or null. */
  keptIn: string | null;
}
export interface SelectionOriginal extends Stamp {
  source: string;
  name: string | null;
  start: number;
  end: number;
  description: string | null;
  noteRefs: string[];
  codings: string[];
}
export interface CodingOriginal {
  source: string;
  /** Its selection, or null for a coding of the whole source. */
  selection: string | null;
  code: string;
  creatingUser: string | null;
  creationDateTime: string | null;
  noteRefs: string[];
  /** For a coding merged into another (same span, code and text), that coding's GUID. */
  keptAs: string | null;
}
export interface NoteOriginal extends Stamp {
  name: string | null;
  description: string | null;
  text: string;
  /** The memo text the import made of it (to tell whether it was changed since). */
  memoText: string;
}
export interface CaseOriginal {
  name: string | null;
  description: string | null;
  plannedDescription: string | null;
  values: RefiVariableValue[];
  codeRefs: string[];
  selectionRefs: string[];
}
export interface ProjectOriginal {
  name: string;
  creationDateTime: string | null;
  modifiedDateTime: string | null;
  description: string | null;
}

export interface Original {
  kind: OriginalKind;
  guid: string;
  /** The row it became, by kind and planned GUID (stored as the row's id). */
  local: { kind: LocalKind; guid: string } | null;
  data: unknown;
  xml: string | null;
}

export function originalsOf(p: ImportedProject, plan: ImportPlan, projectGuid: string): Original[] {
  const out: Original[] = [];
  const push = (o: Omit<Original, 'local' | 'xml' | 'data'> & Partial<Original>) =>
    out.push({ local: null, xml: null, data: null, ...o });
  const project: ProjectOriginal = {
    name: p.name,
    creationDateTime: p.creationDateTime,
    modifiedDateTime: p.modifiedDateTime,
    description: p.description,
  };
  push({ kind: 'project', guid: projectGuid, data: project });
  for (const k of p.kept)
    push({ kind: k.kind === 'source' ? 'media' : k.kind, guid: k.guid, xml: k.xml });
  const plannedCodes = new Map(plan.codes.map((x) => [x.guid, x]));
  for (const c of flattenCodes(p.codes)) {
    const planned = plannedCodes.get(plan.aliases.code.get(c.guid) ?? c.guid);
    const data: CodeOriginal = {
      name: c.name,
      isCodable: c.isCodable,
      plannedCodable: planned?.isCodable ?? null,
      color: c.rawColor ?? c.color,
      description: c.description,
    };
    push({
      kind: 'code',
      guid: c.guid,
      local: { kind: 'code', guid: plan.aliases.code.get(c.guid) ?? c.guid },
      data,
    });
  }
  const plannedCases = new Map(plan.cases.map((c) => [c.guid, c]));
  for (const c of p.cases) {
    const local = plan.aliases.case.get(c.guid) ?? c.guid;
    const data: CaseOriginal = {
      name: c.name,
      description: c.description,
      plannedDescription: plannedCases.get(local)?.description ?? null,
      values: c.variableValues,
      codeRefs: c.codeRefs,
      selectionRefs: c.selectionRefs,
    };
    push({ kind: 'case', guid: c.guid, local: { kind: 'case', guid: local }, data });
  }
  const planned = new Set(plan.evidence.map((e) => e.guid));
  const plannedCodings = new Set(plan.codings.map((k) => k.guid));
  for (const s of p.sources) {
    if (!planned.has(s.guid)) continue;
    const data: SourceOriginal = {
      name: s.name,
      description: s.description,
      text: s.text,
      values: s.variableValues,
      keptIn: s.keptIn ?? null,
      creatingUser: s.creatingUser ?? null,
      creationDateTime: s.creationDateTime ?? null,
      modifyingUser: s.modifyingUser ?? null,
      modifiedDateTime: s.modifiedDateTime ?? null,
    };
    push({ kind: 'source', guid: s.guid, local: { kind: 'evidence', guid: s.guid }, data });
    const coding = (k: (typeof s.codings)[number], selection: string | null) => {
      const kept = plan.aliases.coding.get(k.guid) ?? null;
      const data: CodingOriginal = {
        source: s.guid,
        selection,
        code: k.codeGuid,
        creatingUser: k.creatingUser,
        creationDateTime: k.creationDateTime,
        noteRefs: k.noteRefs,
        keptAs: kept !== null && kept !== k.guid ? kept : null,
      };
      push({
        kind: 'coding',
        guid: k.guid,
        local:
          kept === k.guid && plannedCodings.has(k.guid) ? { kind: 'coding', guid: k.guid } : null,
        data,
      });
    };
    for (const sel of s.selections) {
      const data: SelectionOriginal = {
        source: s.guid,
        name: sel.name,
        start: sel.start,
        end: sel.end,
        description: sel.description,
        noteRefs: sel.noteRefs,
        codings: sel.codings.map((k) => k.guid),
        creatingUser: sel.creatingUser ?? null,
        creationDateTime: sel.creationDateTime ?? null,
        modifyingUser: sel.modifyingUser ?? null,
        modifiedDateTime: sel.modifiedDateTime ?? null,
      };
      push({ kind: 'selection', guid: sel.guid, data });
      for (const k of sel.codings) coding(k, sel.guid);
    }
    for (const k of s.codings) coding(k, null);
  }
  const memosOf = new Map<string, ImportPlan['memos']>();
  for (const m of plan.memos) memosOf.set(m.noteGuid, [...(memosOf.get(m.noteGuid) ?? []), m]);
  for (const n of p.notes) {
    const memos = memosOf.get(n.guid) ?? [];
    const data: NoteOriginal = {
      name: n.name,
      description: n.description,
      text: n.text,
      memoText: memos[0]?.text ?? '',
      creatingUser: n.creatingUser ?? null,
      creationDateTime: n.creationDateTime ?? null,
      modifyingUser: n.modifyingUser ?? null,
      modifiedDateTime: n.modifiedDateTime ?? null,
    };
    push({
      kind: 'note',
      guid: n.guid,
      local: memos[0] ? { kind: 'memo', guid: memos[0].guid } : null,
      data,
    });
    for (const copy of memos.slice(1))
      push({
        kind: 'note-copy',
        guid: copy.guid,
        local: { kind: 'memo', guid: copy.guid },
        data: { of: n.guid, memoText: copy.text },
      });
  }
  return out;
}

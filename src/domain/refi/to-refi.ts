// An activity's evidence base as a REFI-QDA project: evidence records are text sources, each
// distinct coded span a PlainTextSelection carrying one Coding per code and coder, codes keep
// their hierarchy, colours and descriptions, cases their kind and attributes (as Variables) and
// their evidence (SourceRefs), memos become Notes referenced from what they are about (a memo on a
// case, which REFI cannot reference, is a Note with a Link to the case).
import { evidenceDirectionLabels, evidenceMethodLabels } from '../evidence/vocabulary.js';
import { uuidV5 } from './guid.js';
import type {
  RefiCase,
  RefiCode,
  RefiCoding,
  RefiLink,
  RefiNote,
  RefiProject,
  RefiSelection,
  RefiTextSource,
  RefiVariableValue,
  VariableValue,
} from './model.js';
import { caseVariables, evidenceVariables, refiVariable } from './variables.js';

export interface PersonRef {
  id: string | null;
  label: string;
}
export interface SnapshotEvidence {
  id: string;
  guid: string;
  refNo: number;
  text: string;
  method: string;
  observedOn: string;
  judgementAreas: string[];
  direction: string | null;
  childVoice: boolean;
  livedExperience: boolean;
  minutesSpent: number | null;
  locality: string | null;
  consent: {
    infoSheetGiven: boolean | null;
    consentGiven: boolean | null;
    givenBy: string | null;
  } | null;
  childCaseId: string | null;
  practitionerCaseId: string | null;
  teamCaseId: string | null;
  recordedBy: PersonRef;
  recordedAt: Date;
  updatedBy: PersonRef;
  updatedAt: Date;
}
export interface SnapshotCode {
  id: string;
  /** 'framework' for codes seeded from the activity's framework. */
  source?: string;
  guid: string;
  parentId: string | null;
  name: string;
  description: string | null;
  colour: string | null;
  isCodable: boolean;
}
export interface SnapshotCoding {
  id: string;
  guid: string;
  evidenceId: string;
  codeId: string;
  start: number;
  end: number;
  spanText: string;
  coder: PersonRef;
  createdAt: Date;
}
export interface SnapshotCase {
  id: string;
  guid: string;
  kind: string;
  reference: string;
  description: string | null;
  attributes: Record<string, string | number | boolean>;
}
export interface SnapshotMemo {
  id: string;
  guid: string;
  targetType: string;
  targetId: string | null;
  title: string | null;
  text: string;
  createdBy: PersonRef;
  createdAt: Date;
  updatedAt: Date;
}
export interface EvidenceBaseSnapshot {
  title: string;
  origin: string;
  exportedAt: Date;
  evidence: SnapshotEvidence[];
  /** Live codes, parents before children. */
  codes: SnapshotCode[];
  codings: SnapshotCoding[];
  cases: SnapshotCase[];
  memos: SnapshotMemo[];
}

/**
 * The codebook without the framework's codes that nothing uses (no coding, memo or used child):
 * the export of an imported project gives back what was imported and what users added.
 */
export function withoutUnusedFrameworkCodes(
  s: EvidenceBaseSnapshot,
  /** GUIDs of codes an imported file had (kept whatever their origin). */
  imported: Set<string>,
): SnapshotCode[] {
  const used = new Set<string>([
    ...s.codes.filter((c) => imported.has(c.guid)).map((c) => c.id),
    ...s.codings.map((k) => k.codeId),
    ...s.memos.filter((m) => m.targetType === 'code').map((m) => m.targetId ?? ''),
  ]);
  const parent = new Map(s.codes.map((c) => [c.id, c.parentId]));
  for (const c of s.codes) if (c.source !== 'framework') used.add(c.id);
  for (const id of [...used]) {
    let p = parent.get(id) ?? null;
    while (p !== null && !used.has(p)) {
      used.add(p);
      p = parent.get(p) ?? null;
    }
  }
  return s.codes.filter((c) => used.has(c.id));
}

export function personGuid(p: PersonRef): string {
  return p.id ?? uuidV5(`person:${p.label}`);
}

const iso = (d: Date) => d.toISOString();

export function codeTree(codes: SnapshotCode[], noteRefs?: Map<string, string[]>): RefiCode[] {
  const byId = new Map<string, RefiCode>();
  const roots: RefiCode[] = [];
  for (const c of codes)
    byId.set(c.id, {
      guid: c.guid,
      name: c.name,
      isCodable: c.isCodable,
      color: c.colour,
      description: c.description,
      noteRefs: noteRefs?.get(c.id) ?? [],
      children: [],
    });
  for (const c of codes) {
    const node = byId.get(c.id)!;
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export function toRefiProject(s: EvidenceBaseSnapshot): RefiProject {
  const users = new Map<string, string>();
  // People without an account get a derived GUID: derived once a label, not once a row.
  const labelGuids = new Map<string, string>();
  const person = (p: PersonRef) => {
    let g = p.id;
    if (g === null) {
      g = labelGuids.get(p.label) ?? personGuid(p);
      labelGuids.set(p.label, g);
    }
    if (!users.has(g)) users.set(g, p.label);
    return g;
  };
  const noteRefs = new Map<string, string[]>();
  const links: RefiLink[] = [];
  const projectNotes: string[] = [];
  for (const m of s.memos) {
    if (m.targetType === 'activity' || m.targetId === null) projectNotes.push(m.guid);
    else if (m.targetType === 'case')
      links.push({
        guid: uuidV5(`memo-link:${m.guid}`),
        name: 'Memo on case',
        direction: 'OneWay',
        originGuid: m.guid,
        targetGuid: s.cases.find((c) => c.id === m.targetId)?.guid ?? null,
      });
    else noteRefs.set(m.targetId, [...(noteRefs.get(m.targetId) ?? []), m.guid]);
  }
  const codeGuid = new Map(s.codes.map((c) => [c.id, c.guid]));
  const evidenceById = new Map(s.evidence.map((e) => [e.id, e]));
  const bySpan = new Map<string, SnapshotCoding[]>();
  for (const k of s.codings) {
    if (!evidenceById.has(k.evidenceId) || !codeGuid.has(k.codeId)) continue;
    const key = `${k.evidenceId}:${k.start}:${k.end}`;
    const group = bySpan.get(key);
    if (group) group.push(k);
    else bySpan.set(key, [k]);
  }
  const selectionsOf = new Map<string, RefiSelection[]>();
  for (const group of bySpan.values()) {
    const first = group[0]!;
    const e = evidenceById.get(first.evidenceId)!;
    const codings: RefiCoding[] = group.map((k) => ({
      guid: k.guid,
      codeGuid: codeGuid.get(k.codeId)!,
      creatingUser: person(k.coder),
      creationDateTime: iso(k.createdAt),
      noteRefs: noteRefs.get(k.id) ?? [],
    }));
    const earliest = group.reduce((a, b) => (b.createdAt < a.createdAt ? b : a));
    const name = first.spanText.replace(/\s+/g, ' ').trim();
    const list = selectionsOf.get(e.id) ?? [];
    selectionsOf.set(e.id, list);
    list.push({
      guid: uuidV5(`selection:${e.guid}:${first.start}:${first.end}`),
      name: name.length > 80 ? `${name.slice(0, 79)}…` : name,
      start: first.start,
      end: first.end,
      creatingUser: person(earliest.coder),
      creationDateTime: iso(earliest.createdAt),
      description: null,
      codings,
      noteRefs: [],
    });
  }
  const usedVars = new Set<string>();
  /** Adds a variable's value to `out` unless there is none. */
  const value = (
    out: RefiVariableValue[],
    spec: { name: string },
    v: VariableValue | null | undefined,
  ): RefiVariableValue[] => {
    if (v === null || v === undefined || v === '') return out;
    usedVars.add(spec.name);
    out.push({ variableGuid: refiVariable(spec as never).guid, value: v });
    return out;
  };
  const V = evidenceVariables;
  const sources: RefiTextSource[] = [...s.evidence]
    .sort((a, b) => a.refNo - b.refNo)
    .map((e) => {
      const methodLabel =
        evidenceMethodLabels[e.method as keyof typeof evidenceMethodLabels] ?? e.method;
      // One array a record, values pushed in the variables' order (not eleven arrays spread).
      const values: RefiVariableValue[] = [];
      value(values, V.method, methodLabel);
      value(values, V.observedOn, e.observedOn);
      value(values, V.judgementAreas, e.judgementAreas.join(', '));
      value(
        values,
        V.direction,
        e.direction
          ? (evidenceDirectionLabels[e.direction as keyof typeof evidenceDirectionLabels] ??
              e.direction)
          : null,
      );
      value(values, V.childVoice, e.childVoice);
      value(values, V.livedExperience, e.livedExperience);
      value(values, V.minutesSpent, e.minutesSpent);
      value(values, V.locality, e.locality);
      value(values, V.consentInfoSheetGiven, e.consent?.infoSheetGiven);
      value(values, V.consentGiven, e.consent?.consentGiven);
      value(values, V.consentGivenBy, e.consent?.givenBy);
      return {
        guid: e.guid,
        name: `E${e.refNo} — ${methodLabel} — ${e.observedOn}`,
        description: null,
        text: e.text,
        creatingUser: person(e.recordedBy),
        creationDateTime: iso(e.recordedAt),
        modifyingUser: person(e.updatedBy),
        modifiedDateTime: iso(e.updatedAt),
        selections: (selectionsOf.get(e.id) ?? []).sort(
          (a, b) => a.start - b.start || a.end - b.end,
        ),
        codings: [],
        noteRefs: noteRefs.get(e.id) ?? [],
        variableValues: values,
      };
    });
  // Each case's records, found in one pass over the records (not one pass a case).
  const recordsOfCase = new Map<string, SnapshotEvidence[]>();
  for (const e of s.evidence)
    for (const id of new Set([e.childCaseId, e.practitionerCaseId, e.teamCaseId]))
      if (id !== null) {
        const list = recordsOfCase.get(id);
        if (list) list.push(e);
        else recordsOfCase.set(id, [e]);
      }
  const cases: RefiCase[] = s.cases.map((c) => ({
    guid: c.guid,
    name: c.reference,
    description: c.description,
    codeRefs: [],
    variableValues: Object.entries(c.attributes).reduce(
      (out, [k, v]) => {
        const spec = caseVariables[k as keyof typeof caseVariables];
        return spec ? value(out, spec, v) : out;
      },
      value([], caseVariables.kind, c.kind),
    ),
    sourceRefs: (recordsOfCase.get(c.id) ?? [])
      .sort((a, b) => a.refNo - b.refNo)
      .map((e) => e.guid),
    selectionRefs: [],
  }));
  const notes: RefiNote[] = s.memos.map((m) => ({
    guid: m.guid,
    name: m.title,
    description: null,
    text: m.text,
    creatingUser: person(m.createdBy),
    creationDateTime: iso(m.createdAt),
    modifiedDateTime: iso(m.updatedAt),
  }));
  const allSpecs = [...Object.values(evidenceVariables), ...Object.values(caseVariables)];
  const variables = [
    ...new Map(
      allSpecs.filter((v) => usedVars.has(v.name)).map((v) => [v.name, refiVariable(v)]),
    ).values(),
  ];
  return {
    name: s.title,
    origin: s.origin,
    creationDateTime: iso(s.exportedAt),
    modifiedDateTime: iso(s.exportedAt),
    users: [...users].map(([guid, name]) => ({ guid, name })),
    codes: codeTree(s.codes, noteRefs),
    variables,
    cases,
    sources,
    notes,
    links: links.filter((l) => l.targetGuid !== null),
    description: null,
    noteRefs: projectNotes,
  };
}

// Turns a read REFI-QDA project into the rows Triangulate will store: codes (duplicate sibling
// names merged), cases (kind and typed attributes from our Variables, other variables kept in the
// description), evidence records (text normalised, fields from our Variables, or a default method
// that is flagged for review), codings (offsets carried through the normalisation; codings of one
// code on one span merged, as the schema keeps one per span and code), and memos attached to what
// their Notes were about. Pure: the use case matches the plan against the database and writes it.
import { countOf } from '../wording/plural.js';
import { dateInEngland } from '../../clock.js';
import { cpLength, cpSlice } from '../evidence/offsets.js';
import type { CaseKind } from '../evidence/vocabulary.js';
import type { RefiCode } from './model.js';
import { planCases, valuesOf, text, bool, type PlanCase } from './plan-cases.js';
import { planMemos, type PlanMemo } from './plan-memos.js';
import type { ImportedProject, ReadReport } from './read-project.js';
import { normaliseWithMap } from './text-map.js';
import { directionFromText, evidenceVariables, methodFromText } from './variables.js';

export const DEFAULT_METHOD = 'case_file_reading';
const MAX_TEXT = 500_000;

export interface PlanCode {
  guid: string;
  parentGuid: string | null;
  name: string;
  description: string | null;
  colour: string | null;
  isCodable: boolean;
  sortOrder: number;
}
export interface PlanEvidence {
  guid: string;
  name: string;
  text: string;
  method: string;
  methodDefaulted: boolean;
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
  cases: Partial<Record<CaseKind, string>>;
  recordedByLabel: string;
  recordedAt: Date | null;
}
export interface PlanCoding {
  guid: string;
  evidenceGuid: string;
  codeGuid: string;
  start: number;
  end: number;
  spanText: string;
  coderLabel: string;
  createdAt: Date | null;
}
export type { PlanMemo, PlanCase };
export { DEFAULT_CASE_KIND } from './plan-cases.js';

export interface ImportPlan {
  name: string;
  origin: string | null;
  codes: PlanCode[];
  cases: PlanCase[];
  evidence: PlanEvidence[];
  codings: PlanCoding[];
  memos: PlanMemo[];
  users: number;
  report: ReadReport;
  /** How the file's GUIDs were planned: merged codes and cases, codings kept as one. */
  aliases: { code: Map<string, string>; case: Map<string, string>; coding: Map<string, string> };
}

export interface PlanOptions {
  /** Judgement area keys of the activity's framework. */
  judgementAreas: string[];
  /** Today in England (YYYY-MM-DD), for sources without a date. */
  today: string;
}

const date = (v: string | null | undefined): Date | null => {
  if (!v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function planCodes(codes: RefiCode[], report: ReadReport, alias: Map<string, string>): PlanCode[] {
  const out: PlanCode[] = [];
  const walk = (list: RefiCode[], parent: string | null) => {
    const names = new Map<string, string>();
    list.forEach((c, i) => {
      let name = c.name.replace(/\s+/g, ' ').trim() || 'Unnamed code';
      if (name.length > 200) {
        report.repairs.push(`The code name '${clip(name, 60)}' was shortened to 200 characters`);
        name = name.slice(0, 200);
      }
      const same = names.get(name.toLowerCase());
      if (same) {
        alias.set(c.guid, same);
        report.repairs.push(
          `Two codes are named '${name}' in the same place; they were merged into one`,
        );
        walk(c.children, same);
        return;
      }
      names.set(name.toLowerCase(), c.guid);
      out.push({
        guid: c.guid,
        parentGuid: parent,
        name,
        description: c.description?.trim() || null,
        colour: c.color,
        isCodable: c.isCodable,
        sortOrder: i,
      });
      walk(c.children, c.guid);
    });
  };
  walk(codes, null);
  return out;
}

export function planImport(p: ImportedProject, report: ReadReport, opts: PlanOptions): ImportPlan {
  const users = new Map(p.users.map((u) => [u.guid, u.name]));
  const origin = p.origin ?? 'another program';
  const who = (...guids: Array<string | null | undefined>): string => {
    for (const g of guids) if (g) return users.get(g) ?? `Unknown user ${g.slice(0, 8)}`;
    return `Imported from ${origin}`;
  };
  const codeAlias = new Map<string, string>();
  const codes = planCodes(p.codes, report, codeAlias);
  const codeOf = (g: string) => codeAlias.get(g) ?? g;
  const varNames = new Map(p.variables.map((v) => [v.guid, v.name]));
  const caseAlias = new Map<string, string>();
  const cases = planCases(p, varNames, report, caseAlias);
  const caseByGuid = new Map(cases.map((c) => [c.guid, c]));
  const sourceOfSelection = new Map(
    p.sources.flatMap((s) => s.selections.map((x) => [x.guid, s.guid] as const)),
  );
  const casesOfSource = new Map<string, PlanCase[]>();
  for (const c of p.cases) {
    const planned = caseByGuid.get(caseAlias.get(c.guid) ?? c.guid);
    if (!planned) continue;
    for (const g of [
      ...c.sourceRefs,
      ...c.selectionRefs.map((s) => sourceOfSelection.get(s) ?? ''),
    ])
      casesOfSource.set(g, [...(casesOfSource.get(g) ?? []), planned]);
  }
  const ignoredSourceVars = new Map<string, number>();
  const unknownAreas = new Set<string>();
  const evidence: PlanEvidence[] = [];
  const codings: PlanCoding[] = [];
  const seenSpans = new Map<string, PlanCoding>();
  const keptCodings = new Map<string, string>();
  const codable = new Set(codes.filter((c) => c.isCodable).map((c) => c.guid));
  for (const s of p.sources) {
    const label = s.name ?? s.guid;
    const { text: body, map } = normaliseWithMap(s.text);
    if (body.trim() === '') {
      report.warnings.push(`The source '${label}' has no text; it was not imported`);
      continue;
    }
    const length = cpLength(body);
    if (length > MAX_TEXT) {
      report.warnings.push(
        `The source '${label}' is longer than ${MAX_TEXT} characters; it was not imported`,
      );
      continue;
    }
    const vals = valuesOf(s.variableValues, varNames, evidenceVariables, (n) =>
      ignoredSourceVars.set(n, (ignoredSourceVars.get(n) ?? 0) + 1),
    );
    const method = methodFromText(text(vals.get('method')) ?? '');
    const observed = text(vals.get('observedOn'))?.slice(0, 10);
    const areas = (text(vals.get('judgementAreas')) ?? '')
      .split(/[,;]/)
      .map((a) => a.trim())
      .filter(Boolean);
    for (const a of areas) if (!opts.judgementAreas.includes(a)) unknownAreas.add(a);
    const minutes = vals.get('minutesSpent');
    const consentVals = [
      bool(vals.get('consentInfoSheetGiven')),
      bool(vals.get('consentGiven')),
      text(vals.get('consentGivenBy')),
    ] as const;
    const linked: Partial<Record<CaseKind, string>> = {};
    for (const c of casesOfSource.get(s.guid) ?? []) {
      if (!linked[c.kind]) linked[c.kind] = c.guid;
      else if (linked[c.kind] !== c.guid)
        report.warnings.push(
          `The source '${label}' belongs to several ${c.kind} cases; it was linked to the first only`,
        );
    }
    const created = date(s.creationDateTime);
    evidence.push({
      guid: s.guid,
      name: label,
      text: body,
      method: method ?? DEFAULT_METHOD,
      methodDefaulted: method === null,
      observedOn:
        observed && /^\d{4}-\d{2}-\d{2}$/.test(observed)
          ? observed
          : created
            ? dateInEngland(created)
            : opts.today,
      judgementAreas: [...new Set(areas.filter((a) => opts.judgementAreas.includes(a)))],
      direction: directionFromText(text(vals.get('direction')) ?? ''),
      childVoice: bool(vals.get('childVoice')) ?? false,
      livedExperience: bool(vals.get('livedExperience')) ?? false,
      minutesSpent:
        typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 0 && minutes <= 1440
          ? minutes
          : null,
      locality: clip(text(vals.get('locality')) ?? '', 200) || null,
      consent: consentVals.some((v) => v !== null)
        ? { infoSheetGiven: consentVals[0], consentGiven: consentVals[1], givenBy: consentVals[2] }
        : null,
      cases: linked,
      recordedByLabel: who(s.creatingUser),
      recordedAt: created,
    });
    const spans = [
      ...s.selections.map((sel) => ({ sel, start: map[sel.start]!, end: map[sel.end]! })),
      ...(s.codings.length ? [{ sel: null, start: 0, end: length }] : []),
    ];
    for (const { sel, start, end } of spans) {
      const list = sel ? sel.codings : s.codings;
      if (end <= start) {
        report.warnings.push(
          `A selection in '${label}' (${sel?.start}-${sel?.end}) covers no text once line ends and spaces are tidied; its ${countOf(list.length, 'coding')} ${list.length === 1 ? 'was' : 'were'} not imported`,
        );
        continue;
      }
      for (const k of list) {
        const codeGuid = codeOf(k.codeGuid);
        const key = `${s.guid}:${codeGuid}:${start}:${end}`;
        const coder = who(k.creatingUser, sel?.creatingUser, s.creatingUser);
        const dup = seenSpans.get(key);
        if (dup) {
          keptCodings.set(k.guid, dup.guid);
          if (dup.coderLabel !== coder)
            report.repairs.push(
              `'${label}' ${start}-${end} was coded with the same code by ${dup.coderLabel} and ${coder}; kept as one coding (by ${dup.coderLabel})`,
            );
          continue;
        }
        if (!codable.has(codeGuid)) {
          const code = codes.find((c) => c.guid === codeGuid);
          if (code) {
            code.isCodable = true;
            codable.add(codeGuid);
            report.repairs.push(
              `The code '${code.name}' was marked as not codable but has codings; it was made codable`,
            );
          }
        }
        const planned: PlanCoding = {
          guid: k.guid,
          evidenceGuid: s.guid,
          codeGuid,
          start,
          end,
          spanText: cpSlice(body, start, end),
          coderLabel: coder,
          createdAt: date(k.creationDateTime),
        };
        seenSpans.set(key, planned);
        keptCodings.set(k.guid, k.guid);
        codings.push(planned);
      }
    }
  }
  for (const [name, count] of ignoredSourceVars)
    report.skipped.push({
      what: `values of the source variable '${name}' (Triangulate keeps its own fields only)`,
      count,
    });
  if (unknownAreas.size)
    report.warnings.push(
      `Judgement areas not in this activity's framework were left off: ${[...unknownAreas].join(', ')}`,
    );
  const memos = planMemos(p, {
    codes: new Set(codes.map((c) => c.guid)),
    codeOf,
    evidence: new Set(evidence.map((e) => e.guid)),
    codingOf: (g) => keptCodings.get(g) ?? null,
    caseOf: (g) => (caseByGuid.has(caseAlias.get(g) ?? g) ? (caseAlias.get(g) ?? g) : null),
    who,
    report,
  });
  return {
    name: p.name,
    origin: p.origin,
    codes,
    cases,
    evidence,
    codings,
    memos,
    users: p.users.length,
    report,
    aliases: { code: codeAlias, case: caseAlias, coding: keptCodings },
  };
}

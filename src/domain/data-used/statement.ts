// The "data used" statement (Munro rec 5: use the data asked for, or stop asking for it). From
// what an activity recorded, it counts for every Annex A list, every data profile indicator and
// every other document the LA is asked for where it was used: looked at in the profile, lines of
// enquiry it prompted, sample strata drawn from it, evidence records that came from it and
// judgements citing that evidence. Pure: the use case gathers the facts.
import { annexALists } from '../annex-a/lists.js';
import { indicatorDefinitions } from '../annex-a-profile/indicators.js';
import { cohortDefs, type CohortId } from '../sampling/population.js';

/** What else an inspection asks the LA for, beside Annex A. */
export const requestedDocuments = ['self_evaluation', 'la_audits', 'performance_data'] as const;
export type RequestedDocument = (typeof requestedDocuments)[number];

export const documentTitles: Record<RequestedDocument, string> = {
  self_evaluation: 'Self-evaluation (with the improvement plan)',
  la_audits: 'The LA’s own case audits',
  performance_data: 'The LA’s performance reports (beyond Annex A)',
};

/** How far an item went, the furthest step counted. */
export type UseLevel = 'judgements' | 'evidence' | 'fieldwork' | 'viewed' | 'none';
export const useLevelLabels: Record<UseLevel, string> = {
  judgements: 'Cited in judgements',
  evidence: 'Evidence gathered from it',
  fieldwork: 'Shaped fieldwork (lines of enquiry or sample)',
  viewed: 'Looked at only',
  none: 'Not used',
};

export interface DataUsedFacts {
  /** Rows per Annex A list in the activity's current import (absent: not provided). */
  listRows: Record<number, number>;
  /** Person-days each indicator was looked at in the data profile. */
  indicatorViews: Array<{ indicatorKey: string; personDays: number }>;
  /** Indicators the self-evaluation made a claim about. */
  sefClaims: string[];
  /** Lines of enquiry raised from a data profile indicator (accepted candidates). */
  dataLines: Array<{ lineId: string; indicatorKey: string }>;
  /** Lines of enquiry raised from another document. */
  documentLines: Array<{ lineId: string; document: RequestedDocument }>;
  /** Cases in the sample (not removed), with the cohort and stratum they were drawn from. */
  sampleCases: Array<{
    caseId: string | null;
    cohort: string;
    stratum: string | null;
    entryRoute: string;
  }>;
  /** Live evidence records. */
  evidence: Array<{
    id: string;
    method: string;
    caseId: string | null;
    lineOfEnquiryId: string | null;
  }>;
  /** Each judgement's citations, codings resolved to their evidence records. */
  judgements: Array<{ judgementKey: string; evidenceIds: string[]; lineIds: string[] }>;
}

export interface UseCounts {
  /** Person-days of looking at the item in the data profile. */
  viewed: number;
  selfEvaluationClaims: number;
  linesOfEnquiry: number;
  sampleStrata: number;
  sampledCases: number;
  evidenceRecords: number;
  judgements: number;
}

export interface ItemUse {
  key: string;
  title: string;
  counts: UseCounts;
  level: UseLevel;
}

export interface ListUse extends ItemUse {
  list: number;
  /** Rows the LA provided (null: the list was not in the import). */
  rows: number | null;
  indicators: ItemUse[];
}

export interface DataUsedStatement {
  lists: ListUse[];
  documents: ItemUse[];
  summary: {
    listsRequested: number;
    listsProvided: number;
    listsUsed: number;
    listsInJudgements: number;
    indicators: number;
    indicatorsUsed: number;
    documentsUsed: number;
  };
  /** The statement in sentences. */
  sentences: string[];
}

const zero = (): UseCounts => ({
  viewed: 0,
  selfEvaluationClaims: 0,
  linesOfEnquiry: 0,
  sampleStrata: 0,
  sampledCases: 0,
  evidenceRecords: 0,
  judgements: 0,
});

export function levelOf(c: UseCounts): UseLevel {
  if (c.judgements > 0) return 'judgements';
  if (c.evidenceRecords > 0) return 'evidence';
  if (c.linesOfEnquiry > 0 || c.sampleStrata > 0 || c.sampledCases > 0) return 'fieldwork';
  if (c.viewed > 0 || c.selfEvaluationClaims > 0) return 'viewed';
  return 'none';
}

/** Whether an item counts as used: it shaped fieldwork or more (looking at it is not use). */
export const isUsed = (l: UseLevel): boolean => l !== 'none' && l !== 'viewed';

const methodDocument: Record<string, RequestedDocument> = {
  self_evaluation: 'self_evaluation',
  la_audit: 'la_audits',
  performance_data: 'performance_data',
};

/** Collects, per item key, the evidence ids and line ids it reached. */
class Tally {
  readonly counts = new Map<string, UseCounts>();
  readonly evidence = new Map<string, Set<string>>();
  readonly lines = new Map<string, Set<string>>();
  readonly strata = new Map<string, Set<string>>();
  get(key: string): UseCounts {
    let c = this.counts.get(key);
    if (!c) this.counts.set(key, (c = zero()));
    return c;
  }
  add(map: Map<string, Set<string>>, key: string, value: string) {
    let s = map.get(key);
    if (!s) map.set(key, (s = new Set()));
    s.add(value);
  }
}

const listKey = (n: number) => `list:${n}`;
const indicatorKey = (k: string) => `indicator:${k}`;
const documentKey = (d: string) => `document:${d}`;

export function buildDataUsedStatement(f: DataUsedFacts): DataUsedStatement {
  const t = new Tally();
  const listOfIndicator = new Map(indicatorDefinitions.map((d) => [d.key, d.list]));
  const keysOfIndicator = (k: string) => {
    const list = listOfIndicator.get(k);
    return list ? [indicatorKey(k), listKey(list)] : [];
  };
  for (const v of f.indicatorViews)
    for (const k of keysOfIndicator(v.indicatorKey)) t.get(k).viewed += v.personDays;
  for (const k of f.sefClaims)
    for (const key of keysOfIndicator(k)) t.get(key).selfEvaluationClaims++;
  // Line id -> the items it came from.
  const lineItems = new Map<string, string[]>();
  for (const l of f.dataLines) lineItems.set(l.lineId, keysOfIndicator(l.indicatorKey));
  for (const l of f.documentLines)
    lineItems.set(l.lineId, [...(lineItems.get(l.lineId) ?? []), documentKey(l.document)]);
  for (const [lineId, keys] of lineItems) for (const k of keys) t.add(t.lines, k, lineId);
  // Case id -> the lists (or document) its sample entry was drawn from.
  const caseItems = new Map<string, string[]>();
  for (const s of f.sampleCases) {
    const keys =
      s.entryRoute === 'la_audit'
        ? [documentKey('la_audits')]
        : (cohortDefs[s.cohort as CohortId]?.lists ?? []).map(listKey);
    for (const k of keys) {
      t.get(k).sampledCases++;
      t.add(t.strata, k, `${s.cohort}|${s.stratum ?? s.entryRoute}`);
    }
    if (s.caseId) caseItems.set(s.caseId, [...(caseItems.get(s.caseId) ?? []), ...keys]);
  }
  // Evidence id -> items, from its case, its line of enquiry and its method.
  const evidenceItems = new Map<string, Set<string>>();
  for (const e of f.evidence) {
    const keys = new Set<string>([
      ...(e.caseId ? (caseItems.get(e.caseId) ?? []) : []),
      ...(e.lineOfEnquiryId ? (lineItems.get(e.lineOfEnquiryId) ?? []) : []),
    ]);
    const doc = methodDocument[e.method];
    if (doc) keys.add(documentKey(doc));
    if (keys.size) evidenceItems.set(e.id, keys);
    for (const k of keys) t.add(t.evidence, k, e.id);
  }
  for (const j of f.judgements) {
    const keys = new Set<string>();
    for (const id of j.evidenceIds) for (const k of evidenceItems.get(id) ?? []) keys.add(k);
    for (const id of j.lineIds) for (const k of lineItems.get(id) ?? []) keys.add(k);
    for (const k of keys) t.get(k).judgements++;
  }
  const finish = (key: string): UseCounts => {
    const c = t.get(key);
    c.linesOfEnquiry = t.lines.get(key)?.size ?? 0;
    c.evidenceRecords = t.evidence.get(key)?.size ?? 0;
    c.sampleStrata = t.strata.get(key)?.size ?? 0;
    return c;
  };
  const item = (key: string, itemKey: string, title: string): ItemUse => {
    const counts = finish(key);
    return { key: itemKey, title, counts, level: levelOf(counts) };
  };
  const lists: ListUse[] = annexALists.map((l) => ({
    ...item(listKey(l.number), String(l.number), l.title),
    list: l.number,
    rows: f.listRows[l.number] ?? null,
    indicators: indicatorDefinitions
      .filter((d) => d.list === l.number)
      .map((d) => item(indicatorKey(d.key), d.key, d.title)),
  }));
  const documents = requestedDocuments.map((d) => item(documentKey(d), d, documentTitles[d]));
  const indicators = lists.flatMap((l) => l.indicators);
  const summary = {
    listsRequested: lists.length,
    listsProvided: lists.filter((l) => l.rows !== null).length,
    listsUsed: lists.filter((l) => isUsed(l.level)).length,
    listsInJudgements: lists.filter((l) => l.level === 'judgements').length,
    indicators: indicators.length,
    indicatorsUsed: indicators.filter((i) => isUsed(i.level)).length,
    documentsUsed: documents.filter((d) => isUsed(d.level)).length,
  };
  return { lists, documents, summary, sentences: sentencesOf(lists, documents, summary) };
}

const listNames = (ls: ListUse[]) =>
  ls.length === 0 ? 'none' : ls.map((l) => `List ${l.list}`).join(', ');

function sentencesOf(
  lists: ListUse[],
  documents: ItemUse[],
  s: DataUsedStatement['summary'],
): string[] {
  const unused = lists.filter((l) => !isUsed(l.level));
  const cited = lists.filter((l) => l.level === 'judgements');
  const out = [
    `The LA was asked for ${s.listsRequested} Annex A lists and provided ${s.listsProvided}.`,
    `Inspectors used ${s.listsUsed} of them to shape fieldwork, gather evidence or support judgements; judgements cite evidence drawn from ${s.listsInJudgements} (${listNames(cited)}).`,
    `${s.indicatorsUsed} of the ${s.indicators} data profile indicators prompted a line of enquiry or evidence.`,
  ];
  if (unused.length) out.push(`Not used in this inspection: ${listNames(unused)}.`);
  const docsUnused = documents.filter((d) => !isUsed(d.level));
  out.push(
    docsUnused.length
      ? `Of the other documents requested, not used: ${docsUnused.map((d) => d.title).join('; ')}.`
      : 'Every other document requested was used.',
  );
  return out;
}

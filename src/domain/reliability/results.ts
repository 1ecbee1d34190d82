// A reliability study's results, in the format of Tables 5 and 6 of Ofsted's 2019 ILACS review
// (seed 002, §51-57): one table per activity type, a row per evidence base, a cell per judgement
// counting the pairs that agreed with the published judgement or were one grade lower or higher
// ("2 x agreement with published judgement", "1 x one grade lower than published judgement"),
// then agreement statistics (the one engine, src/domain/agreement), alignment of areas for
// improvement and a summary in plain words. Pure: the use case hands over the study's records.
import { computeAgreement, type AgreementReport } from '../agreement/index.js';
import { ALIGNMENT_METHOD, alignment, alignmentWord, type Alignment } from './alignment.js';
import type { PairReview, SameLines } from './types.js';

export interface GradeScale {
  key: string;
  label: string;
  /** 1 is the best grade. */
  numeric: number;
}

export interface ResultsInput {
  grades: GradeScale[];
  bases: {
    label: string;
    activityType: string;
    activityTypeLabel: string;
    /** The judgements in the framework's order, with titles. */
    judgements: { key: string; title: string }[];
    publishedGrades: Record<string, string>;
    publishedImprovements: string[];
    pairs: { label: string; review: PairReview | null }[];
  }[];
  resamples?: number;
}

export interface ResultsTable {
  caption: string;
  activityType: string;
  head: string[];
  rows: { base: string; published: string; cells: string[] }[];
}

export interface BaseAlignment {
  base: string;
  withPublished: (Alignment & { pair: string })[];
  betweenPairs: Alignment | null;
}

export interface StudyResults {
  tables: ResultsTable[];
  counts: {
    judgements: number;
    matchedPublished: number;
    oneLower: number;
    oneHigher: number;
    further: number;
    /** Judgements rated by two or more pairs, and those on which every pair agreed. */
    comparedBetweenPairs: number;
    alignedBetweenPairs: number;
  };
  withPublished: AgreementReport | null;
  betweenPairs: AgreementReport | null;
  alignment: BaseAlignment[];
  alignmentMethod: string;
  sameLines: Record<SameLines, number>;
  summary: string[];
  /** Pairs that have not recorded their review yet (not counted anywhere above). */
  pending: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "agreement with published judgement", "one grade lower than published judgement", ... */
export function differenceWords(diff: number): string {
  if (diff === 0) return 'agreement with published judgement';
  const n = Math.abs(diff);
  const grades = n === 1 ? 'one grade' : n === 2 ? 'two grades' : `${n} grades`;
  return `${grades} ${diff > 0 ? 'lower' : 'higher'} than published judgement`;
}

/** Overall effectiveness first, as in Tables 5 and 6, then the framework's order. */
function columns(judgements: { key: string; title: string }[]) {
  return [
    ...judgements.filter((j) => j.key === 'overall_effectiveness'),
    ...judgements.filter((j) => j.key !== 'overall_effectiveness'),
  ];
}

function cell(differences: number[]): string {
  if (!differences.length) return 'No review yet';
  const counts = new Map<number, number>();
  for (const d of differences) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => Math.abs(a[0]) - Math.abs(b[0]) || a[0] - b[0])
    .map(([d, n]) => `${n} x ${differenceWords(d)}`)
    .join('; ');
}

function agreementOf(
  input: ResultsInput,
  withPublished: boolean,
  resamples: number,
): AgreementReport | null {
  const maxPairs = Math.max(0, ...input.bases.map((b) => b.pairs.length));
  const raters = [
    ...(withPublished ? ['Published'] : []),
    ...Array.from({ length: maxPairs }, (_, i) => `Pair ${i + 1}`),
  ];
  const units = input.bases.flatMap((b) =>
    b.judgements.map((j) => ({
      id: `${b.label}: ${j.title}`,
      ratings: [
        ...(withPublished ? [b.publishedGrades[j.key] ?? null] : []),
        ...Array.from(
          { length: maxPairs },
          (_, i) => b.pairs[i]?.review?.grades[j.key]?.grade ?? null,
        ),
      ],
    })),
  );
  const rated = units.filter((u) => u.ratings.filter((r) => r !== null).length >= 2);
  if (!rated.length || raters.length < 2) return null;
  const order = [...input.grades].sort((a, b) => a.numeric - b.numeric).map((g) => g.key);
  return computeAgreement(
    { unit: 'judgement', raters, units },
    { level: 'ordinal', categories: order, resamples, seed: 15 },
  );
}

export function studyResults(input: ResultsInput): StudyResults {
  const num = new Map(input.grades.map((g) => [g.key, g.numeric]));
  const label = new Map(input.grades.map((g) => [g.key, g.label]));
  const counts = {
    judgements: 0,
    matchedPublished: 0,
    oneLower: 0,
    oneHigher: 0,
    further: 0,
    comparedBetweenPairs: 0,
    alignedBetweenPairs: 0,
  };
  const tables = new Map<string, ResultsTable>();
  const sameLines: Record<SameLines, number> = { yes: 0, partly: 0, no: 0 };
  const pending: string[] = [];
  const aligned: BaseAlignment[] = [];
  for (const b of input.bases) {
    const cols = columns(b.judgements);
    const table = tables.get(b.activityType) ?? {
      caption: `Outcomes of evidence base reviews of ${b.activityTypeLabel.toLowerCase()}s`,
      activityType: b.activityType,
      head: ['Evidence base', ...cols.map((c) => c.title)],
      rows: [],
    };
    tables.set(b.activityType, table);
    const done = b.pairs.filter((p) => p.review);
    for (const p of b.pairs) if (!p.review) pending.push(`${b.label}, ${p.label}`);
    for (const p of done) sameLines[p.review!.sameLines]++;
    const cells = cols.map((c) => {
      const published = num.get(b.publishedGrades[c.key] ?? '');
      const given = done
        .map((p) => p.review!.grades[c.key]?.grade)
        .filter((g): g is string => !!g && num.has(g));
      if (given.length >= 2) {
        counts.comparedBetweenPairs++;
        if (new Set(given).size === 1) counts.alignedBetweenPairs++;
      }
      if (published === undefined) return 'No published judgement';
      const diffs = given.map((g) => num.get(g)! - published);
      for (const d of diffs) {
        counts.judgements++;
        if (d === 0) counts.matchedPublished++;
        else if (d === 1) counts.oneLower++;
        else if (d === -1) counts.oneHigher++;
        else counts.further++;
      }
      return cell(diffs);
    });
    const overall = b.publishedGrades.overall_effectiveness;
    table.rows.push({
      base: b.label,
      published: overall
        ? `Inspection judgement: ${label.get(overall) ?? overall}`
        : 'Inspection judgement: no overall grade',
      cells,
    });
    const lists = done.map((p) => ({ pair: p.label, list: p.review!.improvements }));
    aligned.push({
      base: b.label,
      withPublished: lists.map((l) => ({
        pair: l.pair,
        ...alignment(b.publishedImprovements, l.list),
      })),
      betweenPairs: lists.length >= 2 ? alignment(lists[0]!.list, lists[1]!.list) : null,
    });
  }
  const resamples = input.resamples ?? 1000;
  const withPublished = agreementOf(input, true, resamples);
  const betweenPairs = agreementOf(input, false, resamples);
  // Standard inspections first (Table 5), then short ones (Table 6), as the review has them.
  const rank = (t: ResultsTable) =>
    ['standard_inspection', 'short_inspection'].indexOf(t.activityType) >>> 0;
  const results: StudyResults = {
    tables: [...tables.values()].sort((a, b) => rank(a) - rank(b)),
    counts,
    withPublished,
    betweenPairs,
    alignment: aligned,
    alignmentMethod: ALIGNMENT_METHOD,
    sameLines,
    summary: [],
    pending,
  };
  results.summary = summaryOf(results);
  return results;
}

const alpha = (r: AgreementReport | null) =>
  r?.results.find((x) => x.statistic === 'krippendorff-alpha' && x.level === 'ordinal');

function alphaSentence(what: string, r: AgreementReport | null): string | null {
  const a = alpha(r);
  if (!a || a.value === null) return null;
  const ci = a.interval
    ? ` (95% interval ${a.interval.lower.toFixed(2)} to ${a.interval.upper.toFixed(2)})`
    : '';
  return `Krippendorff's alpha for ordinal grades, ${what}, is ${a.value.toFixed(2)}${ci}, over ${plural(a.units, 'judgement')}.`;
}

function summaryOf(r: StudyResults): string[] {
  const c = r.counts;
  const out: string[] = [];
  if (c.judgements === 0) return ['No pair has recorded a review yet.'];
  const parts = [`${c.matchedPublished} matched the published judgement`];
  if (c.oneLower) parts.push(`${c.oneLower} ${c.oneLower === 1 ? 'was' : 'were'} one grade lower`);
  if (c.oneHigher)
    parts.push(`${c.oneHigher} ${c.oneHigher === 1 ? 'was' : 'were'} one grade higher`);
  if (c.further)
    parts.push(`${c.further} ${c.further === 1 ? 'was' : 'were'} two or more grades apart`);
  out.push(`Of the ${plural(c.judgements, 'judgement')} the reviewers gave, ${parts.join(', ')}.`);
  if (c.comparedBetweenPairs)
    out.push(
      `Between the pairs reviewing the same evidence base, ${c.alignedBetweenPairs} of ${plural(c.comparedBetweenPairs, 'judgement')} aligned.`,
    );
  for (const s of [
    alphaSentence('reviewers with the published judgements', r.withPublished),
    alphaSentence('between the pairs', r.betweenPairs),
  ])
    if (s) out.push(s);
  for (const a of r.alignment) {
    const shares = a.withPublished.map((w) => w.share).filter((s): s is number => s !== null);
    if (!shares.length) continue;
    const mean = shares.reduce((x, y) => x + y, 0) / shares.length;
    out.push(
      `${a.base}: ${alignmentWord(mean)} alignment between the reviewers' areas for improvement and the published ones (${Math.round(mean * 100)}%)${a.betweenPairs?.share != null ? `; ${alignmentWord(a.betweenPairs.share)} alignment between the pairs (${Math.round(a.betweenPairs.share * 100)}%)` : ''}.`,
    );
  }
  const lines = r.sameLines.yes + r.sameLines.partly + r.sameLines.no;
  if (lines)
    out.push(
      `${r.sameLines.yes} of ${plural(lines, 'pair')} would have chosen the same lines of enquiry${r.sameLines.partly ? `, ${r.sameLines.partly} partly` : ''}.`,
    );
  if (r.pending.length) out.push(`Still to review: ${r.pending.join('; ')}.`);
  return out;
}

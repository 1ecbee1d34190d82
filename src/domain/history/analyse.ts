// The national picture drawn from the inspection history: grade distributions by year, region and
// framework; how each authority's grade moved from one graded inspection to the next (up, same,
// down); and how long it waited between them. Pure: the caller supplies the events and each
// framework's grade scale (from frameworks/*.json), and grades are ordered by that scale, never by
// a list in code. A movement between two frameworks is counted only where their scales
// correspond (the same grades in the same order); otherwise it is counted as not comparable.
import {
  judgementActivityTypes,
  type GradeKey,
  type HistoryActivityType,
  type JudgementKey,
} from './types.js';

export interface AnalysisEvent {
  laId: string;
  region: string | null;
  frameworkId: string | null;
  activityType: HistoryActivityType;
  startDate: string;
  grades: Partial<Record<JudgementKey, GradeKey>>;
}

export interface FrameworkScale {
  id: string;
  name: string;
  /** The framework's grades; a lower numeric is a better grade. */
  grades: readonly { key: string; label: string; numeric: number }[];
}

export interface DistributionRow {
  dimension: 'year' | 'region' | 'framework';
  value: string;
  /** Count per grade key, in scale order. */
  counts: Record<string, number>;
  total: number;
}

export interface TransitionRow {
  from: string;
  to: string;
  comparable: boolean;
  up: number;
  same: number;
  down: number;
  notComparable: number;
  total: number;
}

export interface IntervalRow {
  /** "framework" rows group by the pair of frameworks, "grade" rows by the earlier grade. */
  groupBy: 'framework' | 'grade';
  value: string;
  count: number;
  /** Days between the start dates of consecutive graded inspections. */
  minDays: number;
  medianDays: number;
  maxDays: number;
}

export interface HistoryAnalysis {
  judgement: JudgementKey;
  /** Grade keys in the order of the scales (best first). */
  grades: { key: string; label: string }[];
  distributions: DistributionRow[];
  transitions: TransitionRow[];
  intervals: IntervalRow[];
  /** Which framework scales correspond, as used for the transitions. */
  correspondence: { from: string; to: string; corresponds: boolean }[];
  /** Inspections counted (graded in this judgement), and graded inspections without the grade. */
  inspections: number;
  withoutGrade: number;
  notes: string[];
}

const GRADED: ReadonlySet<HistoryActivityType> = new Set(judgementActivityTypes);

/** Ofsted's statistical year, April to March: "2024-25". */
export function statisticalYear(date: string): string {
  const y = Number(date.slice(0, 4));
  const start = date.slice(5, 7) >= '04' ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Two scales correspond when they hold the same grades in the same order. */
export function scalesCorrespond(a: FrameworkScale, b: FrameworkScale): boolean {
  const order = (s: FrameworkScale) =>
    [...s.grades]
      .sort((x, y) => x.numeric - y.numeric)
      .map((g) => `${g.key}:${g.numeric}`)
      .join(',');
  return order(a) === order(b);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : Math.round(((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2);
}

function gradeOrder(scales: readonly FrameworkScale[]): { key: string; label: string }[] {
  const seen = new Map<string, { key: string; label: string; numeric: number }>();
  for (const s of scales) for (const g of s.grades) if (!seen.has(g.key)) seen.set(g.key, g);
  return [...seen.values()]
    .sort((a, b) => a.numeric - b.numeric)
    .map(({ key, label }) => ({ key, label }));
}

function distributions(
  graded: readonly (AnalysisEvent & { grade: string })[],
  gradeKeys: readonly string[],
  frameworkName: (id: string | null) => string,
): DistributionRow[] {
  const rows = new Map<string, DistributionRow>();
  const add = (dimension: DistributionRow['dimension'], value: string, grade: string) => {
    const id = `${dimension}/${value}`;
    let row = rows.get(id);
    if (!row) {
      row = {
        dimension,
        value,
        counts: Object.fromEntries(gradeKeys.map((k) => [k, 0])),
        total: 0,
      };
      rows.set(id, row);
    }
    row.counts[grade] = (row.counts[grade] ?? 0) + 1;
    row.total += 1;
  };
  for (const e of graded) {
    add('year', statisticalYear(e.startDate), e.grade);
    add('region', e.region ?? 'Unknown region', e.grade);
    add('framework', frameworkName(e.frameworkId), e.grade);
  }
  const order = { year: 0, region: 1, framework: 2 };
  return [...rows.values()].sort(
    (a, b) => order[a.dimension] - order[b.dimension] || a.value.localeCompare(b.value),
  );
}

interface Pair<E> {
  earlier: E;
  later: E;
}

/** Consecutive graded inspections of each authority, oldest first. */
function consecutivePairs<E extends AnalysisEvent>(events: readonly E[]): Pair<E>[] {
  const byLa = new Map<string, E[]>();
  for (const e of events) byLa.set(e.laId, [...(byLa.get(e.laId) ?? []), e]);
  const pairs: Pair<E>[] = [];
  for (const list of byLa.values()) {
    list.sort((a, b) => a.startDate.localeCompare(b.startDate));
    for (let i = 1; i < list.length; i++) {
      const earlier = list[i - 1];
      const later = list[i];
      if (earlier && later) pairs.push({ earlier, later });
    }
  }
  return pairs;
}

export function analyseHistory(
  events: readonly AnalysisEvent[],
  scales: readonly FrameworkScale[],
  judgement: JudgementKey = 'overall_effectiveness',
): HistoryAnalysis {
  const scaleOf = new Map(scales.map((s) => [s.id, s]));
  const name = (id: string | null) => (id ? (scaleOf.get(id)?.name ?? id) : 'No framework');
  const gradedEvents = events.filter((e) => GRADED.has(e.activityType));
  const withGrade = gradedEvents.flatMap((e) => {
    const grade = e.grades[judgement];
    return grade ? [{ ...e, grade }] : [];
  });
  const grades = gradeOrder(scales);
  const numericOf = (fw: string | null, grade: string) =>
    scaleOf.get(fw ?? '')?.grades.find((g) => g.key === grade)?.numeric;

  const correspondence: HistoryAnalysis['correspondence'] = [];
  for (const a of scales)
    for (const b of scales)
      if (a.id < b.id)
        correspondence.push({ from: a.id, to: b.id, corresponds: scalesCorrespond(a, b) });
  const corresponds = (a: string | null, b: string | null) => {
    const sa = scaleOf.get(a ?? '');
    const sb = scaleOf.get(b ?? '');
    return !!sa && !!sb && (sa.id === sb.id || scalesCorrespond(sa, sb));
  };

  const transitions = new Map<string, TransitionRow>();
  for (const { earlier, later } of consecutivePairs(withGrade)) {
    const from = name(earlier.frameworkId);
    const to = name(later.frameworkId);
    const key = `${from} → ${to}`;
    const comparable = corresponds(earlier.frameworkId, later.frameworkId);
    const row = transitions.get(key) ?? {
      from,
      to,
      comparable,
      up: 0,
      same: 0,
      down: 0,
      notComparable: 0,
      total: 0,
    };
    const a = numericOf(earlier.frameworkId, earlier.grade);
    const b = numericOf(later.frameworkId, later.grade);
    if (!comparable || a === undefined || b === undefined) row.notComparable += 1;
    else if (b < a) row.up += 1;
    else if (b === a) row.same += 1;
    else row.down += 1;
    row.total += 1;
    transitions.set(key, row);
  }

  const gaps = new Map<string, number[]>();
  const addGap = (k: string, d: number) => gaps.set(k, [...(gaps.get(k) ?? []), d]);
  for (const { earlier, later } of consecutivePairs(gradedEvents)) {
    const d = daysBetween(earlier.startDate, later.startDate);
    addGap(`framework\u0000${name(earlier.frameworkId)} → ${name(later.frameworkId)}`, d);
    const g = earlier.grades[judgement];
    addGap(`grade\u0000${g ? (grades.find((x) => x.key === g)?.label ?? g) : 'Not graded'}`, d);
  }
  const intervals: IntervalRow[] = [...gaps.entries()]
    .map(([k, days]) => {
      const [groupBy = 'framework', value = ''] = k.split('\u0000');
      const sorted = [...days].sort((a, b) => a - b);
      return {
        groupBy: groupBy as IntervalRow['groupBy'],
        value,
        count: sorted.length,
        minDays: sorted[0] ?? 0,
        medianDays: median(sorted),
        maxDays: sorted[sorted.length - 1] ?? 0,
      };
    })
    .sort((a, b) => a.groupBy.localeCompare(b.groupBy) || a.value.localeCompare(b.value));

  return {
    judgement,
    grades,
    distributions: distributions(
      withGrade,
      grades.map((g) => g.key),
      name,
    ),
    transitions: [...transitions.values()].sort(
      (a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
    ),
    intervals,
    correspondence,
    inspections: withGrade.length,
    withoutGrade: gradedEvents.length - withGrade.length,
    notes: notesFor(scales, correspondence, gradedEvents.length - withGrade.length),
  };
}

function notesFor(
  scales: readonly FrameworkScale[],
  correspondence: HistoryAnalysis['correspondence'],
  withoutGrade: number,
): string[] {
  const name = (id: string) => scales.find((s) => s.id === id)?.name ?? id;
  const notes = [
    'Years run from April to March, as in Ofsted’s statistics. Transitions compare each authority’s consecutive graded inspections; intervals run from the first day of one inspection’s fieldwork to the first day of the next.',
  ];
  const differ = correspondence.filter((c) => !c.corresponds);
  const same = correspondence.filter((c) => c.corresponds);
  if (same.length > 0 && differ.length === 0)
    notes.push(
      `All these frameworks grade on corresponding scales (the same grades in the same order): ${scales.map((s) => s.name).join(', ')}. So a move between any two is counted as up, same or down; but they judge different things, so a move across frameworks reflects the change of framework as well as of practice.`,
    );
  else if (same.length > 0)
    notes.push(
      `These frameworks grade on corresponding scales (the same grades in the same order), so a move between them is counted as up, same or down: ${same.map((c) => `${name(c.from)} and ${name(c.to)}`).join('; ')}. They judge different things, so a move across frameworks reflects the change of framework as well as of practice.`,
    );
  if (differ.length > 0)
    notes.push(
      `These scales do not correspond, so moves between them are counted as not comparable: ${differ.map((c) => `${name(c.from)} and ${name(c.to)}`).join('; ')}.`,
    );
  if (withoutGrade > 0)
    notes.push(
      `${withoutGrade} graded inspection(s) carry no grade for this judgement (for example under a framework that does not grade it, or where the source did not record it); they are left out of the distributions and transitions but counted in the intervals.`,
    );
  return notes;
}

// Small shared pieces of the profile arithmetic: reading stored row values, calendar months,
// age bands, tallies and ratios. Dates are ISO strings (YYYY-MM-DD) as the importer stores them.
export type RowValue = string | number | boolean | null | undefined;
export interface ProfileRow {
  childRef: string | null;
  data: Record<string, RowValue>;
}

export interface IndicatorValue {
  key: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface Distribution {
  key: string;
  title: string;
  bins: { label: string; count: number }[];
}

/** What a list module gives back: its indicators and distributions. */
export interface ListResult {
  indicators: IndicatorValue[];
  distributions: Distribution[];
}

export function text(d: ProfileRow['data'], key: string): string | null {
  const v = d[key];
  if (v === null || v === undefined || v === '') return null;
  return String(v);
}

export function int(d: ProfileRow['data'], key: string): number | null {
  const v = d[key];
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

export function date(d: ProfileRow['data'], key: string): string | null {
  const v = text(d, key);
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}

export const isYes = (d: ProfileRow['data'], key: string): boolean => d[key] === 'yes';

const DAY = 86_400_000;
const t = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** Calendar days from a to b (negative when b is before a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((t(b) - t(a)) / DAY);
}

/**
 * The same day `months` calendar months later (earlier when negative); a day that does not exist
 * in the target month becomes its last day (31 August minus 6 months is 28 or 29 February).
 */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  const day = Math.min(Number(iso.slice(8, 10)), last);
  return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ChAT's age bands; care leavers (List 9) have their own. */
export function ageBand(list: number, age: number | null, unborn: boolean): string {
  if (unborn || age === -1) return 'Unborn';
  if (age === null) return 'Not known';
  if (list === 9) {
    if (age < 17) return 'Under 17';
    if (age <= 18) return '17 to 18';
    if (age <= 21) return '19 to 21';
    return '22 and over';
  }
  if (age < 1) return 'Under 1';
  if (age <= 4) return '1 to 4';
  if (age <= 9) return '5 to 9';
  if (age <= 15) return '10 to 15';
  if (age <= 17) return '16 to 17';
  return '18 and over';
}

export const ageBandOrder = [
  'Unborn',
  'Under 1',
  '1 to 4',
  '5 to 9',
  '10 to 15',
  '16 to 17',
  '18 and over',
  'Under 17',
  '17 to 18',
  '19 to 21',
  '22 and over',
  'Not known',
];

export class Tally {
  readonly counts = new Map<string, number>();
  add(label: string, by = 1): void {
    this.counts.set(label, (this.counts.get(label) ?? 0) + by);
  }
  get(label: string): number {
    return this.counts.get(label) ?? 0;
  }
}

/** A numerator and denominator counted row by row. */
export class Ratio {
  num = 0;
  den = 0;
  count(inDenominator: boolean, inNumerator: boolean): void {
    if (!inDenominator) return;
    this.den += 1;
    if (inNumerator) this.num += 1;
  }
  percent(key: string): IndicatorValue {
    return percentOf(key, this.num, this.den);
  }
}

export const round1 = (v: number): number => Math.round(v * 10) / 10;

export function percentOf(key: string, num: number, den: number): IndicatorValue {
  return {
    key,
    value: den > 0 ? round1((num / den) * 100) : null,
    numerator: num,
    denominator: den,
  };
}

export function countOf(key: string, n: number): IndicatorValue {
  return { key, value: n, numerator: n, denominator: null };
}

/** A rate per 10,000 children aged 0-17; `factor` 2 annualises a six-month list. */
export function rateOf(
  key: string,
  n: number,
  population: number | null,
  factor = 1,
): IndicatorValue {
  return {
    key,
    value: population ? round1(((n * factor) / population) * 10_000) : null,
    numerator: n * factor,
    denominator: population,
  };
}

/** Bins by upper bound (inclusive); the last bin takes everything above. */
export function binner(labels: string[], upper: number[]): (v: number) => string {
  return (v) => {
    for (let i = 0; i < upper.length; i++)
      if (v <= (upper[i] as number)) return labels[i] as string;
    return labels[labels.length - 1] as string;
  };
}

export function distribution(
  key: string,
  title: string,
  labels: string[],
  tally: Tally,
): Distribution {
  return { key, title, bins: labels.map((label) => ({ label, count: tally.get(label) })) };
}

// Table 3 of the 2019 review: when area SEND inspections fell against ILACS visits and inspections
// of the same LA. Ofsted's guidance (§21) was that an area SEND inspection should avoid the three
// months after an ILACS visit or inspection and the same school term. The review's four rows are
// exclusive (they add up to its 43 inspections), so each inspection takes the first that applies:
// the same school term as an ILACS activity, within one month after one, within three months after
// one, else more than three months after (or none before it).
import { easterSunday } from '../calendar/bank-holidays.js';
import type { AreaSendInspection, Engagement } from './engagements.js';
import { pct } from './engagements.js';

export const table3Categories = [
  'more_than_three_months',
  'within_three_months',
  'within_one_month',
  'same_term',
] as const;
export type Table3Category = (typeof table3Categories)[number];

export interface Table3Row {
  category: Table3Category;
  count: number;
  percent: number;
}
export interface Table3 {
  computable: boolean;
  /** Why not, when it cannot be computed; otherwise how it was. */
  reason: string;
  total: number;
  rows: Table3Row[];
}

export const TABLE3_NO_DATA =
  'Table 3 needs the dates of area SEND inspections. Neither Ofsted’s published inspection history (ILACS and SIF inspections, focused and monitoring visits) nor Triangulate’s activities record them, so it is not computed: no figure is shown rather than an invented one.';

const ILACS_TYPES = new Set([
  'focused_visit',
  'monitoring_visit',
  'short_inspection',
  'standard_inspection',
  'judgement_inspection',
]);

/**
 * The school term a date falls in, by a national convention (term dates vary by LA): autumn from
 * September to December, spring from January to Easter Sunday, summer from Easter Monday to July.
 * August is the summer holiday: no term.
 */
export function schoolTerm(date: string): string | null {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (m >= 9) return `${y}-autumn`;
  if (m === 8) return null;
  return date <= easterSunday(y) ? `${y}-spring` : `${y}-summer`;
}

/** The date n calendar months after an ISO date (the last day of a shorter month). */
export function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const d = Number(date.slice(8, 10));
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${ty}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function classifySend(
  send: AreaSendInspection,
  ilacs: readonly Engagement[],
): Table3Category {
  const own = ilacs.filter((e) => e.laId === send.laId);
  const term = schoolTerm(send.startDate);
  const sameTerm = (d: string | null) => d !== null && term !== null && schoolTerm(d) === term;
  if (own.some((e) => sameTerm(e.startDate) || sameTerm(e.endDate))) return 'same_term';
  // The latest ILACS activity that had ended (or begun, when no end is known) before the SEND one.
  const before = own
    .map((e) => e.endDate ?? e.startDate)
    .filter((d) => d <= send.startDate)
    .sort()
    .at(-1);
  if (before === undefined) return 'more_than_three_months';
  if (send.startDate <= addMonths(before, 1)) return 'within_one_month';
  if (send.startDate <= addMonths(before, 3)) return 'within_three_months';
  return 'more_than_three_months';
}

/**
 * Table 3 for the area SEND inspections given; null means the source holds no area SEND dates at
 * all, which is said rather than shown as zero.
 */
export function table3(
  sends: readonly AreaSendInspection[] | null,
  engagements: readonly Engagement[],
): Table3 {
  if (sends === null)
    return {
      computable: false,
      reason: TABLE3_NO_DATA,
      total: 0,
      rows: [],
    };
  const ilacs = engagements.filter((e) => ILACS_TYPES.has(e.type));
  const counts = new Map<Table3Category, number>(table3Categories.map((c) => [c, 0]));
  for (const s of sends) {
    const c = classifySend(s, ilacs);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return {
    computable: true,
    reason:
      'Each area SEND inspection counted once, in the first row that applies: same school term as an ILACS visit or inspection of the LA, within one month after one, within three months after one, else more than three months after.',
    total: sends.length,
    rows: table3Categories.map((category) => ({
      category,
      count: counts.get(category) ?? 0,
      percent: pct(counts.get(category) ?? 0, sends.length),
    })),
  };
}

// Words for the validation report, written for the LA's data officer: dates as the workbook
// writes them (DD/MM/YYYY), the value that is in the cell, why a date does not exist, and which
// codes a column allows. Pure functions: no clock, no I/O.
import { SheetDate, type CellValue } from '../files/spreadsheet.js';
import type { CodeSet } from './code-sets.js';
import { MONTH_NAMES } from '../calendar/months.js';

/** An ISO date (YYYY-MM-DD) as the template writes it: DD/MM/YYYY. Anything else unchanged. */
export function dmy(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A birth month (YYYY-MM) as MM/YYYY. */
export function monthYear(ym: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  return m ? `${m[2]}/${m[1]}` : ym;
}

/** What a cell holds, as the data officer would see it (date cells as DD/MM/YYYY). */
export function shownValue(v: CellValue): string | null {
  if (v === null) return null;
  if (v instanceof SheetDate) return dmy(v.toIsoDate());
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return Number.isFinite(v) ? String(Math.round(v * 100) / 100) : null;
  const t = v.replace(/[\u00a0\u200b\ufeff]/g, ' ').trim();
  return t === '' ? null : t.slice(0, 200);
}

const SHORT_MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

function dayMonthReason(d: number, m: number, y: number | null): string | null {
  if (m < 1 || m > 12)
    return m > 12 && d >= 1 && d <= 12
      ? `there is no month ${m} (dates are read day first, DD/MM/YYYY: did you mean ${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/…?)`
      : `there is no month ${m}`;
  if (d < 1) return `there is no day ${d}`;
  const max = y === null ? daysIn(2000, m) : daysIn(y, m);
  if (d > max) {
    if (m === 2 && d === 29 && y !== null)
      return `${y} is not a leap year, so 29 February does not exist`;
    return `${d} ${MONTH_NAMES[m - 1]} does not exist (${MONTH_NAMES[m - 1]} has ${max} days)`;
  }
  return null;
}

/**
 * Why a cell that should hold a date does not: "31 February does not exist", "there is no month
 * 13", "2025 is not a leap year...", or that the text is not written as a date at all.
 */
export function whyNotADate(v: CellValue): string {
  if (typeof v === 'number') return `${v} is not a date or an Excel date number`;
  if (typeof v === 'boolean') return 'a yes/no value is not a date';
  if (v instanceof SheetDate) return 'the date cell is before 1900';
  const s = (v ?? '').replace(/[\u00a0\u200b]/g, ' ').trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b/.exec(s);
  if (m) {
    const y = m[3]!.length === 4 ? Number(m[3]) : null;
    const why = dayMonthReason(Number(m[1]), Number(m[2]), y);
    if (why) return why;
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(s);
  if (m) {
    const why = dayMonthReason(Number(m[3]), Number(m[2]), Number(m[1]));
    if (why) return why;
  }
  m = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})[\s-]+(\d{4})$/.exec(s);
  if (m) {
    const month = SHORT_MONTHS.indexOf(m[2]!.toLowerCase().slice(0, 3)) + 1;
    if (month === 0) return `'${m[2]}' is not a month`;
    const why = dayMonthReason(Number(m[1]), month, Number(m[3]));
    if (why) return why;
  }
  return 'it is not written as a date (the template asks for DD/MM/YYYY)';
}

/** How a code is written in the template: the code itself, or the label for word codes. */
function writtenCode(c: { code: string; label: string }): string {
  if (/^[a-z_]+$/.test(c.code)) return c.label.replace(/^[a-z]{1,2}\)\s*/, '');
  return c.code;
}

/** The codes a column allows, as a data officer would type them ("Yes, No, Unknown"). */
export function allowedCodes(set: CodeSet, only?: (code: string) => boolean): string {
  const codes = set.codes.filter((c) => !only || only(c.code)).map(writtenCode);
  return codes.length <= 30 ? codes.join(', ') : `${codes.slice(0, 30).join(', ')}, …`;
}

/** The code a column offers for "not known" (gender not stated, unknown, not yet obtained...). */
export function notKnownCode(set: CodeSet): string | null {
  const c = set.codes.find((x) =>
    /not stated|not recorded|unknown|not yet obtained|not obtained/i.test(
      `${x.label} ${x.detail ?? ''}`,
    ),
  );
  return c ? c.label : null;
}

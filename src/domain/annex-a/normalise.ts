// Turning messy cell values into typed values: comparison keys for text, blanks and placeholders,
// dates (Excel serials, DD/MM/YYYY text and friends), whole numbers.
import { SheetDate, serialToIsoDate, type CellValue } from '../files/spreadsheet.js';
import { yearInEngland } from '../../clock.js';

/**
 * The comparison key for a raw value: Unicode-normalised, non-breaking and zero-width spaces as
 * spaces, curly quotes and dashes straightened, lower case, whitespace collapsed. The same
 * function is repeated in scripts/build-annex-a-reference.mjs for the variants table.
 */
export function normaliseKey(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, ' ')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Header comparison key: as normaliseKey, with punctuation and quotes dropped. */
export function headerKey(raw: string): string {
  return normaliseKey(raw)
    .replace(/['"]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Strips an Ofsted ordering prefix such as "a) ", "zz) ", "p1) " or "a. ". */
export function stripPrefix(key: string): string {
  return key.replace(/^[a-z]{1,2}\d?[).]\s*/, '');
}

/** Values that mean "nothing here" in real files. */
const PLACEHOLDERS = new Set([
  '#n/a',
  'n/a',
  'na',
  '#na',
  'nan',
  'null',
  '-',
  '--',
  '.',
  '..',
  '<blank>',
  '#value!',
  '#ref!',
  '#div/0!',
  '#name?',
  '#num!',
  '#null!',
  'pd.na',
]);

/** Longer ways of writing "not applicable" that files use. */
const NOT_APPLICABLE = /^(not applicable|not relevant|n\/a\.?|n\. ?a\.?)$/;

/**
 * The cell as trimmed text, or null when blank or a placeholder (#N/A, N/A, nan, -, ...). The
 * Annex A guidance never uses "N/A": where a value does not apply it says "leave blank", and where
 * it is not known it offers a code (e.g. gender "Not stated/recorded"). So "N/A" and the like
 * count as blank: fine where the template allows a blank, an error naming the placeholder where
 * it does not.
 */
export function cellText(v: CellValue): string | null {
  if (v === null) return null;
  if (typeof v === 'string') {
    const t = v.replace(/[\u00a0\u200b\ufeff]/g, ' ').trim();
    if (t === '') return null;
    if (t.length <= 8 && PLACEHOLDERS.has(t.toLowerCase())) return null;
    if (t.length <= 16 && NOT_APPLICABLE.test(t.toLowerCase())) return null;
    return t;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  return v.toIsoDate();
}

/** Whether the raw cell is a spreadsheet error or placeholder rather than truly empty. */
export function isPlaceholder(v: CellValue): boolean {
  return typeof v === 'string' && v.trim() !== '' && cellText(v) === null;
}

/** Whether a placeholder is a spreadsheet formula error (#N/A, #REF!...) rather than typed text. */
export function isFormulaError(v: CellValue): boolean {
  return typeof v === 'string' && /^#[a-z/0!?]+[!?]?$/i.test(v.trim()) && isPlaceholder(v);
}

export type DateResult = { ok: true; iso: string } | { ok: false };

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function isoFrom(y: number, m: number, d: number): DateResult {
  if (m < 1 || m > 12 || d < 1 || d > 31) return { ok: false };
  const t = Date.UTC(y, m - 1, d);
  const dt = new Date(t);
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d)
    return { ok: false };
  return { ok: true, iso: dt.toISOString().slice(0, 10) };
}

function expandYear(y: string): number {
  const n = Number(y);
  if (y.length !== 2) return n;
  const pivot = (yearInEngland() % 100) + 1;
  return n <= pivot ? 2000 + n : 1900 + n;
}

/**
 * A date from a cell: a date cell, an Excel serial number (1 .. 2958465), or text as DD/MM/YYYY
 * (also with - or . and 2-digit years), YYYY-MM-DD (with an optional time), or "5 Jan 2024".
 * Text is read day-first, as the template asks; it is never guessed as month-first.
 */
export function parseDate(v: CellValue): DateResult {
  if (v instanceof SheetDate)
    return v.serial >= 1 ? { ok: true, iso: v.toIsoDate() } : { ok: false };
  if (typeof v === 'number') {
    if (v >= 1 && v < 2_958_466) return { ok: true, iso: serialToIsoDate(v) };
    return { ok: false };
  }
  if (typeof v !== 'string') return { ok: false };
  const s = v.replace(/[\u00a0\u200b]/g, ' ').trim();
  let m =
    /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(
      s,
    );
  if (m) return isoFrom(expandYear(m[3]!), Number(m[2]), Number(m[1]));
  m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      s,
    );
  if (m) return isoFrom(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})[\s-]+(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month =
      MONTHS[m[2]!.toLowerCase().slice(0, m[2]!.toLowerCase().startsWith('sept') ? 4 : 3)];
    if (month) return isoFrom(expandYear(m[3]!), month, Number(m[1]));
  }
  if (/^\d+(\.\d+)?$/.test(s)) return parseDate(Number(s));
  return { ok: false };
}

export type IntResult = { ok: true; value: number; fractional: boolean } | { ok: false };

/** A whole number (fractions are truncated and reported; "3.0" is fine). */
export function parseInteger(v: CellValue): IntResult {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(v)) n = Number(v);
  else return { ok: false };
  if (!Number.isFinite(n)) return { ok: false };
  const t = Math.trunc(n);
  return { ok: true, value: t, fractional: Math.abs(n - t) > 1e-9 };
}

/** Whole years between an ISO birth date and an ISO reference date (age at last birthday). */
export function ageOn(birthIso: string, refIso: string): number {
  const by = Number(birthIso.slice(0, 4));
  const bm = Number(birthIso.slice(5, 7));
  const bd = Number(birthIso.slice(8, 10));
  const ry = Number(refIso.slice(0, 4));
  const rm = Number(refIso.slice(5, 7));
  const rd = Number(refIso.slice(8, 10));
  let age = ry - by;
  if (rm < bm || (rm === bm && rd < bd)) age--;
  return age;
}

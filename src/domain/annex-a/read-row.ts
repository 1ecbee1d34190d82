// One spreadsheet row into typed values: each cell read by its column's type (codes, dates,
// whole numbers, staff names, postcodes), then the age checked against the date of birth. Every
// problem is reported through `flag` with the value as it is in the cell (dates DD/MM/YYYY).
import type { CellValue } from '../files/spreadsheet.js';
import type { CodeSet } from './code-sets.js';
import type { ColumnMap } from './headers.js';
import type { FieldDef } from './lists.js';
import { allowedCodes, dmy, notKnownCode, shownValue, whyNotADate } from './messages.js';
import {
  ageOn,
  cellText,
  isFormulaError,
  isPlaceholder,
  normaliseKey,
  parseInteger,
  type DateResult,
} from './normalise.js';
import type { ParsedRow, Severity } from './parse-types.js';

export interface CellReadContext {
  layout: '2019' | '2023';
  referenceDate: string;
  today: string;
  codeSetFor(f: FieldDef): CodeSet;
  dateOf(v: CellValue): DateResult;
  staffRef(name: string): string;
}

/** Reports one problem: the field, the rule, the message and the value shown (null: none). */
export type Flagger = (
  field: FieldDef | null,
  rule: string,
  severity: Severity,
  message: string,
  shown: string | null,
  column?: string,
) => void;

export interface CellsRead {
  data: ParsedRow['data'];
  extra: Record<string, string> | null;
  childId: string | null;
  /** The age as written in the age column, and the cell's text. */
  age: { value: number; shown: string } | null;
}

export function postcodeDistrict(text: string): string | null {
  const pc = text.toUpperCase().replace(/\s+/g, '');
  const m = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/.exec(pc) ?? /^([A-Z]{1,2}\d[A-Z\d]?)$/.exec(pc);
  return m ? m[1]! : null;
}

function blankMessage(f: FieldDef, raw: CellValue, set: CodeSet | null): string {
  if (!isPlaceholder(raw)) return `'${f.header}' must not be blank.`;
  const held = String(raw).trim();
  if (isFormulaError(raw))
    return `'${f.header}' holds '${held}', a spreadsheet formula error rather than a value; this column must not be blank.`;
  const code = set ? notKnownCode(set) : null;
  return `'${f.header}' holds '${held}', which counts as blank, and this column must not be blank${
    code ? `: if it is not known, use '${code}'` : ''
  }.`;
}

function readDate(
  f: FieldDef,
  raw: CellValue,
  c: CellReadContext,
  data: ParsedRow['data'],
  flag: Flagger,
  column: string,
): void {
  const dob = f.type === 'dob';
  const shown = (): string | null => (dob ? null : shownValue(raw));
  const d = c.dateOf(raw);
  if (!d.ok) {
    const why = whyNotADate(raw).replace(/ \(dates are read day first.*\)$/, (m) => (dob ? '' : m));
    flag(
      f,
      'date.invalid',
      'error',
      dob
        ? `'${f.header}' is not a date: ${why}.`
        : `'${f.header}': '${shown()}' is not a date: ${why}.`,
      shown(),
      column,
    );
    return;
  }
  const y = Number(d.iso.slice(0, 4));
  const refYear = Number(c.referenceDate.slice(0, 4));
  if (y < 1900 || y > refYear + 2) {
    flag(
      f,
      'date.implausible',
      'error',
      `'${f.header}' has the year ${y}: dates before 1900 or after ${refYear + 2} are not plausible.`,
      shown(),
      column,
    );
    return;
  }
  if (dob) {
    data.birthMonth = d.iso.slice(0, 7);
    data.dateOfBirth = d.iso; // removed by the caller once the age is checked
    return;
  }
  data[f.key] = d.iso;
  if (d.iso > c.today)
    flag(
      f,
      'date.future',
      'query',
      `'${f.header}' is ${dmy(d.iso)}, after today (${dmy(c.today)}).`,
      shown(),
      column,
    );
}

const groupedSets = new WeakMap<CodeSet, boolean>();
function isGrouped(set: CodeSet): boolean {
  let g = groupedSets.get(set);
  if (g === undefined) groupedSets.set(set, (g = set.codes.some((x) => x.group)));
  return g;
}

function readCode(
  f: FieldDef,
  raw: CellValue,
  text: string,
  set: CodeSet,
  data: ParsedRow['data'],
  flag: Flagger,
  column: string,
): void {
  const m = set.match(text);
  const grouped = isGrouped(set);
  if (m.kind === 'code') {
    data[f.key] = m.code;
    if (grouped) data[`${f.key}Group`] = m.group;
  } else if (m.kind === 'group') {
    if (grouped) data[`${f.key}Group`] = m.group;
    flag(
      f,
      'code.group-only',
      'query',
      `'${text}' only tells the group (${m.group.replace(/_/g, ' ')}), not the exact code; the codes in that group are: ${allowedCodes(set, (code) => set.get(code)?.group === m.group)}.`,
      shownValue(raw),
      column,
    );
  } else {
    flag(
      f,
      'code.unknown',
      'error',
      `'${text}' is not a code for '${f.header}'. The codes allowed are: ${allowedCodes(set)}.`,
      shownValue(raw),
      column,
    );
  }
}

/** Reads the cells of one row by column; blank values are simply absent from `data`. */
export function readCells(
  columns: ColumnMap[],
  cells: CellValue[],
  c: CellReadContext,
  flag: Flagger,
): CellsRead {
  const data: ParsedRow['data'] = {};
  let extra: Record<string, string> | null = null;
  let childId: string | null = null;
  let age: CellsRead['age'] = null;
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i]!;
    const raw = cells[i] ?? null;
    const f = col.field;
    if (!f) {
      if (col.keep) {
        const t = cellText(raw);
        if (t !== null) (extra ??= {})[col.header] = t.slice(0, 500);
      }
      continue;
    }
    const text = cellText(raw);
    if (text === null) {
      if (!f.canBeBlank && !(f.since && c.layout !== '2023'))
        flag(
          f,
          'required',
          'error',
          blankMessage(f, raw, f.type === 'code' ? c.codeSetFor(f) : null),
          isPlaceholder(raw) ? String(raw).trim() : null,
          col.header,
        );
      continue;
    }
    switch (f.type) {
      case 'id':
        if (f.key === 'childId' || f.key === 'adopterId') childId = text;
        else data[f.key] = text; // familyRef: pseudonymised by the caller
        break;
      case 'dob':
      case 'date':
        readDate(f, raw, c, data, flag, col.header);
        break;
      case 'age': {
        const n = parseInteger(raw);
        if (!n.ok)
          flag(
            f,
            'integer.invalid',
            'error',
            `'${f.header}': '${text}' is not a number of years.`,
            shownValue(raw),
            col.header,
          );
        else age = { value: n.value, shown: shownValue(raw) ?? text };
        break;
      }
      case 'integer': {
        const n = parseInteger(raw);
        if (!n.ok || n.value < 0) {
          flag(
            f,
            'integer.invalid',
            'error',
            `'${f.header}': '${text}' is not a whole number of 0 or more.`,
            shownValue(raw),
            col.header,
          );
        } else {
          data[f.key] = n.value;
          if (n.fractional)
            flag(
              f,
              'integer.fraction',
              'query',
              `'${f.header}': '${text}' has a fraction; ${n.value} was kept.`,
              shownValue(raw),
              col.header,
            );
        }
        break;
      }
      case 'code':
        readCode(f, raw, text, c.codeSetFor(f), data, flag, col.header);
        break;
      case 'staff':
        data[f.key] = c.staffRef(normaliseKey(text));
        break;
      case 'postcode': {
        const district = postcodeDistrict(text);
        data[f.key] = district;
        if (!district)
          flag(
            f,
            'postcode.invalid',
            'query',
            `'${f.header}' is not a UK postcode (the value is not repeated: a postcode can identify where a child lives).`,
            null,
            col.header,
          );
        break;
      }
      case 'text':
        data[f.key] = text.replace(/\s+/g, ' ').slice(0, 200);
        break;
    }
  }
  return { data, extra, childId, age };
}

/**
 * The age: worked out from the date of birth at the reference date where there is one (-1 for
 * unborn children), else the age column. The age column is checked on its own too: an age of 30
 * in the cell is an error even when the date of birth gives 12.
 */
export function checkAge(
  listNo: number,
  data: ParsedRow['data'],
  cell: CellsRead['age'],
  referenceDate: string,
  ageField: FieldDef | null,
  flag: Flagger,
): void {
  if (listNo === 11) return;
  const birth = data.dateOfBirth as string | undefined;
  const provided = cell?.value ?? null;
  const shown = cell?.shown ?? null;
  let unborn = provided === -1;
  let computed: number | null = null;
  if (birth) {
    computed = ageOn(birth, referenceDate);
    if (birth > referenceDate) unborn = true;
  }
  const age = birth ? (unborn ? -1 : computed) : provided;
  if (age !== null) data.age = age;
  if (unborn) data.unborn = true;
  const at = dmy(referenceDate);
  let outOfRange = false;
  if (provided !== null && (provided < -1 || provided > 25)) {
    outOfRange = true;
    flag(
      ageField,
      'age.range',
      'error',
      `The age in the cell is ${shown}: ages run from -1 (unborn) to 25.${
        computed !== null && !unborn ? ` The date of birth gives ${computed} on ${at}.` : ''
      }`,
      shown,
    );
  } else if (computed !== null && !unborn && computed > 25) {
    outOfRange = true;
    flag(
      ageField,
      'age.range',
      'error',
      `The date of birth gives an age of ${computed} on ${at}: ages run from -1 (unborn) to 25.`,
      shown,
    );
  }
  if (provided !== null && provided !== -1 && computed !== null && !unborn) {
    if (Math.abs(computed - provided) > 1)
      flag(
        ageField,
        'age.mismatch',
        'query',
        `The age in the cell is ${shown}, but the date of birth gives ${computed} on ${at} (the date ages are worked out at).`,
        shown,
      );
  }
  if (outOfRange || age === null) return;
  if (listNo !== 9 && age > 18)
    flag(
      ageField,
      'age.out-of-scope',
      'query',
      `The child is ${age}${birth && provided !== age ? ' (from the date of birth)' : ''}: older than children's services usually serve.`,
      shown,
    );
  else if (listNo === 9 && (age < 16 || age > 25))
    flag(
      ageField,
      'age.out-of-scope',
      'query',
      `A care leaver aged ${age}${birth && provided !== age ? ' (from the date of birth)' : ''} is unusual (16 to 25 expected).`,
      shown,
    );
}

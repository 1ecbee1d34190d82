// One data row: its cells read and normalised, then the row's own rules and the rules across
// rows; every problem becomes a flag on the row and an issue in the report.
import type { CellValue } from '../files/spreadsheet.js';
import type { FieldDef, FieldType } from './lists.js';
import { dmy } from './messages.js';
import { checkAge, readCells, type Flagger } from './read-row.js';
import { rowChecks, type RowContext } from './rules.js';
import { addIssue, cellContext, type ParseRun, type SheetState } from './parse-run.js';
import type { ParsedRow, RowFlag } from './parse-types.js';

/** Columns whose values are never repeated in the report. */
const SENSITIVE_TYPES = new Set<FieldType>(['id', 'dob', 'staff', 'postcode']);

export function dataRow(run: ParseRun, s: SheetState, cells: CellValue[], rowNumber: number): void {
  const def = s.def;
  const ref = run.ref;
  const flags: RowFlag[] = [];
  const flag = rowFlagger(run, s, flags, rowNumber);
  const read = readCells(s.columns, cells, cellContext(run), flag);
  const { data } = read;
  const fieldOf = (key: string | null): FieldDef | null =>
    key ? (def.fields.find((x) => x.key === key) ?? null) : null;
  checkAge(def.number, data, read.age, ref, fieldOf('age'), flag);
  // Rules comparing cells name the stored value of the flagged cell (dates as DD/MM/YYYY).
  const ctx: RowContext = {
    def,
    data,
    referenceDate: ref,
    flag: (field, rule, severity, message) => {
      const f = fieldOf(field);
      const v = field ? data[field] : undefined;
      const shown =
        f && f.type !== 'dob' && v !== undefined && v !== null
          ? f.type === 'date'
            ? dmy(String(v))
            : String(v)
          : null;
      flag(f, rule, severity, message, shown);
    },
  };
  rowChecks(ctx);
  delete data.dateOfBirth;
  const parsedRow: ParsedRow = {
    list: def.number,
    row: rowNumber,
    childId: read.childId,
    data,
    extra: read.extra,
    flags,
  };
  run.crossCheck(parsedRow, (field, rule, severity, message) =>
    flag(fieldOf(field), rule, severity, message, null),
  );
  s.summary.rows++;
  if (flags.length > 0) s.summary.flaggedRows++;
  run.rows.push(parsedRow);
}

/** Flags a row: the flag on the row, the issue in the report, the blank required field counted. */
function rowFlagger(run: ParseRun, s: SheetState, flags: RowFlag[], rowNumber: number): Flagger {
  return (field, rule, severity, message, shown, column) => {
    flags.push({ field: field?.key ?? null, rule, severity });
    if (rule === 'required' && field)
      s.requiredBlank.set(field.key, (s.requiredBlank.get(field.key) ?? 0) + 1);
    // Values of identifying columns are never repeated (a placeholder such as '#N/A' is not one).
    const sensitive = field && SENSITIVE_TYPES.has(field.type) && !(rule === 'required');
    addIssue(run, {
      list: s.def.number,
      row: rowNumber,
      column: column ?? s.headerOf.get(field?.key ?? '') ?? field?.header ?? null,
      field: field?.key ?? null,
      value: sensitive ? null : shown,
      rule,
      severity,
      message,
    });
  };
}

/**
 * A required column that is blank in every row is one problem with the column, not one per row
 * (the rows keep their flags).
 */
export function collapseEmptyColumns(run: ParseRun, s: SheetState): void {
  const issues = run.issues;
  const rowsRead = s.summary.rows;
  if (rowsRead < 2) return;
  const empty = [...s.requiredBlank].filter(([, n]) => n === rowsRead).map(([k]) => k);
  if (empty.length === 0) return;
  const keys = new Set(empty);
  const held = new Map<string, Set<string>>();
  let removed = 0;
  for (let i = issues.length - 1; i >= 0; i--) {
    const x = issues[i]!;
    if (x.rule !== 'required' || x.list !== s.def.number || x.sheet !== s.sheet) continue;
    if (!x.field || !keys.has(x.field)) continue;
    if (x.value) (held.get(x.field) ?? held.set(x.field, new Set()).get(x.field)!).add(x.value);
    issues.splice(i, 1);
    removed++;
  }
  s.summary.errors -= removed;
  for (const key of empty) {
    const f = s.def.fields.find((x) => x.key === key)!;
    const values = [...(held.get(key) ?? [])];
    addIssue(run, {
      list: s.def.number,
      sheet: s.sheet,
      row: s.headerRow,
      column: s.headerOf.get(key) ?? f.header,
      field: key,
      value: values.length === 1 ? values[0]! : null,
      rule: 'column.empty',
      severity: 'error',
      message: `'${f.header}' has no value in any of the ${rowsRead} rows${
        values.length ? ` (they hold ${values.map((v) => `'${v}'`).join(', ')} or nothing)` : ''
      }; the template says it must not be blank. Fill in the column.`,
    });
  }
}

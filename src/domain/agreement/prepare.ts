// Turns a ratings table into the engine's working form: units and raters in a canonical order (so
// that the order of rows and columns never changes a result, bootstrap intervals included), each
// rating coded as its category's index, and per-unit counts of ratings in each category.
import { AppError, type ErrorDetail } from '../../errors.js';
import type { AgreementOptions, Level, RatingsTable } from './types.js';

export interface Prepared {
  unit: string;
  level: Level;
  ordered: boolean;
  labels: string[];
  /** The value each category stands for: its number (interval, ratio) or its position (1, 2, ...). */
  values: Float64Array;
  /** Position on the scale, 0-based. */
  ranks: Float64Array;
  unitIds: string[];
  raters: string[];
  n: number;
  r: number;
  q: number;
  /** codes[i * r + g]: category index of rater g's rating of unit i, -1 when not given. */
  codes: Int32Array;
  /** counts[i * q + k]: how many raters put unit i in category k. */
  counts: Float64Array;
  /** m[i]: ratings given for unit i. */
  m: Float64Array;
  /** weight[i]: how many units unit i stands for (1 unless the table says). */
  weight: Float64Array;
  weighted: boolean;
  unitsWithoutRatings: number;
  ratersWithoutRatings: string[];
}

const collator = new Intl.Collator('en', { numeric: true });
/** Natural order ("case 2" before "case 10"), ties broken by code points so the order is total. */
const byText = (a: string, b: string): number =>
  collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
const isNumber = (s: string): boolean => /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s);

function invalid(details: ErrorDetail[]): never {
  throw new AppError('VALIDATION_FAILED', {
    message: `The ratings cannot be analysed: ${details[0]?.reason ?? 'invalid input'}`,
    details,
  });
}

function categoriesOf(table: RatingsTable, options: AgreementOptions): string[] {
  if (options.categories && options.categories.length > 0) {
    const seen = new Set<string>();
    for (const c of options.categories) {
      const key = c.trim().toLowerCase();
      if (seen.has(key))
        invalid([{ field: 'categories', value: c, reason: 'a category is listed twice' }]);
      seen.add(key);
    }
    return options.categories.map((c) => c.trim());
  }
  const used = new Set<string>();
  for (const u of table.units) for (const v of u.ratings) if (v !== null) used.add(v);
  const list = [...used];
  if (list.length > 0 && list.every(isNumber)) return list.sort((a, b) => Number(a) - Number(b));
  if (options.level !== 'nominal')
    invalid([
      {
        field: 'level',
        value: options.level,
        reason: `the ${options.level} level needs the order of the values: give the categories in order, or use numbers`,
      },
    ]);
  return list.sort(byText);
}

function checkNames(table: RatingsTable): void {
  const raters = new Set<string>();
  for (const name of table.raters) {
    if (raters.has(name))
      invalid([{ field: 'raters', value: name, reason: 'a rater is named twice' }]);
    raters.add(name);
  }
  const units = new Set<string>();
  for (const u of table.units) {
    if (units.has(u.id))
      invalid([{ field: 'units', value: u.id, reason: 'a unit is listed twice' }]);
    units.add(u.id);
    if (u.weight !== undefined && !(Number.isFinite(u.weight) && u.weight > 0))
      invalid([{ field: 'units', value: u.id, reason: 'a unit weight must be a positive number' }]);
    if (u.ratings.length !== table.raters.length)
      invalid([
        {
          field: 'units',
          value: u.id,
          reason: 'a unit has a different number of ratings than there are raters',
        },
      ]);
  }
}

function scaleValues(labels: string[], level: Level): Float64Array {
  const values = new Float64Array(labels.length);
  labels.forEach((label, k) => {
    if (level === 'interval' || level === 'ratio') {
      if (!isNumber(label))
        invalid([
          { field: 'categories', value: label, reason: `the ${level} level needs numbers` },
        ]);
      values[k] = Number(label);
      if (level === 'ratio' && values[k]! < 0)
        invalid([
          {
            field: 'categories',
            value: label,
            reason: 'the ratio level needs values of 0 or more',
          },
        ]);
    } else values[k] = k + 1;
  });
  return values;
}

export function prepare(table: RatingsTable, options: AgreementOptions): Prepared {
  checkNames(table);
  const labels = categoriesOf(table, options);
  const index = new Map<string, number>();
  labels.forEach((l, k) => index.set(options.categories ? l.toLowerCase() : l, k));
  const lookup = (v: string): number | undefined =>
    index.get(options.categories ? v.trim().toLowerCase() : v);

  const raterOrder = table.raters
    .map((name, g) => ({ name, g }))
    .sort((a, b) => byText(a.name, b.name));
  const given = raterOrder.map(({ g }) => table.units.some((u) => u.ratings[g] !== null));
  const keptRaters = raterOrder.filter((_, j) => given[j]);
  const rows = table.units
    .filter((u) => u.ratings.some((v) => v !== null))
    .sort((a, b) => byText(a.id, b.id));
  const n = rows.length;
  const r = keptRaters.length;
  const q = labels.length;
  const codes = new Int32Array(n * r).fill(-1);
  const counts = new Float64Array(n * q);
  const m = new Float64Array(n);
  rows.forEach((u, i) => {
    keptRaters.forEach(({ name, g }, j) => {
      const v = u.ratings[g];
      if (v === null || v === undefined) return;
      const k = lookup(v);
      if (k === undefined)
        invalid([
          {
            field: name,
            value: v,
            reason: `unit '${u.id}': the rating is not one of the categories (${labels.join(', ')})`,
          },
        ]);
      codes[i * r + j] = k;
      counts[i * q + k] = counts[i * q + k]! + 1;
      m[i] = m[i]! + 1;
    });
  });
  const ranks = new Float64Array(q);
  for (let k = 0; k < q; k++) ranks[k] = k;
  return {
    unit: table.unit,
    level: options.level,
    ordered: options.level !== 'nominal',
    labels,
    values: scaleValues(labels, options.level),
    ranks,
    unitIds: rows.map((u) => u.id),
    raters: keptRaters.map((x) => x.name),
    n,
    r,
    q,
    codes,
    counts,
    m,
    weight: Float64Array.from(rows, (u) => u.weight ?? 1),
    weighted: rows.some((u) => (u.weight ?? 1) !== 1),
    unitsWithoutRatings: table.units.length - n,
    ratersWithoutRatings: raterOrder.filter((_, j) => !given[j]).map((x) => x.name),
  };
}

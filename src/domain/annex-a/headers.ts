// Finding lists and columns: which list a sheet holds (by its name, else by its headings) and
// which template column each heading is (exact, then known spellings, then patterns). Unknown
// columns are kept unless their heading looks like personal data.
import type { CellValue } from '../files/spreadsheet.js';
import { annexALists, type FieldDef, type ListDef } from './lists.js';
import { headerKey, normaliseKey } from './normalise.js';

/** Unknown columns whose heading suggests personal data are not kept. */
export const IDENTIFYING_HEADER =
  /\b(name|names|forename|surname|address|postcode|post code|nhs|upn|uln|national insurance|ni number|phone|telephone|mobile|email|e mail|birth|dob)\b/;

export const HEADER_SCAN_ROWS = 15;

/** Sheets of the Ofsted template (and common extras) that never hold a list. */
export const NOT_DATA_SHEET =
  /^(front[ _-]?sheet|front|cover|guidance|faq|faq[ _-]and[ _-]changes|codes[ _-]?used|codes|lookups?|contents|notes|instructions|read ?me|validation|summary)\b/;

export interface ColumnMap {
  field: FieldDef | null;
  header: string;
  keep: boolean;
}

export function listFromSheetName(name: string): number | null {
  const key = normaliseKey(name);
  const m = /\blist[\s_-]*0*(\d{1,2})\b/.exec(key) ?? /^l0*(\d{1,2})\b/.exec(key);
  if (m) {
    const n = Number(m[1]);
    return n >= 1 && n <= 11 ? n : null;
  }
  const words = headerKey(name);
  // Adopters before adoption, children in need before child protection...
  for (const n of [11, 10, 9, 8, 6, 7, 5, 4, 3, 2, 1]) {
    if (annexALists[n - 1]!.sheetWords.test(words)) return n;
  }
  return null;
}

export function matchHeaders(def: ListDef, cells: CellValue[]): ColumnMap[] {
  const used = new Set<string>();
  const out: ColumnMap[] = [];
  const keys = cells.map((c) => (typeof c === 'string' ? headerKey(c) : ''));
  const byExact = new Map<string, FieldDef>();
  for (const f of def.fields) {
    byExact.set(headerKey(f.header), f);
    for (const a of f.aliases ?? []) if (!byExact.has(headerKey(a))) byExact.set(headerKey(a), f);
  }
  // Pass 1: exact headings and known spellings.
  const chosen: (FieldDef | null)[] = keys.map((k) => {
    const f = k ? byExact.get(k) : undefined;
    if (f && !used.has(f.key)) {
      used.add(f.key);
      return f;
    }
    return null;
  });
  // Pass 2: patterns, for headings still unmatched.
  keys.forEach((k, i) => {
    if (!k || chosen[i]) return;
    const f = def.fields.find((fd) => !used.has(fd.key) && fd.pattern?.test(k));
    if (f) {
      used.add(f.key);
      chosen[i] = f;
    }
  });
  cells.forEach((c, i) => {
    const header =
      typeof c === 'string' ? c.replace(/\s+/g, ' ').trim() : c === null ? '' : String(c);
    const field = chosen[i] ?? null;
    out.push({
      field,
      header,
      keep: !field && header !== '' && !IDENTIFYING_HEADER.test(keys[i] ?? ''),
    });
  });
  return out;
}

export function headerScore(def: ListDef, cells: CellValue[]): number {
  return matchHeaders(def, cells).filter((c) => c.field).length;
}

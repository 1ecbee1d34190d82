// The eleven Annex A lists as the project models them: for each column of the Ofsted template
// (August 2019, with the 2023+ List 9 columns), the normalised key it is stored under, its type,
// its code set, whether the template allows a blank, and the header spellings it is known by.
// docs/annex-a.md documents the stored keys; the conformance check compares this with the specs.
import type { CodeSetName } from './code-sets.js';
import { careLists } from './lists-care.js';
import { frontDoorLists } from './lists-front-door.js';

export type FieldType =
  'id' | 'date' | 'dob' | 'age' | 'integer' | 'code' | 'text' | 'staff' | 'postcode';

export interface FieldDef {
  /** The key in annex_a_rows.data (for 'id' fields: not stored, pseudonymised instead). */
  key: string;
  /** The template's column heading. */
  header: string;
  type: FieldType;
  codeSet?: CodeSetName;
  /** The template allows a blank. */
  canBeBlank: boolean;
  /** First layout with this column (List 9 gained four in 2023). */
  since?: '2023';
  /** Other headings seen in real files (compared after headerKey normalisation). */
  aliases?: string[];
  /** A last-resort pattern on the normalised heading. */
  pattern?: RegExp;
}

export interface ListDef {
  number: number;
  title: string;
  /** Words that identify the list from a sheet name. */
  sheetWords: RegExp;
  /** One row per child (duplicates are errors) or per event. */
  grain: 'child' | 'event' | 'adopter';
  /** Event date used for duplicate-event queries. */
  eventDate?: string;
  fields: FieldDef[];
}

export const annexALists: ListDef[] = [...frontDoorLists, ...careLists];

export function listDef(n: number): ListDef {
  const l = annexALists[n - 1];
  if (!l) throw new Error(`There is no Annex A list ${n}`);
  return l;
}

// Typed attributes of cases, one schema per kind, so that queries can filter and group by them
// (REFI-QDA Variables). Every attribute is optional; unknown attributes are refused.
import { z } from 'zod';
import type { CaseKind } from './vocabulary.js';

export const childCohorts = [
  'early_help',
  'child_in_need',
  'child_protection',
  'child_in_care',
  'care_leaver',
  'disabled_children',
  'pre_proceedings',
  'private_fostering',
  'front_door',
] as const;

export const legalStatuses = [
  'none',
  'section_17',
  'child_protection_plan',
  'section_20',
  'interim_care_order',
  'care_order',
  'placement_order',
  'special_guardianship',
  'police_protection',
  'remand',
  'other',
] as const;

export const ageBands = ['under_1', '1_4', '5_9', '10_15', '16_17', '18_20', '21_25'] as const;

/** The ONS 2021 high-level ethnic groups. */
export const ethnicGroups = [
  'asian',
  'black',
  'mixed',
  'white',
  'other',
  'not_known',
  'refused',
] as const;

export const experienceBands = [
  'newly_qualified',
  'under_2_years',
  '2_5_years',
  '5_10_years',
  'over_10_years',
  'agency',
] as const;

const text = z.string().trim().min(1).max(200);

export const caseAttributeSchemas = {
  child: z.strictObject({
    cohort: z.enum(childCohorts).optional(),
    legalStatus: z.enum(legalStatuses).optional(),
    ageBand: z.enum(ageBands).optional(),
    ethnicity: z.enum(ethnicGroups).optional(),
    disability: z.boolean().optional(),
  }),
  practitioner: z.strictObject({
    team: text.optional(),
    experienceBand: z.enum(experienceBands).optional(),
  }),
  team: z.strictObject({
    locality: text.optional(),
  }),
} as const satisfies Record<CaseKind, z.ZodType>;

export type CaseAttributes = Record<string, string | number | boolean>;

/** The attribute names and types of each kind (for query builders and REFI Variables). */
export function caseAttributeCatalogue(): Record<
  CaseKind,
  Array<{ name: string; type: 'enum' | 'text' | 'boolean'; values?: readonly string[] }>
> {
  return {
    child: [
      { name: 'cohort', type: 'enum', values: childCohorts },
      { name: 'legalStatus', type: 'enum', values: legalStatuses },
      { name: 'ageBand', type: 'enum', values: ageBands },
      { name: 'ethnicity', type: 'enum', values: ethnicGroups },
      { name: 'disability', type: 'boolean' },
    ],
    practitioner: [
      { name: 'team', type: 'text' },
      { name: 'experienceBand', type: 'enum', values: experienceBands },
    ],
    team: [{ name: 'locality', type: 'text' }],
  };
}

// Builders of the Annex A columns that several lists share (the child's identity, team, worker)
// and of the plain date, code and number columns.
import type { CodeSetName } from './code-sets.js';
import type { FieldDef } from './lists.js';

export const childId = (): FieldDef => ({
  key: 'childId',
  header: 'Child Unique ID',
  type: 'id',
  canBeBlank: false,
  aliases: [
    'child id',
    'child unique identifier',
    'unique child id',
    'child ref',
    'child reference',
  ],
  pattern: /\bchild\b.*\b(id|identifier|ref)\b|\b(id|identifier)\b.*\bchild\b/,
});
export const gender = (): FieldDef => ({
  key: 'gender',
  header: 'Gender',
  type: 'code',
  codeSet: 'gender',
  canBeBlank: false,
  aliases: ['sex'],
  pattern: /^(gender|sex)\b/,
});
export const ethnicity = (): FieldDef => ({
  key: 'ethnicity',
  header: 'Ethnicity',
  type: 'code',
  codeSet: 'ethnicity',
  canBeBlank: false,
  pattern: /^ethnic/,
});
export const dob = (): FieldDef => ({
  key: 'dateOfBirth',
  header: 'Date of Birth',
  type: 'dob',
  canBeBlank: true,
  aliases: ['dob'],
  pattern: /date.*birth/,
});
export const age = (): FieldDef => ({
  key: 'age',
  header: 'Age of Child (Years)',
  type: 'age',
  canBeBlank: true,
  aliases: ['age', 'age years', 'age of child'],
  pattern: /^age\b/,
});
export const disability = (header = 'Does the Child have a Disability'): FieldDef => ({
  key: 'disability',
  header,
  type: 'code',
  codeSet: 'disability',
  canBeBlank: false,
  aliases: ['disability', 'disabled'],
  pattern: /disab/,
});
export const team = (): FieldDef => ({
  key: 'team',
  header: 'Allocated Team',
  type: 'text',
  canBeBlank: false,
  aliases: ['team'],
  pattern: /allocated team/,
});
export const worker = (): FieldDef => ({
  key: 'workerRef',
  header: 'Allocated Worker',
  type: 'staff',
  canBeBlank: false,
  aliases: ['worker', 'allocated social worker'],
  pattern: /allocated (social )?worker/,
});
export const person = (): FieldDef[] => [childId(), gender(), ethnicity(), dob(), age()];
export const date = (
  key: string,
  header: string,
  canBeBlank: boolean,
  extra: Partial<FieldDef> = {},
) => ({ key, header, type: 'date', canBeBlank, ...extra }) as FieldDef;
export const code = (
  key: string,
  header: string,
  codeSet: CodeSetName,
  canBeBlank: boolean,
  extra: Partial<FieldDef> = {},
) => ({ key, header, type: 'code', codeSet, canBeBlank, ...extra }) as FieldDef;
export const int = (
  key: string,
  header: string,
  canBeBlank: boolean,
  extra: Partial<FieldDef> = {},
) => ({ key, header, type: 'integer', canBeBlank, ...extra }) as FieldDef;

// The population a sample is drawn from: one case per child per cohort, built from the stored
// Annex A rows (docs/annex-a.md), with the value of every stratifier worked out the same way for
// the draw, the sample table and the transparency statement.

export const cohortIds = [
  'front_door',
  'child_in_need',
  'child_protection',
  'child_in_care',
  'care_leaver',
] as const;
export type CohortId = (typeof cohortIds)[number];

export const cohortDefs: Record<CohortId, { label: string; lists: number[]; source: string }> = {
  front_door: { label: 'Front door', lists: [1, 3], source: 'Lists 1 and 3 (contacts, referrals)' },
  child_in_need: { label: 'Children in need', lists: [6], source: 'List 6' },
  child_protection: { label: 'Child protection plans', lists: [7], source: 'List 7' },
  child_in_care: { label: 'Children in care', lists: [8], source: 'List 8' },
  care_leaver: { label: 'Care leavers', lists: [9], source: 'List 9' },
};

export const stratifierIds = [
  'team',
  'worker',
  'legalStatus',
  'ageBand',
  'ethnicity',
  'disability',
  'involvement',
] as const;
export type StratifierId = (typeof stratifierIds)[number];

export const stratifierLabels: Record<StratifierId, string> = {
  team: 'Team',
  worker: 'Allocated worker',
  legalStatus: 'Legal status',
  ageBand: 'Age band',
  ethnicity: 'Ethnicity',
  disability: 'Disability',
  involvement: 'Length of involvement',
};

/** The value given to a case whose Annex A row leaves the field blank. */
export const NOT_RECORDED = 'Not recorded';

/** One stored Annex A row, reduced to what sampling reads (every value a string or null). */
export interface PopulationRow {
  list: number;
  row: number;
  childRef: string;
  fields: Partial<Record<PopulationField, string | null>>;
}

export const populationFields = [
  'team',
  'workerRef',
  'personalAdvisorRef',
  'age',
  'unborn',
  'ethnicityGroup',
  'disability',
  'legalStatus',
  'legalStatusGroup',
  'contactDate',
  'referralDate',
  'cinStartDate',
  'cpPlanStart',
  'lookedAfterStart',
] as const;
export type PopulationField = (typeof populationFields)[number];

/** A child in a cohort, with the value of each stratifier and of the locality. */
export interface PopulationCase {
  cohort: CohortId;
  childRef: string;
  /** Where the case came from, for people checking a case back against the file. */
  list: number;
  row: number;
  values: Record<StratifierId, string>;
  locality: string;
}

const ageBandOf = (age: string | null | undefined, unborn: string | null | undefined): string => {
  if (unborn === 'true') return 'Unborn or under 1';
  const n = age === null || age === undefined || age === '' ? NaN : Number(age);
  if (!Number.isFinite(n)) return NOT_RECORDED;
  if (n < 1) return 'Unborn or under 1';
  if (n <= 4) return '1 to 4';
  if (n <= 9) return '5 to 9';
  if (n <= 15) return '10 to 15';
  if (n <= 17) return '16 to 17';
  if (n <= 20) return '18 to 20';
  return '21 and over';
};

const ethnicityLabels: Record<string, string> = {
  white: 'White',
  mixed: 'Mixed',
  asian: 'Asian',
  chinese: 'Asian',
  black: 'Black',
  other: 'Other',
  refused: 'Refused',
  unknown: NOT_RECORDED,
};

const disabilityLabels: Record<string, string> = { yes: 'Disabled', no: 'Not disabled' };

/** Legal status groups of List 8, in words an inspector uses. */
const legalGroupLabels: Record<string, string> = {
  interim_care_orders: 'Interim care order',
  full_care_orders: 'Care order',
  freed_for_adoption: 'Placement order',
  placement_order_granted: 'Placement order',
  accommodated_under_s20: 'Section 20',
  detained_on_child_protection_grounds_in_la_accommodation: 'Police protection or EPO',
  youth_justice_legal_statuses: 'Remand or youth justice',
};

function legalStatusOf(cohort: CohortId, f: PopulationRow['fields']): string {
  switch (cohort) {
    case 'front_door':
      return 'No plan (front door)';
    case 'child_in_need':
      return 'Section 17 (child in need)';
    case 'child_protection':
      return 'Child protection plan';
    case 'care_leaver':
      return 'Care leaver';
    case 'child_in_care': {
      const code = f.legalStatus ?? '';
      if (code.startsWith('V')) return 'Section 20';
      return (f.legalStatusGroup && legalGroupLabels[f.legalStatusGroup]) || NOT_RECORDED;
    }
  }
}

const startFields: Partial<Record<CohortId, PopulationField[]>> = {
  front_door: ['referralDate', 'contactDate'],
  child_in_need: ['cinStartDate'],
  child_protection: ['cpPlanStart'],
  child_in_care: ['lookedAfterStart'],
};

/** Months from the start of this involvement to the reference date, in bands. */
function involvementOf(
  cohort: CohortId,
  f: PopulationRow['fields'],
  referenceDate: string,
): string {
  const start = (startFields[cohort] ?? []).map((k) => f[k]).find((v) => !!v);
  if (!start) return NOT_RECORDED;
  const days =
    (Date.parse(`${referenceDate}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 864e5;
  if (!Number.isFinite(days)) return NOT_RECORDED;
  if (days < 91) return 'Under 3 months';
  if (days < 183) return '3 to 6 months';
  if (days < 365) return '6 to 12 months';
  if (days < 730) return '1 to 2 years';
  return 'Over 2 years';
}

/**
 * The locality of a team: Annex A has no locality column, so it is read from team names such as
 * "Locality North Duty" or "North Locality"; other teams count as "Authority-wide".
 */
export function localityOfTeam(team: string | null | undefined): string {
  if (!team) return NOT_RECORDED;
  const m = /\b([A-Za-z-]+)\s+locality\b/i.exec(team) ?? /\blocality\s+([A-Za-z-]+)/i.exec(team);
  const word = m?.[1];
  return word ? word[0]!.toUpperCase() + word.slice(1) : 'Authority-wide';
}

export function cohortOfList(list: number): CohortId | null {
  for (const id of cohortIds) if (cohortDefs[id].lists.includes(list)) return id;
  return null;
}

/** The case a row stands for in its cohort (values of every stratifier worked out). */
export function populationCaseOf(r: PopulationRow, referenceDate: string): PopulationCase | null {
  const cohort = cohortOfList(r.list);
  if (!cohort) return null;
  const f = r.fields;
  const team = f.team?.trim() || NOT_RECORDED;
  return {
    cohort,
    childRef: r.childRef,
    list: r.list,
    row: r.row,
    values: {
      team,
      worker: f.workerRef || f.personalAdvisorRef || NOT_RECORDED,
      legalStatus: legalStatusOf(cohort, f),
      ageBand: ageBandOf(f.age, f.unborn),
      ethnicity: ethnicityLabels[f.ethnicityGroup ?? 'unknown'] ?? NOT_RECORDED,
      disability: disabilityLabels[f.disability ?? ''] ?? NOT_RECORDED,
      involvement: involvementOf(cohort, f, referenceDate),
    },
    locality: localityOfTeam(f.team),
  };
}

/**
 * One case per child per cohort. At the front door a child with several contacts or referrals
 * counts once: the latest referral (it carries team and worker), else the latest contact.
 */
export function buildPopulation(rows: PopulationRow[], referenceDate: string): PopulationCase[] {
  const best = new Map<string, { c: PopulationCase; rank: string }>();
  for (const r of rows) {
    const c = populationCaseOf(r, referenceDate);
    if (!c) continue;
    const rank =
      c.cohort === 'front_door'
        ? `${r.list === 3 ? 1 : 0}${r.fields.referralDate ?? r.fields.contactDate ?? ''}`
        : '';
    const key = `${c.cohort}\u0000${c.childRef}`;
    const seen = best.get(key);
    if (!seen || rank > seen.rank) best.set(key, { c, rank });
  }
  return [...best.values()]
    .map((x) => x.c)
    .sort((a, b) =>
      a.cohort === b.cohort
        ? a.childRef < b.childRef
          ? -1
          : a.childRef > b.childRef
            ? 1
            : 0
        : cohortIds.indexOf(a.cohort) - cohortIds.indexOf(b.cohort),
    );
}

/** Case attributes (src/domain/evidence/case-attributes.ts) of a sampled child. */
export function caseAttributesOf(c: {
  cohort: CohortId;
  values: Partial<Record<StratifierId, string>>;
}): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = { cohort: c.cohort };
  const legal: Record<string, string> = {
    'No plan (front door)': 'none',
    'Section 17 (child in need)': 'section_17',
    'Child protection plan': 'child_protection_plan',
    'Section 20': 'section_20',
    'Interim care order': 'interim_care_order',
    'Care order': 'care_order',
    'Placement order': 'placement_order',
    'Police protection or EPO': 'police_protection',
    'Remand or youth justice': 'remand',
  };
  const ls = c.values.legalStatus && legal[c.values.legalStatus];
  if (ls) out.legalStatus = ls;
  const age: Record<string, string> = {
    'Unborn or under 1': 'under_1',
    '1 to 4': '1_4',
    '5 to 9': '5_9',
    '10 to 15': '10_15',
    '16 to 17': '16_17',
    '18 to 20': '18_20',
    '21 and over': '21_25',
  };
  const ab = c.values.ageBand && age[c.values.ageBand];
  if (ab) out.ageBand = ab;
  const eth: Record<string, string> = {
    White: 'white',
    Mixed: 'mixed',
    Asian: 'asian',
    Black: 'black',
    Other: 'other',
    Refused: 'refused',
    [NOT_RECORDED]: 'not_known',
  };
  const e = c.values.ethnicity && eth[c.values.ethnicity];
  if (e) out.ethnicity = e;
  if (c.values.disability === 'Disabled') out.disability = true;
  if (c.values.disability === 'Not disabled') out.disability = false;
  return out;
}

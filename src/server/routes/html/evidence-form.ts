// The evidence capture form (shared by record, edit, import and the conflict page): reading the
// posted fields into the use cases' input, with the problems a person can fix, and the choices
// the form's template offers. Consent questions are always shown (no conditional reveal); the
// use case decides when they are needed.
import {
  consentGivers,
  consentMethods,
  evidenceDirectionLabels,
  evidenceDirections,
  evidenceMethodLabels,
  evidenceMethods,
  type EvidenceDirection,
  type EvidenceMethod,
} from '../../../domain/evidence/vocabulary.js';
import type { EvidenceRecord } from '../../../domain/evidence/records.js';
import type { EvidencePageContext } from '../../../usecases/evidence/get-evidence-page-context.js';
import { dateFromParts, type Problem } from '../form-problems.js';

export type FormBody = Record<string, unknown>;

export const one = (v: unknown): string =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
export const many = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string' && x !== '')
    : v
      ? [String(v)]
      : [];

/** The form's values as the template shows them (strings, lists for checkboxes). */
export interface EvidenceFormValues {
  text: string;
  method: string;
  'observedOn-day': string;
  'observedOn-month': string;
  'observedOn-year': string;
  caseRef: string;
  /** A child's case not in the list, typed deliberately (creates the case). */
  newCaseRef: string;
  practitionerRef: string;
  teamRef: string;
  locality: string;
  lineOfEnquiryId: string;
  judgementAreas: string[];
  minutesSpent: string;
  voice: string[];
  direction: string;
  infoSheetGiven: string;
  consentGiven: string;
  givenBy: string;
  expectedVersion: string;
}

export interface ParsedFields {
  method: EvidenceMethod;
  observedOn: string;
  caseRef: string | null;
  newCase: boolean;
  practitionerRef: string | null;
  teamRef: string | null;
  locality: string | null;
  lineOfEnquiryId: string | null;
  judgementAreas: string[];
  minutesSpent: number | null;
  childVoice: boolean;
  livedExperience: boolean;
  direction: EvidenceDirection | null;
  consent: {
    infoSheetGiven: boolean;
    consentGiven: boolean;
    givenBy: 'child' | 'parent' | 'carer' | 'other' | null;
  } | null;
}

/** Where each field's error links to (the first input of a group). */
export const evidenceAnchors: Record<string, string> = {
  observedOn: 'observedOn-day',
  consent: 'infoSheetGiven',
  'consent.infoSheetGiven': 'infoSheetGiven',
  'consent.consentGiven': 'consentGiven',
  'consent.givenBy': 'givenBy',
  childVoice: 'voice',
};

/** Use-case field names as the form names them. */
export const evidenceFieldNames: Record<string, string> = {
  consent: 'infoSheetGiven',
  'consent.infoSheetGiven': 'infoSheetGiven',
  'consent.consentGiven': 'consentGiven',
  'consent.givenBy': 'givenBy',
  caseRef: 'caseRef',
};

export function readEvidenceForm(body: FormBody): EvidenceFormValues {
  return {
    text: one(body.text),
    method: one(body.method),
    'observedOn-day': one(body['observedOn-day']),
    'observedOn-month': one(body['observedOn-month']),
    'observedOn-year': one(body['observedOn-year']),
    caseRef: one(body.caseRef).trim(),
    newCaseRef: one(body.newCaseRef).trim(),
    practitionerRef: one(body.practitionerRef).trim(),
    teamRef: one(body.teamRef).trim(),
    locality: one(body.locality).trim(),
    lineOfEnquiryId: one(body.lineOfEnquiryId),
    judgementAreas: many(body.judgementAreas),
    minutesSpent: one(body.minutesSpent).trim(),
    voice: many(body.voice),
    direction: one(body.direction),
    infoSheetGiven: one(body.infoSheetGiven),
    consentGiven: one(body.consentGiven),
    givenBy: one(body.givenBy),
    expectedVersion: one(body.expectedVersion),
  };
}

const yesNo = (v: string): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);

/** Checks what the form itself can check; the use case checks the rest (consent, areas). */
export function parseEvidenceFields(v: EvidenceFormValues): {
  fields: ParsedFields | null;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  if (!(evidenceMethods as readonly string[]).includes(v.method))
    problems.push({ field: 'method', reason: 'Select how the evidence was gathered' });
  const date = dateFromParts(
    { day: v['observedOn-day'], month: v['observedOn-month'], year: v['observedOn-year'] },
    'date the evidence was gathered',
    { required: true },
  );
  if (date.problem) problems.push({ field: 'observedOn', reason: date.problem });
  let minutes: number | null = null;
  if (v.minutesSpent) {
    if (!/^\d{1,4}$/.test(v.minutesSpent) || Number(v.minutesSpent) > 1440)
      problems.push({
        field: 'minutesSpent',
        reason: 'Time spent must be a whole number of minutes, from 0 to 1440',
      });
    else minutes = Number(v.minutesSpent);
  }
  if (v.caseRef && v.newCaseRef)
    problems.push({
      field: 'newCaseRef',
      reason: 'Either pick the child’s case from the list or enter a new case, not both',
    });
  if (v.direction && !(evidenceDirections as readonly string[]).includes(v.direction))
    problems.push({ field: 'direction', reason: 'Select the evaluative direction' });
  if (v.givenBy && !(consentGivers as readonly string[]).includes(v.givenBy))
    problems.push({ field: 'givenBy', reason: 'Select who gave consent' });
  const info = yesNo(v.infoSheetGiven);
  const given = yesNo(v.consentGiven);
  const answered = info !== null || given !== null || v.givenBy !== '';
  if ((consentMethods as readonly string[]).includes(v.method) && answered) {
    if (info === null)
      problems.push({
        field: 'infoSheetGiven',
        reason: 'Say whether the information sheet was given',
      });
    if (given === null)
      problems.push({ field: 'consentGiven', reason: 'Say whether consent was given' });
  }
  if (problems.length > 0 || !date.value) return { fields: null, problems };
  // Consent goes with conversations with children and families (the use case asks for it then);
  // answers left on other evidence are kept only when complete.
  const consent =
    info !== null && given !== null
      ? { infoSheetGiven: info, consentGiven: given, givenBy: (v.givenBy || null) as never }
      : null;
  return {
    fields: {
      method: v.method as EvidenceMethod,
      observedOn: date.value,
      caseRef: v.newCaseRef || v.caseRef || null,
      newCase: v.newCaseRef !== '',
      practitionerRef: v.practitionerRef || null,
      teamRef: v.teamRef || null,
      locality: v.locality || null,
      lineOfEnquiryId: v.lineOfEnquiryId || null,
      judgementAreas: v.judgementAreas,
      minutesSpent: minutes,
      childVoice: v.voice.includes('childVoice'),
      livedExperience: v.voice.includes('livedExperience'),
      direction: (v.direction || null) as EvidenceDirection | null,
      consent,
    },
    problems,
  };
}

/** The form filled in from a record (editing it). */
export function valuesFromRecord(r: EvidenceRecord): EvidenceFormValues {
  const [y = '', m = '', d = ''] = r.observedOn.split('-');
  const yn = (b: boolean | null | undefined) => (b === true ? 'yes' : b === false ? 'no' : '');
  return {
    text: r.text,
    method: r.method,
    'observedOn-day': String(Number(d) || ''),
    'observedOn-month': String(Number(m) || ''),
    'observedOn-year': y,
    caseRef: r.childCase?.reference ?? '',
    newCaseRef: '',
    practitionerRef: r.practitionerCase?.reference ?? '',
    teamRef: r.teamCase?.reference ?? '',
    locality: r.locality ?? '',
    lineOfEnquiryId: r.lineOfEnquiryId ?? '',
    judgementAreas: r.judgementAreas,
    minutesSpent: r.minutesSpent === null ? '' : String(r.minutesSpent),
    voice: [
      ...(r.childVoice ? ['childVoice'] : []),
      ...(r.livedExperience ? ['livedExperience'] : []),
    ],
    direction: r.direction ?? '',
    infoSheetGiven: yn(r.consent?.infoSheetGiven),
    consentGiven: yn(r.consent?.consentGiven),
    givenBy: r.consent?.givenBy ?? '',
    expectedVersion: String(r.version),
  };
}

/** An empty form, dated today. */
export function blankValues(today: string): EvidenceFormValues {
  const [y = '', m = '', d = ''] = today.split('-');
  return {
    ...valuesFromRecord({
      text: '',
      method: '',
      observedOn: today,
      childCase: null,
      practitionerCase: null,
      teamCase: null,
      locality: null,
      lineOfEnquiryId: null,
      judgementAreas: [],
      minutesSpent: null,
      childVoice: false,
      livedExperience: false,
      direction: null,
      consent: null,
      version: 0,
    } as unknown as EvidenceRecord),
    'observedOn-day': String(Number(d)),
    'observedOn-month': String(Number(m)),
    'observedOn-year': y,
    expectedVersion: '',
  };
}

/** The choices the form's radios, selects and checkboxes offer. */
export function evidenceChoices(page: EvidencePageContext) {
  return {
    methods: evidenceMethods.map((m) => ({ value: m, text: evidenceMethodLabels[m] })),
    directions: evidenceDirections.map((d) => ({ value: d, text: evidenceDirectionLabels[d] })),
    givers: consentGivers.map((g) => ({
      value: g,
      text: {
        child: 'The child or young person',
        parent: 'A parent',
        carer: 'A carer',
        other: 'Someone else',
      }[g],
    })),
    areas: page.areas,
    lines: page.lines.filter((l) => l.status !== 'closed'),
    cases: page.cases,
  };
}

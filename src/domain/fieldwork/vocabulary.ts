// The closed vocabularies of a fieldwork plan (issue 17): keys are stored, labels are shown.
import type { FieldworkSettings, Framework } from '../frameworks/schema.js';
import { evidenceAreas } from '../evidence/codebook-seed.js';

export const planStatuses = ['planned', 'done', 'cancelled'] as const;
export type PlanStatus = (typeof planStatuses)[number];
export const planStatusLabels: Record<PlanStatus, string> = {
  planned: 'Planned',
  done: 'Done',
  cancelled: 'Cancelled',
};

export const visitModes = ['in_person', 'remote'] as const;
export type VisitMode = (typeof visitModes)[number];
export const visitModeLabels: Record<VisitMode, string> = {
  in_person: 'In person',
  remote: 'Remote',
};

export const conversationWith = ['child', 'young_person', 'parent', 'carer'] as const;
export type ConversationWith = (typeof conversationWith)[number];
export const conversationWithLabels: Record<ConversationWith, string> = {
  child: 'Child',
  young_person: 'Young person',
  parent: 'Parent',
  carer: 'Carer',
};

export const infoSheetStates = ['not_given', 'given'] as const;
export type InfoSheetState = (typeof infoSheetStates)[number];
export const infoSheetLabels: Record<InfoSheetState, string> = {
  not_given: 'Not given yet',
  given: 'Given',
};

export const consentStates = ['not_asked', 'given', 'declined'] as const;
export type ConsentState = (typeof consentStates)[number];
export const consentLabels: Record<ConsentState, string> = {
  not_asked: 'Not asked yet',
  given: 'Given',
  declined: 'Declined',
};

export const observationKinds = [
  'home_visit',
  'meeting',
  'conference',
  'supervision',
  'front_door',
  'other',
] as const;
export type ObservationKind = (typeof observationKinds)[number];
export const observationKindLabels: Record<ObservationKind, string> = {
  home_visit: 'Home visit',
  meeting: 'Meeting',
  conference: 'Child protection conference',
  supervision: 'Supervision',
  front_door: 'Front door decision-making',
  other: 'Other practice',
};

export const observationModes = ['designated_observer', 'day_per_inspector'] as const;
export type ObservationMode = (typeof observationModes)[number];
export const observationModeLabels: Record<ObservationMode, string> = {
  designated_observer: 'A designated observer',
  day_per_inspector: 'An observation day for each inspector',
};

export interface ServiceArea {
  key: string;
  label: string;
  /** Who is heard, for a sentence: "No care leavers heard yet". */
  who: string;
  /** Judgement areas whose evidence records count for this service area. */
  judgements: string[];
}

export interface FieldworkRules {
  serviceAreas: ServiceArea[];
  minEvidencePerLine: number;
  defaultRemoteShareMaxPercent: number;
  defaultMinutesPerCase: number;
}

const DEFAULTS = { minEvidencePerLine: 3, remote: 30, minutes: 60 };

/**
 * The fieldwork settings of a framework: its own `fieldwork` block, or (where a framework has
 * none) one service area per judgement area of its evidence base, with the default thresholds.
 */
export function fieldworkRulesOf(fw: Framework): FieldworkRules {
  const s: FieldworkSettings | undefined = fw.fieldwork;
  if (s)
    return {
      serviceAreas: s.serviceAreas.map((a) => ({
        key: a.key,
        label: a.label,
        who: a.who ?? `children and families in ${a.label.toLowerCase()}`,
        judgements: a.judgements,
      })),
      minEvidencePerLine: s.minEvidencePerLine,
      defaultRemoteShareMaxPercent: s.defaultRemoteShareMaxPercent,
      defaultMinutesPerCase: s.defaultMinutesPerCase,
    };
  return {
    serviceAreas: evidenceAreas(fw).map((a) => ({
      key: a.key,
      label: a.title,
      who: `children and families in ${a.title.toLowerCase()}`,
      judgements: [a.key],
    })),
    minEvidencePerLine: DEFAULTS.minEvidencePerLine,
    defaultRemoteShareMaxPercent: DEFAULTS.remote,
    defaultMinutesPerCase: DEFAULTS.minutes,
  };
}

/** Team roles a case, conversation or observation can be allocated to (people who inspect). */
export const planTeamRoles: readonly string[] = [
  'lead_inspector',
  'team_inspector',
  'regulatory_inspector',
  'education_inspector',
];

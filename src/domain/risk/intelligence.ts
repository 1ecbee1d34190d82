// The intelligence log's vocabulary: the kinds of entry a region records about an LA (issue 13's
// list), how sensitive each is, and who outside the inspectorate may read an entry.

export const intelligenceKinds = [
  'self_evaluation',
  'engagement_meeting',
  'national_statistics',
  'inspection_outcome',
  'jtai_send_outcome',
  'serious_incident',
  'whistleblowing',
  'complaint',
  'leadership_change',
  'dfe_intervention',
  'regulatory_finding',
  'other',
] as const;
export type IntelligenceKind = (typeof intelligenceKinds)[number];

export const intelligenceKindLabels: Record<IntelligenceKind, string> = {
  self_evaluation: 'Self-evaluation of social work practice',
  engagement_meeting: 'Annual engagement meeting',
  national_statistics: 'National statistics',
  inspection_outcome: 'Inspection or visit outcome',
  jtai_send_outcome: 'JTAI or area SEND outcome',
  serious_incident: 'Serious incident notification',
  whistleblowing: 'Whistle-blowing',
  complaint: 'Complaint',
  leadership_change: 'Change of DCS or chief executive',
  dfe_intervention: 'DfE intervention (improvement notice, commissioner or trust)',
  regulatory_finding: "Regulatory findings on the LA's own provision",
  other: 'Other',
};

/** Kinds never shown to the LA, whatever the entry says (whistle-blowers and complainants). */
export const neverSharedKinds: ReadonlySet<IntelligenceKind> = new Set([
  'whistleblowing',
  'complaint',
]);

export const sensitivities = ['standard', 'confidential'] as const;
export type Sensitivity = (typeof sensitivities)[number];

export const sensitivityLabels: Record<Sensitivity, string> = {
  standard: 'Standard (inspectorate staff)',
  confidential: 'Confidential (never shown to the LA)',
};

export interface IntelligenceVisibility {
  kind: IntelligenceKind;
  sensitivity: Sensitivity;
  sharedWithLa: boolean;
}

/** Whether the LA itself may read an entry: marked as shared, not confidential, never a concern. */
export function visibleToLa(e: IntelligenceVisibility): boolean {
  return e.sharedWithLa && e.sensitivity !== 'confidential' && !neverSharedKinds.has(e.kind);
}

/** Problems with a marking as recorded (an entry that may never be shared cannot be). */
export function markingProblems(e: IntelligenceVisibility): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  if (e.sharedWithLa && neverSharedKinds.has(e.kind))
    problems.push({
      field: 'sharedWithLa',
      reason: 'Whistle-blowing and complaints are never shared with the LA',
    });
  if (e.sharedWithLa && e.sensitivity === 'confidential')
    problems.push({
      field: 'sharedWithLa',
      reason: 'A confidential entry cannot be shared with the LA',
    });
  return problems;
}

/** The sensitivity an entry of this kind must have at least. */
export function minimumSensitivity(kind: IntelligenceKind): Sensitivity {
  return neverSharedKinds.has(kind) ? 'confidential' : 'standard';
}

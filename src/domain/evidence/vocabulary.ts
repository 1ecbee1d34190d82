// The closed vocabularies of the evidence base: how evidence was gathered, which way it points,
// the kinds of case and the states of a line of enquiry. Keys are stored; labels are shown.

export const evidenceMethods = [
  'social_worker_discussion',
  'case_file_reading',
  'remote_sampling',
  'practice_observation',
  'child_conversation',
  'parent_carer_conversation',
  'manager_leader_meeting',
  'performance_data',
  'la_audit',
  'meeting_observed',
  'self_evaluation',
] as const;
export type EvidenceMethod = (typeof evidenceMethods)[number];

export const evidenceMethodLabels: Record<EvidenceMethod, string> = {
  social_worker_discussion: "Discussion with a social worker about a child's case",
  case_file_reading: 'Case file reading',
  remote_sampling: 'Remote sampling',
  practice_observation: 'Observation of practice',
  child_conversation: 'Conversation with a child or young person',
  parent_carer_conversation: 'Conversation with a parent or carer',
  manager_leader_meeting: 'Meeting with a manager or leader',
  performance_data: 'Performance data',
  la_audit: 'Local authority audit',
  meeting_observed: 'Meeting observed',
  self_evaluation: 'Self-evaluation',
};

/**
 * The source-mix families the balance views report (Birmingham rec 3-4: over-reliance on what
 * is written down): written records, direct discussion, observation, children and families.
 */
export const methodFamilies = {
  written: [
    'case_file_reading',
    'remote_sampling',
    'performance_data',
    'la_audit',
    'self_evaluation',
  ],
  discussion: ['social_worker_discussion', 'manager_leader_meeting'],
  observation: ['practice_observation', 'meeting_observed'],
  children_and_families: ['child_conversation', 'parent_carer_conversation'],
} as const satisfies Record<string, readonly EvidenceMethod[]>;
export type MethodFamily = keyof typeof methodFamilies;

export function methodFamily(method: EvidenceMethod): MethodFamily {
  for (const [family, methods] of Object.entries(methodFamilies)) {
    if ((methods as readonly string[]).includes(method)) return family as MethodFamily;
  }
  return 'written';
}

/** Methods where a child or family member was spoken to: consent must be recorded. */
export const consentMethods: readonly EvidenceMethod[] = [
  'child_conversation',
  'parent_carer_conversation',
];

export const evidenceDirections = ['strength', 'area_for_improvement', 'mixed', 'context'] as const;
export type EvidenceDirection = (typeof evidenceDirections)[number];

export const evidenceDirectionLabels: Record<EvidenceDirection, string> = {
  strength: 'Strength',
  area_for_improvement: 'Area for improvement',
  mixed: 'Mixed',
  context: 'Context',
};

/** Who gave consent to a conversation. */
export const consentGivers = ['child', 'parent', 'carer', 'other'] as const;
export type ConsentGiver = (typeof consentGivers)[number];

export const caseKinds = ['child', 'practitioner', 'team'] as const;
export type CaseKind = (typeof caseKinds)[number];

export const lineOfEnquiryStatuses = ['open', 'exploring', 'closed'] as const;
export type LineOfEnquiryStatus = (typeof lineOfEnquiryStatuses)[number];

export const lineOfEnquirySources = [
  'data',
  'inspector',
  'self_evaluation',
  'previous_inspection',
  'intelligence',
  'other',
] as const;
export type LineOfEnquirySource = (typeof lineOfEnquirySources)[number];

export const memoTargetTypes = [
  'activity',
  'evidence',
  'code',
  'coding',
  'case',
  'line_of_enquiry',
] as const;
export type MemoTargetType = (typeof memoTargetTypes)[number];

/** How an evidence text arrived. */
export const evidenceSourceKinds = ['typed', 'txt', 'docx', 'pdf', 'imported'] as const;
export type EvidenceSourceKind = (typeof evidenceSourceKinds)[number];

// The evidence base as the rest of the system sees it: records and their versions, cases, codes,
// codings, lines of enquiry and memos. Repositories return these shapes; use cases, pages and the
// JSON API read them. Dates are Date objects; offsets are code points.
import type { MemoTargetType } from './vocabulary.js';

export interface PersonRef {
  id: string | null;
  label: string;
}

/** Which evidence record a search hit or a coded passage comes from. */
export interface EvidenceHeader {
  evidenceId: string;
  reference: string;
  /** The version whose text the offsets refer to. */
  version: number;
  observedOn: string;
  method: string;
  direction: string | null;
  judgementAreas: string[];
  childCaseReference: string | null;
  recordedBy: PersonRef;
}

export interface CaseRef {
  id: string;
  reference: string;
}

export interface Consent {
  infoSheetGiven: boolean | null;
  consentGiven: boolean | null;
  givenBy: string | null;
}

/** The fields of a record other than its text (what a version snapshot holds). */
export interface EvidenceFields {
  method: string;
  observedOn: string;
  childCaseId: string | null;
  practitionerCaseId: string | null;
  teamCaseId: string | null;
  locality: string | null;
  lineOfEnquiryId: string | null;
  judgementAreas: string[];
  minutesSpent: number | null;
  childVoice: boolean;
  livedExperience: boolean;
  direction: string | null;
  consent: Consent | null;
}

export interface EvidenceRecord extends EvidenceFields {
  id: string;
  guid: string;
  activityId: string;
  refNo: number;
  /** "E42": how people refer to it. */
  reference: string;
  version: number;
  /** The full text, or the first 240 characters in list results (see `excerptOnly`). */
  text: string;
  textLength: number;
  childCase: CaseRef | null;
  practitionerCase: CaseRef | null;
  teamCase: CaseRef | null;
  lineOfEnquiryTitle: string | null;
  sourceKind: string;
  sourceFile: string | null;
  recordedBy: PersonRef;
  recordedAt: Date;
  updatedBy: PersonRef;
  updatedAt: Date;
  deleted: { at: Date; by: PersonRef; reason: string | null } | null;
}

export interface EvidenceVersion {
  version: number;
  text: string;
  fields: EvidenceFields;
  createdBy: PersonRef;
  createdAt: Date;
}

export type CaseKindName = 'child' | 'practitioner' | 'team';

export interface Case {
  id: string;
  guid: string;
  activityId: string;
  kind: CaseKindName;
  reference: string;
  description: string | null;
  attributes: Record<string, string | number | boolean>;
  version: number;
  createdBy: PersonRef;
  createdAt: Date;
  updatedAt: Date;
  /** Evidence records (not deleted) that refer to the case. */
  evidenceCount: number;
}

export interface Code {
  id: string;
  guid: string;
  activityId: string;
  parentId: string | null;
  name: string;
  description: string | null;
  colour: string | null;
  isCodable: boolean;
  source: 'framework' | 'emergent' | 'imported';
  frameworkKey: string | null;
  sortOrder: number;
  mergedIntoId: string | null;
  mergedAt: Date | null;
  version: number;
  createdBy: PersonRef;
  createdAt: Date;
  updatedAt: Date;
  /** Codings of this code on evidence that is not deleted. */
  codingCount: number;
}

export interface Coding {
  id: string;
  guid: string;
  activityId: string;
  evidenceId: string;
  /** "E42". */
  evidenceReference: string;
  evidenceVersion: number;
  codeId: string;
  codeName: string;
  start: number;
  end: number;
  spanText: string;
  anchorStatus: 'ok' | 'moved' | 'lost';
  coder: PersonRef;
  createdAt: Date;
}

export interface LineOfEnquiry {
  id: string;
  guid: string;
  activityId: string;
  title: string;
  description: string | null;
  status: 'open' | 'exploring' | 'closed';
  conclusion: string | null;
  source: string;
  judgementAreas: string[];
  version: number;
  createdBy: PersonRef;
  createdAt: Date;
  updatedAt: Date;
  evidenceCount: number;
}

export interface Memo {
  id: string;
  guid: string;
  activityId: string;
  targetType: MemoTargetType;
  targetId: string | null;
  title: string | null;
  text: string;
  version: number;
  createdBy: PersonRef;
  createdAt: Date;
  updatedAt: Date;
}

// The shapes of a reliability study (blind evidence-base reviews): the redacted copy of each
// evidence base that reviewers read, what the redaction did, and each pair's review. Repositories
// return these; use cases, pages, the JSON API and the CLI read them.

/** One evidence record as reviewers see it: names, places and child references replaced. */
export interface RedactedRecord {
  /** "E12", as in the original evidence base (a number says nothing about the LA). */
  reference: string;
  /** Shifted by the study's date offset. */
  observedOn: string;
  method: string;
  direction: string | null;
  judgementAreas: string[];
  /** "Child 3": the same child keeps the same label across the evidence base. */
  child: string | null;
  lineOfEnquiry: string | null;
  text: string;
}

export type RedactionKind = 'la' | 'place' | 'person' | 'staff' | 'child' | 'date' | 'name_pattern';

/** What the redaction replaced, counted by kind, and the words it was unsure of (kept). */
export interface RedactionReport {
  counts: Record<RedactionKind, number>;
  /** Capitalised words kept because they are not known names, nor known words: check them. */
  unsure: { word: string; occurrences: number; references: string[] }[];
  dateOffsetDays: number;
}

export type SameLines = 'yes' | 'partly' | 'no';

/** One pair's review of one evidence base. */
export interface PairReview {
  grades: Record<string, { grade: string; reasons: string }>;
  improvements: string[];
  sameLines: SameLines;
  linesComment: string;
}

export interface StudyPair {
  id: string;
  label: string;
  evidenceBaseId: string;
  reviewerIds: string[];
  reviewerNames: string[];
  review: PairReview | null;
  recordedAt: Date | null;
  recordedBy: string | null;
}

export interface StudyEvidenceBase {
  id: string;
  studyId: string;
  activityId: string;
  position: number;
  /** "Evidence base A". */
  label: string;
  activityType: string;
  frameworkId: string;
  publishedGrades: Record<string, string>;
  publishedImprovements: string[];
  linesOfEnquiry: string[];
  records: RedactedRecord[];
  redaction: RedactionReport;
}

export interface StudyRefusal {
  evidenceBaseId: string;
  userId: string;
  userName: string;
  reason: string;
  refusedAt: Date;
}

export interface ReliabilityStudy {
  id: string;
  title: string;
  dateOffsetDays: number;
  createdByLabel: string;
  createdAt: Date;
}

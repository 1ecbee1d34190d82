// Kysely table types of reliability studies (migration 2026-12-07T0230_reliability_studies).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type {
  PairReview,
  RedactedRecord,
  RedactionReport,
} from '../../domain/reliability/types.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type UuidArray = ColumnType<string[], string[], string[]>;

export interface ReliabilityStudyTable {
  id: Generated<string>;
  title: string;
  date_offset_days: number;
  created_by: string | null;
  created_by_label: string;
  created_at: Timestamp;
}

export interface StudyEvidenceBaseTable {
  id: Generated<string>;
  study_id: string;
  activity_id: string;
  position: number;
  label: string;
  activity_type: string;
  framework_id: string;
  published_grades: JSONColumnType<Record<string, string>>;
  published_improvements: JSONColumnType<string[]>;
  lines_of_enquiry: JSONColumnType<string[]>;
  records: JSONColumnType<RedactedRecord[]>;
  redaction: JSONColumnType<RedactionReport>;
}

export interface StudyPairTable {
  id: Generated<string>;
  study_id: string;
  evidence_base_id: string;
  label: string;
  reviewer_ids: UuidArray;
  assigned_by_label: string;
  assigned_at: Timestamp;
  grades: JSONColumnType<PairReview['grades'] | null, string | null, string | null>;
  improvements: JSONColumnType<string[] | null, string | null, string | null>;
  same_lines: string | null;
  lines_comment: Generated<string>;
  recorded_by_label: string | null;
  recorded_at: Timestamp | null;
}

export interface StudyRefusalTable {
  id: Generated<string>;
  study_id: string;
  evidence_base_id: string;
  user_id: string;
  reason: string;
  refused_at: Timestamp;
}

export interface ReliabilityTables {
  reliability_studies: ReliabilityStudyTable;
  study_evidence_bases: StudyEvidenceBaseTable;
  study_pairs: StudyPairTable;
  study_refusals: StudyRefusalTable;
}

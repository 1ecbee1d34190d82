// Kysely table types of reports and letters (migration 2026-11-23T0930_reports).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { ReportDocument } from '../../domain/reports/types.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both engines. */
type DateOnly = string;

export type ReportState = 'draft' | 'factual_accuracy' | 'published';
export type ReportVersionKind = 'assembled' | 'edited' | 'restored' | 'response';

export interface ReportTable {
  id: Generated<string>;
  activity_id: string;
  framework_id: string;
  template_key: string;
  /** The latest version's number: also the optimistic-concurrency token of every edit. */
  current_version: Generated<number>;
  state: Generated<ReportState>;
  published_version: number | null;
  published_at: Date | null;
  published_by: string | null;
  published_by_label: string | null;
  created_by: string | null;
  created_by_label: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ReportVersionTable {
  report_id: string;
  number: number;
  document: JSONColumnType<ReportDocument, string, never>;
  kind: ReportVersionKind;
  section_key: string | null;
  restored_from: number | null;
  comment_id: string | null;
  note: string | null;
  created_by: string | null;
  created_by_label: string;
  created_at: CreatedAt;
}

export interface ReportReleaseTable {
  id: Generated<string>;
  report_id: string;
  round: number;
  version_number: number;
  window_days: number;
  released_on: DateOnly;
  deadline: DateOnly;
  released_by: string | null;
  released_by_label: string;
  released_at: CreatedAt;
  closed_at: Date | null;
  la_confirmed_at: Date | null;
  la_confirmed_by: string | null;
  la_confirmed_by_label: string | null;
}

export interface ReportSignoffTable {
  id: Generated<string>;
  report_id: string;
  version_number: number;
  purpose: 'release' | 'publication';
  signed_by: string | null;
  signed_by_label: string;
  signed_at: CreatedAt;
}

export interface ReportCommentTable {
  id: Generated<string>;
  report_id: string;
  release_id: string;
  section_key: string;
  paragraph: number | null;
  text: string;
  created_by: string | null;
  created_by_label: string;
  created_at: CreatedAt;
  response: 'accepted' | 'not_accepted' | null;
  response_text: string | null;
  response_version: number | null;
  responded_by: string | null;
  responded_by_label: string | null;
  responded_at: Date | null;
}

export interface ReportTables {
  reports: ReportTable;
  report_versions: ReportVersionTable;
  report_releases: ReportReleaseTable;
  report_comments: ReportCommentTable;
  report_signoffs: ReportSignoffTable;
}

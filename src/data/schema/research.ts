// Kysely table types of the research store (migration 2026-12-07T0270_research).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { StudySelection } from '../../domain/research/selection.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ResearchStudyTable {
  id: Generated<string>;
  title: string;
  question: Generated<string>;
  selection: JSONColumnType<StudySelection, string | undefined, string>;
  la_identity: Generated<string>;
  la_identity_set_by_label: string | null;
  created_by: string | null;
  created_by_label: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ResearchMemoTable {
  id: Generated<string>;
  study_id: string;
  body: string;
  author_id: string | null;
  author_label: string;
  created_at: CreatedAt;
}

export interface ThematicCodeTable {
  key: string;
  name: string;
  description: Generated<string>;
  created_by_label: string;
  created_at: CreatedAt;
}

export interface ThematicCodebookVersionTable {
  version: number;
  note: Generated<string>;
  created_by_label: string;
  created_at: CreatedAt;
}

export interface ThematicMappingTable {
  version: number;
  source_kind: string;
  source_key: string;
  thematic_key: string;
}

export interface LaDeprivationTable {
  la_id: string;
  index_name: string;
  score: number;
  decile: number | null;
  loaded_at: Timestamp;
}

export interface ResearchDefinitionTable {
  id: Generated<string>;
  name: string;
  analysis: string;
  definition: JSONColumnType<Record<string, unknown>, string, string>;
  created_by: string | null;
  created_by_label: string;
  created_at: CreatedAt;
}

export interface ResearchStudyCodingTable {
  id: Generated<string>;
  study_id: string;
  evidence_id: string;
  start_pos: number;
  end_pos: number;
  span_text: string;
  thematic_key: string;
  coder_id: string | null;
  coder_label: string;
  created_at: CreatedAt;
}

/** A study's coding of a published report (migration 2026-12-07T1300_study_corpus_codings). */
export interface ResearchStudyCorpusCodingTable {
  id: Generated<string>;
  study_id: string;
  document_id: string;
  start_pos: number;
  end_pos: number;
  span_text: string;
  thematic_key: string;
  coder_id: string | null;
  coder_label: string;
  created_at: CreatedAt;
}

/** Kept by triggers (migration 2026-12-07T1400_research_code_counts): per code of a published inspection. */
export interface ResearchCodeCountTable {
  code_id: string;
  activity_id: string;
  refs: number;
  records: number;
}

export interface ResearchTables {
  research_code_counts: ResearchCodeCountTable;
  research_study_codings: ResearchStudyCodingTable;
  research_study_corpus_codings: ResearchStudyCorpusCodingTable;
  research_definitions: ResearchDefinitionTable;
  research_studies: ResearchStudyTable;
  research_memos: ResearchMemoTable;
  thematic_codes: ThematicCodeTable;
  thematic_codebook_versions: ThematicCodebookVersionTable;
  thematic_mappings: ThematicMappingTable;
  la_deprivation: LaDeprivationTable;
}

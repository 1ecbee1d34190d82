// Kysely table types of the corpus of published reports (migration 2026-12-07T0640_corpus).
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface CorpusImportTable {
  id: Generated<string>;
  status: string;
  source: string;
  files: number;
  added: Generated<number>;
  created_by_label: string;
  created_at: CreatedAt;
  /** The background job that wrote it (migration 2026-12-07T1300), else null. */
  job_id: string | null;
}

export interface CorpusDocumentTable {
  id: Generated<string>;
  import_id: string;
  file_hash: string;
  file_name: string;
  title: string;
  la_id: string;
  /** 'YYYY-MM-DD' on both engines. */
  published_on: string;
  kind: string;
  framework_id: string | null;
  grade: string | null;
  words: number;
  body: string;
  created_at: CreatedAt;
}

export interface CorpusFindingTable {
  document_id: string;
  seq: number;
  rule: string;
  line: number;
  start_offset: number;
  end_offset: number;
  excerpt: string;
}

export interface CorpusTables {
  corpus_imports: CorpusImportTable;
  corpus_documents: CorpusDocumentTable;
  corpus_findings: CorpusFindingTable;
}

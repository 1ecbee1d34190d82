// Every uploaded file other than Annex A is read in a worker thread too (pool.ts): evidence text
// from .txt/.docx/.pdf, REFI-QDA projects and codebooks, and inspection-history CSVs. Each has a
// heap and a time limit that fit what a genuine file of its kind needs; a file that needs more is
// refused (FILE_TOO_COMPLEX, naming the file and the limit) and its thread is ended.
import type { TextFileKind } from '../domain/evidence/import/file-text.js';
import type { ParseHistoryResult } from '../domain/history/parse-history-csv.js';
import type { LaIdentity, LaSuccession } from '../domain/las/la.js';
import type { ReadFileOptions, RefiFile } from '../domain/refi/read-file.js';
import { runTask } from './pool.js';
import type { ParseStatsResult } from '../domain/national-stats/parse.js';
import type { CorpusReadResult } from '../domain/corpus/read-document.js';
import type {
  CorpusReadInput,
  EvidenceTextInput,
  HistoryParseInput,
  RefiReadInput,
  StatsParseInput,
} from './tasks.js';

/** What each kind of file may use while it is read. */
export const parseLimits = {
  /** A 20 MB PDF of 2,000 pages reads in a few seconds; a PDF needing more is hostile. */
  evidenceText: { timeoutMs: 60_000, maxHeapMb: 512 },
  /** A batch of published reports: each is read and checked in well under a second. */
  corpusBatch: { timeoutMs: 120_000, maxHeapMb: 512 },
  /** Four times Taguette's benchmark corpus (24,000 sources) reads well within these. */
  refi: { timeoutMs: 180_000, maxHeapMb: 1024 },
  /** The largest history file (every inspection since 2009) is a few thousand rows. */
  history: { timeoutMs: 60_000, maxHeapMb: 256 },
  /** DfE extracts: the largest (care leavers) is 1 MB and 6,700 rows. */
  nationalStats: { timeoutMs: 60_000, maxHeapMb: 256 },
} as const;

export function evidenceTextInWorker(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ kind: TextFileKind; text: string }> {
  const input: EvidenceTextInput = { bytes, fileName };
  return runTask('evidence-text', input, { label: fileName, ...parseLimits.evidenceText });
}

/** Reads and checks a batch of published reports; `onRead` after each file. */
export function readCorpusBatchInWorker(
  files: Array<{ bytes: Uint8Array; fileName: string }>,
  onRead: (fileName: string) => void,
): Promise<CorpusReadResult[]> {
  const input: CorpusReadInput = { files };
  return runTask('corpus-read', input, {
    label: `The batch of ${files.length} reports from ${files[0]?.fileName ?? 'the folder'}`,
    ...parseLimits.corpusBatch,
    onEvent: (e) => onRead((e as { fileName: string }).fileName),
  });
}

export function readRefiInWorker(
  bytes: Uint8Array,
  fileName: string,
  options: ReadFileOptions,
): Promise<RefiFile> {
  const input: RefiReadInput = { bytes, fileName, options };
  return runTask('refi-read', input, { label: fileName, ...parseLimits.refi });
}

export function parseHistoryInWorker(
  text: string,
  fileName: string,
  register: { las: readonly LaIdentity[]; successions: readonly LaSuccession[] },
): Promise<ParseHistoryResult> {
  const input: HistoryParseInput = { text, fileName, ...register };
  return runTask('history-parse', input, { label: fileName, ...parseLimits.history });
}

export function parseNationalStatsInWorker(
  text: string,
  fileName: string,
  register: { las: readonly LaIdentity[]; successions: readonly LaSuccession[] },
): Promise<ParseStatsResult> {
  const input: StatsParseInput = { text, fileName, ...register };
  return runTask('national-stats-parse', input, { label: fileName, ...parseLimits.nationalStats });
}

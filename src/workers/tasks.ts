// The tasks a worker can run: wrappers around the domain's file parsers, which stay as they are.
// Inputs and results cross the thread boundary by structured clone (plain data only).
import { readCorpusDocument, type CorpusReadResult } from '../domain/corpus/read-document.js';
import { parseAnnexA, type ParsedRow, type ParseResult } from '../domain/annex-a/parse.js';
import { pseudonymiser } from '../domain/annex-a/pseudonymise.js';
import { fileText, type TextFileKind } from '../domain/evidence/import/file-text.js';
import { parseHistoryCsv, type ParseHistoryResult } from '../domain/history/parse-history-csv.js';
import type { LaIdentity, LaSuccession } from '../domain/las/la.js';
import { createLaRegister } from '../domain/las/register.js';
import { parseStatsFile, type ParseStatsResult } from '../domain/national-stats/parse.js';
import type { ProgrammeInstance } from '../domain/programme/instance.js';
import { solveProgrammeHere, type ProgrammeSolution, type SolveOptions } from './highs-solve.js';
import { readRefiFile, type ReadFileOptions, type RefiFile } from '../domain/refi/read-file.js';

export interface TaskContext {
  /** Sends an event to the caller without waiting (progress). */
  notify(event: unknown): void;
  /** Sends an event and waits until the caller has handled it (batches: back-pressure). */
  emit(event: unknown): Promise<void>;
}

export interface AnnexAParseInput {
  bytes: Uint8Array;
  fileName: string;
  referenceDate: string;
  /** Hex key: staff names are pseudonymised in the worker, as they are read. */
  pseudonymKey: string;
  /** Hand rows over in batches while reading (else they come back in the result). */
  streamRows: boolean;
}

export type AnnexAParseEvent =
  { kind: 'progress'; fraction: number; rows: number } | { kind: 'rows'; rows: ParsedRow[] };

export interface EvidenceTextInput {
  bytes: Uint8Array;
  fileName: string;
}

export interface CorpusReadInput {
  files: Array<{ bytes: Uint8Array; fileName: string }>;
}

export interface RefiReadInput {
  bytes: Uint8Array;
  fileName: string;
  options: ReadFileOptions;
}

export interface HistoryParseInput {
  text: string;
  fileName: string;
  /** The LA register's records and successions: the register is rebuilt in the worker. */
  las: readonly LaIdentity[];
  successions: readonly LaSuccession[];
}

export interface StatsParseInput {
  text: string;
  fileName: string;
  las: readonly LaIdentity[];
  successions: readonly LaSuccession[];
}

export interface ProgrammeSolveInput {
  instance: ProgrammeInstance;
  options: SolveOptions;
}

export const tasks = {
  /** A programme solved by HiGHS: progress events as it goes, the checked plan at the end. */
  'programme-solve': (input: ProgrammeSolveInput, ctx: TaskContext): Promise<ProgrammeSolution> =>
    solveProgrammeHere(input.instance, input.options, (p) => ctx.notify(p)),
  'evidence-text': (input: EvidenceTextInput): Promise<{ kind: TextFileKind; text: string }> =>
    fileText(input.bytes, input.fileName),
  /** A batch of published reports (one thread for many: starting a thread costs more than a
   *  report); one progress event per file; a file that cannot be read answers its reason. */
  'corpus-read': async (input: CorpusReadInput, ctx: TaskContext): Promise<CorpusReadResult[]> => {
    const out: CorpusReadResult[] = [];
    for (const f of input.files) {
      out.push(await readCorpusDocument(f.bytes, f.fileName));
      ctx.notify({ kind: 'read', fileName: f.fileName });
    }
    return out;
  },
  'refi-read': async (input: RefiReadInput): Promise<RefiFile> =>
    readRefiFile(input.bytes, input.fileName, input.options),
  'history-parse': async (input: HistoryParseInput): Promise<ParseHistoryResult> =>
    parseHistoryCsv(input.text, input.fileName, createLaRegister(input.las, input.successions)),
  'national-stats-parse': async (input: StatsParseInput): Promise<ParseStatsResult> =>
    parseStatsFile(input.text, input.fileName, createLaRegister(input.las, input.successions)),
  'annex-a-parse': async (input: AnnexAParseInput, ctx: TaskContext): Promise<ParseResult> => {
    const pseudonym = pseudonymiser(input.pseudonymKey);
    return parseAnnexA(input.bytes, input.fileName, {
      referenceDate: input.referenceDate,
      pseudonymiseStaff: (name) => pseudonym('staff', name),
      onProgress: (fraction, rows) => ctx.notify({ kind: 'progress', fraction, rows }),
      ...(input.streamRows
        ? { onRows: (rows: ParsedRow[]) => ctx.emit({ kind: 'rows', rows }) }
        : {}),
    });
  },
} as const;

export type TaskName = keyof typeof tasks;

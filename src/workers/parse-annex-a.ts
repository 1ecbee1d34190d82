// Annex A files are read in a worker thread (pool.ts), with the same options as parseAnnexA
// except that staff names are pseudonymised there from the key.
import type { ParsedRow, ParseResult } from '../domain/annex-a/parse.js';
import { runTask } from './pool.js';
import type { AnnexAParseEvent, AnnexAParseInput } from './tasks.js';

export interface ParseInWorkerOptions {
  referenceDate: string;
  pseudonymKey: string;
  onProgress?: (fraction: number, rowsRead: number) => void;
  onRows?: (rows: ParsedRow[]) => Promise<void>;
  timeoutMs?: number;
}

/** A 150,000-row file reads in well under a minute; anything near the limit is not Annex A. */
export const ANNEX_A_PARSE_TIMEOUT_MS = 180_000;

export function parseAnnexAInWorker(
  bytes: Uint8Array,
  fileName: string,
  options: ParseInWorkerOptions,
): Promise<ParseResult> {
  const input: AnnexAParseInput = {
    bytes,
    fileName,
    referenceDate: options.referenceDate,
    pseudonymKey: options.pseudonymKey,
    streamRows: Boolean(options.onRows),
  };
  return runTask<ParseResult>('annex-a-parse', input, {
    label: fileName,
    timeoutMs: options.timeoutMs ?? ANNEX_A_PARSE_TIMEOUT_MS,
    onEvent: async (e) => {
      const event = e as AnnexAParseEvent;
      if (event.kind === 'progress') options.onProgress?.(event.fraction, event.rows);
      else await options.onRows?.(event.rows);
    },
  });
}

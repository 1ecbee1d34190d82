// Runs file parsing and other long CPU work off the HTTP event loop, in worker threads, so that a
// hostile or huge file cannot freeze every request. Each task gets a fresh worker (no state leaks
// from one file to the next, and a runaway parse is ended by terminating its thread) with a heap
// limit and a time limit; at most POOL_SIZE run at once and the rest wait their turn.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorDetail } from '../errors.js';
import { DocumentProblem } from '../domain/evidence/import/docx-text.js';
import { CsvQuoteError, SpreadsheetError } from '../domain/files/spreadsheet.js';
import { UnsafeXmlError } from '../domain/files/xml.js';
import { UnsafeArchiveError } from '../domain/files/zip.js';
import { RefiInvalid, type RefiDetail } from '../domain/refi/import-problems.js';
import type { TaskName } from './tasks.js';

export interface TaskOptions {
  /** The task is ended and refused after this long (default 120 s). */
  timeoutMs?: number;
  /** Heap limit of the worker (default 1024 MB). */
  maxHeapMb?: number;
  /** What the file is called, for messages. */
  label?: string;
  /** Events the task sends while it runs (progress, batches); awaited before the task goes on. */
  onEvent?: (event: unknown) => Promise<void> | void;
}

/** Messages between a task worker and the pool. */
export type ToPool =
  | { type: 'event'; event: unknown; ack: boolean }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: SerializedError };
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  details?: ErrorDetail[];
  /** CsvQuoteError: where the unbalanced quote is. */
  at?: { sheet: string; row: number; column: string | null };
}

export const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism() - 1));
let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= POOL_SIZE) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

function workerScript(): URL {
  const sibling = new URL('./task-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(sibling))) return sibling;
  // Running from TypeScript sources (vitest): use the compiled worker.
  const built = new URL('../../dist/src/workers/task-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new Error('The task worker is not built: run `npm run build` first.');
}

/** Turns an error from the worker back into the class the caller knows. */
export function reviveError(e: SerializedError): Error {
  if (e.name === 'AppError' && e.code)
    return new AppError(e.code as never, { message: e.message, details: e.details ?? [] });
  if (e.name === 'CsvQuoteError' && e.at)
    return new CsvQuoteError(e.message, e.at.sheet, e.at.row, e.at.column);
  if (e.name === 'SpreadsheetError') return new SpreadsheetError(e.message);
  if (e.name === 'UnsafeXmlError') return new UnsafeXmlError(e.message);
  if (e.name === 'UnsafeArchiveError') return new UnsafeArchiveError(e.message);
  if (e.name === 'RefiInvalid')
    return new RefiInvalid(e.message, (e.details ?? []) as RefiDetail[]);
  if (e.name === 'DocumentProblem') return new DocumentProblem(e.message);
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}

export async function runTask<T>(
  task: TaskName,
  input: unknown,
  options: TaskOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const label = options.label ?? 'The file';
  const maxHeapMb = options.maxHeapMb ?? 1024;
  const release = await slot();
  try {
    return await new Promise<T>((resolve, reject) => {
      const worker = new Worker(workerScript(), {
        workerData: { task, input },
        resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      });
      let settled = false;
      const finish = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
        void worker.terminate();
      };
      const timer = setTimeout(
        () =>
          finish(() =>
            reject(
              new AppError('FILE_TOO_COMPLEX', {
                message: `${label} took longer than ${Math.round(timeoutMs / 1000)} seconds to read, the limit for this kind of file, and was stopped. Check it is the right file; split a very large file.`,
              }),
            ),
          ),
        timeoutMs,
      );
      worker.on('message', (msg: ToPool) => {
        if (msg.type === 'done') finish(() => resolve(msg.result as T));
        else if (msg.type === 'error') finish(() => reject(reviveError(msg.error)));
        else {
          Promise.resolve(options.onEvent?.(msg.event)).then(
            () => {
              if (msg.ack && !settled) worker.postMessage({ type: 'ack' });
            },
            (err: unknown) => finish(() => reject(err)),
          );
        }
      });
      worker.on('error', (err: Error & { code?: string }) =>
        finish(() =>
          reject(
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new AppError('FILE_TOO_COMPLEX', {
                  message: `${label} needs more than ${maxHeapMb} MB of memory to read, the limit for this kind of file, and was stopped. Check it is the right file; split a very large file.`,
                })
              : err,
          ),
        ),
      );
      worker.on('exit', (code) =>
        finish(() => reject(new Error(`the task worker stopped unexpectedly (${code})`))),
      );
    });
  } finally {
    release();
  }
}

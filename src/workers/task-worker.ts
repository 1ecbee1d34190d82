// The worker thread side of pool.ts: runs one named task and reports events, the result or the
// error back to the pool.
import { parentPort, workerData } from 'node:worker_threads';
import { CsvQuoteError } from '../domain/files/spreadsheet.js';
import { isAppError } from '../errors.js';
import type { SerializedError, ToPool } from './pool.js';
import { tasks, type TaskContext, type TaskName } from './tasks.js';

const port = parentPort;
if (!port) throw new Error('task-worker must run inside a worker thread');
const { task, input } = workerData as { task: TaskName; input: unknown };

let ackWaiter: (() => void) | null = null;
port.on('message', (msg: { type: string }) => {
  if (msg.type === 'ack') {
    const w = ackWaiter;
    ackWaiter = null;
    w?.();
  }
});

const ctx: TaskContext = {
  notify: (event) => port.postMessage({ type: 'event', event, ack: false } satisfies ToPool),
  emit: (event) =>
    new Promise<void>((resolve) => {
      ackWaiter = resolve;
      port.postMessage({ type: 'event', event, ack: true } satisfies ToPool);
    }),
};

function serialise(err: unknown): SerializedError {
  if (isAppError(err))
    return { name: 'AppError', message: err.message, code: err.code, details: err.details };
  if (err instanceof CsvQuoteError)
    return {
      name: err.name,
      message: err.message,
      at: { sheet: err.sheet, row: err.row, column: err.column },
    };
  if (err instanceof Error) {
    const details = (err as { details?: unknown }).details;
    return {
      name: err.name,
      message: err.message,
      ...(Array.isArray(details) ? { details: details as SerializedError['details'] } : {}),
    };
  }
  return { name: 'Error', message: String(err) };
}

try {
  const result = await tasks[task](input as never, ctx);
  port.postMessage({ type: 'done', result } satisfies ToPool);
} catch (err) {
  port.postMessage({ type: 'error', error: serialise(err) } satisfies ToPool);
}
port.close();

// Gives the main thread's memory back after heavy work (issue 19: server memory). An export of
// every passage grows V8's heap by 100-150 MiB of short-lived rows; V8 keeps the heap it grew to
// while the process is idle (its memory reducer did not run within minutes of idleness), so the
// server stayed at 420-450 MiB after one export against some 300 at start. Once no request has
// been in flight for a moment and the heap is well above its live size, one full collection
// returns the empty pages to the operating system.
import v8 from 'node:v8';
import vm from 'node:vm';
import type { FastifyInstance } from 'fastify';

export interface HeapTrimOptions {
  /** Quiet time after the last response before collecting. */
  idleMs: number;
  /**
   * Collect only when V8's heap has grown this many MiB since the last collection (or the start):
   * its "used" figure counts garbage not yet collected, so it cannot say how much is free.
   */
  slackMiB: number;
}

export const HEAP_TRIM_DEFAULTS: HeapTrimOptions = { idleMs: 2_000, slackMiB: 48 };

const MiB = 1_048_576;

/** V8's full collection (the `--expose-gc` function, exposed here if the process was not). */
export function fullCollection(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** Counts requests in flight and collects once the server has been quiet for `idleMs`. */
export class HeapTrim {
  private inFlight = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Full collections run (for the tests and the memory benchmark). */
  collections = 0;
  private baseline: number;

  constructor(
    private readonly opts: HeapTrimOptions = HEAP_TRIM_DEFAULTS,
    private readonly collect: () => void = fullCollection(),
    private readonly heapTotal: () => number = () => process.memoryUsage().heapTotal,
  ) {
    this.baseline = heapTotal();
  }

  started(): void {
    this.inFlight++;
    this.cancel();
  }

  finished(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight > 0) return;
    this.cancel();
    this.timer = setTimeout(() => this.trim(), this.opts.idleMs);
    // A pending collection never keeps the process alive.
    this.timer.unref();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private trim(): void {
    this.timer = null;
    if (this.inFlight > 0) return;
    if (this.heapTotal() - this.baseline < this.opts.slackMiB * MiB) return;
    this.collect();
    this.collections++;
    this.baseline = this.heapTotal();
  }
}

/** Hooks the trim into the server's requests. */
export function trimHeapWhenIdle(app: FastifyInstance, trim = new HeapTrim()): HeapTrim {
  app.addHook('onRequest', async (_request, reply) => {
    trim.started();
    // 'close' comes once for every response, sent in full or cut off by the client.
    reply.raw.once('close', () => trim.finished());
  });
  app.addHook('onClose', async () => trim.cancel());
  return trim;
}

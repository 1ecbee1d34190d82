// `triangulate serve` as the server-memory benchmark's child process, answering "memory" on its
// IPC channel with where the memory is: the process's resident set, the main thread's V8 heap,
// and the database thread's WebAssembly memory and heap (issue 19). Not part of the product.
import { writeHeapSnapshot } from 'node:v8';
import { loadConfig } from '../src/config.js';
import { loadActivityTypeCatalog } from '../src/domain/frameworks/catalog.js';
import { startServer } from '../src/server/start-server.js';

export interface ProbeMemory {
  rss: number;
  mainHeapTotal: number;
  mainHeapUsed: number;
  external: number;
  arrayBuffers: number;
  wasm: number;
  dbHeapTotal: number;
  dbHeapUsed: number;
}

const server = await startServer(loadConfig(), loadActivityTypeCatalog());
process.stdout.write(`is ready at ${server.url}\n`);
const mib = (n: number) => Math.round(n / 1048576);
process.on('message', (msg: unknown) => {
  if (msg === 'snapshot') {
    process.send?.(writeHeapSnapshot());
    return;
  }
  if (msg !== 'memory') return;
  void (async () => {
    const m = process.memoryUsage();
    const e = await server.database.embeddedMemory?.();
    const out: ProbeMemory = {
      rss: mib(m.rss),
      mainHeapTotal: mib(m.heapTotal),
      mainHeapUsed: mib(m.heapUsed),
      external: mib(m.external),
      arrayBuffers: mib(m.arrayBuffers),
      wasm: mib(e?.wasm ?? 0),
      dbHeapTotal: mib(e?.heapTotal ?? 0),
      dbHeapUsed: mib(e?.heapUsed ?? 0),
    };
    process.send?.(out);
  })();
});
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

// Importing the published reports as a corpus (issue 20): the 422 reports of
// ../shared/reference/corpus (or TRIANGULATE_CORPUS_DIR) into a fresh database holding the LA
// register and the bundled history, through the use case the CLI calls (read and language-checked
// in worker threads, linked to the history, written staged then made current), then the same
// folder again (nothing to add: the idempotent path). Wall time, the process's peak RSS (worker
// threads included) and the load average. Target: under 60 s.
//   npm run bench -- --only corpus-import [--engine pglite|postgres|both]
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { readCorpusFolder as corpusFolder } from '../src/cli/commands/corpus.js';
import { migrateToLatest } from '../src/data/migrate.js';
import { systemActor } from '../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../src/domain/frameworks/catalog.js';
import { projectRoot } from '../src/paths.js';
import { importCorpus } from '../src/usecases/corpus/import-corpus.js';
import { loadBundledHistory } from '../src/usecases/history/load-bundled-history.js';
import { loadLaReference } from '../src/usecases/las/load-la-reference.js';
import { round, time } from './stats.js';
import { openBenchDatabase, type Engine } from './support.js';

export function corpusDir(): string | null {
  const candidates = [
    process.env.TRIANGULATE_CORPUS_DIR,
    path.join(projectRoot(), '..', 'shared', 'reference', 'corpus'),
    path.join(projectRoot(), '..', '..', 'shared', 'reference', 'corpus'),
  ];
  return candidates.find((c): c is string => !!c && existsSync(c)) ?? null;
}

export async function benchCorpusImport(options: {
  engines: Engine[];
  adminUrl: string;
}): Promise<string[]> {
  const dir = corpusDir();
  if (!dir) return ['## Corpus import', '', 'No corpus folder found (set TRIANGULATE_CORPUS_DIR).'];
  const out = [
    '## Corpus import (issue 20)',
    '',
    `Folder: ${dir}. Load average before each run in the table.`,
    '',
    '| engine | files | added | first import s | reading s | writing s | again s | peak RSS MB | load avg (1 min) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const catalog = loadActivityTypeCatalog();
  for (const engine of options.engines) {
    const bench = await openBenchDatabase(engine, 'corpus', options.adminUrl);
    try {
      await migrateToLatest(bench.database.db);
      const ctx = { db: bench.database.db, actor: systemActor('bench'), catalog };
      await loadLaReference(ctx);
      await loadBundledHistory(ctx);
      const load = round(loadavg()[0] ?? 0);
      let peak = process.memoryUsage().rss;
      let readDone = 0;
      const t0 = performance.now();
      const [ms, r] = await time(async () =>
        importCorpus(ctx, { source: 'bench', files: await corpusFolder(dir) }, (p) => {
          peak = Math.max(peak, process.memoryUsage().rss);
          if (p.phase === 'writing' && readDone === 0) readDone = performance.now() - t0;
        }),
      );
      const [again] = await time(async () =>
        importCorpus(ctx, { source: 'bench', files: await corpusFolder(dir) }),
      );
      out.push(
        `| ${engine} | ${r.files} | ${r.added} | ${round(ms / 1000)} | ${round(readDone / 1000)} | ${round((ms - readDone) / 1000)} | ${round(again / 1000)} | ${Math.round(peak / 1048576)} | ${load} |`,
      );
    } finally {
      await bench.cleanup();
    }
  }
  return out;
}

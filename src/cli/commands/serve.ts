import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { loadActivityTypeCatalog } from '../../domain/frameworks/catalog.js';
import { startServer } from '../../server/start-server.js';
import { seedDemoIfEmpty, type DemoSeedResult } from '../../demo/seed-demo.js';
import { printDemoCredentials, writeDemoCredentials } from './demo.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../paths.js';
import { followCorpusImport } from './corpus.js';
import { systemActor } from '../../domain/access/actor.js';
import { action } from '../runtime.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the web application (migrates the database first)')
    .option(
      '--demo',
      'seed the demo data on first run (empty database) and print its sign-in details once',
    )
    .option(
      '--corpus <dir>',
      'after start, import this folder of published reports in the background (skips those stored); with --demo the default is TRIANGULATE_CORPUS_DIR, else ../shared/reference/corpus when it exists',
    )
    .action(
      action(async (opts: { demo?: boolean; corpus?: string }) => {
        const t0 = performance.now();
        const config = loadConfig();
        const catalog = loadActivityTypeCatalog();
        let seeded: DemoSeedResult | null = null;
        const server = await startServer(config, catalog, async (database) => {
          if (opts.demo) seeded = await seedDemoIfEmpty(database.db, catalog);
        });
        const ms = Math.round(performance.now() - t0);
        process.stdout.write(
          `Triangulate is ready at ${server.url} (${server.database.engine}: ${server.database.location}; started in ${ms} ms)\n`,
        );
        // Last, after the ready line, so the request log does not scroll them away at once.
        if (seeded) printDemoCredentials(seeded, writeDemoCredentials(config.dataDir, seeded));
        const corpusDir = corpusFolderToImport(opts, config.corpusDir);
        let unfollow = (): void => undefined;
        if (corpusDir)
          unfollow = await followCorpusImport(
            { db: server.database.db, actor: systemActor('corpus-import'), catalog },
            corpusDir,
            (line) => process.stdout.write(`${line}\n`),
          );
        const stop = async (): Promise<void> => {
          unfollow();
          await server.close();
          process.exit(0);
        };
        process.once('SIGINT', () => void stop());
        process.once('SIGTERM', () => void stop());
      }),
    );
}

/**
 * The folder of published reports to import after start: `--corpus DIR`; with `--demo`,
 * TRIANGULATE_CORPUS_DIR ("off": none), else ../shared/reference/corpus beside the project when
 * it exists (the 422 real reports). Without either, none.
 */
export function corpusFolderToImport(
  opts: { demo?: boolean; corpus?: string },
  configured: string | undefined,
): string | null {
  if (opts.corpus) return path.resolve(opts.corpus);
  if (!opts.demo || configured === 'off') return null;
  if (configured) return path.resolve(configured);
  const beside = path.join(projectRoot(), '..', 'shared', 'reference', 'corpus');
  return existsSync(beside) ? beside : null;
}

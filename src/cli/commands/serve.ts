import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { loadActivityTypeCatalog } from '../../domain/frameworks/catalog.js';
import { startServer } from '../../server/start-server.js';
import { seedDemoIfEmpty, type DemoSeedResult } from '../../demo/seed-demo.js';
import { printDemoCredentials, writeDemoCredentials } from './demo.js';
import { importCorpusInBackground } from './corpus.js';
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
      'after start, import this folder of published reports in the background (skips those stored)',
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
        if (opts.corpus)
          void importCorpusInBackground(
            { db: server.database.db, actor: systemActor('corpus-import'), catalog },
            opts.corpus,
            (line) => process.stdout.write(`${line}\n`),
          );
        const stop = async (): Promise<void> => {
          await server.close();
          process.exit(0);
        };
        process.once('SIGINT', () => void stop());
        process.once('SIGTERM', () => void stop());
      }),
    );
}

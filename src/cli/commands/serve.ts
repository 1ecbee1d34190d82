import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { loadActivityTypeCatalog } from '../../domain/frameworks/catalog.js';
import { startServer } from '../../server/start-server.js';
import { seedDemoIfEmpty } from '../../demo/seed-demo.js';
import { printDemoCredentials } from './demo.js';
import { action } from '../runtime.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the web application (migrates the database first)')
    .option(
      '--demo',
      'seed the demo data on first run (empty database) and print its sign-in details once',
    )
    .action(
      action(async (opts: { demo?: boolean }) => {
        const t0 = performance.now();
        const config = loadConfig();
        const catalog = loadActivityTypeCatalog();
        const server = await startServer(config, catalog, async (database) => {
          if (!opts.demo) return;
          const seeded = await seedDemoIfEmpty(database.db, catalog);
          if (seeded) printDemoCredentials(seeded);
        });
        const ms = Math.round(performance.now() - t0);
        process.stdout.write(
          `Triangulate is ready at ${server.url} (${server.database.engine}: ${server.database.location}; started in ${ms} ms)\n`,
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

import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { acquireDataDirLock } from '../../data/data-dir-lock.js';
import { ensurePrivateDataDir } from '../../data/data-dir-permissions.js';
import { openDatabase } from '../../data/database.js';
import { migrateToLatest } from '../../data/migrate.js';
import { AppError } from '../../errors.js';
import { action, output } from '../runtime.js';
import { now } from '../../clock.js';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('Database maintenance');
  db.command('migrate')
    .description('Apply pending migrations (all in one transaction: a failure changes nothing)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }) => {
        const config = loadConfig();
        const database = await openDatabase(config);
        try {
          const r = await migrateToLatest(database.db);
          output(opts.json, { engine: database.engine, location: database.location, ...r }, () =>
            r.applied.length
              ? `Applied ${r.applied.length} migration(s) on ${database.engine} (${database.location}):\n${r.applied.map((m) => `  ${m}`).join('\n')}`
              : `Database is up to date (${r.total} migrations, ${database.engine}, ${database.location}).`,
          );
        } finally {
          await database.close();
        }
      }),
    );
  db.command('backup')
    .description(
      'Write a consistent backup of the embedded database (a .tar.gz of the data folder); use pg_dump for PostgreSQL',
    )
    .requiredOption('--out <file>', 'where to write the backup')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { out: string; json?: boolean }) => {
        const config = loadConfig();
        if (config.databaseUrl) {
          throw new AppError('VALIDATION_FAILED', {
            message: 'DATABASE_URL is set: back up PostgreSQL with pg_dump (see the README).',
          });
        }
        const database = await openDatabase(config);
        try {
          const dump = await database.dumpEmbedded!();
          writeFileSync(opts.out, dump, { mode: 0o600 }); // children's data: owner-only
          output(
            opts.json,
            { file: opts.out, bytes: dump.byteLength },
            () => `Backup written to ${opts.out} (${dump.byteLength} bytes).`,
          );
        } finally {
          await database.close();
        }
      }),
    );
  db.command('restore')
    .description(
      'Restore the embedded database from a backup made by `db backup` (the current data is kept aside, never deleted)',
    )
    .argument('<file>', 'backup file (.tar.gz)')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, opts: { json?: boolean }) => {
        const config = loadConfig();
        if (config.databaseUrl) {
          throw new AppError('VALIDATION_FAILED', {
            message:
              'DATABASE_URL is set: restore PostgreSQL with pg_restore/psql (see the README).',
          });
        }
        const bytes = new Uint8Array(readFileSync(file));
        ensurePrivateDataDir(config.dataDir);
        acquireDataDirLock(config.dataDir)(); // refuse now, before touching anything, if the server runs
        const pgdata = path.join(config.dataDir, 'pgdata');
        let keptAside: string | null = null;
        if (existsSync(pgdata) && readdirSync(pgdata).length > 0) {
          keptAside = `${pgdata}.before-restore-${now().toISOString().replace(/[:.]/g, '-')}`;
          renameSync(pgdata, keptAside);
        }
        try {
          const database = await openDatabase(config, { restoreFrom: bytes });
          try {
            await migrateToLatest(database.db);
          } finally {
            await database.close();
          }
        } catch (err) {
          rmSync(pgdata, { recursive: true, force: true }); // only the failed restore's files
          if (keptAside) renameSync(keptAside, pgdata);
          throw err;
        }
        output(
          opts.json,
          { restoredFrom: file, previousDataKeptAt: keptAside },
          () =>
            `Restored from ${file}.${keptAside ? ` The previous data was kept at ${keptAside}.` : ''}`,
        );
      }),
    );
}

// Applies the migration set. Kysely runs all pending migrations in one transaction on
// PostgreSQL-family engines, so a failure leaves the database exactly as it was.
import { Migrator, type Kysely, type Migration, type MigrationResult } from 'kysely';
import { AppError } from '../errors.js';
import { migrations } from './migrations/index.js';
import type { DB } from './schema.js';

export interface MigrateOutcome {
  applied: string[];
  total: number;
}

export async function migrateToLatest(
  db: Kysely<DB>,
  list: Record<string, Migration> = migrations,
): Promise<MigrateOutcome> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => list },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r: MigrationResult) => r.status === 'Error');
    throw new AppError('MIGRATION_FAILED', {
      message: `Migration ${failed?.migrationName ?? '(unknown)'} failed: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`,
      cause: error,
    });
  }
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  return { applied, total: Object.keys(list).length };
}

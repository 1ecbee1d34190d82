// The schema cannot drift: a freshly migrated database (PGlite, and PostgreSQL with
// TEST_DATABASE_URL) must describe exactly what src/data/schema/generated.ts says, and the
// hand-written DB type is compiled against that file (src/data/schema/matches-migrations.ts).
// After a new migration: `npm run schema:generate`, then `npm run typecheck`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readSchemaCatalog,
  renderSchemaTypes,
  tsTypeOf,
  type CatalogColumn,
} from '../../src/data/schema-catalog.js';
import { createTestDatabase, testEngine, type TestDatabase } from '../helpers/database.js';

const generatedFile = path.resolve(import.meta.dirname, '../../src/data/schema/generated.ts');
let database: TestDatabase;
let columns: CatalogColumn[];

beforeAll(async () => {
  database = await createTestDatabase();
  columns = await readSchemaCatalog(database.db);
});
afterAll(async () => {
  await database.destroy();
});

describe(`the migrated schema on ${testEngine()}`, () => {
  it('is what src/data/schema/generated.ts says (else: npm run schema:generate)', () => {
    expect(renderSchemaTypes(columns)).toBe(readFileSync(generatedFile, 'utf8'));
  });

  it('is read from information_schema: tables, columns, types and nullability', () => {
    const column = (table: string, name: string): CatalogColumn | undefined =>
      columns.find((c) => c.table === table && c.column === name);
    expect(column('users', 'email')).toEqual({
      table: 'users',
      column: 'email',
      udt: 'text',
      nullable: false,
    });
    expect(column('users', 'disabled_at')).toMatchObject({ udt: 'timestamptz', nullable: true });
    expect(column('local_authorities', 'previous_gss_codes')).toMatchObject({ udt: '_text' });
    expect(columns.some((c) => c.table.startsWith('schema_migrations'))).toBe(false);
  });

  it('maps each SQL type to the value the application reads', () => {
    const c = (udt: string, nullable = false): CatalogColumn => ({
      table: 't',
      column: 'c',
      udt,
      nullable,
    });
    expect(tsTypeOf(c('int8'))).toBe('number');
    expect(tsTypeOf(c('date', true))).toBe('string | null');
    expect(tsTypeOf(c('_uuid'))).toBe('string[]');
    expect(tsTypeOf(c('jsonb', true))).toBe('NonNullable<unknown> | null');
    expect(() => tsTypeOf(c('money'))).toThrow(/no TypeScript type for SQL type money/);
  });

  it('differs from the committed file when a column is missing, or has another type or nullability', () => {
    const without = columns.filter((c) => !(c.table === 'users' && c.column === 'email'));
    const retyped = columns.map((c) =>
      c.table === 'users' && c.column === 'email' ? { ...c, udt: 'int4' } : c,
    );
    const nullable = columns.map((c) =>
      c.table === 'users' && c.column === 'email' ? { ...c, nullable: true } : c,
    );
    const committed = readFileSync(generatedFile, 'utf8');
    for (const wrong of [without, retyped, nullable]) {
      expect(renderSchemaTypes(wrong)).not.toBe(committed);
    }
  });
});

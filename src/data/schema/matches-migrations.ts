// The hand-written DB type must say what the migrated database holds. `npm run typecheck` fails
// here, naming table and column, when a table or column is missing on either side, when a column's
// type differs from the value read (a narrower type, such as a union of literals for a text column,
// is fine), or when one side allows null and the other does not. MigratedSchema is generated from
// the migrations (generated.ts); the test that regenerates it keeps it honest.
import type { Selectable } from 'kysely';
import type { DB } from '../schema.js';
import type { MigratedSchema } from './generated.js';

type Nullable<T> = null extends T ? true : false;

type ColumnProblems<Table extends string, Hand, Migrated> =
  | `${Table}.${Exclude<keyof Migrated, keyof Hand> & string}: in the migrations, not in the DB type`
  | `${Table}.${Exclude<keyof Hand, keyof Migrated> & string}: in the DB type, not in the migrations`
  | {
      [C in keyof Hand & keyof Migrated & string]: [Nullable<Hand[C]>] extends [
        Nullable<Migrated[C]>,
      ]
        ? [NonNullable<Hand[C]>] extends [NonNullable<Migrated[C]>]
          ? never
          : `${Table}.${C}: the DB type's type is not the migrated column's`
        : `${Table}.${C}: null is allowed on one side only`;
    }[keyof Hand & keyof Migrated & string];

export type SchemaProblems =
  | `${Exclude<keyof MigratedSchema, keyof DB> & string}: table in the migrations, not in the DB type`
  | `${Exclude<keyof DB, keyof MigratedSchema> & string}: table in the DB type, not in the migrations`
  | {
      [T in keyof DB & keyof MigratedSchema & string]: ColumnProblems<
        T,
        Selectable<DB[T]>,
        MigratedSchema[T]
      >;
    }[keyof DB & keyof MigratedSchema & string];

type MustBeNone<T extends never> = T;

/** Compiles only while the DB type and the migrated schema agree. */
export type DbTypeMatchesMigrations = MustBeNone<SchemaProblems>;

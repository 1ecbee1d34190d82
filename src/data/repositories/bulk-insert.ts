// Bulk loads (a REFI-QDA import writes 30,000 codings and as many originals for the benchmark
// corpus) send rows as one JSON text a statement, unpacked by the database into the table's own
// row type (`json_populate_recordset`), instead of one parameter per value: the statement is
// parsed once and the values cross to the embedded engine as one string. Measured on PGlite, 7,500
// codings took about half the CPU time of 500-row multi-value inserts (issue 19). Columns that are
// not named keep their defaults; jsonb columns take the JSON value itself, array columns a JSON
// array, timestamps ISO text (a Date serialises to it).
import { sql, type Transaction } from 'kysely';
import type { DB } from '../schema.js';

/** Roughly how much JSON one statement carries: large enough to amortise, small enough for memory. */
const BATCH_CHARS = 4 * 1024 * 1024;
const BATCH_ROWS = 5_000;

export type BulkTable = keyof DB & string;

/**
 * Inserts the rows (objects keyed by column name; every row has the same keys) in as few
 * statements as the batch limits allow; `onBatch` after each with the number of rows written.
 * `onConflictDoNothing` skips rows that would break a unique index. Returns the rows inserted.
 */
export async function insertRowsAsJson(
  trx: Transaction<DB>,
  table: BulkTable,
  rows: ReadonlyArray<Record<string, unknown>>,
  opts: { onBatch?: (rows: number) => void; onConflictDoNothing?: boolean } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = sql.join(Object.keys(rows[0]!).map((c) => sql.ref(c)));
  const conflict = opts.onConflictDoNothing ? sql`on conflict do nothing` : sql``;
  let inserted = 0;
  let batch: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const r = await sql`
      insert into ${sql.table(table)} (${columns})
      select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${`[${batch.join(',')}]`}::json)
      ${conflict}`.execute(trx);
    inserted += Number(r.numAffectedRows ?? 0);
    opts.onBatch?.(batch.length);
    batch = [];
    chars = 0;
  };
  for (const row of rows) {
    const json = JSON.stringify(row);
    batch.push(json);
    chars += json.length;
    if (chars >= BATCH_CHARS || batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  return inserted;
}

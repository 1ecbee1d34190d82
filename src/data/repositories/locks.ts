// Transaction-scoped advisory locks that serialise whole operations. The one-number keys must
// differ from each other and from the audit log's (data/audit-log.ts).
import { sql, type Transaction } from 'kysely';
import type { DB } from '../schema.js';

const HISTORY_IMPORT_LOCK_KEY = 73_012;
const LA_REGISTER_LOCK_KEY = 73_013;

/** One history import at a time: two overlapping files must not race to insert one event. */
export async function lockHistoryImports(trx: Transaction<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${HISTORY_IMPORT_LOCK_KEY})`.execute(trx);
}

/** One register load at a time (a deployment and a demo seed would insert the same rows). */
export async function lockLaRegister(trx: Transaction<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${LA_REGISTER_LOCK_KEY})`.execute(trx);
}

const NATIONAL_STATISTICS_LOCK_KEY = 73_020;

/** One national statistics import at a time (two would race to raise the same alerts). */
export async function lockNationalStatistics(trx: Transaction<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${NATIONAL_STATISTICS_LOCK_KEY})`.execute(trx);
}

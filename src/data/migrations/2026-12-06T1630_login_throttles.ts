// Frozen in time: never import application code here.
// Login throttling counted in one row per key (an account, an address, an account at an address),
// claimed under a row lock BEFORE the password is checked, so concurrent guesses cannot all read
// the same old count. login_attempts stays as the history of sign-ins.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table login_throttles (
      key text primary key,
      failures integer not null default 0,
      last_failure_at timestamptz,
      next_allowed_at timestamptz not null default now()
    );
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table login_throttles`.execute(db);
}

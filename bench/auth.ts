// Password hashing cost and sign-in timing (issue 10). Hash and verify times for the argon2id
// parameters in use (domain/auth/password.ts) beside the previous ones (OWASP's minimum), and
// the time a sign-in takes over HTTP for a wrong password on an existing, an unknown and a
// disabled account: the three must be alike, so timing reveals nothing about accounts.
import argon2 from 'argon2';
import { migrateToLatest } from '../src/data/migrate.js';
import { systemActor } from '../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../src/domain/frameworks/catalog.js';
import { ARGON2_OPTIONS, hashPassword, verifyPassword } from '../src/domain/auth/password.js';
import { buildApp } from '../src/server/app.js';
import { createUser } from '../src/usecases/users/create-user.js';
import { updateUser } from '../src/usecases/users/update-user.js';
import { openBenchDatabase, sample } from './support.js';
import type { Summary } from './stats.js';

const PASSWORD = 'correct horse battery staple';
const PREVIOUS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

const row = (what: string, s: Summary): string =>
  `| ${what} | ${s.n} | ${s.p50} | ${s.p95} | ${s.max} |`;

export async function benchAuth(n: number): Promise<string[]> {
  const current = `m=${ARGON2_OPTIONS.memoryCost / 1024} MiB, t=${ARGON2_OPTIONS.timeCost}, p=${ARGON2_OPTIONS.parallelism}`;
  const out = [
    `## Password hashing and sign-in (argon2id ${current}; previous m=19 MiB, t=2, p=1), n=${n}`,
    '',
    '| what | n | p50 ms | p95 ms | max ms |',
    '| --- | --- | --- | --- | --- |',
  ];
  const warm = { warmUp: 3 };
  out.push(row(`hash, ${current} (in use)`, await sample(n, () => hashPassword(PASSWORD), warm)));
  const hash = await hashPassword(PASSWORD);
  out.push(
    row(`verify, ${current} (in use)`, await sample(n, () => verifyPassword(hash, PASSWORD), warm)),
  );
  out.push(
    row(
      'hash, m=19 MiB, t=2, p=1 (previous)',
      await sample(n, () => argon2.hash(PASSWORD, PREVIOUS), warm),
    ),
  );

  const bench = await openBenchDatabase('pglite', 'auth');
  try {
    const db = bench.database.db;
    await migrateToLatest(db);
    const ctx = { db, actor: systemActor('bench') };
    await createUser(ctx, {
      email: 'present@example.org',
      displayName: 'P',
      role: 'national',
      password: PASSWORD,
    });
    const off = await createUser(ctx, {
      email: 'disabled@example.org',
      displayName: 'D',
      role: 'national',
      password: PASSWORD,
    });
    await updateUser(ctx, { userId: off.id, disabled: true });
    const app = await buildApp({
      config: { logLevel: 'silent', sessionSecret: undefined },
      database: bench.database,
      catalog: loadActivityTypeCatalog(),
    });
    await app.ready();
    // Throttle counters are cleared between samples: this measures the answer, not the delay.
    const after = () => db.deleteFrom('login_throttles').execute();
    const signIn = (email: string, password: string) => async () => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { email, password },
      });
      if (r.statusCode === 429) throw new Error('throttled during the benchmark');
    };
    const cases: [string, string, string][] = [
      ['sign-in, right password', 'present@example.org', PASSWORD],
      ['sign-in, wrong password, existing account', 'present@example.org', 'wrong password here'],
      ['sign-in, unknown account', 'nobody@example.org', 'wrong password here'],
      ['sign-in, disabled account (right password)', 'disabled@example.org', PASSWORD],
    ];
    for (const [what, email, password] of cases)
      out.push(
        row(
          `${what} (HTTP, PGlite)`,
          await sample(n, signIn(email, password), { warmUp: 3, after }),
        ),
      );
    await app.close();
  } finally {
    await bench.cleanup();
  }
  out.push('');
  return out;
}

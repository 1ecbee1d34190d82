// Where the time of coding a span goes (issue 19: under 10 ms p50 / 25 ms p95 on PGlite at
// benchmark size). Seeds the Taguette-sized activity (6,000 records, 250 codes, 30,000 codings),
// then codes spans through the use case as an inspector on the team, timing every statement
// sent to the database (SQL text, the round trip to the PGlite worker included) beside the whole.
//   npm run bench -- --only code-span-profile [--engine pglite|postgres|both] [--n 200]
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/data/migrate.js';
import { PgliteWorkerClient } from '../src/data/pglite-worker-dialect.js';
import { refreshStatistics, EVIDENCE_BASE_TABLES } from '../src/data/repositories/statistics.js';
import { findUserById } from '../src/data/repositories/users.js';
import { toActor } from '../src/domain/access/actor.js';
import { codeSpan } from '../src/usecases/coding/code-span.js';
import { summarise, type Summary } from './stats.js';
import { seedSyntheticEvidence } from './synthetic-evidence.js';
import { openBenchDatabase, type Engine } from './support.js';

interface Options {
  engine: Engine;
  n: number;
  adminUrl?: string;
}

/** Statement timings of the embedded engine (the worker round trip included), by SQL text. */
const statements = new Map<string, number[]>();
let recording = false;
const query = PgliteWorkerClient.prototype.query;
PgliteWorkerClient.prototype.query = async function (this: PgliteWorkerClient, text, ...rest) {
  if (!recording) return query.call(this, text, ...rest);
  const t0 = performance.now();
  try {
    return await query.call(this, text, ...rest);
  } finally {
    const key = (rest[1]?.begin ? 'begin; ' : '') + text.replace(/\s+/g, ' ').slice(0, 90);
    const list = statements.get(key) ?? [];
    list.push(performance.now() - t0);
    statements.set(key, list);
  }
};

export async function benchCodeSpanProfile(o: Options): Promise<string[]> {
  const { database, cleanup } = await openBenchDatabase(o.engine, 'csp', o.adminUrl);
  const db = database.db;
  try {
    await migrateToLatest(db);
    const synthetic = await seedSyntheticEvidence(db);
    await refreshStatistics(db, EVIDENCE_BASE_TABLES);
    const user = await findUserById(db, synthetic.inspectorIds[2]!);
    const ctx = { db, actor: toActor(user!) };
    const codable = await db
      .selectFrom('codes')
      .select('id')
      .where('activity_id', '=', synthetic.activityId)
      .where('is_codable', '=', true)
      .execute();
    const records = await db
      .selectFrom('evidence_records')
      .select(['id', 'version', 'text'])
      .where('activity_id', '=', synthetic.activityId)
      .orderBy('ref_no')
      .limit(3_000)
      .execute();
    const one = (i: number) => {
      const k = i + 1_000;
      const r = records[(k + 500) % records.length]!;
      const stop = Array.from(r.text).indexOf('.');
      return codeSpan(ctx, {
        evidenceId: r.id,
        codeIds: [codable[(k * 7 + 3) % codable.length]!.id],
        start: 0,
        end: stop > 0 ? stop + 1 : 10,
        evidenceVersion: r.version,
      }).catch((err: { code?: string }) => {
        if (err.code !== 'ALREADY_EXISTS') throw err;
      });
    };
    for (let i = 0; i < 20; i++) await one(-1 - i);
    const times: number[] = [];
    const before = loadavg()[0]!.toFixed(1);
    recording = o.engine === 'pglite';
    for (let i = 0; i < o.n; i++) {
      const t0 = performance.now();
      await one(i);
      times.push(performance.now() - t0);
    }
    recording = false;
    const total = summarise(times);
    const rows: Array<[string, Summary, number]> = [...statements].map(([k, v]) => [
      k,
      summarise(v),
      v.reduce((a, b) => a + b, 0) / o.n,
    ]);
    const sum = rows.reduce((a, [, , per]) => a + per, 0);
    const check = await sql<{ n: number }>`select count(*)::int as n from codings`.execute(db);
    return [
      `### Code a span, ${o.engine} (6,000 records, ${check.rows[0]!.n} codings), n=${o.n}; load average ${before} / ${loadavg()[0]!.toFixed(1)}`,
      '',
      `Whole use case: p50 ${total.p50} ms, p95 ${total.p95} ms, max ${total.max} ms.`,
      ...(rows.length > 0
        ? [
            `Statements (each a round trip to the worker): ${rows.length} kinds, ${sum.toFixed(2)} ms a coding of the mean ${(times.reduce((a, b) => a + b, 0) / o.n).toFixed(2)} ms.`,
            '',
            '| statement | per coding | p50 ms | p95 ms | mean ms a coding |',
            '| --- | --- | --- | --- | --- |',
            ...rows.map(
              ([k, s, per]) =>
                `| \`${k.replace(/\|/g, '/')}\` | ${(s.n / o.n).toFixed(1)} | ${s.p50} | ${s.p95} | ${per.toFixed(2)} |`,
            ),
          ]
        : []),
      '',
    ];
  } finally {
    await cleanup();
  }
}

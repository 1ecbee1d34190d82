// Where the time of coding a span goes (issue 19: under 10 ms p50 / 25 ms p95 on PGlite at
// benchmark size). Seeds the Taguette-sized activity (6,000 records, 250 codes, 30,000 codings),
// then codes spans through the use case as an inspector on the team, timing every statement
// sent to the database (SQL text, the round trip to the PGlite worker included) beside the whole.
//   npm run bench -- --only code-span-profile [--engine pglite|postgres|both] [--n 200]
import { loadavg } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/data/schema.js';
import { migrateToLatest } from '../src/data/migrate.js';
import { PgliteWorkerClient } from '../src/data/pglite-worker-dialect.js';
import { refreshStatistics, EVIDENCE_BASE_TABLES } from '../src/data/repositories/statistics.js';
import { findUserById } from '../src/data/repositories/users.js';
import { toActor } from '../src/domain/access/actor.js';
import { codeSpan } from '../src/usecases/coding/code-span.js';
import { summarise, type Summary } from './stats.js';
import { evidenceScale, seedSyntheticEvidence } from './synthetic-evidence.js';
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
    // TRI_CSP_SCALE=0.1 seeds a tenth of the corpus (quick runs while changing the triggers).
    const f = Number(process.env.TRI_CSP_SCALE ?? '1');
    const scale = {
      ...evidenceScale,
      records: Math.round(evidenceScale.records * f),
      codings: Math.round(evidenceScale.codings * f),
    };
    const synthetic = await seedSyntheticEvidence(db, scale);
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
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < o.n; i++) {
      const t0 = performance.now();
      await one(i);
      times.push(performance.now() - t0);
    }
    recording = false;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1_000 / o.n;
    const rssMiB = Math.round(process.memoryUsage().rss / 1_048_576);
    const total = summarise(times);
    const rows: Array<[string, Summary, number]> = [...statements].map(([k, v]) => [
      k,
      summarise(v),
      v.reduce((a, b) => a + b, 0) / o.n,
    ]);
    const triggers = await triggerTimes(db, synthetic.activityId, records, codable, user!.id);
    const sum = rows.reduce((a, [, , per]) => a + per, 0);
    const check = await sql<{ n: number }>`select count(*)::int as n from codings`.execute(db);
    return [
      `### Code a span, ${o.engine} (${scale.records} records, ${check.rows[0]!.n} codings), n=${o.n}; load average ${before} / ${loadavg()[0]!.toFixed(1)}`,
      '',
      `Whole use case: p50 ${total.p50} ms, p95 ${total.p95} ms, max ${total.max} ms; CPU (all threads of the process) ${cpuMs.toFixed(2)} ms a coding (user ${(cpu.user / 1_000 / o.n).toFixed(2)}, system ${(cpu.system / 1_000 / o.n).toFixed(2)}); RSS after ${rssMiB} MiB.`,
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
      'The insert of one coding with `explain analyze` (20 inserts, rolled back), time in each trigger:',
      '',
      '| trigger | p50 ms | p95 ms |',
      '| --- | --- | --- |',
      ...[...triggers].map(([k, v]) => {
        const s = summarise(v);
        return `| ${k} | ${s.p50} | ${s.p95} |`;
      }),
      '',
    ];
  } finally {
    await cleanup();
  }
}

/** Each trigger's own time in `explain analyze` of a coding insert (rolled back). */
async function triggerTimes(
  db: Kysely<DB>,
  activityId: string,
  records: Array<{ id: string; version: number }>,
  codes: Array<{ id: string }>,
  coderId: string,
): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (let i = 0; i < 20; i++) {
    const r = records[(i * 37 + 11) % records.length]!;
    const c = codes[(i * 13 + 5) % codes.length]!;
    await db
      .transaction()
      .execute(async (trx) => {
        const plan = await sql<{ 'QUERY PLAN': unknown }>`explain (analyze, format json)
          insert into codings (activity_id, evidence_id, evidence_version, code_id, start_pos,
                               end_pos, span_text, coder_id, coder_label)
          values (${activityId}, ${r.id}, ${r.version}, ${c.id}, 0, 3, 'abc', ${coderId}, 'bench')
          on conflict do nothing`.execute(trx);
        const raw = plan.rows[0]!['QUERY PLAN'];
        const json = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{
          'Execution Time': number;
          Triggers?: Array<{ 'Trigger Name': string; Time: number }>;
        }>;
        const add = (k: string, v: number) => out.set(k, [...(out.get(k) ?? []), v]);
        add('(whole statement)', json[0]!['Execution Time']);
        for (const t of json[0]!.Triggers ?? []) add(t['Trigger Name'], t.Time);
        throw new Error('rollback');
      })
      .catch((e: Error) => {
        if (e.message !== 'rollback') throw e;
      });
  }
  return out;
}

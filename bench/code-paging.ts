// Why reading every page of a code grew faster than the data (issue 19: 6.9x for 4x). Seeds the
// Taguette-sized activity at 1x and 4x (or reuses folders kept with BENCH_PAGING_KEEP=/tmp/dir),
// then reads all pages of the heaviest code through the use case, timing each statement sent to
// the PGlite worker (wall and the process's CPU), and prints the plan of each statement of one
// keyset page with `explain (analyze, buffers)`.
//   npm run bench -- --only code-paging [--factors 1,4] [--n 5]
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../src/data/database.js';
import { migrateToLatest } from '../src/data/migrate.js';
import { PgliteWorkerClient } from '../src/data/pglite-worker-dialect.js';
import { refreshStatistics, EVIDENCE_BASE_TABLES } from '../src/data/repositories/statistics.js';
import { findUserById } from '../src/data/repositories/users.js';
import type { DB } from '../src/data/schema.js';
import { toActor } from '../src/domain/access/actor.js';
import { runCodingQuery } from '../src/usecases/analysis/run-coding-query.js';
import { summarise } from './stats.js';
import { evidenceScale, seedSyntheticEvidence } from './synthetic-evidence.js';

interface Seen {
  sql: string;
  params: unknown[];
  ms: number[];
}
/** Statements of the embedded engine by SQL text (the worker round trip included). */
let seen: Map<string, Seen> | null = null;
const query = PgliteWorkerClient.prototype.query;
PgliteWorkerClient.prototype.query = async function (this: PgliteWorkerClient, text, ...rest) {
  if (!seen) return query.call(this, text, ...rest);
  const t0 = performance.now();
  try {
    return await query.call(this, text, ...rest);
  } finally {
    const key = text.replace(/\s+/g, ' ').slice(0, 70);
    const s = seen.get(key) ?? { sql: text, params: [...rest[0]], ms: [] };
    s.ms.push(performance.now() - t0);
    seen.set(key, s);
  }
};

const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

async function open(factor: number) {
  const keep = process.env.BENCH_PAGING_KEEP;
  const dir = keep
    ? path.join(keep, `x${factor}`)
    : mkdtempSync(path.join(tmpdir(), `tri-bench-paging${factor}-`));
  const seeded = existsSync(path.join(dir, 'PG_VERSION'));
  if (keep) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const database = await openDatabase({ databaseUrl: undefined, dataDir: dir });
  const db = database.db;
  if (!seeded) {
    await migrateToLatest(db);
    await seedSyntheticEvidence(db, {
      ...evidenceScale,
      records: evidenceScale.records * factor,
      codings: evidenceScale.codings * factor,
      cases: evidenceScale.cases * factor,
    });
    await refreshStatistics(db, EVIDENCE_BASE_TABLES);
  }
  return {
    db,
    close: async () => {
      await database.close();
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function explain(db: Kysely<DB>, s: Seen): Promise<string[]> {
  const raw = sql.raw(`explain (analyze, buffers, costs off, timing off) ${s.sql}`);
  const compiled = { ...raw.compile(db), parameters: s.params };
  const r = await db.executeQuery<{ 'QUERY PLAN': string }>(compiled as never);
  return r.rows.map((x) => x['QUERY PLAN']);
}

export async function benchCodePaging(o: { factors: number[]; n: number }): Promise<string[]> {
  const out: string[] = [];
  for (const factor of o.factors) {
    const { db, close } = await open(factor);
    try {
      const a = await db
        .selectFrom('activities')
        .select('id')
        .where('la_id', 'like', 'synthetic-evidence%')
        .executeTakeFirstOrThrow();
      const member = await db
        .selectFrom('team_members')
        .select('user_id')
        .where('activity_id', '=', a.id)
        .where('team_role', '=', 'team_inspector')
        .executeTakeFirstOrThrow();
      const ctx = { db, actor: toActor((await findUserById(db, member.user_id))!) };
      const top = await sql<{ code_id: string; n: number }>`
        select code_id, count(*)::int as n from codings where activity_id = ${a.id}
        group by code_id order by n desc, code_id limit 1`.execute(db);
      const query = { activityId: a.id, expression: { code: top.rows[0]!.code_id } };
      const first = await runCodingQuery(ctx, { ...query, limit: 50 });
      const allPages = async () => {
        let r = first;
        let pages = 1;
        while (r.next) {
          r = await runCodingQuery(ctx, { ...query, limit: 50, after: r.next });
          pages++;
        }
        return pages;
      };
      await allPages();
      const wall: number[] = [];
      const cpu: number[] = [];
      let pages = 0;
      seen = new Map();
      for (let i = 0; i < o.n; i++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        pages = await allPages();
        wall.push(performance.now() - t0);
        cpu.push(cpuMs(process.cpuUsage(c0)));
      }
      const statements = seen;
      seen = null;
      const w = summarise(wall);
      const c = summarise(cpu);
      out.push(
        `### ${factor}x: ${first.totalPassages} passages of the heaviest code (${top.rows[0]!.n} codings), ${pages - 1} keyset pages after the first; load ${loadavg()[0]!.toFixed(1)}`,
        '',
        `All keyset pages: wall p50 ${w.p50} ms (p95 ${w.p95}), CPU p50 ${c.p50} ms; a page: wall ${(w.p50 / (pages - 1)).toFixed(1)} ms, CPU ${(c.p50 / (pages - 1)).toFixed(1)} ms.`,
        '',
        '| statement | per page | p50 ms | p95 ms |',
        '| --- | --- | --- | --- |',
        ...[...statements].map(([k, s]) => {
          const t = summarise(s.ms);
          return `| \`${k.replace(/\|/g, '/')}\` | ${(s.ms.length / o.n / (pages - 1)).toFixed(1)} | ${t.p50} | ${t.p95} |`;
        }),
        '',
      );
      // One keyset page from the middle, each statement explained.
      seen = new Map();
      let r = first;
      for (let p = 0; p < Math.floor(pages / 2) && r.next; p++)
        r = await runCodingQuery(ctx, { ...query, limit: 50, after: r.next });
      seen = new Map();
      if (r.next) await runCodingQuery(ctx, { ...query, limit: 50, after: r.next });
      const page = seen;
      seen = null;
      for (const [k, s] of page) {
        out.push(`\`${k}\``, '', '```', ...(await explain(db, s)), '```', '');
      }
    } finally {
      await close();
    }
  }
  return out;
}

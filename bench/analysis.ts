// Evidence analysis speed: text search, a three-code boolean coding query and a 20x10 matrix
// query on the synthetic activity (bench/synthetic-evidence.ts: 7 inspectors, 2 weeks, 6,000
// records, 30,000 codings, 250 codes, 400 cases) on PGlite and PostgreSQL, and national search
// over 1,000,000 records on PostgreSQL (bench/national-evidence.ts). Each use case (access
// check, parsing, SQL, shaping, highlighting) is timed with the raw SQL of the same query in the
// same engine beside it. No figures are asserted: they are printed for BENCHMARKS.md.
import { sql, type Kysely } from 'kysely';
import { migrateToLatest } from '../src/data/migrate.js';
import { codedRecords } from '../src/data/repositories/coding-query.js';
import {
  searchActivityEvidence,
  searchAllEvidence as searchAllEvidenceRows,
} from '../src/data/repositories/evidence-search.js';
import { findUserById } from '../src/data/repositories/users.js';
import type { DB } from '../src/data/schema.js';
import { parseTextQuery } from '../src/domain/analysis/text-query.js';
import { evidenceMethods } from '../src/domain/evidence/vocabulary.js';
import { toActor } from '../src/domain/access/actor.js';
import type { UseCaseContext } from '../src/usecases/context.js';
import { getBalanceViews } from '../src/usecases/analysis/get-balance-views.js';
import { runCodingQuery } from '../src/usecases/analysis/run-coding-query.js';
import { runMatrixQuery } from '../src/usecases/analysis/run-matrix-query.js';
import { searchAllEvidence } from '../src/usecases/analysis/search-all-evidence.js';
import { searchEvidence } from '../src/usecases/analysis/search-evidence.js';
import { nationalScale, seedNationalEvidence } from './national-evidence.js';
import type { Summary } from './stats.js';
import { evidenceScale, seedSyntheticEvidence } from './synthetic-evidence.js';
import { openBenchDatabase, sample } from './support.js';

interface Options {
  engine: 'pglite' | 'postgres';
  n: number;
  adminUrl?: string;
}

const row = (label: string, s: Summary) => `| ${label} | ${s.p50} | ${s.p95} | ${s.max} |`;
const verdict = (s: Summary, limit: number) =>
  `p95 ${s.p95} ms: ${s.p95 < limit ? 'under' : 'NOT under'} ${limit} ms`;

/** Search boxes as inspectors type them: words, phrases, NOT, OR, brackets, prefixes. */
const ACTIVITY_QUERIES = [
  'drift',
  '"management oversight"',
  'voice NOT missing',
  'plan AND (delay OR drift)',
  'supervis*',
  '"return home interviews"',
];
const NATIONAL_QUERIES = [
  'neglect',
  '"return home interviews"',
  'neglect AND asylum AND sibling',
  '"criminal exploitation" "short breaks"',
  'voice -missing',
  'asylum* memory drift',
];

/** The repository's query alone: no access check, no parsing, no highlighting. */
const rawSearch = (db: Kysely<DB>, activityId: string, q: string) =>
  searchActivityEvidence(db, {
    filter: { activityId },
    query: parseTextQuery(q)!,
    limit: 20,
    offset: 0,
  });

async function activityBench(o: Options): Promise<string[]> {
  const { database, cleanup } = await openBenchDatabase(o.engine, 'ea', o.adminUrl);
  try {
    const db = database.db;
    await migrateToLatest(db);
    const t0 = performance.now();
    const syn = await seedSyntheticEvidence(db, evidenceScale);
    const seeded = Math.round((performance.now() - t0) / 100) / 10;
    const lead = await findUserById(db, syn.inspectorIds[0]!);
    const ctx: UseCaseContext = { db, actor: toActor(lead!) };
    // The codes with the most codings: the three-code query and the matrix rows.
    const top = await sql<{ code_id: string; n: number }>`
      select code_id, count(*)::int as n from codings where activity_id = ${syn.activityId}
      group by code_id order by n desc, code_id limit 20`.execute(db);
    const codes = top.rows.map((r) => r.code_id);
    const [a, b, c] = codes as [string, string, string];
    const expression = { and: [{ or: [{ code: a }, { code: b }] }, { not: { code: c } }] };
    const methods = evidenceMethods.slice(0, 10);

    const search = await sample(o.n, (i) =>
      searchEvidence(ctx, {
        activityId: syn.activityId,
        query: ACTIVITY_QUERIES[Math.abs(i) % ACTIVITY_QUERIES.length]!,
      }),
    );
    const searchRaw = await sample(o.n, (i) =>
      rawSearch(db, syn.activityId, ACTIVITY_QUERIES[Math.abs(i) % ACTIVITY_QUERIES.length]!),
    );
    const coding = await sample(o.n, () =>
      runCodingQuery(ctx, { activityId: syn.activityId, expression, limit: 50 }),
    );
    const codingRaw = await sample(o.n, () =>
      codedRecords(db, { activityId: syn.activityId }, {}, [a, b, c]),
    );
    const matrix = await sample(o.n, () =>
      runMatrixQuery(ctx, {
        activityId: syn.activityId,
        rows: { kind: 'codes', codes, includeSubcodes: false },
        columns: { kind: 'method', values: methods },
      }),
    );
    const matrixRaw = await sample(o.n, () =>
      sql`select rc.r, e.method as col, count(*)::int as refs,
                 count(distinct k.evidence_id)::int as records
          from jsonb_to_recordset(${JSON.stringify(codes.map((code, r) => ({ r, code })))}::jsonb)
               as rc(r int, code uuid)
          join codings k on k.code_id = rc.code and k.activity_id = ${syn.activityId}
          join evidence_records e on e.id = k.evidence_id
          where e.activity_id = ${syn.activityId} and e.deleted_at is null
            and k.anchor_status <> 'lost' and e.method in (${sql.join(methods)})
          group by rc.r, e.method`.execute(db),
    );
    const balance = await sample(Math.min(o.n, 50), () =>
      getBalanceViews(ctx, { activityId: syn.activityId }),
    );
    const counts = await sql<{ records: number; codings: number; codes: number; cases: number }>`
      select (select count(*)::int from evidence_records where activity_id = ${syn.activityId}) as records,
             (select count(*)::int from codings where activity_id = ${syn.activityId}) as codings,
             (select count(*)::int from codes where activity_id = ${syn.activityId}) as codes,
             (select count(*)::int from cases where activity_id = ${syn.activityId}) as cases`.execute(
      db,
    );
    const k = counts.rows[0]!;
    return [
      `## Evidence analysis: ${o.engine} (one activity: ${k.records} records, ${k.codings} codings, ${k.codes} codes, ${k.cases} cases; seeded in ${seeded} s), n=${o.n}`,
      '',
      '| what | p50 ms | p95 ms | max ms |',
      '|---|---|---|---|',
      row(
        'text search (use case: parse, access check, ranked page of 20 with total, highlights and snippets; 6 queries in turn)',
        search,
      ),
      row('raw SQL: the repository query alone (ranked page with its total)', searchRaw),
      row(
        'coding query (A OR B) AND NOT C at passage level, page of 50 with context (3 busiest codes)',
        coding,
      ),
      row('raw SQL: the repository query for the coded spans of the three codes', codingRaw),
      row('matrix query 20 codes x 10 methods (counts of references and records)', matrix),
      row('raw SQL: the grouped count', matrixRaw),
      row('balance and bias views, every judgement area (n ≤ 50)', balance),
      '',
      `Aim: interactive actions under 100 ms p95. Search ${verdict(search, 100)}; coding query ${verdict(coding, 100)}; matrix ${verdict(matrix, 100)}.`,
      '',
    ];
  } finally {
    await cleanup();
  }
}

async function nationalBench(o: Options): Promise<string[]> {
  const { database, cleanup } = await openBenchDatabase(o.engine, 'national', o.adminUrl);
  try {
    const db = database.db;
    await migrateToLatest(db);
    const t0 = performance.now();
    const seeded = await seedNationalEvidence(db, nationalScale);
    const total = Math.round((performance.now() - t0) / 1000);
    const user = await db
      .insertInto('users')
      .values({
        email: 'national.bench@synthetic.example',
        display_name: 'National bench',
        password_hash: 'not-for-sign-in',
        role: 'national',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ctx: UseCaseContext = { db, actor: toActor((await findUserById(db, user.id))!) };
    const q = (i: number) => NATIONAL_QUERIES[Math.abs(i) % NATIONAL_QUERIES.length]!;
    const search = await sample(o.n, (i) => searchAllEvidence(ctx, { query: q(i) }));
    const raw = await sample(o.n, (i) =>
      searchAllEvidenceRows(db, {
        scope: { kind: 'all' },
        query: parseTextQuery(q(i))!,
        limit: 20,
        offset: 0,
      }),
    );
    const ordered: string[] = [];
    for (const query of NATIONAL_QUERIES) {
      const r = await searchAllEvidence(ctx, { query });
      ordered.push(
        `${query} (${r.capped ? 'over 5,000: newest first' : `${r.total}: by relevance`})`,
      );
    }
    const steps = Object.entries(seeded.seconds)
      .map(([k, v]) => `${k} ${v} s`)
      .join(', ');
    return [
      `## National evidence search: postgres (${seeded.records.toLocaleString('en-GB')} records in ${seeded.activities} activities across ${nationalScale.las} LAs; generated in ${total} s: ${steps}), n=${o.n}`,
      '',
      '| what | p50 ms | p95 ms | max ms |',
      '|---|---|---|---|',
      row(
        'national search (use case: national team, ranked page of 20, count capped at 5,000, highlights; 6 queries in turn)',
        search,
      ),
      row(
        'raw SQL: the repository query alone (ranked page with capped count; newest-first page when capped)',
        raw,
      ),
      '',
      `Queries: ${ordered.join('; ')}.`,
      '',
      `Aim: national search under 300 ms p95: ${verdict(search, 300)}.`,
      '',
    ];
  } finally {
    await cleanup();
  }
}

export async function benchAnalysis(o: {
  n: number;
  adminUrl?: string;
  national?: boolean;
}): Promise<string[]> {
  const out: string[] = [];
  for (const engine of ['pglite', 'postgres'] as const) {
    try {
      out.push(
        ...(await activityBench({
          engine,
          n: o.n,
          ...(o.adminUrl ? { adminUrl: o.adminUrl } : {}),
        })),
      );
    } catch (err) {
      out.push(`## Evidence analysis: ${engine}`, '', `Skipped: ${(err as Error).message}`, '');
    }
  }
  if (o.national !== false && process.env.BENCH_NATIONAL !== '0') {
    try {
      out.push(
        ...(await nationalBench({
          engine: 'postgres',
          n: o.n,
          ...(o.adminUrl ? { adminUrl: o.adminUrl } : {}),
        })),
      );
    } catch (err) {
      out.push(
        '## National evidence search: postgres',
        '',
        `Skipped: ${(err as Error).message}`,
        '',
      );
    }
  }
  return out;
}

// The coding workbench at the scale of a whole inspection (bench/synthetic-evidence.ts: 6,000
// records, 30,000 codings, 250 codes): p50/p95 of the server-rendered page for one record and of
// its record part (what the browser module fetches after each coding), through HTTP on the real
// app, with the raw SQL of the same reads beside them; and the evidence list and codebook API
// calls. Each engine runs in turn (PGlite, then PostgreSQL).
//   npm run bench -- --only workbench --n 200
import { sql } from 'kysely';
import { migrateToLatest } from '../src/data/migrate.js';
import { loadActivityTypeCatalog } from '../src/domain/frameworks/catalog.js';
import { time, type Summary } from './stats.js';
import { evidenceScale, seedSyntheticEvidence } from './synthetic-evidence.js';
import { openBenchDatabase, sample, signedInApp, type BenchDatabase } from './support.js';

interface Options {
  engine: 'pglite' | 'postgres';
  n: number;
  adminUrl?: string;
}

const row = (label: string, s: Summary) => `| ${label} | ${s.p50} | ${s.p95} | ${s.max} |`;

export async function benchWorkbench(o: Options): Promise<string[]> {
  let opened: BenchDatabase;
  try {
    opened = await openBenchDatabase(o.engine, 'wb', o.adminUrl);
  } catch (err) {
    return [`## Coding workbench (${o.engine})`, '', `Skipped: ${(err as Error).message}`, ''];
  }
  const { database, cleanup } = opened;
  const db = database.db;
  try {
    await migrateToLatest(db);
    const [seedMs, synthetic] = await time(() => seedSyntheticEvidence(db));
    await sql`analyze`.execute(db);
    const coder = await db
      .selectFrom('users')
      .select('email')
      .where('id', '=', synthetic.inspectorIds[2]!)
      .executeTakeFirstOrThrow();
    const { app, headers } = await signedInApp(database, loadActivityTypeCatalog(), {
      email: coder.email,
      password: 'synthetic-not-for-sign-in',
    });
    const get = async (url: string) => {
      const r = await app.inject({
        method: 'GET',
        url,
        headers,
      });
      if (r.statusCode !== 200) throw new Error(`${url} answered ${r.statusCode}`);
    };
    const a = synthetic.activityId;
    const ev = synthetic.evidenceIds;
    const pick = (i: number) => ev[(i * 37 + 500) % ev.length]!;
    const page = await sample(o.n, (i) => get(`/activities/${a}/workbench?evidence=${pick(i)}`));
    const filtered = await sample(o.n, (i) =>
      get(
        `/activities/${a}/workbench?evidence=${pick(i)}&area=help_and_protection&page=${1 + (Math.abs(i) % 5)}`,
      ),
    );
    const part = await sample(o.n, (i) =>
      get(`/activities/${a}/workbench?evidence=${pick(i)}&part=record`),
    );
    // The same reads as raw SQL, one after the other: list page, codes, the record, its
    // codings, its memos, recent codes.
    const raw = await sample(o.n, async (i) => {
      const id = pick(i);
      await sql`select p.*, (select count(*)::int from codings k where k.evidence_id = p.id) as n
        from (select e.id, e.ref_no, e.method, e.observed_on, left(e.text, 100) as excerpt,
          c.reference from evidence_records e left join cases c on c.id = e.child_case_id
          where e.activity_id = ${a} and e.deleted_at is null
          order by e.observed_on, e.ref_no limit 51) p order by p.observed_on, p.ref_no`.execute(
        db,
      );
      await sql`select id, parent_id, name, description, colour, is_codable, source, sort_order
        from codes where activity_id = ${a} and merged_into_id is null
        order by sort_order, name`.execute(db);
      await sql`select e.*, char_length(e.text) from evidence_records e
        left join cases cc on cc.id = e.child_case_id where e.id = ${id}`.execute(db);
      await sql`select k.*, c.name, c.colour from codings k join codes c on c.id = k.code_id
        where k.evidence_id = ${id} order by k.start_pos, k.end_pos`.execute(db);
      await sql`select * from memos where activity_id = ${a} and ((target_type = 'evidence'
        and target_id = ${id}) or (target_type = 'coding' and target_id in
        (select id from codings where evidence_id = ${id})))`.execute(db);
      await sql`select k.code_id, max(k.created_at) as last from codings k
        join codes c on c.id = k.code_id where k.activity_id = ${a}
        and k.coder_id = ${synthetic.inspectorIds[2]!} and c.merged_into_id is null
        group by k.code_id order by last desc limit 9`.execute(db);
    });
    const list = await sample(Math.min(o.n, 100), () => get(`/api/v1/activities/${a}/evidence`));
    const codebook = await sample(Math.min(o.n, 100), () => get(`/api/v1/activities/${a}/codes`));
    const rawCodebook = await sample(Math.min(o.n, 100), () =>
      sql`select c.*, coalesce(n.n, 0) from codes c left join (select code_id, count(*)::int as n
        from codings where activity_id = ${a} group by code_id) n on n.code_id = c.id
        where c.activity_id = ${a} and c.merged_into_id is null`.execute(db),
    );
    await app.close();
    const counts = await sql<{ e: number; k: number; c: number }>`
      select (select count(*) from evidence_records)::int as e, (select count(*) from codings)::int as k,
             (select count(*) from codes)::int as c`.execute(db);
    const c = counts.rows[0]!;
    return [
      `### Coding workbench: ${o.engine} (${c.e} records, ${c.k} codings, ${c.c} codes, ${evidenceScale.inspectors} inspectors; seeded in ${(seedMs / 1000).toFixed(1)} s), n=${o.n} sequential requests`,
      '',
      '| what | p50 ms | p95 ms | max ms |',
      '|---|---|---|---|',
      row(
        'GET the workbench page for one record (HTTP: session, access, list page, codebook tree, record, codings, memos, recent codes, render)',
        page,
      ),
      row('the same, list filtered by judgement area, pages 1-5', filtered),
      row('GET the record part only (what the browser fetches after each coding)', part),
      row('raw SQL: the page’s six reads one after another', raw),
      row('GET /api/v1/activities/:id/evidence (evidence list API, 50 per heading)', list),
      row('GET /api/v1/activities/:id/codes (codebook API, 250 codes with counts)', codebook),
      row('raw SQL: the codebook with counts in one query', rawCodebook),
      '',
    ];
  } finally {
    await cleanup();
  }
}

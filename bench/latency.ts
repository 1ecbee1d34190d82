// Page latency (p50/p95) for the LA register and an activity page, on PGlite and PostgreSQL,
// with the raw SQL time of each page's main query in the same engine beside it.
import { sql } from 'kysely';
import { migrateToLatest } from '../src/data/migrate.js';
import { loadActivityTypeCatalog } from '../src/domain/frameworks/catalog.js';
import { buildApp } from '../src/server/app.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { summarise } from './stats.js';
import { scales, seedSynthetic } from './synthetic.js';
import { openBenchDatabase, sampleTimes, type BenchDatabase } from './support.js';

interface Options {
  engine: 'pglite' | 'postgres';
  n: number;
  scale: 'realistic' | 'national';
  adminUrl?: string;
}

export async function benchLatency(o: Options): Promise<string[]> {
  process.env.TRIANGULATE_DEMO_PASSWORD = 'bench-password-1';
  let open: BenchDatabase;
  try {
    open = await openBenchDatabase(o.engine, 'lat', o.adminUrl);
  } catch (err) {
    return [`## Page latency (${o.engine})`, '', `Skipped: ${(err as Error).message}`, ''];
  }
  const { database, cleanup } = open;
  try {
    await migrateToLatest(database.db);
    const catalog = loadActivityTypeCatalog();
    const demo = await seedDemo(database.db, catalog);
    const synthetic = await seedSynthetic(database.db, scales[o.scale]);
    const app = await buildApp({
      config: { logLevel: 'silent', sessionSecret: undefined },
      database,
      catalog,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const login = await fetch(`${base}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@triangulate.example', password: 'bench-password-1' }),
    });
    const { token } = (await login.json()) as { token: string };
    const get = (p: string) => async (): Promise<void> => {
      const r = await fetch(`${base}${p}`, { headers: { authorization: `Bearer ${token}` } });
      if (r.status !== 200) throw new Error(`${p} answered ${r.status}`);
      await r.text();
    };
    const register = summarise(await sampleTimes(o.n, get('/las')));
    const activity = summarise(await sampleTimes(o.n, get(`/activities/${demo.activityId}`)));
    const rawRegister = summarise(
      await sampleTimes(o.n, () =>
        sql`select la.id, la.name, la.ofsted_region, h.start_date, h.grades
            from local_authorities la
            left join lateral (select start_date, grades from inspection_history ih
              where ih.la_id = la.id and ih.grades ? 'overall_effectiveness'
              order by start_date desc limit 1) h on true
            order by la.name`.execute(database.db),
      ),
    );
    const rawActivity = summarise(
      await sampleTimes(o.n, () =>
        sql`select a.*, la.name from activities a join local_authorities la on la.id = a.la_id where a.id = ${demo.activityId};
            `.execute(database.db),
      ),
    );
    await app.close();
    const counts = await sql<{
      activities: number;
      users: number;
    }>`select (select count(*) from activities) as activities, (select count(*) from users) as users`.execute(
      database.db,
    );
    const c = counts.rows[0];
    return [
      `## Page latency: ${o.engine} (${o.scale} scale: ${c?.activities} activities, ${c?.users} users, ${synthetic.activityIds.length} synthetic), n=${o.n} sequential requests`,
      '',
      '| what | p50 ms | p95 ms | max ms |',
      '|---|---|---|---|',
      `| GET /las (LA register page, HTTP, admin) | ${register.p50} | ${register.p95} | ${register.max} |`,
      `| raw SQL: register query (latest grade per LA) | ${rawRegister.p50} | ${rawRegister.p95} | ${rawRegister.max} |`,
      `| GET /activities/:id (activity page, HTTP, admin) | ${activity.p50} | ${activity.p95} | ${activity.max} |`,
      `| raw SQL: activity by id | ${rawActivity.p50} | ${rawActivity.p95} | ${rawActivity.max} |`,
      '',
    ];
  } finally {
    await cleanup();
  }
}

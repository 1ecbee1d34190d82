// Judgements and the report draft on the demo's standard inspection (4 judgements, provisional
// views, a feedback log): p50/p95/max of the pages an inspector waits for, through HTTP on the
// real app with a bearer token (the lead's): the overview, one judgement's edit form, saving a
// judgement (the API's PATCH), the provisional views, the moderation record, and assembling the
// report draft (the API's POST). Each engine runs in turn (PGlite, then PostgreSQL).
//   npm run bench -- --only judgements --n 100
import { sql } from 'kysely';
import { migrateToLatest } from '../src/data/migrate.js';
import { loadActivityTypeCatalog } from '../src/domain/frameworks/catalog.js';
import { DEMO_USERS } from '../src/demo/demo-content.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { time, type Summary } from './stats.js';
import { openBenchDatabase, sample, signedInApp, type BenchDatabase } from './support.js';

interface Options {
  engine: 'pglite' | 'postgres';
  n: number;
  adminUrl?: string;
}

const PASSWORD = 'bench-demo-password-123';

const row = (label: string, s: Summary) => `| ${label} | ${s.p50} | ${s.p95} | ${s.max} |`;

export async function benchJudgements(o: Options): Promise<string[]> {
  let opened: BenchDatabase;
  try {
    opened = await openBenchDatabase(o.engine, 'j', o.adminUrl);
  } catch (err) {
    return [`### Judgements (${o.engine})`, '', `Skipped: ${(err as Error).message}`, ''];
  }
  const { database, cleanup } = opened;
  const db = database.db;
  const previous = process.env.TRIANGULATE_DEMO_PASSWORD;
  try {
    await migrateToLatest(db);
    const catalog = loadActivityTypeCatalog();
    process.env.TRIANGULATE_DEMO_PASSWORD = PASSWORD;
    const [seedMs, demo] = await time(() => seedDemo(db, catalog));
    await sql`analyze`.execute(db);
    const { app, headers } = await signedInApp(database, catalog, {
      email: DEMO_USERS.find((u) => u.key === 'lead')?.email ?? '',
      password: PASSWORD,
    });
    const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
      const r = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      if (r.statusCode >= 300) throw new Error(`${method} ${url} answered ${r.statusCode}`);
      return r;
    };
    const a = `/activities/${demo.activityId}`;
    const keys = ['impact_of_leaders', 'help_and_protection', 'children_in_care', 'care_leavers'];

    const overview = await sample(o.n, () => call('GET', `${a}/judgements`));
    const edit = await sample(o.n, (i) =>
      call('GET', `${a}/judgements/${keys[Math.abs(i) % keys.length]}/edit`),
    );
    const views = await sample(o.n, () => call('GET', `${a}/judgements/provisional-views`));
    const moderation = await sample(o.n, () => call('GET', `${a}/moderation-record`));

    // Each save changes the narrative, so it writes the judgement, its change history and the
    // audit log; versions are tracked per judgement as the API returns them.
    const versions = new Map<string, number>();
    const listed = (await call('GET', `/api/v1${a}/judgements`)).json<{
      judgements: { key: string; record: { version: number } | null }[];
    }>();
    for (const j of listed.judgements) versions.set(j.key, j.record?.version ?? 0);
    const save = await sample(o.n, async (i) => {
      const key = keys[(i + 20) % keys.length] ?? 'care_leavers';
      const r = await call('PATCH', `/api/v1${a}/judgements/${key}`, {
        expectedVersion: versions.get(key) ?? 0,
        narrative: `Benchmark narrative ${i}: pathway plans are not always written with young people.`,
      });
      versions.set(key, r.json<{ judgement: { version: number } }>().judgement.version);
    });

    // A draft can be assembled once per activity and report versions are append-only, so
    // between samples (untimed) the draft is removed with the triggers off for that session.
    const removeDraft = () =>
      db.connection().execute(async (c) => {
        await sql`set session_replication_role = replica`.execute(c);
        await sql`delete from report_versions where report_id in
          (select id from reports where activity_id = ${demo.activityId})`.execute(c);
        await sql`delete from reports where activity_id = ${demo.activityId}`.execute(c);
        await sql`set session_replication_role = origin`.execute(c);
      });
    const assemble = await sample(Math.min(o.n, 50), () => call('POST', `/api/v1${a}/report`, {}), {
      after: removeDraft,
    });
    await app.close();
    return [
      `### Judgements: ${o.engine} (the demo's standard inspection, 4 judgements; seeded in ${(seedMs / 1000).toFixed(1)} s), n=${o.n} sequential requests`,
      '',
      '| what | p50 ms | p95 ms | max ms |',
      '|---|---|---|---|',
      row('GET the judgements overview page (grades, aggregation check, stage moves)', overview),
      row('GET a judgement’s edit form (4 judgements in turn; criteria, evidence to cite)', edit),
      row(
        'PATCH /api/v1/activities/:id/judgements/:key (save a changed narrative: judgement, history, audit)',
        save,
      ),
      row('GET the provisional views page', views),
      row('GET the moderation record', moderation),
      row(
        `POST /api/v1/activities/:id/report (assemble the draft from the judgements, sample, vignettes; n=${assemble.n})`,
        assemble,
      ),
      '',
    ];
  } finally {
    if (previous === undefined) delete process.env.TRIANGULATE_DEMO_PASSWORD;
    else process.env.TRIANGULATE_DEMO_PASSWORD = previous;
    await cleanup();
  }
}

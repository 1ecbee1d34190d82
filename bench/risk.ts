// The risk picture's views with ten years of intelligence for every current LA (about 50,000
// entries, about 330 per LA) and one to three assessment versions each: p50/p95/max of the
// regional view, the national view (HTML and JSON), the national CSV export and one LA's
// intelligence log, through HTTP on the real app as the national user. Each engine in turn.
//   npm run bench -- --only risk --n 100
import { loadavg } from 'node:os';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/data/migrate.js';
import { insertIntelligenceEntries } from '../src/data/repositories/intelligence.js';
import { listLocalAuthorities } from '../src/data/repositories/local-authorities.js';
import { insertRiskAssessment } from '../src/data/repositories/risk-assessments.js';
import { loadActivityTypeCatalog } from '../src/domain/frameworks/catalog.js';
import { intelligenceKinds } from '../src/domain/risk/intelligence.js';
import { riskModel } from '../src/domain/risk/installed.js';
import { combineRatings } from '../src/domain/risk/combine.js';
import { addDays, todayInEngland } from '../src/clock.js';
import { DEMO_USERS } from '../src/demo/demo-content.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { time, type Summary } from './stats.js';
import { openBenchDatabase, sample, signedInApp, type BenchDatabase } from './support.js';

interface Options {
  engine: 'pglite' | 'postgres';
  n: number;
  adminUrl?: string;
  entries?: number;
}

const PASSWORD = 'bench-demo-password-123';
const row = (label: string, s: Summary) => `| ${label} | ${s.p50} | ${s.p95} | ${s.max} |`;

/** A deterministic pseudo-random sequence (no Math.random: runs compare). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function seedIntelligence(db: BenchDatabase['database']['db'], total: number) {
  const las = (await listLocalAuthorities(db)).filter((l) => l.validTo === null);
  const model = riskModel({ onDate: todayInEngland() });
  const rand = lcg(13);
  const today = todayInEngland();
  const perLa = Math.ceil(total / las.length);
  for (const la of las) {
    const batch = Array.from({ length: perLa }, (_, i) => {
      const kind = intelligenceKinds[Math.floor(rand() * intelligenceKinds.length)]!;
      return {
        laId: la.id,
        kind,
        title: `Bench entry ${i}`,
        summary: 'Synthetic intelligence for the benchmark.',
        source: 'Benchmark',
        receivedOn: addDays(today, -Math.floor(rand() * 3650)),
        recordedBy: null,
        recordedByLabel: 'bench',
        sensitivity:
          kind === 'whistleblowing' || kind === 'complaint'
            ? ('confidential' as const)
            : ('standard' as const),
        sharedWithLa: false,
        domainKeys: [model.domains[Math.floor(rand() * model.domains.length)]!.key],
      };
    });
    await insertIntelligenceEntries(db, batch);
    const versions = 1 + Math.floor(rand() * 3);
    for (let v = 0; v < versions; v++) {
      const ratings = model.domains.map((d) => ({
        domain: d.key,
        rating: model.ratings[Math.floor(rand() * rand() * model.ratings.length)]!.key,
        justification: 'Bench',
        evidence: [],
      }));
      const level = combineRatings(
        model,
        Object.fromEntries(ratings.map((r) => [r.domain, r.rating])),
      );
      await insertRiskAssessment(db, {
        laId: la.id,
        modelId: model.id,
        assessedOn: addDays(today, -400 * (versions - v)),
        author: { userId: null, label: 'bench' },
        ratings,
        computedLevel: level,
        overallLevel: level,
        overrideReason: null,
        changeReason: 'Bench',
        nextReviewOn: addDays(today, -400 * (versions - v) + 180),
      });
    }
  }
  return las.length * perLa;
}

export async function benchRisk(o: Options): Promise<string[]> {
  let opened: BenchDatabase;
  try {
    opened = await openBenchDatabase(o.engine, 'risk', o.adminUrl);
  } catch (err) {
    return [`### Risk views (${o.engine})`, '', `Skipped: ${(err as Error).message}`, ''];
  }
  const { database, cleanup } = opened;
  const db = database.db;
  const previous = process.env.TRIANGULATE_DEMO_PASSWORD;
  try {
    await migrateToLatest(db);
    const catalog = loadActivityTypeCatalog();
    process.env.TRIANGULATE_DEMO_PASSWORD = PASSWORD;
    const [seedMs] = await time(() => seedDemo(db, catalog));
    const [bulkMs, count] = await time(() => seedIntelligence(db, o.entries ?? 50_000));
    await sql`analyze`.execute(db);
    const { app, headers } = await signedInApp(database, catalog, {
      email: DEMO_USERS.find((u) => u.key === 'national')?.email ?? '',
      password: PASSWORD,
    });
    const get = async (url: string) => {
      const r = await app.inject({ method: 'GET', url, headers });
      if (r.statusCode >= 300) throw new Error(`GET ${url} answered ${r.statusCode}`);
      return r;
    };
    // The machine is shared: say how busy it was while the samples ran, and what the process held.
    const loadBefore = loadavg()[0]!;
    const regional = await sample(o.n, () => get('/risk/regional?region=North+West'));
    const national = await sample(o.n, () => get('/risk/national'));
    const nationalApi = await sample(o.n, () => get('/api/v1/risk/national'));
    const filtered = await sample(o.n, () => get('/risk/national?level=high&grade=good'));
    const csv = await sample(Math.min(o.n, 50), () => get('/risk/national/export?format=csv'));
    const log = await sample(o.n, () => get('/las/demo-northfield/intelligence'));
    const logKind = await sample(o.n, () =>
      get('/las/demo-northfield/intelligence?kind=serious_incident&kind=complaint'),
    );
    const loadAfter = loadavg()[0]!;
    const rssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
    await app.close();
    return [
      `### Risk views (${o.engine})`,
      '',
      `${count} intelligence entries for 153 LAs over ten years, plus the demo region's (seeded in ${Math.round(bulkMs)} ms; the demo in ${Math.round(seedMs)} ms). Times in ms, n = ${o.n} (the CSV 50). Load average (1 min) ${loadBefore.toFixed(1)} before the samples, ${loadAfter.toFixed(1)} after; RSS ${rssMb} MiB after them.`,
      '',
      '| request | p50 | p95 | max |',
      '| --- | --- | --- | --- |',
      row('regional view (North West, HTML)', regional),
      row('national view (153 LAs, HTML)', national),
      row('national view (JSON API)', nationalApi),
      row('national view filtered by level and grade', filtered),
      row('national CSV export', csv),
      row('one LA’s intelligence log, first page', log),
      row('one LA’s log filtered by kind', logKind),
      '',
    ];
  } finally {
    if (previous === undefined) delete process.env.TRIANGULATE_DEMO_PASSWORD;
    else process.env.TRIANGULATE_DEMO_PASSWORD = previous;
    await cleanup();
  }
}

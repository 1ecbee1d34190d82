// Seeding the demo costs 15-25 s, and about forty integration files open it on each engine. The
// first file that needs it seeds it once and keeps a copy (PGlite: a tarball in
// node_modules/.cache; PostgreSQL: a template database); every file then starts from its own copy
// of that, as it would have after seeding. The copy is keyed by everything the seed reads (the
// code, the frameworks and reference tables, the lock file) and by the clock it was seeded at, so
// a change to any of them seeds again. Files are still independent: each has its own database.
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { nowMs, setClock } from '../../src/clock.js';
import { openDatabase } from '../../src/data/database.js';
import { migrateToLatest } from '../../src/data/migrate.js';
import { seedDemo, type DemoSeedResult } from '../../src/demo/seed-demo.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { projectRoot } from '../../src/paths.js';
import { testEngine, type TestDatabase } from './database.js';
import { readTemplate } from './pglite-template.js';

interface SeedRecord {
  demo: DemoSeedResult;
  /** The application clock when the seed finished: a copy resumes the clock from there. */
  seededUntilMs: number;
}

function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) hashTree(hash, file);
    else if (!name.endsWith('.test.ts')) hash.update(name).update(readFileSync(file));
  }
}

const cachedKeys = new Map<string, string>();
/** What the seed depends on, and the instant and zone the tests' clock starts from. */
export function demoTemplateKey(password: string): string {
  const cached = cachedKeys.get(password);
  if (cached) return cached;
  const root = projectRoot();
  const hash = createHash('sha256');
  for (const dir of ['src', 'frameworks', 'reference']) hashTree(hash, path.join(root, dir));
  hash.update(readFileSync(path.join(root, 'package-lock.json')));
  hash.update(`${process.env.TRIANGULATE_NOW ?? ''}|${process.env.TZ ?? ''}|${password}`);
  const key = hash.digest('hex').slice(0, 16);
  cachedKeys.set(password, key);
  return key;
}

async function seed(database: Awaited<ReturnType<typeof openDatabase>>): Promise<SeedRecord> {
  const demo = await seedDemo(database.db, loadActivityTypeCatalog());
  return { demo, seededUntilMs: nowMs() };
}

/** The test clock resumes where the seed left it, as if this file had seeded the demo itself. */
function resumeClock(record: SeedRecord): void {
  if (nowMs() < record.seededUntilMs) setClock(new Date(record.seededUntilMs + 1));
}

// PGlite: a tarball of the seeded database and its result, built by one process at a time.
async function pgliteDemo(
  password: string,
): Promise<{ database: TestDatabase; record: SeedRecord }> {
  const dir = path.join(projectRoot(), 'node_modules', '.cache', 'triangulate-test');
  const base = path.join(dir, `demo-${demoTemplateKey(password)}`);
  const lock = `${base}.lock`;
  mkdirSync(dir, { recursive: true });
  for (;;) {
    if (existsSync(`${base}.json`)) break;
    try {
      mkdirSync(lock); // atomic: one process seeds, the others wait for its files
    } catch {
      // A lock older than five minutes belongs to a process that died.
      if ((statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) < realMs() - 300_000)
        rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      removeStale(dir, path.basename(base));
      const template = readTemplate();
      const database = await openDatabase(
        { databaseUrl: undefined, dataDir: '' },
        { inMemory: true, ...(template ? { restoreFrom: template } : {}) },
      );
      try {
        await migrateToLatest(database.db);
        const record = await seed(database);
        writeFileSync(`${base}.tar.gz.tmp`, await database.dumpEmbedded!());
        renameSync(`${base}.tar.gz.tmp`, `${base}.tar.gz`);
        writeFileSync(`${base}.json.tmp`, JSON.stringify(record));
        renameSync(`${base}.json.tmp`, `${base}.json`);
      } finally {
        await database.close();
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  const record = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as SeedRecord;
  const database = await openDatabase(
    { databaseUrl: undefined, dataDir: '' },
    { inMemory: true, restoreFrom: new Uint8Array(readFileSync(`${base}.tar.gz`)) },
  );
  return { database: { ...database, destroy: () => database.close() }, record };
}

// The machine's clock, only to age files and locks (not application time).
const realMs = (): number => performance.timeOrigin + performance.now();

/** Copies seeded by older code are removed after a day. */
function removeStale(dir: string, keep: string): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith('demo-') || name.startsWith(keep)) continue;
    const file = path.join(dir, name);
    const age = realMs() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? realMs());
    if (age > 86_400_000) rmSync(file, { recursive: true, force: true });
  }
}

async function adminClient(adminUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  return client;
}

function withDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// PostgreSQL: a template database, made once under an advisory lock, copied per file.
async function postgresDemo(
  password: string,
): Promise<{ database: TestDatabase; record: SeedRecord }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is required for the postgres test engine');
  const template = `triangulate_demo_${demoTemplateKey(password)}`;
  const admin = await adminClient(adminUrl);
  let record: SeedRecord;
  try {
    // One lock for every run on the server: the bookkeeping table is created under it too.
    await admin.query("select pg_advisory_lock(hashtext('triangulate_demo_templates'))");
    try {
      await admin.query(`create table if not exists triangulate_demo_templates
        (name text primary key, record jsonb not null, made_at timestamptz not null)`);
      // Templates seeded by older code go after a day (the machine's clock: files, not app time).
      const stale = await admin.query<{ name: string }>(
        `select name from triangulate_demo_templates
          where name <> $1 and made_at < clock_timestamp() - interval '1 day'`,
        [template],
      );
      for (const { name } of stale.rows) {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.query('delete from triangulate_demo_templates where name = $1', [name]);
      }
      const found = await admin.query<{ record: SeedRecord }>(
        'select record from triangulate_demo_templates where name = $1',
        [template],
      );
      const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (found.rows[0] && exists.rowCount) record = found.rows[0].record;
      else {
        await admin.query(`drop database if exists ${template} with (force)`);
        await admin.query(`create database ${template}`);
        const database = await openDatabase({
          databaseUrl: withDatabase(adminUrl, template),
          dataDir: '',
        });
        try {
          await migrateToLatest(database.db);
          record = await seed(database);
        } finally {
          await database.close();
        }
        await admin.query(
          `insert into triangulate_demo_templates (name, record, made_at)
           values ($1, $2, clock_timestamp())
           on conflict (name) do update set record = excluded.record, made_at = excluded.made_at`,
          [template, JSON.stringify(record)],
        );
      }
    } finally {
      await admin.query("select pg_advisory_unlock(hashtext('triangulate_demo_templates'))");
    }
    const name = `triangulate_test_${randomBytes(6).toString('hex')}`;
    await admin.query(`create database ${name} template ${template}`);
    const database = await openDatabase({ databaseUrl: withDatabase(adminUrl, name), dataDir: '' });
    return {
      record,
      database: {
        ...database,
        destroy: async () => {
          await database.close();
          const c = await adminClient(adminUrl);
          try {
            await c.query(`drop database if exists ${name} with (force)`);
          } finally {
            await c.end();
          }
        },
      },
    };
  } finally {
    await admin.end();
  }
}

/** A new database holding the seeded demo (each demo account has `password`). */
export async function createDemoTestDatabase(
  password: string,
): Promise<{ database: TestDatabase; demo: DemoSeedResult }> {
  const previous = process.env.TRIANGULATE_DEMO_PASSWORD;
  process.env.TRIANGULATE_DEMO_PASSWORD = password;
  try {
    const { database, record } =
      testEngine() === 'postgres' ? await postgresDemo(password) : await pgliteDemo(password);
    resumeClock(record);
    return { database, demo: record.demo };
  } finally {
    if (previous === undefined) delete process.env.TRIANGULATE_DEMO_PASSWORD;
    else process.env.TRIANGULATE_DEMO_PASSWORD = previous;
  }
}

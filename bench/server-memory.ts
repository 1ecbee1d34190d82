// The server's memory with the benchmark corpus loaded (issue 19: under 400 MiB RSS on PGlite).
// A data folder is filled with the Taguette-sized corpus (6,000 records, 250 codes, 30,000
// codings; bench/synthetic-evidence.ts), then `triangulate serve` is started on it as its own
// process and its resident memory (VmRSS, and the peak VmHWM, from /proc) is read at start,
// throughout a round of work over HTTP (coding queries page by page, exports of every passage,
// the codings list, opening records, coding spans) and after it.
//   npm run bench -- --only server-memory [--factors 1]
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/data/database.js';
import { migrateToLatest } from '../src/data/migrate.js';
import { refreshStatistics, EVIDENCE_BASE_TABLES } from '../src/data/repositories/statistics.js';
import { systemActor } from '../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../src/domain/frameworks/catalog.js';
import { projectRoot } from '../src/paths.js';
import { addTeamMember } from '../src/usecases/activities/add-team-member.js';
import { createUser } from '../src/usecases/users/create-user.js';
import type { ProbeMemory } from './serve-probe.js';
import { evidenceScale, seedSyntheticEvidence } from './synthetic-evidence.js';

const PASSWORD = 'bench password 1234';
const EMAIL = 'memory-bench@example.org';

/** Resident and peak resident memory of a process, in MiB (Linux /proc). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

async function fill(dataDir: string, factor: number): Promise<string> {
  const database = await openDatabase({ databaseUrl: undefined, dataDir });
  try {
    const db = database.db;
    await migrateToLatest(db);
    const scale = {
      ...evidenceScale,
      records: evidenceScale.records * factor,
      codings: evidenceScale.codings * factor,
      cases: evidenceScale.cases * factor,
    };
    const { activityId } = await seedSyntheticEvidence(db, scale);
    await refreshStatistics(db, EVIDENCE_BASE_TABLES);
    const ctx = { db, actor: systemActor('bench'), catalog: loadActivityTypeCatalog() };
    const user = await createUser(ctx, {
      email: EMAIL,
      displayName: 'Memory bench',
      role: 'inspector',
      region: null,
      laId: null,
      password: PASSWORD,
    });
    await addTeamMember(ctx, { activityId, userId: user.id, teamRole: 'team_inspector' });
    return activityId;
  } finally {
    await database.close();
  }
}

/**
 * The server as `triangulate serve` starts it (bench/serve-probe.ts: the same startServer), in its
 * own process, answering "memory" with where its memory is. Extra Node options (experiments with
 * heap limits) come from BENCH_NODE_ARGS.
 */
/**
 * Fills the folder, or copies a folder filled by an earlier run when BENCH_MEMORY_TEMPLATE names
 * one (it is made on the first run): repeated runs then skip the seeding.
 */
async function filled(dir: string, factor: number): Promise<string> {
  const template = process.env.BENCH_MEMORY_TEMPLATE
    ? `${process.env.BENCH_MEMORY_TEMPLATE}-${factor}x`
    : null;
  if (template && existsSync(path.join(template, 'activity-id'))) {
    cpSync(template, dir, { recursive: true });
    return readFileSync(path.join(template, 'activity-id'), 'utf8');
  }
  const activityId = await fill(dir, factor);
  if (template) {
    cpSync(dir, template, { recursive: true });
    writeFileSync(path.join(template, 'activity-id'), activityId, { mode: 0o600 });
  }
  return activityId;
}

function serve(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(
      process.execPath,
      [...nodeArgs, path.join(projectRoot(), 'dist/bench/serve-probe.js')],
      {
        env: {
          ...process.env,
          TRIANGULATE_DATA_DIR: dataDir,
          PORT: '0',
          HOST: '127.0.0.1',
          TRIANGULATE_LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
      },
    );
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /is ready at (\S+)/.exec(buf);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before ready`)));
  });
}

/** Where the server's memory is, in MiB (see bench/serve-probe.ts). */
function probe(child: ChildProcess): Promise<ProbeMemory> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as ProbeMemory));
    child.send('memory');
  });
}

const breakdown = (m: ProbeMemory): string =>
  `${m.rss} (main heap ${m.mainHeapTotal}, buffers ${m.arrayBuffers}, database WebAssembly ${m.wasm}, database heap ${m.dbHeapTotal})`;

export async function benchServerMemory(o: { factors?: number[] }): Promise<string[]> {
  const out = [
    '## Server memory with the corpus loaded (PGlite, `triangulate serve` in its own process)',
    '',
    '| corpus | at start (MiB) | peak during the work (MiB) | after the work (MiB) | after 10 s idle (MiB) | work took (s) | load average |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  const breakdowns: string[] = [];
  for (const factor of o.factors ?? [1]) {
    const dir = mkdtempSync(path.join(tmpdir(), 'tri-bench-mem-'));
    let child: ChildProcess | null = null;
    try {
      const activityId = await filled(dir, factor);
      const server = await serve(dir);
      child = server.child;
      const pid = child.pid!;
      await new Promise((r) => setTimeout(r, 2000));
      const start = memoryOf(pid);
      const parts = [`start ${breakdown(await probe(child))}`];
      const t0 = performance.now();
      const work = await workload(server.url, activityId, async (what) => {
        parts.push(`${what} ${breakdown(await probe(child!))}`);
      });
      const seconds = ((performance.now() - t0) / 1000).toFixed(1);
      const after = memoryOf(pid);
      await new Promise((r) => setTimeout(r, 10_000));
      const idle = memoryOf(pid);
      parts.push(`after 10 s idle ${breakdown(await probe(child))}`);
      process.stderr.write(`${factor}x memory: ${JSON.stringify({ start, after, idle, work })}\n`);
      process.stderr.write(`${factor}x where (MiB): ${parts.join('; ')}\n`);
      out.push(
        `| ${factor}x (${6_000 * factor} records, ${30_000 * factor} codings; ${work}) | ${start.rss} | ${after.peak} | ${after.rss} | ${idle.rss} | ${seconds} | ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' / ')} |`,
      );
      breakdowns.push(`- ${factor}x, MiB: ${parts.join('; ')}`);
    } finally {
      if (child) {
        const exited = new Promise((r) => child!.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }
  out.push('', 'Where the memory was (resident set, then its parts):', '', ...breakdowns, '');
  return out;
}

/** A round of an inspector's work over HTTP; returns what it did, in words. */
async function workload(
  base: string,
  activityId: string,
  mark: (what: string) => Promise<void>,
): Promise<string> {
  const login = await fetch(`${base}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in answered ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const api = `${base}/api/v1/activities/${activityId}`;
  const get = async (url: string) => {
    const r = await fetch(url, { headers });
    if (!r.ok) throw new Error(`${url} answered ${r.status}`);
    return r;
  };
  const codes = (await (await get(`${api}/codes`)).json()) as {
    codes: Array<{ id: string; codable?: boolean; isCodable?: boolean; codingCount?: number }>;
  };
  const codable = codes.codes.filter((c) => c.isCodable ?? c.codable ?? true);
  let pages = 0;
  for (const code of codable.slice(0, 10)) {
    let after: string | null = null;
    do {
      const r: Response = await fetch(`${api}/analysis/coding-query`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          expression: { code: code.id },
          limit: 50,
          ...(after ? { after } : {}),
        }),
      });
      if (!r.ok) throw new Error(`coding query answered ${r.status}: ${await r.text()}`);
      after = ((await r.json()) as { next: string | null }).next;
      pages++;
    } while (after);
  }
  await mark('coding queries');
  for (const format of ['csv', 'xlsx', 'csv']) {
    await (await get(`${api}/analysis/passages/export?format=${format}`)).arrayBuffer();
    await mark(`export ${format}`);
  }
  let codingPages = 0;
  let after: string | null = null;
  const ids = new Set<string>();
  do {
    const r = await get(`${api}/codings?limit=5000${after ? `&after=${after}` : ''}`);
    const page = (await r.json()) as {
      next: string | null;
      codings: Array<{ evidenceId: string }>;
    };
    for (const c of page.codings) if (ids.size < 100) ids.add(c.evidenceId);
    after = page.next;
    codingPages++;
  } while (after);
  await mark('codings pages');
  await (await get(`${api}/evidence?limitPerGroup=50`)).arrayBuffer();
  await mark('evidence list');
  for (const id of ids) await (await get(`${api}/evidence/${id}`)).arrayBuffer();
  await mark('records');
  return `${pages} coding-query pages, 3 exports of every passage, ${codingPages} codings pages, the evidence list, ${ids.size} records opened`;
}

// Where the time of a whole-project REFI-QDA round trip goes (issue 19: the 6,000-record QDPX
// import under 30 s on PGlite, 4x the data in about 4x the time; the whole-project export under
// 3 s). Seeds the Taguette-sized activity at each factor, exports it as .qdpx, imports the file
// into a fresh database and exports the imported activity again, with wall and CPU time (all
// threads: the PGlite worker and the file reader included) and, on PGlite, the time of the
// statements sent to the database grouped by kind.
//   npm run bench -- --only refi-profile [--factors 1,4] [--engine pglite|postgres]
import { loadavg } from 'node:os';
import { migrateToLatest } from '../src/data/migrate.js';
import { PgliteWorkerClient } from '../src/data/pglite-worker-dialect.js';
import { systemActor } from '../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../src/domain/frameworks/catalog.js';
import type { UseCaseContext } from '../src/usecases/context.js';
import { exportProject } from '../src/usecases/refi/export-project.js';
import { importRefi } from '../src/usecases/refi/import-refi.js';
import { evidenceScale, seedSyntheticEvidence } from './synthetic-evidence.js';
import { measure, openBenchDatabase, type Engine, type Measured } from './support.js';

/** Statement time by kind (the first words of the SQL), while recording. */
const statements = new Map<string, { n: number; ms: number; cpu: number }>();
let recording = false;
const query = PgliteWorkerClient.prototype.query;
PgliteWorkerClient.prototype.query = async function (this: PgliteWorkerClient, text, ...rest) {
  if (!recording) return query.call(this, text, ...rest);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  try {
    return await query.call(this, text, ...rest);
  } finally {
    const key = kindOf(text);
    const s = statements.get(key) ?? { n: 0, ms: 0, cpu: 0 };
    const c = process.cpuUsage(c0);
    s.n++;
    s.ms += performance.now() - t0;
    // The process's CPU while the statement ran: mostly the database thread's (the main thread
    // waits), so a fair measure of the statement's cost on a loaded machine.
    s.cpu += (c.user + c.system) / 1000;
    statements.set(key, s);
  }
};

function kindOf(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim().toLowerCase();
  const m =
    /^(insert into|update|delete from) "?(\w+)"?/.exec(t) ??
    /^select .*? from "?(\w+)"?/.exec(t) ??
    /^(\w+)/.exec(t);
  return m ? m.slice(1).join(' ') : t.slice(0, 40);
}

const load = () => loadavg()[0]!.toFixed(1);
const s = (m: Measured<unknown>) =>
  `${(m.ms / 1000).toFixed(1)} s wall, ${(m.cpuMs / 1000).toFixed(1)} s CPU, peak RSS ${Math.round(m.peakRssMb)} MiB`;

async function recorded<T>(fn: () => Promise<T>): Promise<[Measured<T>, string[]]> {
  statements.clear();
  recording = true;
  try {
    const m = await measure(fn);
    const lines = [...statements]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 12)
      .map(([k, v]) => `| \`${k}\` | ${v.n} | ${Math.round(v.ms)} | ${Math.round(v.cpu)} |`);
    return [
      m,
      lines.length > 0
        ? ['| statement | n | wall ms | CPU ms |', '| --- | --- | --- | --- |', ...lines]
        : [],
    ];
  } finally {
    recording = false;
  }
}

export async function benchRefiProfile(o: {
  engine: Engine;
  factors: number[];
  adminUrl?: string;
}): Promise<string[]> {
  const out: string[] = [`## REFI-QDA round trip, ${o.engine}`, ''];
  const catalog = loadActivityTypeCatalog();
  for (const factor of o.factors) {
    const scale = {
      ...evidenceScale,
      records: evidenceScale.records * factor,
      codings: evidenceScale.codings * factor,
      cases: evidenceScale.cases * factor,
    };
    const src = await openBenchDatabase(o.engine, `rps${factor}`, o.adminUrl);
    let bytes: Uint8Array;
    const lines: string[] = [
      `### ${factor}x (${scale.records} records, ${scale.codings} codings)`,
      '',
    ];
    const say = (l: string) => {
      lines.push(l);
      process.stderr.write(`${factor}x | ${l}\n`);
    };
    try {
      const sys: UseCaseContext = { db: src.database.db, actor: systemActor('bench'), catalog };
      await migrateToLatest(sys.db);
      const seeded = await measure(() => seedSyntheticEvidence(sys.db, scale));
      say(`- seeded: ${s(seeded)} (load ${load()})`);
      const [exp, expLines] = await recorded(() =>
        exportProject(sys, { activityId: seeded.value.activityId }),
      );
      bytes = exp.value.bytes;
      say(
        `- export of the seeded activity (${(bytes.length / 1048576).toFixed(1)} MB): ${s(exp)} (load ${load()})`,
      );
      lines.push('', ...expLines, '');
    } finally {
      await src.cleanup();
    }
    const dst = await openBenchDatabase(o.engine, `rpd${factor}`, o.adminUrl);
    try {
      const sys: UseCaseContext = { db: dst.database.db, actor: systemActor('bench'), catalog };
      await migrateToLatest(sys.db);
      await sys.db
        .insertInto('local_authorities')
        .values({ id: 'rp-la', name: 'Profile council', gss_code: 'E06999997' })
        .execute();
      let phases = '';
      let phase = '';
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const [imp, impLines] = await recorded(() =>
        importRefi(
          sys,
          {
            fileName: 'corpus.qdpx',
            bytes,
            newActivity: { laId: 'rp-la', plannedStart: '2025-07-07' },
          },
          (p) => {
            if (p.phase === phase) return;
            phase = p.phase;
            const c = process.cpuUsage(c0);
            phases += ` ${p.phase} from ${((performance.now() - t0) / 1000).toFixed(1)} s (CPU ${((c.user + c.system) / 1e6).toFixed(1)} s);`;
          },
        ),
      );
      say(
        `- import (${imp.value.counts.evidence} records, ${imp.value.counts.codings} codings): ${s(imp)} (load ${load()})`,
      );
      say(`- phases:${phases}`);
      lines.push('', ...impLines, '');
      const [exp2, exp2Lines] = await recorded(() =>
        exportProject(sys, { activityId: imp.value.activityId }),
      );
      say(`- export of the imported activity: ${s(exp2)} (load ${load()})`);
      lines.push('', ...exp2Lines, '');
    } finally {
      await dst.cleanup();
    }
    out.push(...lines, '');
  }
  return out;
}

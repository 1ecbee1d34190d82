// Export of every passage (issue 19): where the time goes, on the 6,000-record / 30,000-coding
// activity. Times the whole export (CSV and XLSX, through the use case, the file collected) with
// its wall and CPU time (CPU counts every thread of the process, the PGlite worker's included),
// and its stages alone: reading every record's codings, reading the texts in batches, and writing
// the rows. The load average is printed beside the figures: on a busy machine wall time is mostly
// waiting, CPU time is what the export costs.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { allCodedRecords, recordsWithText } from '../src/data/repositories/coding-query.js';
import { findUserById } from '../src/data/repositories/users.js';
import { refreshStatistics, EVIDENCE_BASE_TABLES } from '../src/data/repositories/statistics.js';
import { migrateToLatest } from '../src/data/migrate.js';
import { toActor } from '../src/domain/access/actor.js';
import { exportAllPassages } from '../src/usecases/analysis/export-all-passages.js';
import { collectFile } from '../src/usecases/analysis/export-file.js';
import { exportProject } from '../src/usecases/refi/export-project.js';
import { summarise } from './stats.js';
import { seedSyntheticEvidence } from './synthetic-evidence.js';
import { openBenchDatabase, type Engine } from './support.js';

interface Options {
  engine: Engine;
  n: number;
  adminUrl?: string;
}

/**
 * CPU milliseconds of the main thread alone (Linux: its /proc task entry, 10 ms ticks), to tell
 * the export's own work from the database worker's; NaN elsewhere.
 */
function mainThreadCpu(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8')
      .split(') ')[1]!
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Wall, CPU (every thread) and main-thread CPU milliseconds of `fn`, n times. */
async function timed(n: number, fn: () => Promise<unknown>) {
  const wall: number[] = [];
  const cpu: number[] = [];
  const main: number[] = [];
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    const m0 = mainThreadCpu();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    main.push(mainThreadCpu() - m0);
  }
  return { wall: summarise(wall), cpu: summarise(cpu), main: summarise(main) };
}

export async function benchExportProfile(o: Options): Promise<string[]> {
  const { database, cleanup } = await openBenchDatabase(o.engine, 'xp', o.adminUrl);
  const db = database.db;
  try {
    await migrateToLatest(db);
    const synthetic = await seedSyntheticEvidence(db);
    await refreshStatistics(db, EVIDENCE_BASE_TABLES);
    const user = await findUserById(db, synthetic.inspectorIds[0]!);
    const ctx = { db, actor: toActor(user!) };
    const activityId = synthetic.activityId;
    let passages = 0;
    let bytes = { csv: 0, xlsx: 0 };
    const whole = async (format: 'csv' | 'xlsx') => {
      const f = await exportAllPassages(ctx, { activityId, format });
      passages = f.passages;
      bytes = { ...bytes, [format]: (await collectFile(f)).body.length };
    };
    const load0 = loadavg()[0]!;
    const csv = await timed(o.n, () => whole('csv'));
    const xlsx = await timed(o.n, () => whole('xlsx'));
    const codings = await timed(o.n, () => allCodedRecords(db, { activityId }));
    const coded = await allCodedRecords(db, { activityId });
    const texts = await timed(o.n, async () => {
      for (let i = 0; i < coded.length; i += 2_000)
        await recordsWithText(
          db,
          activityId,
          coded[i]!.refNo,
          coded[Math.min(i + 1_999, coded.length - 1)]!.refNo,
        );
    });
    let qdpxBytes = 0;
    // CPU of each phase the export reports (reading, writing, compressing), every thread.
    const phases = new Map<string, number[]>();
    const qdpx = await timed(o.n, async () => {
      let phase = '';
      let c0 = process.cpuUsage();
      const r = await exportProject(ctx, { activityId }, (next) => {
        const c = process.cpuUsage(c0);
        if (phase) phases.set(phase, [...(phases.get(phase) ?? []), (c.user + c.system) / 1000]);
        phase = next;
        c0 = process.cpuUsage();
      });
      qdpxBytes = r.bytes.length;
    });
    const load1 = loadavg()[0]!;
    const rss = Math.round(process.memoryUsage().rss / 1_048_576);
    const row = (what: string, t: Awaited<ReturnType<typeof timed>>) =>
      `| ${what} | ${t.wall.p50} | ${t.wall.p95} | ${t.cpu.p50} | ${t.main.p50} |`;
    return [
      `## Export of every passage, profiled: ${o.engine} (${passages.toLocaleString('en-GB')} passages; CSV ${(bytes.csv / 1e6).toFixed(1)} MB, XLSX ${(bytes.xlsx / 1e6).toFixed(1)} MB), n=${o.n}, load average ${load0.toFixed(1)} to ${load1.toFixed(1)}`,
      '',
      '| what | wall p50 ms | wall p95 ms | CPU p50 ms | main-thread CPU p50 ms |',
      '|---|---|---|---|---|',
      row('export all passages as CSV (use case, file collected)', csv),
      row('export all passages as XLSX (use case, file collected)', xlsx),
      row('stage: every record’s codings (one query)', codings),
      row('stage: every coded record’s text, 2,000 records a query', texts),
      row(`QDPX export of the whole activity (${(qdpxBytes / 1e6).toFixed(1)} MB)`, qdpx),
      '',
      `QDPX export phases, CPU p50 ms: ${[...phases]
        .map(([phase, ms]) => `${phase} ${summarise(ms).p50}`)
        .join(', ')}.`,
      '',
      `RSS of the process after the runs: ${rss} MiB.`,
      '',
    ];
  } finally {
    await cleanup();
  }
}

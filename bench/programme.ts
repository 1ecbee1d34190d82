// The programme solver on the real LA register and inspection history (grades and windows as the
// app loads them): England (every current LA, 52 weeks, 80 synthetic inspectors, 10 a region):
// seconds to the first feasible plan and the proven gap after 60 s; a region of about 20 LAs with
// 12 inspectors: seconds to proven optimality (target 5 s), three runs. HiGHS runs in the worker
// thread, as the CLI runs it. Also the demo's North West roster (part-time inspectors, heavier
// preparation, lower quarter limits), where the teams stage has failed to staff the schedule. The load average, HiGHS's own work (runs, simplex iterations,
// branch-and-bound nodes) and the CPU seconds are printed beside each figure.
//   npm run bench -- --only programme
import { loadavg } from 'node:os';
import { migrateToLatest } from '../src/data/migrate.js';
import { systemActor } from '../src/domain/access/actor.js';
import { ofstedRegions } from '../src/domain/access/roles.js';
import { loadActivityTypeCatalog } from '../src/domain/frameworks/catalog.js';
import { DEMO_ROSTER } from '../src/demo/seed-demo-roster.js';
import { addDays, type InspectorInput } from '../src/domain/programme/instance.js';
import { syntheticRoster } from '../src/synthetic/roster.js';
import type { UseCaseContext } from '../src/usecases/context.js';
import { loadBundledHistory } from '../src/usecases/history/load-bundled-history.js';
import { loadLaReference } from '../src/usecases/las/load-la-reference.js';
import { solveProgramme } from '../src/usecases/programme/solve-programme.js';
import { openBenchDatabase } from './support.js';

const START = '2027-01-04';
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

export async function benchProgramme(
  opts: { regionSeconds?: number; englandSeconds?: number; regionRuns?: number } = {},
): Promise<string[]> {
  const bench = await openBenchDatabase('pglite', 'programme');
  try {
    await migrateToLatest(bench.database.db);
    const ctx: UseCaseContext = {
      db: bench.database.db,
      actor: systemActor('bench'),
      catalog: loadActivityTypeCatalog(),
    };
    await loadLaReference(ctx);
    await loadBundledHistory(ctx);
    const out = [
      '## Programme solver (HiGHS 1.15.3, WebAssembly, one thread, in a worker)',
      '',
      '| instance | LAs | activities | method | variables | constraints | first feasible (s) | status | objective | proven gap | seconds | HiGHS runs / simplex iterations / nodes | CPU s | hard breaches | load average (1/5/15) |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ];
    const run = async (
      label: string,
      region: string,
      inspectors: number,
      limit: number,
      relativeGap: number,
    ) => {
      const regions = region === 'england' ? ofstedRegions : [region];
      const roster = label.includes('demo roster')
        ? demoRoster(START)
        : syntheticRoster({ n: inspectors, regions, start: START });
      const r = await solveProgramme(
        ctx,
        { region, from: START, timeLimitSeconds: limit, relativeGap, inspectors: roster },
        (p) => process.stderr.write(`${label}: ${JSON.stringify(p)}\n`),
      );
      const s = r.solution;
      const pct = s.gap === null ? '-' : `${(100 * s.gap).toFixed(2)}%`;
      const w = s.work;
      const work = w ? `${w.runs} / ${w.simplexIterations} / ${w.nodes}` : '-';
      out.push(
        `| ${label} (${inspectors} inspectors, limit ${limit} s, gap target ${100 * relativeGap}%) | ${r.las} | ${s.model.demands} | ${s.method?.kind ?? '-'}${s.method?.note ? ` (${s.method.note})` : ''} | ${s.model.columns} | ${s.model.rows} | ${s.firstFeasibleSeconds?.toFixed(1) ?? 'none'} | ${s.status} | ${s.objective?.toFixed(1) ?? '-'} | ${pct} | ${s.seconds.toFixed(1)} | ${work} | ${w?.cpuSeconds?.toFixed(1) ?? '-'} | ${s.hardBreaches.length} | ${load()} |`,
      );
    };
    for (let k = 1; k <= (opts.regionRuns ?? 3); k += 1)
      await run(`South East, run ${k}`, 'South East', 12, opts.regionSeconds ?? 60, 0);
    await run('North West, demo roster', 'North West', 10, opts.regionSeconds ?? 60, 0);
    await run('England', 'england', 80, opts.englandSeconds ?? 60, 0.01);
    out.push('');
    return out;
  } finally {
    await bench.cleanup();
  }
}

/**
 * The demo's North West roster (src/demo/seed-demo-roster.ts: its HMIs and senior HMIs, leave
 * dated from the programme's first Monday, one conflict), as the planner reads it from profiles.
 */
function demoRoster(start: string): InspectorInput[] {
  return DEMO_ROSTER.filter(
    (r) => (r.region ?? 'North West') === 'North West' && ['hmi', 'senior_hmi'].includes(r.role),
  ).map((r) => ({
    id: r.key,
    homeRegion: 'North West',
    leadQualified: r.lead === true,
    roles: [r.role],
    unavailable: (r.away ?? []).map((a) => ({
      from: addDays(start, a.from),
      to: addDays(start, a.to),
    })),
    conflictedLaIds: r.key === 'nw-hmi-2' ? ['lancashire'] : [],
    maxWeeksOnSitePerQuarter: r.maxSiteWeeks ?? 6,
    preparationDays: r.prepDays ?? 2,
    workingDays: r.days ?? ['mon', 'tue', 'wed', 'thu', 'fri'],
  }));
}

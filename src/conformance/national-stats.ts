// Imports the real DfE extracts (../shared/reference/national-stats) into a fresh in-memory
// database and checks the counts and figures checked by hand in the CSVs; then imports them
// again and checks that nothing changes.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase } from '../data/database.js';
import { migrateToLatest } from '../data/migrate.js';
import { systemActor } from '../domain/access/actor.js';
import { formatDetail, isAppError } from '../errors.js';
import type { UseCaseContext } from '../usecases/context.js';
import { listLas } from '../usecases/las/list-las.js';
import { loadLaReference } from '../usecases/las/load-la-reference.js';
import { getLaStatistics } from '../usecases/stats/get-la-statistics.js';
import { importNationalStatistics } from '../usecases/stats/import-national-statistics.js';
import type { ConformanceCheck, ConformanceResult } from './types.js';

/** Read by hand in the CSVs (year ending 31 March 2025). */
const KNOWN: { la: string; indicator: string; year: number; value: number; where: string }[] = [
  {
    la: 'hartlepool',
    indicator: 'referrals.rereferral_percent',
    year: 2025,
    value: 26.5,
    where: 'c1, E06000001, rereferral_percent',
  },
  {
    la: 'camden',
    indicator: 'cla.rate_per_10k',
    year: 2025,
    value: 58,
    where: 'cla rates, E09000007, rate_per_10000',
  },
  {
    la: 'camden',
    indicator: 'cp.repeat_percent',
    year: 2025,
    value: 21.9,
    where: 'd3, E09000007, CPP_subsequent_percent',
  },
];

export const checkNationalStatsImport: ConformanceCheck = async (referenceDir) => {
  const result: ConformanceResult = {
    name: 'checkNationalStatsImport',
    passed: true,
    summary: [],
    failures: [],
  };
  const fail = (msg: string) => {
    result.passed = false;
    result.failures.push(msg);
  };
  const dir = path.join(referenceDir, 'national-stats');
  const database = await openDatabase({ databaseUrl: undefined, dataDir: '' }, { inMemory: true });
  try {
    await migrateToLatest(database.db);
    const ctx: UseCaseContext = { db: database.db, actor: systemActor('conformance') };
    await loadLaReference(ctx);
    const names = (await readdir(dir)).filter((n) => n.endsWith('.csv')).sort();
    const files = await Promise.all(
      names.map(async (n) => ({ fileName: n, content: await readFile(path.join(dir, n)) })),
    );
    let first;
    try {
      first = await importNationalStatistics(ctx, { files });
    } catch (err) {
      if (!isAppError(err)) throw err;
      fail(`The import failed: ${err.message}`);
      for (const d of err.details.slice(0, 20)) fail(formatDetail(d));
      return result;
    }
    result.summary.push(
      `${first.files.length} files, ${first.total} figures, ${first.alerts.raised} changes raised as intelligence`,
    );
    if (first.files.length !== 9) fail(`Expected 9 files read, got ${first.files.length}`);
    const current = (await listLas(ctx, {})).filter((l) => l.validTo === null);
    let withFigures = 0;
    for (const la of current) {
      const s = await getLaStatistics(ctx, { laId: la.id });
      if (!s.hasFigures) fail(`${la.name} has no figures`);
      else withFigures++;
      if (s.neighbours.las.length === 0) fail(`${la.name} has no statistical neighbours`);
      for (const k of KNOWN.filter((x) => x.la === la.id)) {
        const row = s.indicators
          .find((i) => i.key === k.indicator)
          ?.rows.find((r) => r.year === k.year);
        if (row?.la?.value !== k.value)
          fail(
            `${la.name} ${k.indicator} ${k.year}: expected ${k.value} (${k.where}), got ${row?.la?.value ?? 'nothing'}`,
          );
      }
    }
    result.summary.push(
      `${withFigures} of ${current.length} current LAs have figures and neighbours`,
    );
    if (current.length !== 153)
      fail(`Expected 153 current LAs in the register, got ${current.length}`);
    const again = await importNationalStatistics(ctx, { files });
    if (again.changed) fail('Importing the same files again changed something');
    else result.summary.push('A second import changed nothing');
  } finally {
    await database.close();
  }
  return result;
};

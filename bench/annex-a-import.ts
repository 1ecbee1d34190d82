// Annex A import speed: a seeded synthetic 150,000-row workbook (all eleven lists, messy forms)
// imported and validated into a fresh database (PGlite on disk, then PostgreSQL when reachable),
// against the time SheetJS alone takes merely to parse the same workbook into rows. Reports wall
// time, CPU time and peak RSS (the PGlite worker thread is in the same process and counted).
// Each step runs in its own child process, so one step's memory never inflates another's.
//   npm run bench -- --only annex-a [--rows 150000]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import XLSX from 'xlsx';
import { migrateToLatest } from '../src/data/migrate.js';
import { annexAToXlsx, generateAnnexA } from '../src/synthetic/annex-a.js';
import { parseAnnexA } from '../src/domain/annex-a/parse.js';
import { importAnnexA } from '../src/usecases/annex-a/import-annex-a.js';
import { drawSample } from '../src/usecases/sampling/draw-sample.js';
import {
  openBenchDatabase,
  type BenchDatabase,
  benchInspection,
  measure,
  type Measured,
} from './support.js';

export interface AnnexABenchOptions {
  rows?: number;
  seed?: number;
  adminUrl?: string;
}

async function importInto(
  engine: 'pglite' | 'postgres',
  adminUrl: string,
  bytes: Uint8Array,
): Promise<
  | Measured<{ rows: number; errors: number; queries: number; drawMs: number; drawn: number }>
  | string
> {
  let opened: BenchDatabase;
  try {
    opened = await openBenchDatabase(engine, 'annexa', adminUrl);
  } catch (err) {
    return `not run (${(err as Error).message})`;
  }
  const { database, cleanup } = opened;
  try {
    await migrateToLatest(database.db);
    const { ctx, activityId } = await benchInspection(database);
    const imported = await measure(async () => {
      const r = await importAnnexA(ctx, {
        activityId: activityId,
        fileName: 'annex-a-150k.xlsx',
        bytes,
        acceptFlagged: true,
      });
      return { rows: r.totals.rows, errors: r.totals.errors, queries: r.totals.queries };
    });
    // The case sample drawn from it (default spec): reading the population and drawing.
    const t0 = performance.now();
    const drawn = await drawSample(ctx, { activityId: activityId, seed: 1 });
    const drawMs = performance.now() - t0;
    return { ...imported, value: { ...imported.value, drawMs, drawn: drawn.cases } };
  } finally {
    await cleanup();
  }
}

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const thisFile = fileURLToPath(import.meta.url);

type Step = 'sheetjs' | 'parse' | 'pglite' | 'postgres';

/** Runs one step in this process (called in a child process). */
async function runStep(step: Step, file: string, adminUrl: string): Promise<unknown> {
  const bytes = new Uint8Array(readFileSync(file));
  switch (step) {
    case 'sheetjs':
      return measure(() => {
        const wb = XLSX.read(bytes, { type: 'buffer', dense: true });
        let n = 0;
        for (const name of wb.SheetNames) {
          const sheet = wb.Sheets[name];
          if (sheet) n += XLSX.utils.sheet_to_json(sheet, { header: 1, raw: true }).length;
        }
        return n;
      });
    case 'parse':
      return measure(async () => {
        const r = await parseAnnexA(bytes, 'annex-a.xlsx', {
          referenceDate: '2025-07-07',
          pseudonymiseStaff: (n) => n,
          yieldToEventLoop: false,
        });
        return r.totals.rows;
      });
    case 'pglite':
    case 'postgres':
      return importInto(step, adminUrl, bytes);
  }
}

function inChild(step: Step, file: string, adminUrl: string): Measured<unknown> | string {
  try {
    const out = execFileSync(
      process.execPath,
      [thisFile, '--step', step, '--file', file, '--admin', adminUrl],
      {
        encoding: 'utf8',
        maxBuffer: 10 * 1024 * 1024,
      },
    );
    return JSON.parse(out.trim().split('\n').pop() ?? '""') as Measured<unknown> | string;
  } catch (err) {
    return `failed (${(err as Error).message.split('\n')[0]})`;
  }
}

export async function benchAnnexAImport(options: AnnexABenchOptions = {}): Promise<string[]> {
  const rows = options.rows ?? 150_000;
  const adminUrl = options.adminUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const gen = await measure(() => {
    const g = generateAnnexA({ rows, seed: options.seed ?? 2026, mess: 0.3, errorRate: 0.002 });
    return annexAToXlsx(g);
  });
  const bytes = gen.value;
  const dir = mkdtempSync(path.join(tmpdir(), 'tri-bench-annexa-file-'));
  const file = path.join(dir, 'annex-a.xlsx');
  writeFileSync(file, bytes);
  const sheetjs = inChild('sheetjs', file, adminUrl);
  const parseOnly = inChild('parse', file, adminUrl);
  const pglite = inChild('pglite', file, adminUrl);
  const postgres = inChild('postgres', file, adminUrl);
  rmSync(dir, { recursive: true, force: true });
  const base = typeof sheetjs === 'string' ? null : sheetjs.ms;

  const line = (label: string, m: Measured<unknown> | string): string =>
    typeof m === 'string'
      ? `| ${label} | ${m} | | | | |`
      : `| ${label} | ${s(m.ms)} | ${s(m.cpuMs)} | ${Math.round(m.peakRssMb)} MiB | ${Math.round(m.startRssMb)} MiB | ${base ? `${(m.ms / base).toFixed(2)}×` : ''} |`;
  const out = [
    `## Annex A import (${rows.toLocaleString('en-GB')} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB xlsx, seed ${options.seed ?? 2026})`,
    '',
    `Generated in ${s(gen.ms)} (not counted). Each step runs in a fresh process; RSS is the whole process (the embedded database's worker thread included; "RSS at start" is with the database already open, so the import's own memory is the difference). The import keeps flagged rows (--accept-flagged).`,
    '',
    '| step | wall time | CPU time | peak RSS | RSS at start | vs SheetJS parse |',
    '|---|---|---|---|---|---|',
    line('SheetJS `XLSX.read` + `sheet_to_json` (parse only, baseline)', sheetjs),
    line('Triangulate read + map + validate (no database)', parseOnly),
    line('Triangulate import + validate into PGlite (one transaction)', pglite),
    line('Triangulate import + validate into PostgreSQL (one transaction)', postgres),
    '',
  ];
  if (typeof pglite !== 'string') {
    const v = pglite.value as {
      rows: number;
      errors: number;
      queries: number;
      drawMs: number;
      drawn: number;
    };
    out.push(
      `Import result: ${v.rows.toLocaleString('en-GB')} rows stored, ${v.errors} errors and ${v.queries} queries flagged.`,
      '',
      `Drawing the default case sample from it on PGlite (reading the population, drawing ${v.drawn} cases, creating their child cases, one transaction): ${s(v.drawMs)}.`,
      '',
    );
  }
  return out;
}

if (process.argv[1] === thisFile) {
  const arg = (name: string): string => process.argv[process.argv.indexOf(name) + 1] ?? '';
  const result = await runStep(arg('--step') as Step, arg('--file'), arg('--admin'));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

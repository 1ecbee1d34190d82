// Imports Ofsted's published inspection history and the scraped report history into a fresh
// in-memory database and checks the result against Ofsted's own published figures.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase } from '../data/database.js';
import { migrateToLatest } from '../data/migrate.js';
import { systemActor } from '../domain/access/actor.js';
import type { GradeKey } from '../domain/history/types.js';
import { formatDetail } from '../errors.js';
import { countHistoryEvents } from '../usecases/history/count-history-events.js';
import { importHistory, type ImportHistoryResult } from '../usecases/history/import-history.js';
import { listLas } from '../usecases/las/list-las.js';
import { loadLaReference } from '../usecases/las/load-la-reference.js';
import type { UseCaseContext } from '../usecases/context.js';
import { checkSifEra } from './history-sif.js';
import type { ConformanceCheck, ConformanceResult } from './types.js';

/** Official statistics, then the scraped ILACS reports, then grades extracted from SIF reports. */
export const HISTORY_FILES = [
  'ofsted/ofsted_ilacs_inspection_history_2018-2025.csv',
  'ofsted/ofsted_la_inspection_outcomes_as_at_2025-03-31_latest.csv',
  'ofsted/ofsted_la_inyear_inspections_2024-25.csv',
  'ofsted/d2i-scrape_JT-39_ofsted_csc_ilacs_history.csv',
  'ofsted/sif_judgements_extracted.csv',
];

// Ofsted's statistics "as at 31 March 2025" count inspections that started by then and were
// published by the time the statistics were produced: the latest publication date in its files
// is 14 May 2025 (Wakefield's March 2025 inspection, published in July, is not counted).
const AS_AT = '2025-03-31';
const PUBLISHED_BY = '2025-05-14';
/** Ofsted MI, inspections and visits in the year 1 April 2024 to 31 March 2025. */
const EXPECTED_2024_25: Record<string, number> = {
  focused_visit: 36,
  monitoring_visit: 24,
  short_inspection: 30,
  standard_inspection: 22,
};
/** Ofsted MI, overall effectiveness of each LA's latest inspection as at 31 March 2025. */
const EXPECTED_OVERALL: Record<GradeKey, number> = {
  good: 67,
  outstanding: 36,
  requires_improvement: 31,
  inadequate: 19,
};

export const checkHistoryImport: ConformanceCheck = async (referenceDir) => {
  const result: ConformanceResult = {
    name: 'inspection history import',
    passed: true,
    summary: [],
    failures: [],
  };
  const fail = (msg: string) => {
    result.passed = false;
    result.failures.push(msg);
  };
  const database = await openDatabase({ databaseUrl: undefined, dataDir: '' }, { inMemory: true });
  try {
    await migrateToLatest(database.db);
    const ctx: UseCaseContext = { db: database.db, actor: systemActor('conformance') };
    const ref = await loadLaReference(ctx);
    result.summary.push(
      `LA register: ${ref.authorities.inserted} authorities, ${ref.successions.inserted} successions loaded`,
    );

    const imports: ImportHistoryResult[] = [];
    for (const rel of HISTORY_FILES) {
      const content = await readFile(path.join(referenceDir, rel));
      const r = await importHistory(ctx, {
        fileName: path.basename(rel),
        content,
        skipInvalid: true,
      });
      imports.push(r);
      result.summary.push(
        `${r.file} [${r.format}]: ${r.rows} rows; ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected.length} row problem(s), ${r.conflicts.length} conflict(s)`,
      );
    }
    result.summary.push(`${(await countHistoryEvents(ctx)).total} events stored`);

    for (const r of imports) {
      const byReason = new Map<string, number[]>();
      for (const p of r.rejected) {
        const list = byReason.get(p.reason) ?? [];
        list.push(p.row ?? 0);
        byReason.set(p.reason, list);
      }
      for (const [reason, rows] of byReason) {
        result.summary.push(
          `  rejected in ${r.file}: ${rows.length} × ${reason} (rows ${rows.join(', ')})`,
        );
      }
      for (const p of r.rejected.filter((x) => !/start date is missing/.test(x.reason))) {
        result.summary.push(`    ${formatDetail(p)}`);
      }
      for (const c of r.conflicts) {
        result.summary.push(
          `  conflict ${c.sourceKey} ${c.field}: stored ${c.existing}, ${r.file} row ${c.row} says ${c.incoming}; kept ${c.kept}`,
        );
      }
    }
    // Ofsted's own files must import cleanly; the scrape and the SIF extract may hold rows that
    // their tools could not read (reported above).
    for (const r of imports.filter((i) => i.format.startsWith('ofsted-'))) {
      for (const p of r.rejected) fail(`Ofsted file row rejected: ${formatDetail(p)}`);
    }

    const asAt = await listLas(ctx, { asAt: AS_AT, publishedBy: PUBLISHED_BY });
    if (asAt.length !== 153) fail(`expected 153 LAs on ${AS_AT}, found ${asAt.length}`);
    const missing = asAt.filter((l) => !l.latestJudgement).map((l) => l.name);
    if (missing.length > 0) fail(`no latest judgement as at ${AS_AT}: ${missing.join(', ')}`);
    const counts: Record<string, number> = {};
    for (const l of asAt) {
      const g = l.latestJudgement?.grades.overall_effectiveness ?? 'none';
      counts[g] = (counts[g] ?? 0) + 1;
    }
    result.summary.push(
      `latest overall effectiveness as at ${AS_AT} (published by ${PUBLISHED_BY}): ${Object.entries(
        counts,
      )
        .map(([g, n]) => `${g} ${n}`)
        .join(', ')}`,
    );
    for (const [grade, n] of Object.entries(EXPECTED_OVERALL)) {
      if ((counts[grade] ?? 0) !== n)
        fail(`as at ${AS_AT}: expected ${n} ${grade}, found ${counts[grade] ?? 0}`);
    }
    const year =
      (
        await countHistoryEvents(ctx, {
          period: { from: '2024-04-01', to: AS_AT, publishedBy: PUBLISHED_BY },
        })
      ).byType ?? {};
    result.summary.push(
      `events starting 1 April 2024 to 31 March 2025, published by ${PUBLISHED_BY}: ${Object.entries(
        year,
      )
        .map(([type, n]) => `${type} ${n}`)
        .join(', ')}`,
    );
    for (const [type, n] of Object.entries(EXPECTED_2024_25)) {
      if ((year[type] ?? 0) !== n) fail(`2024-25: expected ${n} ${type}, found ${year[type] ?? 0}`);
    }
    await checkSifEra(ctx, result.summary, fail);
    const today = await listLas(ctx);
    const withoutToday = today.filter((l) => !l.latestJudgement).map((l) => l.name);
    if (withoutToday.length > 0)
      fail(`current LAs with no judgement at all: ${withoutToday.join(', ')}`);
    result.summary.push(
      `${today.length} current LAs, all with a latest judgement: ${withoutToday.length === 0}`,
    );
  } catch (err) {
    fail(`import failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await database.close();
  }
  return result;
};

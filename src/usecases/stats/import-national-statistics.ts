// `triangulate stats import DIR` and POST /api/v1/national-statistics/imports: DfE extracts read
// in worker threads, every bad row named (file, row, field, reason) and then nothing imported;
// otherwise one transaction stores what changed, raises changes past the thresholds as
// intelligence and writes one audit event. A second import of the same files changes nothing.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  listLaSuccessions,
  listLocalAuthorities,
} from '../../data/repositories/local-authorities.js';
import { refreshStatistics } from '../../data/repositories/statistics.js';
import { policies } from '../../domain/access/policies.js';
import { sha256Hex } from '../../domain/files/digest.js';
import { deriveIndicators } from '../../domain/national-stats/derive.js';
import type {
  Figure,
  NeighbourRow,
  StatsRowProblem,
} from '../../domain/national-stats/indicators.js';
import { countOf } from '../../domain/wording/plural.js';
import { AppError } from '../../errors.js';
import { parseNationalStatsInWorker } from '../../workers/parse-files.js';
import type { UseCaseContext } from '../context.js';
import { storeNationalStatistics, type StoreOutcome } from './store-national-statistics.js';

const Content = z.union([
  z.string(),
  z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'Expected the file content'),
]);

export const ImportNationalStatisticsInput = z.object({
  files: z
    .array(z.object({ fileName: z.string().trim().min(1).max(500), content: Content }))
    .min(1, 'Give at least one file')
    .max(50),
});
export type ImportNationalStatisticsInput = z.input<typeof ImportNationalStatisticsInput>;

export interface StatsImportProgress {
  phase: 'reading' | 'saving' | 'done';
  /** 0 to 1; -1 when unknown. */
  fraction: number;
  rows: number;
}

export interface ImportNationalStatisticsResult extends StoreOutcome {
  files: { file: string; sha256: string; format: string; formatLabel: string; rows: number }[];
  /** Figures derived from the files (every indicator, area and year). */
  total: number;
}

/** Problems listed in an error at most (the count says how many there were). */
const MAX_DETAILS = 500;

export async function importNationalStatistics(
  ctx: UseCaseContext,
  raw: ImportNationalStatisticsInput,
  onProgress: (p: StatsImportProgress) => void = () => {},
): Promise<ImportNationalStatisticsResult> {
  if (!policies.importNationalStatistics(ctx.actor)) throw new AppError('FORBIDDEN');
  const checked = ImportNationalStatisticsInput.safeParse(raw);
  if (!checked.success)
    throw new AppError('VALIDATION_FAILED', {
      details: checked.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
    });
  const [las, successions] = await Promise.all([
    listLocalAuthorities(ctx.db),
    listLaSuccessions(ctx.db),
  ]);
  if (las.length === 0)
    throw new AppError('IMPORT_INVALID', {
      message: 'The local authority register is empty: load it first (triangulate la load).',
    });
  const files: ImportNationalStatisticsResult['files'] = [];
  const rawFigures: Figure[] = [];
  const neighbours: NeighbourRow[] = [];
  const problems: StatsRowProblem[] = [];
  const seenFormats = new Map<string, string>();
  let rows = 0;
  let done = 0;
  onProgress({ phase: 'reading', fraction: 0, rows: 0 });
  // Read one after another: each parse is a worker thread with its own heap and time limit.
  for (const f of checked.data.files) {
    const bytes = typeof f.content === 'string' ? new TextEncoder().encode(f.content) : f.content;
    const parsed = await parseNationalStatsInWorker(decode(bytes), f.fileName, {
      las,
      successions,
    });
    done++;
    if (!parsed.ok) {
      problems.push(parsed.problem);
      continue;
    }
    const twin = seenFormats.get(parsed.format.id);
    if (twin)
      problems.push({
        file: f.fileName,
        reason: `${twin} is the same kind of file (${parsed.format.label})`,
      });
    seenFormats.set(parsed.format.id, f.fileName);
    rows += parsed.rows;
    files.push({
      file: f.fileName,
      sha256: await sha256Hex(bytes),
      format: parsed.format.id,
      formatLabel: parsed.format.label,
      rows: parsed.rows,
    });
    rawFigures.push(...parsed.figures);
    neighbours.push(...parsed.neighbours);
    problems.push(...parsed.problems);
    onProgress({ phase: 'reading', fraction: done / checked.data.files.length, rows });
  }
  if (problems.length > 0)
    throw new AppError('IMPORT_INVALID', {
      message: `${countOf(problems.length, 'problem')} in the files; nothing was imported.`,
      details: problems.slice(0, MAX_DETAILS),
    });
  const figures = deriveIndicators(rawFigures);
  onProgress({ phase: 'saving', fraction: 1, rows });
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const stored = await storeNationalStatistics(trx, ctx.actor, { figures, neighbours });
    await writeAudit(trx, ctx.actor, {
      action: 'national_statistics.imported',
      entityType: 'national_statistics',
      entityId: files.map((f) => f.format).join(','),
      after: {
        files: files.map((f) => ({ file: f.file, sha256: f.sha256, rows: f.rows })),
        figures: stored.figures,
        neighbours: stored.neighbours,
        alerts: stored.alerts,
        changed: stored.changed,
      },
    });
    return stored;
  });
  if (outcome.changed) await refreshStatistics(ctx.db, ['national_statistics']);
  onProgress({ phase: 'done', fraction: 1, rows });
  return { ...outcome, files, total: figures.length };
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Older DfE downloads are Windows-1252.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

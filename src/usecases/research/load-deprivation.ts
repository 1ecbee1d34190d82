// Load a deprivation index (IDACI or another) per LA from CSV: LAs matched by GSS code, DfE code
// or name; deciles computed from the scores where the file has none. Replaces that index whole.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { upsertDeprivation } from '../../data/repositories/research-studies.js';
import { listLocalAuthorities } from '../../data/repositories/local-authorities.js';
import { policies } from '../../domain/access/policies.js';
import { normaliseLaName } from '../../domain/las/names.js';
import { parseDeprivationCsv } from '../../domain/research/deprivation.js';
import { decilesFromScores } from '../../domain/research/dimensions.js';
import { now } from '../../clock.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const LoadDeprivationInput = z.object({
  indexName: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9 _-]{2,40}$/, 'A short name, such as IDACI 2019'),
  csv: z.string().max(5_000_000),
});
export type LoadDeprivationInput = z.input<typeof LoadDeprivationInput>;

export interface DeprivationLoad {
  loaded: number;
  unmatched: string[];
  problems: string[];
}

export async function loadDeprivation(
  ctx: UseCaseContext,
  raw: LoadDeprivationInput,
): Promise<DeprivationLoad> {
  if (!policies.loadLaContext(ctx.actor)) throw new AppError('NOT_FOUND');
  const input = LoadDeprivationInput.parse(raw);
  const parsed = parseDeprivationCsv(input.csv);
  if (parsed.rows.length === 0)
    throw new AppError('IMPORT_INVALID', {
      details: parsed.problems.slice(0, 20).map((reason) => ({ field: 'csv', reason })),
    });
  const las = await listLocalAuthorities(ctx.db);
  const byKey = new Map<string, string>();
  for (const la of las) {
    byKey.set(la.gssCode.toUpperCase(), la.id);
    if (la.dfeCode) byKey.set(la.dfeCode, la.id);
    byKey.set(normaliseLaName(la.name).toLowerCase(), la.id);
  }
  const matched: Array<{ laId: string; score: number; decile: number | null }> = [];
  const unmatched: string[] = [];
  for (const r of parsed.rows) {
    const id =
      byKey.get(r.la.toUpperCase()) ??
      byKey.get(r.la) ??
      byKey.get(normaliseLaName(r.la).toLowerCase());
    if (id) matched.push({ laId: id, score: r.score, decile: r.decile });
    else unmatched.push(r.la);
  }
  const computed = decilesFromScores(matched.map((m) => m.score));
  const rows = matched.map((m, i) => ({ ...m, decile: m.decile ?? computed[i]! }));
  await ctx.db.transaction().execute(async (trx) => {
    await upsertDeprivation(trx, input.indexName, rows, now());
    await writeAudit(trx, ctx.actor, {
      action: 'research.deprivation_loaded',
      entityType: 'la_deprivation',
      entityId: input.indexName,
      after: { loaded: rows.length, unmatched: unmatched.length },
    });
  });
  return { loaded: rows.length, unmatched, problems: parsed.problems };
}

// Across published inspections: which Annex A lists, indicators and other documents are used, and
// which never are (national staff). Counts of inspections only. Each published activity's facts
// are read in turn (one activity's rows in memory at a time).
import { listPublishedActivityIds, loadDataUsedFacts } from '../../data/repositories/data-used.js';
import { policies } from '../../domain/access/policies.js';
import { nationalDataUsed, type NationalDataUsed } from '../../domain/data-used/national.js';
import {
  buildDataUsedStatement,
  type DataUsedStatement,
} from '../../domain/data-used/statement.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export async function getNationalDataUsed(ctx: UseCaseContext): Promise<NationalDataUsed> {
  if (!policies.viewNationalDataUsed(ctx.actor)) throw new AppError('NOT_FOUND');
  const statements: DataUsedStatement[] = [];
  for (const id of await listPublishedActivityIds(ctx.db))
    statements.push(buildDataUsedStatement(await loadDataUsedFacts(ctx.db, id)));
  return nationalDataUsed(statements);
}

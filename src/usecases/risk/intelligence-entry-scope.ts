// One entry of an LA's intelligence log and what the actor may do with it: the log's read rule
// (riskScope), then the entry's own: confidential entries (whistle-blowing, complaints, anything
// marked confidential) only for those policies.ts lets read them, and an LA user only an entry
// shared with the LA (domain/risk/intelligence#visibleToLa). Reads the actor may not make answer
// NOT_FOUND; files are written by those who record intelligence for the LA.
import {
  findIntelligenceEntry,
  type IntelligenceEntry,
} from '../../data/repositories/intelligence.js';
import { policies } from '../../domain/access/policies.js';
import { neverSharedKinds, visibleToLa } from '../../domain/risk/intelligence.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { riskScope, type RiskScope } from './risk-scope.js';

export interface EntryScope extends RiskScope {
  entry: IntelligenceEntry;
}

export async function intelligenceEntryScope(
  ctx: UseCaseContext,
  laId: string,
  entryId: string,
  need: 'read' | 'write' = 'read',
): Promise<EntryScope> {
  const scope = await riskScope(ctx, laId.slice(0, 200), { allowShared: true });
  const entry = await findIntelligenceEntry(ctx.db, entryId.slice(0, 200));
  if (!entry || entry.laId !== scope.la.id) throw new AppError('NOT_FOUND');
  const confidential = entry.sensitivity === 'confidential' || neverSharedKinds.has(entry.kind);
  if (scope.sharedOnly && !visibleToLa(entry)) throw new AppError('NOT_FOUND');
  if (confidential && !policies.viewConfidentialIntelligence(ctx.actor, scope.facts))
    throw new AppError('NOT_FOUND');
  if (need === 'write' && !scope.canWrite) throw new AppError('FORBIDDEN');
  return { ...scope, entry };
}

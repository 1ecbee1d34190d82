// What the "record intelligence" form needs: the LA and the risk domains an entry can bear on.
// Only those who may record intelligence for the LA get it.
import { riskModel } from '../../domain/risk/installed.js';
import { AppError } from '../../errors.js';
import { todayInEngland } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { riskScope } from './risk-scope.js';

export interface IntelligenceForm {
  la: { id: string; name: string };
  domains: { key: string; title: string }[];
}

export async function getIntelligenceForm(
  ctx: UseCaseContext,
  input: { laId: string },
): Promise<IntelligenceForm> {
  const scope = await riskScope(ctx, input.laId);
  if (!scope.canWrite) throw new AppError('FORBIDDEN');
  const model = riskModel({ onDate: todayInEngland() });
  return {
    la: { id: scope.la.id, name: scope.la.name },
    domains: model.domains.map((d) => ({ key: d.key, title: d.title })),
  };
}

// One submitted version of an LA's self-evaluation, with its documents.
import { z } from 'zod';
import { findVersion, listFiles } from '../../data/repositories/self-evaluations.js';
import type {
  SelfEvaluation,
  SelfEvaluationFile,
} from '../../domain/self-evaluation/self-evaluation.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { laScope } from './scope.js';

export const GetSelfEvaluationVersionInput = z.object({
  laId: z.string().max(200),
  version: z.coerce.number().int().min(1).max(100_000),
});

export interface SelfEvaluationVersionView {
  la: { id: string; name: string };
  version: SelfEvaluation;
  files: SelfEvaluationFile[];
  canAcknowledge: boolean;
}

export async function getSelfEvaluationVersion(
  ctx: UseCaseContext,
  raw: z.input<typeof GetSelfEvaluationVersionInput>,
): Promise<SelfEvaluationVersionView> {
  const parsed = GetSelfEvaluationVersionInput.safeParse(raw);
  if (!parsed.success) throw new AppError('NOT_FOUND');
  const scope = await laScope(ctx, parsed.data.laId);
  if (!scope.viewSubmissions) throw new AppError('NOT_FOUND');
  const version = await findVersion(ctx.db, scope.la.id, parsed.data.version);
  if (!version) throw new AppError('NOT_FOUND');
  return {
    la: { id: scope.la.id, name: scope.la.name },
    version,
    files: await listFiles(ctx.db, scope.la.id, version.fileIds),
    canAcknowledge: scope.acknowledge && version.acknowledgement === null,
  };
}

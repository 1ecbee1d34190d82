// Two submitted versions side by side, section by section (each question, the improvement plan,
// the reform programme, the documents), each marked changed or not.
import { z } from 'zod';
import { findVersion, listFiles } from '../../data/repositories/self-evaluations.js';
import {
  compareVersions,
  type SectionComparison,
  type SelfEvaluation,
} from '../../domain/self-evaluation/self-evaluation.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { laScope } from './scope.js';

export const CompareSelfEvaluationsInput = z.object({
  laId: z.string().max(200),
  from: z.coerce.number().int().min(1).max(100_000),
  to: z.coerce.number().int().min(1).max(100_000),
});

export interface SelfEvaluationComparison {
  la: { id: string; name: string };
  from: SelfEvaluation;
  to: SelfEvaluation;
  sections: SectionComparison[];
  changedCount: number;
}

export async function compareSelfEvaluations(
  ctx: UseCaseContext,
  raw: z.input<typeof CompareSelfEvaluationsInput>,
): Promise<SelfEvaluationComparison> {
  const parsed = CompareSelfEvaluationsInput.safeParse(raw);
  if (!parsed.success) throw new AppError('NOT_FOUND');
  const scope = await laScope(ctx, parsed.data.laId);
  if (!scope.viewSubmissions) throw new AppError('NOT_FOUND');
  const [from, to] = await Promise.all([
    findVersion(ctx.db, scope.la.id, parsed.data.from),
    findVersion(ctx.db, scope.la.id, parsed.data.to),
  ]);
  if (!from || !to) throw new AppError('NOT_FOUND');
  const files = await listFiles(ctx.db, scope.la.id, [...from.fileIds, ...to.fileIds]);
  const names = new Map(files.map((f) => [f.id, f.fileName]));
  const sections = compareVersions(from, to, (id) => names.get(id) ?? id);
  return {
    la: { id: scope.la.id, name: scope.la.name },
    from,
    to,
    sections,
    changedCount: sections.filter((s) => s.changed).length,
  };
}

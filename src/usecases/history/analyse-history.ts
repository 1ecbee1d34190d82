// The national analysis of the published inspection history: grade distributions by year, region
// and framework, transitions between consecutive inspections and the time between them. Grades
// are ordered by each framework's scale as frameworks/*.json define it.
import { z } from 'zod';
import { listGradedHistory } from '../../data/repositories/inspection-history.js';
import { loadLaRegister } from '../../data/repositories/local-authorities.js';
import { policies } from '../../domain/access/policies.js';
import { frameworkRegistry } from '../../domain/frameworks/installed.js';
import {
  analyseHistory as analyse,
  type FrameworkScale,
  type HistoryAnalysis,
} from '../../domain/history/analyse.js';
import { judgementKeys } from '../../domain/history/types.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const AnalyseHistoryInput = z.object({
  /** The judgement analysed; overall effectiveness unless another is asked for. */
  judgement: z.enum(judgementKeys).default('overall_effectiveness'),
});
export type AnalyseHistoryInput = z.input<typeof AnalyseHistoryInput>;

export async function analyseHistory(
  ctx: UseCaseContext,
  raw: AnalyseHistoryInput = {},
): Promise<HistoryAnalysis> {
  if (!policies.analyseHistory(ctx.actor)) throw new AppError('NOT_FOUND');
  const parsed = AnalyseHistoryInput.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
    });
  }
  const [events, register] = await Promise.all([listGradedHistory(ctx.db), loadLaRegister(ctx.db)]);
  const regionOf = new Map(register.all.map((l) => [l.id, l.ofstedRegion]));
  const scales: FrameworkScale[] = frameworkRegistry()
    .list()
    .map((fw) => ({
      id: fw.id,
      name: `${/\(([A-Z]+)\)/.exec(fw.name)?.[1] ?? fw.name} ${fw.versionLabel}`,
      grades: fw.grades.map((g) => ({ key: g.key, label: g.label, numeric: g.numeric })),
    }));
  return analyse(
    events.map((e) => ({
      laId: e.laId,
      region: regionOf.get(e.laId) ?? null,
      frameworkId: e.frameworkId,
      activityType: e.activityType,
      startDate: e.startDate,
      grades: e.grades,
    })),
    scales,
    parsed.data.judgement,
  );
}

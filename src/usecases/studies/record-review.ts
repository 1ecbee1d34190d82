// A reviewer pair records its blind review of one evidence base: a grade on the framework's scale
// with reasons for every judgement, its areas for improvement, and whether it would have chosen
// the same lines of enquiry as the original team. Recording again replaces the pair's review.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  findStudy,
  listEvidenceBases,
  listPairs,
  savePairReview,
} from '../../data/repositories/reliability.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { now } from '../../clock.js';
import { baseFramework } from './study-scope.js';

export const RecordReviewInput = z.object({
  studyId: z.string(),
  pairId: z.string(),
  grades: z.record(
    z.string(),
    z.object({ grade: z.string(), reasons: z.string().trim().max(5000).default('') }),
  ),
  improvements: z.array(z.string().trim().min(1).max(2000)).max(20).default([]),
  /** Required: missing, it is named among the form's other problems. */
  sameLines: z.enum(['yes', 'partly', 'no']).optional(),
  linesComment: z.string().trim().max(5000).default(''),
});
export type RecordReviewInput = z.input<typeof RecordReviewInput>;

export async function recordReview(
  ctx: UseCaseContext,
  raw: RecordReviewInput,
): Promise<{ recorded: true }> {
  const input = RecordReviewInput.parse(raw);
  const study = await findStudy(ctx.db, input.studyId);
  if (!study) throw new AppError('NOT_FOUND');
  const pair = (await listPairs(ctx.db, study.id)).find((p) => p.id === input.pairId);
  if (!pair) throw new AppError('NOT_FOUND');
  if (!policies.reviewStudyEvidenceBase(ctx.actor, pair.reviewerIds))
    throw new AppError(policies.manageReliabilityStudies(ctx.actor) ? 'FORBIDDEN' : 'NOT_FOUND');
  const base = (await listEvidenceBases(ctx.db, study.id)).find(
    (b) => b.id === pair.evidenceBaseId,
  );
  if (!base) throw new AppError('NOT_FOUND');
  const fw = baseFramework(base);
  const scale = new Set(fw.grades.map((g) => g.key));
  const problems: { field: string; reason: string }[] = [];
  const grades: Record<string, { grade: string; reasons: string }> = {};
  for (const j of fw.judgements) {
    const g = input.grades[j.key];
    if (!g || !scale.has(g.grade))
      problems.push({ field: `grade-${j.key}`, reason: `Choose a grade for ${j.title}` });
    else if (!g.reasons)
      problems.push({ field: `reasons-${j.key}`, reason: `Give your reasons for ${j.title}` });
    else grades[j.key] = { grade: g.grade, reasons: g.reasons };
  }
  if (!input.sameLines)
    problems.push({
      field: 'sameLines',
      reason: 'Say whether you would have chosen the same lines of enquiry',
    });
  if (problems.length || !input.sameLines)
    throw new AppError('VALIDATION_FAILED', { details: problems });
  const review = {
    grades,
    improvements: input.improvements,
    sameLines: input.sameLines,
    linesComment: input.linesComment,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await savePairReview(trx, pair.id, review, actorRef(ctx.actor).label, now());
    await writeAudit(trx, ctx.actor, {
      action: 'study.review_recorded',
      entityType: 'reliability_study',
      entityId: study.id,
      after: { evidenceBase: base.label, pair: pair.label, sameLines: input.sameLines },
    });
  });
  return { recorded: true };
}

// What a reviewer pair reads: the redacted copy of their evidence base, the judgements to grade on
// the framework's scale, the original team's lines of enquiry (redacted) and their own review so
// far. Never the original activity, the LA's name, or the published grades: none of them is
// loaded here, so no page or answer built from this can show them.
import { findStudy, listEvidenceBases, listPairs } from '../../data/repositories/reliability.js';
import { policies } from '../../domain/access/policies.js';
import type { PairReview, RedactedRecord } from '../../domain/reliability/types.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { baseFramework, type BaseFramework } from './study-scope.js';

export interface BlindReview extends BaseFramework {
  studyId: string;
  studyTitle: string;
  pairId: string;
  pairLabel: string;
  reviewerNames: string[];
  baseLabel: string;
  activityTypeLabel: string;
  records: RedactedRecord[];
  linesOfEnquiry: string[];
  review: PairReview | null;
  recordedAt: Date | null;
  /** The pair's own reviewers record; the national team may read the page, not record. */
  canRecord: boolean;
}

export async function getBlindReview(
  ctx: UseCaseContext,
  ids: { studyId: string; pairId: string },
): Promise<BlindReview> {
  const study = await findStudy(ctx.db, ids.studyId);
  if (!study) throw new AppError('NOT_FOUND');
  const pair = (await listPairs(ctx.db, study.id)).find((p) => p.id === ids.pairId);
  if (!pair) throw new AppError('NOT_FOUND');
  const canRecord = policies.reviewStudyEvidenceBase(ctx.actor, pair.reviewerIds);
  if (!canRecord && !policies.manageReliabilityStudies(ctx.actor)) throw new AppError('NOT_FOUND');
  const base = (await listEvidenceBases(ctx.db, study.id)).find(
    (b) => b.id === pair.evidenceBaseId,
  );
  if (!base) throw new AppError('NOT_FOUND');
  const typeLabel =
    ctx.catalog?.activityType(base.frameworkId, base.activityType)?.label ?? base.activityType;
  return {
    ...baseFramework(base),
    studyId: study.id,
    studyTitle: study.title,
    pairId: pair.id,
    pairLabel: pair.label,
    reviewerNames: pair.reviewerNames,
    baseLabel: base.label,
    activityTypeLabel: typeLabel,
    records: base.records,
    linesOfEnquiry: base.linesOfEnquiry,
    review: pair.review,
    recordedAt: pair.recordedAt,
    canRecord,
  };
}

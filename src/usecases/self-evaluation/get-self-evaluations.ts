// One LA's self-evaluations: every submitted version (newest first) with its acknowledgement,
// whether the LA has submitted in the last 12 months, and, for the LA's own users, the draft.
import { z } from 'zod';
import { findDraft, listVersions } from '../../data/repositories/self-evaluations.js';
import {
  submissionStatus,
  submissionStatusLabels,
  type SelfEvaluation,
  type SubmissionStatus,
} from '../../domain/self-evaluation/self-evaluation.js';
import { AppError } from '../../errors.js';
import { todayInEngland } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { laScope, questionsInForce } from './scope.js';

export const GetSelfEvaluationsInput = z.object({ laId: z.string().max(200) });

export interface SelfEvaluationsView {
  la: { id: string; name: string; region: string | null };
  questions: string[];
  versions: SelfEvaluation[];
  status: SubmissionStatus;
  statusLabel: string;
  draft: { savedAt: Date; savedBy: string; basedOnVersion: number | null } | null;
  canWrite: boolean;
  canAcknowledge: boolean;
  /** The LA's own users: they see released meeting notes, never risk. */
  laView: boolean;
}

export async function getSelfEvaluations(
  ctx: UseCaseContext,
  raw: z.input<typeof GetSelfEvaluationsInput>,
): Promise<SelfEvaluationsView> {
  const input = GetSelfEvaluationsInput.parse(raw);
  const scope = await laScope(ctx, input.laId);
  if (!scope.viewSubmissions) throw new AppError('NOT_FOUND');
  const versions = await listVersions(ctx.db, scope.la.id);
  const draft = scope.writeSelfEvaluation ? await findDraft(ctx.db, scope.la.id) : null;
  const status = submissionStatus(versions[0]?.submittedOn ?? null, todayInEngland());
  return {
    la: { id: scope.la.id, name: scope.la.name, region: scope.la.ofstedRegion },
    questions: questionsInForce(todayInEngland()).questions,
    versions,
    status,
    statusLabel: submissionStatusLabels[status],
    draft: draft
      ? {
          savedAt: draft.updatedAt,
          savedBy: draft.updatedBy.label,
          basedOnVersion: draft.basedOnVersion,
        }
      : null,
    canWrite: scope.writeSelfEvaluation,
    canAcknowledge: scope.acknowledge,
    laView: scope.releasedOnly,
  };
}

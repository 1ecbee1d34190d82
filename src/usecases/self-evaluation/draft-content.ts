// The draft an LA works on: the saved one, or (before the first save) one started from the latest
// submitted version, its answers laid over the questions of the framework in force today; and
// the write step that saving and submitting share.
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  findDraft,
  latestVersions,
  lockDraft,
  saveDraft,
} from '../../data/repositories/self-evaluations.js';
import type { DB } from '../../data/schema.js';
import {
  answersFor,
  type SelfEvaluationContent,
  type SelfEvaluationDraft,
} from '../../domain/self-evaluation/self-evaluation.js';
import { AppError } from '../../errors.js';
import { now, todayInEngland } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { laScope, questionsInForce, type LaScope } from './scope.js';

export interface WorkingDraft extends SelfEvaluationContent {
  basedOnVersion: number | null;
  /** Whether it has been saved (false: started from the latest version, or empty). */
  saved: boolean;
  savedAt: Date | null;
  savedBy: string | null;
  questions: string[];
}

export async function workingDraft(db: Kysely<DB>, laId: string): Promise<WorkingDraft> {
  const { frameworkId, questions } = questionsInForce(todayInEngland());
  const draft = await findDraft(db, laId);
  if (draft)
    return {
      ...draft,
      frameworkId,
      answers: answersFor(questions, draft.answers),
      saved: true,
      savedAt: draft.updatedAt,
      savedBy: draft.updatedBy.label,
      questions,
    };
  const latest = (await latestVersions(db, [laId])).get(laId);
  return {
    frameworkId,
    answers: answersFor(questions, latest?.answers ?? []),
    improvementPlan: latest?.improvementPlan ?? '',
    reformProgramme: latest?.reformProgramme ?? '',
    fileIds: latest?.fileIds ?? [],
    basedOnVersion: latest?.version ?? null,
    saved: false,
    savedAt: null,
    savedBy: null,
    questions,
  };
}

const long = z.string().max(100_000, 'Keep each section to 100,000 characters');

export const DraftContentInput = z.object({
  answers: z.array(long).max(20).default([]),
  improvementPlan: long.default(''),
  reformProgramme: long.default(''),
});

/** The write step, in the caller's transaction (submitting saves first, in the same one). */
export async function writeDraft(
  trx: Transaction<DB>,
  ctx: UseCaseContext,
  scope: LaScope,
  content: z.output<typeof DraftContentInput>,
): Promise<SelfEvaluationDraft> {
  await lockDraft(trx, scope.la.id);
  const base = await workingDraft(trx, scope.la.id);
  if (content.answers.length > base.answers.length)
    throw new AppError('VALIDATION_FAILED', {
      details: [
        { field: 'answers', reason: `There are ${base.answers.length} questions to answer` },
      ],
    });
  const answers = base.answers.map((a, i) => ({
    question: a.question,
    answer: (content.answers[i] ?? a.answer).trim(),
  }));
  const saved = await saveDraft(
    trx,
    scope.la.id,
    {
      frameworkId: base.frameworkId,
      answers,
      improvementPlan: content.improvementPlan.trim(),
      reformProgramme: content.reformProgramme.trim(),
      fileIds: base.fileIds,
      basedOnVersion: base.basedOnVersion,
    },
    actorRef(ctx.actor),
    now(),
  );
  await writeAudit(trx, ctx.actor, {
    action: 'self_evaluation.draft_saved',
    entityType: 'self_evaluation_draft',
    entityId: scope.la.id,
    laId: scope.la.id,
    after: { answered: answers.filter((a) => a.answer !== '').length, of: answers.length },
  });
  return saved;
}

export async function writableScope(ctx: UseCaseContext, laId: string): Promise<LaScope> {
  const scope = await laScope(ctx, laId);
  if (!scope.writeSelfEvaluation)
    throw new AppError(scope.viewSubmissions ? 'FORBIDDEN' : 'NOT_FOUND');
  return scope;
}

// Submit the LA's self-evaluation: the draft (with any content sent along saved into it first)
// becomes the next numbered version, which never changes afterwards, and an intelligence entry of
// kind self-evaluation is added to the LA's log, shared with the LA. All in one transaction.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { insertIntelligenceEntries } from '../../data/repositories/intelligence.js';
import {
  deleteDraft,
  insertVersion,
  listVersions,
} from '../../data/repositories/self-evaluations.js';
import { riskModel } from '../../domain/risk/installed.js';
import {
  submissionProblems,
  type SelfEvaluation,
} from '../../domain/self-evaluation/self-evaluation.js';
import { AppError } from '../../errors.js';
import { now, todayInEngland } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { DraftContentInput, writableScope, workingDraft, writeDraft } from './draft-content.js';
import { isoDate, validationError } from './scope.js';

export const SubmitSelfEvaluationInput = DraftContentInput.partial().extend({
  laId: z.string().max(200),
  /** A submission received another way, recorded later: the CLI operator only. */
  submittedOn: isoDate.optional(),
});
export type SubmitSelfEvaluationInput = z.input<typeof SubmitSelfEvaluationInput>;

export async function submitSelfEvaluation(
  ctx: UseCaseContext,
  raw: SubmitSelfEvaluationInput,
): Promise<SelfEvaluation> {
  const scope = await writableScope(ctx, String(raw.laId ?? ''));
  const parsed = SubmitSelfEvaluationInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const today = todayInEngland();
  if (input.submittedOn && ctx.actor.kind !== 'system')
    throw new AppError('FORBIDDEN', { message: 'Only a submission made today can be recorded.' });
  const submittedOn = input.submittedOn ?? today;
  if (submittedOn > today)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'submittedOn', reason: 'The date must be today or earlier' }],
    });
  const sent =
    input.answers !== undefined ||
    input.improvementPlan !== undefined ||
    input.reformProgramme !== undefined;
  return ctx.db.transaction().execute(async (trx) => {
    if (sent) {
      const base = await workingDraft(trx, scope.la.id);
      await writeDraft(trx, ctx, scope, {
        answers: input.answers ?? base.answers.map((a) => a.answer),
        improvementPlan: input.improvementPlan ?? base.improvementPlan,
        reformProgramme: input.reformProgramme ?? base.reformProgramme,
      });
    }
    const draft = await workingDraft(trx, scope.la.id);
    const problems = submissionProblems(draft);
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { details: problems });
    const versions = await listVersions(trx, scope.la.id);
    const version = (versions[0]?.version ?? 0) + 1;
    const by = actorRef(ctx.actor);
    const model = riskModel({ onDate: submittedOn });
    const [entry] = await insertIntelligenceEntries(trx, [
      {
        laId: scope.la.id,
        kind: 'self_evaluation',
        title: `Self-evaluation of social work practice, version ${version}`,
        summary: draft.answers[0]?.answer.slice(0, 500) ?? '',
        source: `${scope.la.name} (submitted in Triangulate by ${by.label})`,
        receivedOn: submittedOn,
        recordedBy: by.id,
        recordedByLabel: by.label,
        sensitivity: 'standard',
        sharedWithLa: true,
        domainKeys: model.domains
          .filter((d) => d.kinds.includes('self_evaluation'))
          .map((d) => d.key),
      },
    ]);
    const saved = await insertVersion(trx, {
      ...draft,
      laId: scope.la.id,
      version,
      submittedOn,
      submittedAt: now(),
      by,
      intelligenceEntryId: entry!.id,
    });
    await deleteDraft(trx, scope.la.id);
    await writeAudit(trx, ctx.actor, {
      action: 'self_evaluation.submitted',
      entityType: 'self_evaluation',
      entityId: saved.id,
      laId: scope.la.id,
      after: { version, submittedOn, files: saved.fileIds.length, intelligenceEntryId: entry!.id },
    });
    return saved;
  });
}

// The QAM (or the lead, observing the team's other inspectors) records an observation of an
// inspector's practice on the activity: a rating and a comment per prompt of the prompt set in
// force on the day, and development points. Seen by the inspector, the observer and national
// staff only (policies.viewPracticeObservation).
import { z } from 'zod';
import { dateInEngland, now as clockNow } from '../../clock.js';
import { writeAudit } from '../../data/audit-log.js';
import { insertObservation } from '../../data/repositories/practice-qa.js';
import { promptSet } from '../../domain/practice-qa/prompts.js';
import { ratingProblems } from '../../domain/practice-qa/observations.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { practiceQaScope } from './practice-qa-scope.js';

export const RecordPracticeObservationInput = z.object({
  activityId: z.string(),
  /** The inspector observed: a user id or e-mail address of a team member. */
  inspector: z.string().trim().min(1, 'Choose the inspector you observed').max(320),
  observedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD'),
  setting: z
    .string()
    .trim()
    .min(1, 'Say what you observed (a case discussion, a meeting, a visit)')
    .max(500),
  ratings: z
    .array(
      z.object({
        promptKey: z.string().max(100),
        rating: z.string().max(100),
        comment: z.string().trim().max(4000).default(''),
      }),
    )
    .max(20),
  developmentPoints: z.string().trim().max(8000).default(''),
});
export type RecordPracticeObservationInput = z.input<typeof RecordPracticeObservationInput>;

export async function recordPracticeObservation(
  ctx: UseCaseContext,
  raw: RecordPracticeObservationInput,
  now: Date = clockNow(),
): Promise<{ id: string }> {
  const input = RecordPracticeObservationInput.parse(raw);
  const scope = await practiceQaScope(ctx, input.activityId);
  const { activity, facts, observable } = scope;
  // National staff read the page but do not observe.
  const observer = facts.teamRole === 'qam' || facts.teamRole === 'lead_inspector';
  if (ctx.actor.kind === 'user' && !observer)
    throw new AppError('FORBIDDEN', {
      message: 'The activity’s QAM or lead records observations.',
    });
  const who = input.inspector.toLowerCase();
  const subject = observable.find(
    (m) => m.userId === input.inspector || m.email.toLowerCase() === who,
  );
  const problems: ErrorDetail[] = [];
  if (!subject)
    problems.push({
      field: 'inspector',
      value: input.inspector,
      reason: 'Choose an inspector on this activity’s team whom you may observe',
    });
  const today = dateInEngland(now);
  if (Number.isNaN(Date.parse(`${input.observedOn}T00:00:00Z`)))
    problems.push({ field: 'observedOn', value: input.observedOn, reason: 'Enter a real date' });
  else if (input.observedOn > today)
    problems.push({
      field: 'observedOn',
      value: input.observedOn,
      reason: 'The date cannot be in the future',
    });
  const set = promptSet({ onDate: input.observedOn <= today ? input.observedOn : today });
  problems.push(...ratingProblems(set, input.ratings));
  if (problems.length) throw new AppError('VALIDATION_FAILED', { details: problems });
  const by = actorRef(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertObservation(trx, {
      activityId: activity.id,
      inspectorId: subject!.userId,
      observer: by,
      observerRole: facts.teamRole ?? 'operator',
      promptSetId: set.id,
      observedOn: input.observedOn,
      setting: input.setting,
      ratings: input.ratings,
      developmentPoints: input.developmentPoints,
    });
    // The audit log names who was observed but not the ratings: those stay in the record.
    await writeAudit(trx, ctx.actor, {
      action: 'practice_qa.observation_recorded',
      entityType: 'practice_observation',
      entityId: id,
      activityId: activity.id,
      after: { inspectorId: subject!.userId, observedOn: input.observedOn, promptSetId: set.id },
    });
    return { id };
  });
}

// A panel member records their view of one inspection on a consistency panel: consistent, or a
// query with reasons (optionally about one judgement). A query goes back to the lead and the QAM
// through the activity's own panel workflow: it becomes a challenge there, which the lead answers
// on the panel page and which must be answered before the judgements move on or become final.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findActivity, teamRoleOf } from '../../data/repositories/activities.js';
import { listPanelActivityIds, upsertView } from '../../data/repositories/consistency-panels.js';
import { addPanelComment } from '../../data/repositories/judgement-workflow.js';
import { lockJudgementSet } from '../../data/repositories/judgements.js';
import { policies } from '../../domain/access/policies.js';
import { GATHERED_STAGES, viewOutcomes } from '../../domain/consistency/panels.js';
import { frameworkOf } from '../../domain/frameworks/installed.js';
import { judgementsFor } from '../../domain/judgements/judgement-rules.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { notifyTurn } from '../shared/turn-notifications.js';
import { panelScope } from './panel-scope.js';

export const RecordConsistencyViewInput = z
  .object({
    panelId: z.string(),
    activityId: z.string(),
    outcome: z.enum(viewOutcomes, { message: 'Choose consistent or a query' }),
    /** The judgement a query is about (framework key); empty: the judgements as a whole. */
    judgementKey: z
      .string()
      .trim()
      .max(100)
      .nullish()
      .transform((k) => (k ? k : null)),
    reasons: z.string().trim().max(5000).default(''),
  })
  .superRefine((v, c) => {
    if (v.outcome === 'query' && !v.reasons)
      c.addIssue({ code: 'custom', path: ['reasons'], message: 'Give the reasons for the query' });
  });
export type RecordConsistencyViewInput = z.input<typeof RecordConsistencyViewInput>;

export async function recordConsistencyView(
  ctx: UseCaseContext,
  raw: RecordConsistencyViewInput,
): Promise<{ id: string; panelCommentId: string | null }> {
  const input = RecordConsistencyViewInput.parse(raw);
  const { panel, member } = await panelScope(ctx, input.panelId);
  const activity = await findActivity(ctx.db, input.activityId);
  const gathered = await listPanelActivityIds(ctx.db, panel, GATHERED_STAGES);
  if (!activity || !gathered.includes(activity.id)) throw new AppError('NOT_FOUND');
  const teamRole = await teamRoleOf(ctx.db, activity.id, ctx.actor);
  if (
    ctx.actor.kind !== 'user' ||
    !policies.recordConsistencyView(ctx.actor, { region: panel.region, member }, teamRole)
  )
    throw new AppError('FORBIDDEN', {
      message:
        teamRole !== null
          ? 'You are on this inspection’s team: the panel’s view of it is for others.'
          : 'Only the panel’s members record views.',
    });
  const judgement = input.judgementKey
    ? judgementsFor(frameworkOf(activity), activity.activityType).find(
        (j) => j.key === input.judgementKey,
      )
    : null;
  if (input.judgementKey && !judgement)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'judgementKey', value: input.judgementKey, reason: 'Choose a judgement' }],
    });
  const by = { ...actorRef(ctx.actor), id: ctx.actor.userId };
  return ctx.db.transaction().execute(async (trx) => {
    const set = await lockJudgementSet(trx, activity.id);
    if (set.stage === 'final')
      throw new AppError('INVALID_TRANSITION', { message: 'The judgements are final.' });
    let panelCommentId: string | null = null;
    if (input.outcome === 'query') {
      const about = judgement ? ` about ${judgement.shortTitle}` : '';
      const c = await addPanelComment(
        trx,
        activity.id,
        {
          judgementKey: judgement?.key ?? null,
          kind: 'challenge',
          text: `Query from the consistency panel (${panel.title})${about}: ${input.reasons}`,
        },
        by,
      );
      panelCommentId = c.id;
      await notifyTurn(trx, ctx.actor, activity, 'consistency_query', ['lead', 'qam']);
    }
    const id = await upsertView(
      trx,
      {
        panelId: panel.id,
        activityId: activity.id,
        judgementKey: judgement?.key ?? null,
        outcome: input.outcome,
        reasons: input.reasons,
        panelCommentId,
      },
      by,
    );
    await writeAudit(trx, ctx.actor, {
      action: 'consistency.view_recorded',
      entityType: 'consistency_panel_view',
      entityId: id,
      activityId: activity.id,
      laId: activity.laId,
      after: {
        panelId: panel.id,
        outcome: input.outcome,
        judgementKey: judgement?.key ?? null,
        reasons: input.reasons,
        panelCommentId,
      },
    });
    return { id, panelCommentId };
  });
}

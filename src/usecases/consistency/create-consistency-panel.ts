// A national or regional user convenes a consistency panel across inspections for a period (the
// week or month containing a day) and a scope (a region, or national), naming its members
// (inspectors, regional and national staff). The convener sits on it.
import { z } from 'zod';
import { todayInEngland } from '../../clock.js';
import { writeAudit } from '../../data/audit-log.js';
import { addPanelMembers, insertPanel } from '../../data/repositories/consistency-panels.js';
import { findUserByEmail } from '../../data/repositories/users.js';
import { policies } from '../../domain/access/policies.js';
import { ofstedRegions } from '../../domain/access/roles.js';
import { panelTitle, periodKinds, periodOf } from '../../domain/consistency/panels.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';

export const CreateConsistencyPanelInput = z.object({
  /** A region's name; empty or absent: a national panel. */
  region: z
    .string()
    .trim()
    .max(100)
    .nullish()
    .transform((r) => (r ? r : null)),
  periodKind: z.enum(periodKinds, { message: 'Choose a week or a month' }),
  /** Any day in the period (YYYY-MM-DD); today when absent. */
  day: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD')
    .nullish()
    .or(z.literal('')),
  /** Members' e-mail addresses. */
  members: z.array(z.string().trim().max(320)).max(50).default([]),
});
export type CreateConsistencyPanelInput = z.input<typeof CreateConsistencyPanelInput>;

export async function createConsistencyPanel(
  ctx: UseCaseContext,
  raw: CreateConsistencyPanelInput,
): Promise<{ id: string; title: string }> {
  // Those who may not even see the list (LA users, researchers) learn nothing: NOT_FOUND.
  if (!policies.viewConsistencyPanelList(ctx.actor)) throw new AppError('NOT_FOUND');
  const input = CreateConsistencyPanelInput.parse(raw);
  if (input.region !== null && !(ofstedRegions as readonly string[]).includes(input.region))
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'region', value: input.region, reason: 'Choose a region or national' }],
    });
  if (!policies.conveneConsistencyPanel(ctx.actor, input.region))
    throw new AppError('FORBIDDEN', {
      message: 'National staff convene any panel; regional staff a panel of their own region.',
    });
  const period = periodOf(input.periodKind, input.day || todayInEngland());
  const problems: ErrorDetail[] = [];
  const memberIds = new Set<string>(ctx.actor.kind === 'user' ? [ctx.actor.userId] : []);
  for (const email of input.members.filter(Boolean)) {
    const u = await findUserByEmail(ctx.db, email);
    if (!u || u.disabled)
      problems.push({
        field: 'members',
        value: email,
        reason: 'No active account has this e-mail',
      });
    else if (!policies.sitOnConsistencyPanel(u))
      problems.push({
        field: 'members',
        value: email,
        reason: 'Only inspectors, regional and national staff sit on a consistency panel',
      });
    else memberIds.add(u.id);
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', { details: problems });
  const title = panelTitle(input.region, period);
  return ctx.db.transaction().execute(async (trx) => {
    const by = actorRef(ctx.actor);
    const id = await insertPanel(
      trx,
      { title, region: input.region, kind: period.kind, start: period.start, end: period.end },
      by,
    );
    await addPanelMembers(trx, id, [...memberIds], by);
    await writeAudit(trx, ctx.actor, {
      action: 'consistency.panel_convened',
      entityType: 'consistency_panel',
      entityId: id,
      after: { title, region: input.region, period, members: [...memberIds] },
    });
    return { id, title };
  });
}

// What every consistency-panel use case does first: find the panel and its members and check the
// actor may read it (else NOT_FOUND: a panel's existence is not revealed).
import { findPanel, listMembers } from '../../data/repositories/consistency-panels.js';
import { actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import type { ConsistencyPanel, ConsistencyPanelMember } from '../../domain/consistency/records.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface PanelScope {
  panel: ConsistencyPanel;
  members: ConsistencyPanelMember[];
  /** The actor is named on the panel. */
  member: boolean;
}

export async function panelScope(ctx: UseCaseContext, panelId: string): Promise<PanelScope> {
  const panel = await findPanel(ctx.db, panelId);
  if (!panel) throw new AppError('NOT_FOUND');
  const members = await listMembers(ctx.db, panel.id);
  const me = actorUserId(ctx.actor);
  const member = me !== null && members.some((m) => m.userId === me);
  if (!policies.viewConsistencyPanel(ctx.actor, { region: panel.region, member }))
    throw new AppError('NOT_FOUND');
  return { panel, members, member };
}

// The consistency panels the actor may read (newest period first), a page at a time, and whether
// they may convene one (and for which scopes).
import { z } from 'zod';
import { listPanels } from '../../data/repositories/consistency-panels.js';
import { actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { ofstedRegions } from '../../domain/access/roles.js';
import type { ConsistencyPanel } from '../../domain/consistency/records.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const PANELS_PER_PAGE = 25;

export const ListConsistencyPanelsInput = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export interface ConsistencyPanelList {
  panels: (ConsistencyPanel & { members: number; member: boolean })[];
  page: number;
  pages: number;
  total: number;
  /** Scopes the actor may convene a panel for: region names, and null for national. */
  convenable: (string | null)[];
}

export async function listConsistencyPanels(
  ctx: UseCaseContext,
  raw: z.input<typeof ListConsistencyPanelsInput> = {},
): Promise<ConsistencyPanelList> {
  const input = ListConsistencyPanelsInput.parse(raw);
  if (!policies.viewConsistencyPanelList(ctx.actor)) throw new AppError('NOT_FOUND');
  const convenable = [null, ...ofstedRegions].filter((r) =>
    policies.conveneConsistencyPanel(ctx.actor, r),
  );
  const me = actorUserId(ctx.actor);
  const visible = (await listPanels(ctx.db))
    .map((p) => ({ ...p, member: me !== null && p.memberIds.includes(me) }))
    .filter((p) => policies.viewConsistencyPanel(ctx.actor, p));
  const pages = Math.max(1, Math.ceil(visible.length / PANELS_PER_PAGE));
  const page = Math.min(input.page, pages);
  return {
    panels: visible
      .slice((page - 1) * PANELS_PER_PAGE, page * PANELS_PER_PAGE)
      .map(({ memberIds, ...p }) => ({ ...p, members: memberIds.length })),
    page,
    pages,
    total: visible.length,
    convenable,
  };
}

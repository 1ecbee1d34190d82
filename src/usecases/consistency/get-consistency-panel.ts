// A consistency panel across inspections: the provisional judgements of every inspection in its
// scope and period that are not yet final, side by side (a page of them at a time), with the
// members' views of each and whether the actor may record their own.
import { z } from 'zod';
import { findActivity, teamRoleOf } from '../../data/repositories/activities.js';
import {
  listPanelActivityIds,
  listViewsOfPanel,
} from '../../data/repositories/consistency-panels.js';
import { latestJudgements } from '../../data/repositories/inspection-history.js';
import { actorUserId } from '../../domain/access/actor.js';
import { factsOf } from '../../data/repositories/activities.js';
import { policies } from '../../domain/access/policies.js';
import { GATHERED_STAGES, periodText, viewsSummary } from '../../domain/consistency/panels.js';
import type {
  ConsistencyPanel,
  ConsistencyPanelMember,
  ConsistencyView,
} from '../../domain/consistency/records.js';
import type { UseCaseContext } from '../context.js';
import {
  gatherInspection,
  type NationalGrades,
  type PanelInspectionCore,
} from './gather-inspection.js';
import { panelScope } from './panel-scope.js';

/** Inspections per page: each shows every judgement in full, so pages stay short. */
export const INSPECTIONS_PER_PAGE = 4;

export const GetConsistencyPanelInput = z.object({
  panelId: z.string(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type GetConsistencyPanelInput = z.input<typeof GetConsistencyPanelInput>;

export interface PanelInspection extends PanelInspectionCore {
  views: ConsistencyView[];
  summary: string;
  mayRecord: boolean;
  /** Why the actor may not record a view here (on the inspection's team), if that is why. */
  ownInspection: boolean;
  myView: ConsistencyView | null;
}

export interface ConsistencyPanelDetail {
  panel: ConsistencyPanel;
  periodText: string;
  members: ConsistencyPanelMember[];
  inspections: PanelInspection[];
  page: number;
  pages: number;
  total: number;
}

async function nationalGrades(ctx: UseCaseContext): Promise<NationalGrades> {
  const latest = await latestJudgements(ctx.db);
  const out: NationalGrades = new Map();
  for (const e of latest.values())
    for (const [key, grade] of Object.entries(e.grades))
      if (grade) out.set(key, [...(out.get(key) ?? []), grade]);
  return out;
}

export async function getConsistencyPanel(
  ctx: UseCaseContext,
  raw: GetConsistencyPanelInput,
): Promise<ConsistencyPanelDetail> {
  const input = GetConsistencyPanelInput.parse(raw);
  const { panel, members, member } = await panelScope(ctx, input.panelId);
  const ids = await listPanelActivityIds(ctx.db, panel, GATHERED_STAGES);
  const pages = Math.max(1, Math.ceil(ids.length / INSPECTIONS_PER_PAGE));
  const page = Math.min(input.page, pages);
  const shown = ids.slice((page - 1) * INSPECTIONS_PER_PAGE, page * INSPECTIONS_PER_PAGE);
  const [national, views] = await Promise.all([
    nationalGrades(ctx),
    listViewsOfPanel(ctx.db, panel.id),
  ]);
  const me = actorUserId(ctx.actor);
  const inspections: PanelInspection[] = [];
  for (const id of shown) {
    const activity = await findActivity(ctx.db, id);
    if (!activity) continue;
    const teamRole = await teamRoleOf(ctx.db, activity.id, ctx.actor);
    const facts = factsOf(activity, teamRole);
    const core = await gatherInspection(
      ctx.db,
      activity,
      national,
      policies.viewEvidence(ctx.actor, facts),
    );
    const mine = views.filter((v) => v.activityId === id);
    inspections.push({
      ...core,
      views: mine,
      summary: viewsSummary(mine),
      mayRecord: policies.recordConsistencyView(
        ctx.actor,
        { region: panel.region, member },
        teamRole,
      ),
      ownInspection: teamRole !== null,
      myView: mine.find((v) => v.recordedById === me) ?? null,
    });
  }
  return {
    panel,
    periodText: periodText({
      kind: panel.periodKind,
      start: panel.periodStart,
      end: panel.periodEnd,
    }),
    members,
    inspections,
    page,
    pages,
    total: ids.length,
  };
}

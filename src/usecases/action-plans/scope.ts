// The area's shared first steps: find the published inspection whose plan is asked for (or the
// LA), and decide what the actor may do with it (domain/access/policies.ts). Reads the actor may
// not make answer NOT_FOUND; the draft's edits share one transaction-bound helper.
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  findPlanDraft,
  findPublishedInspection,
  listPlanVersions,
  savePlanDraft,
  type PublishedInspection,
} from '../../data/repositories/action-plans.js';
import { type LocalAuthority } from '../../data/repositories/local-authorities.js';
import type { DB } from '../../data/schema.js';
import {
  itemsFromReport,
  mergeItems,
  type PlanItem,
} from '../../domain/action-plans/action-plan.js';
import { policies, type LaFacts } from '../../domain/access/policies.js';
import type { AuditAction } from '../../domain/audit/actions.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import { now } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { laWithAccessFacts } from '../shared/find-la.js';
import { actorRef } from '../shared/actor-ref.js';

export interface LaScope {
  la: LocalAuthority;
  facts: LaFacts;
  onTeam: boolean;
  can: { write: boolean; respond: boolean; seeUnpublishedViews: boolean };
}

/** The LA and what the actor may do with its plans and programmes; NOT_FOUND if nothing. */
export async function laScope(ctx: UseCaseContext, laId: string): Promise<LaScope> {
  const { la, facts, onTeam } = await laWithAccessFacts(ctx, laId);
  const a = ctx.actor;
  if (!policies.viewActionPlan(a, facts, onTeam)) throw new AppError('NOT_FOUND');
  return {
    la,
    facts,
    onTeam,
    can: {
      write: policies.writeActionPlan(a, facts),
      respond: policies.respondToActionPlan(a, facts),
      seeUnpublishedViews: policies.viewUnpublishedMonitoringViews(a, facts, onTeam),
    },
  };
}

export interface PlanScope extends LaScope {
  inspection: PublishedInspection;
  /** The report's items, in the report's order (no answers). */
  reportItems: Omit<PlanItem, 'actions' | 'updates'>[];
}

/** The published inspection whose plan is asked for; NOT_FOUND if unpublished or unseen. */
export async function planScope(ctx: UseCaseContext, activityId: string): Promise<PlanScope> {
  const inspection = await findPublishedInspection(ctx.db, activityId.slice(0, 100));
  if (!inspection) throw new AppError('NOT_FOUND');
  const scope = await laScope(ctx, inspection.laId);
  return { ...scope, inspection, reportItems: itemsFromReport(inspection.document) };
}

/** The plan the LA is working on: its draft, else the latest version, over the report's items. */
export async function workingItems(
  db: UseCaseContext['db'],
  scope: PlanScope,
  opts: { lock?: boolean } = {},
): Promise<{ items: PlanItem[]; basedOnVersion: number | null; hasDraft: boolean }> {
  const draft = await findPlanDraft(db, scope.inspection.activityId, opts);
  if (draft)
    return {
      items: mergeItems(scope.reportItems, draft.items),
      basedOnVersion: draft.basedOnVersion,
      hasDraft: true,
    };
  const [latest] = await listPlanVersions(db, scope.inspection.activityId);
  return {
    items: mergeItems(scope.reportItems, latest?.items ?? null),
    basedOnVersion: latest?.version ?? null,
    hasDraft: false,
  };
}

/**
 * One change to the draft by the LA: checks the right to write (FORBIDDEN for readers), finds
 * the item (NOT_FOUND), applies `change` and saves the draft with its audit event, in one
 * transaction.
 */
export async function editDraftItem<T>(
  ctx: UseCaseContext,
  activityId: string,
  itemKey: string,
  change: (item: PlanItem) => {
    result: T;
    action: AuditAction;
    before?: Record<string, unknown>;
    after: Record<string, unknown>;
  },
): Promise<T> {
  const scope = await planScope(ctx, activityId.slice(0, 100));
  if (!scope.can.write) throw new AppError('FORBIDDEN');
  return ctx.db.transaction().execute(async (trx: Transaction<DB>) => {
    const working = await workingItems(trx, scope, { lock: true });
    const item = working.items.find((i) => i.key === itemKey);
    if (!item) throw new AppError('NOT_FOUND', { message: `The plan has no item ${itemKey}.` });
    const done = change(item);
    await savePlanDraft(
      trx,
      {
        activityId: scope.inspection.activityId,
        laId: scope.inspection.laId,
        items: working.items,
        basedOnVersion: working.basedOnVersion,
      },
      actorRef(ctx.actor),
      now(),
    );
    await writeAudit(trx, ctx.actor, {
      action: done.action,
      entityType: 'action_plan',
      entityId: scope.inspection.activityId,
      activityId: scope.inspection.activityId,
      laId: scope.inspection.laId,
      ...(done.before !== undefined ? { before: done.before } : {}),
      after: { item: itemKey, ...done.after },
    });
    return done.result;
  });
}

/** zod issues as error details. */
export function validationError(issues: readonly z.core.$ZodIssue[]): AppError {
  const details: ErrorDetail[] = issues.map((i) => ({
    field: i.path.map(String).join('.'),
    reason: i.message,
  }));
  return new AppError('VALIDATION_FAILED', { details });
}

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  return parsed.data;
}

export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD');

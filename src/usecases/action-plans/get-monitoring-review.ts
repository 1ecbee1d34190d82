// A visit's review of the LA's action plan: each item with the LA's latest submitted actions and
// dated progress, the lead's view and the evidence of the visit linked to it, and a paragraph
// summarising the views that the letter can draw on.
import { z } from 'zod';
import { listPlanVersions } from '../../data/repositories/action-plans.js';
import { listEvidence } from '../../data/repositories/evidence.js';
import {
  ITEM_KIND_LABELS,
  itemsFromReport,
  mergeItems,
  PLAN_STATUS_LABELS,
  planStatus,
  type PlanItem,
} from '../../domain/action-plans/action-plan.js';
import {
  MONITORING_VIEW_LABELS,
  monitoringSummary,
  type MonitoringView,
} from '../../domain/action-plans/monitoring.js';
import type { UseCaseContext } from '../context.js';
import { monitoringScope } from './monitoring-scope.js';
import { parseInput } from './scope.js';

export const GetMonitoringReviewInput = z.object({ visitId: z.string().max(100) });

export interface EvidenceChoice {
  id: string;
  reference: string;
  excerpt: string;
}

export interface MonitoringReview {
  visit: { id: string; title: string; state: string; laId: string; laName: string };
  plan: {
    activityId: string;
    title: string;
    publishedAt: Date;
    latestVersion: number | null;
    statusLabel: string;
  } | null;
  items: (PlanItem & {
    kindLabel: string;
    view: (MonitoringView & { viewLabel: string }) | null;
    linked: EvidenceChoice[];
  })[];
  /** The visit's evidence records the lead may link (empty if the actor may not read them). */
  evidence: EvidenceChoice[];
  summary: string;
  closed: boolean;
  can: { record: boolean };
}

/** Evidence records offered for linking: the visit's first 300, as excerpts. */
const EVIDENCE_CHOICES = 300;

export async function getMonitoringReview(
  ctx: UseCaseContext,
  raw: z.input<typeof GetMonitoringReviewInput>,
): Promise<MonitoringReview> {
  const input = parseInput(GetMonitoringReviewInput, raw);
  const scope = await monitoringScope(ctx, input.visitId);
  const { visit, plan } = scope;
  const versions = plan ? await listPlanVersions(ctx.db, plan.activityId) : [];
  const latest = versions[0] ?? null;
  const reportItems = plan ? itemsFromReport(plan.document) : [];
  const items = mergeItems(reportItems, latest?.items ?? null);
  const evidence = scope.can.viewEvidence
    ? (
        await listEvidence(ctx.db, {
          activityId: visit.id,
          excerptOnly: true,
          limit: EVIDENCE_CHOICES,
        })
      ).map((e) => ({ id: e.id, reference: e.reference, excerpt: e.text }))
    : [];
  const byId = new Map(evidence.map((e) => [e.id, e]));
  const viewOf = new Map(scope.views.map((v) => [v.itemKey, v]));
  const status = planStatus(null, latest);
  return {
    visit: {
      id: visit.id,
      title: visit.title,
      state: visit.state,
      laId: visit.laId,
      laName: visit.laName,
    },
    plan: plan && {
      activityId: plan.activityId,
      title: plan.title,
      publishedAt: plan.publishedAt,
      latestVersion: latest?.version ?? null,
      statusLabel: PLAN_STATUS_LABELS[status],
    },
    items: items.map((i) => {
      const v = viewOf.get(i.key);
      return {
        ...i,
        kindLabel: ITEM_KIND_LABELS[i.kind],
        view: v ? { ...v, viewLabel: MONITORING_VIEW_LABELS[v.view] } : null,
        linked: (v?.evidenceIds ?? []).flatMap((id) => byId.get(id) ?? []),
      };
    }),
    evidence,
    summary: monitoringSummary(items, scope.views),
    closed: scope.closed,
    can: { record: scope.can.record && plan !== null },
  };
}

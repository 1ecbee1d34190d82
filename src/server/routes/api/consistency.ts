// Consistency panels across inspections over JSON: list and convene panels, read one panel's
// inspections side by side (a page at a time), record a member's view of one inspection.
import { z } from 'zod';
import type { Actor } from '../../../domain/access/actor.js';
import { createConsistencyPanel } from '../../../usecases/consistency/create-consistency-panel.js';
import { getConsistencyPanel } from '../../../usecases/consistency/get-consistency-panel.js';
import { listConsistencyPanels } from '../../../usecases/consistency/list-consistency-panels.js';
import { recordConsistencyView } from '../../../usecases/consistency/record-consistency-view.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const BASE = '/api/v1/consistency-panels';
const TAG = 'consistency';

const Panel = z.object({
  id: z.string(),
  title: z.string(),
  region: z.string().nullable(),
  periodKind: z.enum(['week', 'month']),
  periodStart: z.string(),
  periodEnd: z.string(),
  convenedBy: z.string(),
  convenedAt: z.string(),
});
const Spread = z.object({
  cases: z.number(),
  counts: z.array(z.object({ grade: z.string(), label: z.string(), count: z.number() })),
  ratedDifferently: z.number(),
  sentence: z.string(),
});
const Cited = z.object({ label: z.string(), href: z.string().nullable() });
const View = z.object({
  id: z.string(),
  activityId: z.string(),
  judgementKey: z.string().nullable(),
  outcome: z.enum(['consistent', 'query']),
  reasons: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  panelCommentId: z.string().nullable(),
  response: z.string().nullable(),
});
const Detail = z.object({
  panel: Panel,
  members: z.array(z.object({ userId: z.string(), displayName: z.string(), role: z.string() })),
  page: z.number(),
  pages: z.number(),
  total: z.number(),
  inspections: z.array(
    z.object({
      activityId: z.string(),
      title: z.string(),
      laName: z.string(),
      region: z.string().nullable(),
      stage: z.string(),
      summary: z.string(),
      mayRecord: z.boolean(),
      judgements: z.array(
        z.object({
          key: z.string(),
          title: z.string(),
          grade: z.string().nullable(),
          gradeLabel: z.string().nullable(),
          positionLabel: z.string().nullable(),
          nearness: z.string(),
          strengths: z.array(Cited),
          weaknesses: z.array(Cited),
          spread: Spread.extend({
            byCohort: z.array(Spread.extend({ cohort: z.string() })),
          }).nullable(),
          national: z.object({
            total: z.number(),
            same: z.number(),
            better: z.number(),
            worse: z.number(),
            sentence: z.string(),
          }),
        }),
      ),
      views: z.array(View),
    }),
  ),
});

/** The request bodies as the contract states them (the use cases check them in full). */
const CreateBody = z.object({
  region: z.string().max(100).nullable().optional(),
  periodKind: z.enum(['week', 'month']),
  day: z.string().max(10).optional(),
  members: z.array(z.string().max(320)).max(50).optional(),
});
const ViewBody = z.object({
  outcome: z.enum(['consistent', 'query']),
  judgementKey: z.string().max(100).nullable().optional(),
  reasons: z.string().max(5000).optional(),
});

type P = { convenedAt: Date };
const panelJson = <T extends P>(p: T) => ({ ...p, convenedAt: p.convenedAt.toISOString() });

export const registerConsistencyApi: RouteModule = (app, ctx) => {
  const uc = (actor: Actor) => ({ db: ctx.database.db, actor, catalog: ctx.catalog });
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: BASE,
      summary: 'The consistency panels you may read (newest first, 25 a page)',
      tag: TAG,
      query: z.object({ page: z.coerce.number().int().min(1).optional() }),
      response: z.object({
        panels: z.array(Panel.extend({ members: z.number(), member: z.boolean() })),
        page: z.number(),
        pages: z.number(),
        total: z.number(),
        convenable: z.array(z.string().nullable()),
      }),
      handler: async ({ actor, query }) => {
        const d = await listConsistencyPanels(uc(actor), { page: query.page });
        return { ...d, panels: d.panels.map(panelJson) };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: BASE,
      summary:
        'Convene a consistency panel for a week or month, in a region or nationally (region null)',
      tag: TAG,
      body: CreateBody,
      response: z.object({ id: z.string(), title: z.string() }),
      handler: async ({ actor, body }) => createConsistencyPanel(uc(actor), body),
    }),
    defineApiRoute({
      method: 'GET',
      path: `${BASE}/:id`,
      summary:
        'A panel’s inspections side by side: grades, position, nearness, key evidence, case-rating spread, national distribution, views',
      tag: TAG,
      query: z.object({ page: z.coerce.number().int().min(1).optional() }),
      response: Detail,
      handler: async ({ actor, params, query }) => {
        const d = await getConsistencyPanel(uc(actor), {
          panelId: params.id ?? '',
          page: query.page,
        });
        return {
          panel: panelJson(d.panel),
          members: d.members,
          page: d.page,
          pages: d.pages,
          total: d.total,
          inspections: d.inspections.map((i) => ({
            ...i,
            views: i.views.map((v) => ({ ...v, recordedAt: v.recordedAt.toISOString() })),
          })),
        };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${BASE}/:id/inspections/:activityId/view`,
      summary:
        'Record your view of one inspection on the panel: consistent, or a query with reasons (sent to the lead and QAM as a panel challenge)',
      tag: TAG,
      body: ViewBody,
      response: z.object({ id: z.string(), panelCommentId: z.string().nullable() }),
      handler: async ({ actor, params, body }) =>
        recordConsistencyView(uc(actor), {
          ...body,
          panelId: params.id ?? '',
          activityId: params.activityId ?? '',
        }),
    }),
  ]);
};

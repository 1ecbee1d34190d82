// A monitoring visit (or the next inspection) reviewing the LA's action plan: its team reads each
// item's progress; the lead records a view per item with a short reason and links evidence
// records of the visit; the summary paragraph is there for the letter.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  MONITORING_VIEW_LABELS,
  MONITORING_VIEWS,
} from '../../../domain/action-plans/monitoring.js';
import { getMonitoringReview } from '../../../usecases/action-plans/get-monitoring-review.js';
import { recordMonitoringView } from '../../../usecases/action-plans/record-monitoring-view.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const IdParams = z.object({ id: z.string().max(200) });
const ItemParams = IdParams.extend({ key: z.string().max(100) });
type Body = Record<string, string | string[] | undefined>;
const one = (b: Body, k: string) => (Array.isArray(b[k]) ? b[k][0] : b[k]) ?? '';
const many = (b: Body, k: string) => (Array.isArray(b[k]) ? b[k] : b[k] ? [b[k]] : []);
const base = (id: string) => `/activities/${encodeURIComponent(id)}/monitoring`;

const NOTICES = { recorded: 'Your view has been recorded.' };

export const registerMonitoringRoutes: RouteModule = (app, ctx) => {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    failed: { key: string; body: Body; problems: Problem[] } | null = null,
  ) => {
    const view = await getMonitoringReview(useCaseContext(request, ctx), { visitId: id });
    const items = view.items.map((item) => {
      const mine = failed?.key === item.key ? failed : null;
      const prefix = `i-${item.key}`;
      const chosen = mine ? one(mine.body, 'view') : (item.view?.view ?? '');
      const linked = new Set(
        mine ? many(mine.body, 'evidenceIds') : (item.view?.evidenceIds ?? []),
      );
      const fieldErrors = mine ? formErrors(mine.problems).fieldErrors : {};
      return {
        ...item,
        prefix,
        reasonValue: mine ? one(mine.body, 'reason') : (item.view?.reason ?? ''),
        viewItems: MONITORING_VIEWS.map((v) => ({
          value: v,
          text: MONITORING_VIEW_LABELS[v],
          checked: chosen === v,
        })),
        evidenceItems: view.evidence.map((e) => ({
          value: e.id,
          text: `${e.reference}: ${e.excerpt}`,
          checked: linked.has(e.id),
        })),
        fieldErrors,
      };
    });
    const problems = (failed?.problems ?? []).map((p) => ({
      ...p,
      field: p.field ? `i-${failed!.key}-${p.field}` : `i-${failed!.key}-view`,
    }));
    return reply.render('action-plans/monitoring.njk', {
      ...view,
      items,
      base: base(view.visit.id),
      notice: noticeFor((request.query as { done?: string }).done, NOTICES),
      ...formErrors(problems),
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: view.visit.title, href: `/activities/${encodeURIComponent(view.visit.id)}` },
      ],
    });
  };

  app.get('/activities/:id/monitoring', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    return render(request, reply, id);
  });

  app.post('/activities/:id/monitoring/items/:key', async (request, reply) => {
    const { id, key } = ItemParams.parse(request.params);
    const body = (request.body ?? {}) as Body;
    try {
      await recordMonitoringView(useCaseContext(request, ctx), {
        visitId: id,
        itemKey: key,
        view: one(body, 'view') as 'progress',
        reason: one(body, 'reason'),
        evidenceIds: many(body, 'evidenceIds'),
      });
      return reply.redirect(`${base(id)}?done=recorded#i-${encodeURIComponent(key)}`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'view' });
      reply.status(r.status);
      return render(request, reply, id, { key, body, problems: r.problems });
    }
  });
};

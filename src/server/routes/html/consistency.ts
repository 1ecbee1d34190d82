// Consistency panels across inspections (Munro rec 3): the list and the form to convene one, a
// panel's inspections side by side, and a member's view of one inspection (consistent, or a query
// that goes to the lead and QAM as a challenge). Thin: validate, one use case, render.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { outcomeLabels } from '../../../domain/consistency/panels.js';
import type { UseCaseContext } from '../../../usecases/context.js';
import { createConsistencyPanel } from '../../../usecases/consistency/create-consistency-panel.js';
import { getConsistencyPanel } from '../../../usecases/consistency/get-consistency-panel.js';
import { listConsistencyPanels } from '../../../usecases/consistency/list-consistency-panels.js';
import { recordConsistencyView } from '../../../usecases/consistency/record-consistency-view.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const PageQuery = z.object({
  page: z.string().optional(),
  done: z.string().optional(),
});
const IdParams = z.object({ id: z.string() });
const ViewParams = z.object({ id: z.string(), activityId: z.string() });
const Form = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const notices = {
  convened: 'The consistency panel was convened.',
  recorded: 'Your view was recorded.',
  queried: 'Your query was recorded and sent to the lead inspector and the QAM.',
};
const HOME = { text: 'Home', href: '/home' };
const LIST = { text: 'Consistency panels', href: '/consistency-panels' };

const pagination = (base: string, page: number, pages: number) => ({
  previous: page > 1 ? { href: `${base}?page=${page - 1}` } : null,
  next: page < pages ? { href: `${base}?page=${page + 1}` } : null,
});

export const registerConsistencyRoutes: RouteModule = (app, ctx) => {
  async function renderList(
    reply: FastifyReply,
    uc: UseCaseContext,
    page: string | undefined,
    extra: { problems?: Problem[]; values?: Record<string, string>; done?: string } = {},
  ) {
    const d = await listConsistencyPanels(uc, { page });
    return reply.render('consistency/list.njk', {
      d,
      regionItems: d.convenable.map((r) => ({
        value: r ?? '',
        text: r ?? 'National (every region)',
      })),
      values: extra.values ?? {},
      notice: noticeFor(extra.done, notices),
      pagination: pagination('/consistency-panels', d.page, d.pages),
      breadcrumbs: [HOME],
      ...(extra.problems ? formErrors(extra.problems, { periodKind: 'periodKind' }) : {}),
    });
  }

  app.get('/consistency-panels', async (request, reply) => {
    const q = PageQuery.parse(request.query);
    return renderList(reply, useCaseContext(request, ctx), q.page, { done: q.done });
  });

  app.post('/consistency-panels', async (request, reply) => {
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    const values = {
      region: one(body.region),
      periodKind: one(body.periodKind),
      day: one(body.day),
      members: one(body.members),
    };
    try {
      const r = await createConsistencyPanel(uc, {
        region: values.region,
        periodKind: values.periodKind as 'week',
        day: values.day,
        members: values.members.split(/[\s,;]+/).filter(Boolean),
      });
      return reply.redirect(`/consistency-panels/${r.id}?done=convened`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED']);
      reply.status(r.status);
      return renderList(reply, uc, undefined, { problems: r.problems, values });
    }
  });

  async function renderPanel(
    reply: FastifyReply,
    uc: UseCaseContext,
    id: string,
    page: string | undefined,
    extra: { problems?: Problem[]; activityId?: string; done?: string } = {},
  ) {
    const d = await getConsistencyPanel(uc, { panelId: id, page });
    return reply.render('consistency/panel.njk', {
      d,
      outcomeLabels,
      failedActivity: extra.activityId,
      notice: noticeFor(extra.done, notices),
      pagination: pagination(`/consistency-panels/${d.panel.id}`, d.page, d.pages),
      breadcrumbs: [HOME, LIST],
      ...(extra.problems
        ? formErrors(
            extra.problems.map((p) => ({
              ...p,
              field: `${p.field ?? 'outcome'}-${extra.activityId}`,
            })),
          )
        : {}),
    });
  }

  app.get('/consistency-panels/:id', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const q = PageQuery.parse(request.query);
    return renderPanel(reply, useCaseContext(request, ctx), id, q.page, { done: q.done });
  });

  app.post('/consistency-panels/:id/inspections/:activityId/view', async (request, reply) => {
    const p = ViewParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    const outcome = one(body.outcome);
    try {
      await recordConsistencyView(uc, {
        panelId: p.id,
        activityId: p.activityId,
        outcome: outcome as 'query',
        judgementKey: one(body.judgementKey),
        reasons: one(body.reasons),
      });
      const page = one(body.page);
      const done = outcome === 'query' ? 'queried' : 'recorded';
      return reply.redirect(
        `/consistency-panels/${p.id}?done=${done}${page ? `&page=${encodeURIComponent(page)}` : ''}#inspection-${p.activityId}`,
        303,
      );
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED']);
      reply.status(r.status);
      return renderPanel(reply, uc, p.id, one(body.page) || undefined, {
        problems: r.problems,
        activityId: p.activityId,
      });
    }
  });
};

// The LA's action plan after a published inspection, in the browser: the LA's own users add
// actions and dated progress to each item and submit; the region reads each version and
// acknowledges it or returns it with comments; the monitoring views published beside each item.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { addProgressUpdate } from '../../../usecases/action-plans/add-progress-update.js';
import { getActionPlanVersion } from '../../../usecases/action-plans/get-action-plan-version.js';
import { getActionPlan } from '../../../usecases/action-plans/get-action-plan.js';
import { listActionPlans } from '../../../usecases/action-plans/list-action-plans.js';
import { removePlanAction } from '../../../usecases/action-plans/remove-plan-action.js';
import { respondToActionPlan } from '../../../usecases/action-plans/respond-to-action-plan.js';
import { savePlanAction } from '../../../usecases/action-plans/save-plan-action.js';
import { submitActionPlan } from '../../../usecases/action-plans/submit-action-plan.js';
import { todayInEngland } from '../../../clock.js';
import { AppError } from '../../../errors.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const IdParams = z.object({ id: z.string().max(200) });
const ItemParams = IdParams.extend({ key: z.string().max(100) });
const ActionParams = ItemParams.extend({ actionId: z.string().max(20) });
const VersionParams = IdParams.extend({ version: z.string().max(20) });
type Body = Record<string, string | string[] | undefined>;
const one = (b: Body, k: string) => (Array.isArray(b[k]) ? b[k][0] : b[k]) ?? '';
const base = (id: string) => `/activities/${encodeURIComponent(id)}/action-plan`;

const NOTICES = {
  action: 'The action has been saved in your draft.',
  removed: 'The action has been taken out of your draft.',
  update: 'Your progress update has been saved in your draft.',
  submitted: 'Your action plan has been submitted to the region.',
  acknowledged: 'The action plan has been acknowledged.',
  returned: 'The action plan has been returned to the local authority with your comments.',
};

const crumbs = (la: { id: string; name: string }, extra: { text: string; href: string }[] = []) => [
  { text: 'Home', href: '/home' },
  { text: la.name, href: `/las/${encodeURIComponent(la.id)}` },
  { text: 'Action plans', href: `/las/${encodeURIComponent(la.id)}/action-plans` },
  ...extra,
];

export const registerActionPlanRoutes: RouteModule = (app, ctx) => {
  app.get('/las/:id/action-plans', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const view = await listActionPlans(useCaseContext(request, ctx), { laId: id });
    return reply.render('action-plans/list.njk', {
      ...view,
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: view.la.name, href: `/las/${encodeURIComponent(view.la.id)}` },
      ],
    });
  });

  const renderPlan = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    problems: Problem[] = [],
  ) => {
    const view = await getActionPlan(useCaseContext(request, ctx), { activityId: id });
    return reply.render('action-plans/plan.njk', {
      ...view,
      base: base(view.inspection.activityId),
      notice: noticeFor((request.query as { done?: string }).done, NOTICES),
      ...formErrors(problems),
      breadcrumbs: crumbs(view.la),
    });
  };

  app.get('/activities/:id/action-plan', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    return renderPlan(request, reply, id);
  });

  app.post('/activities/:id/action-plan/submit', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    try {
      await submitActionPlan(useCaseContext(request, ctx), { activityId: id });
      return reply.redirect(`${base(id)}?done=submitted`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['ACTION_PLAN_INCOMPLETE', 'VALIDATION_FAILED']);
      reply.status(r.status);
      return renderPlan(
        request,
        reply,
        id,
        r.problems.map((p) => ({ reason: p.reason })),
      );
    }
  });

  const renderItem = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    key: string,
    values: { action?: Body; update?: Body; editing?: string } = {},
    problems: Problem[] = [],
  ) => {
    const view = await getActionPlan(useCaseContext(request, ctx), { activityId: id });
    const item = view.items.find((i) => i.key === key);
    if (!item) throw new AppError('NOT_FOUND');
    if (!view.can.write) throw new AppError('FORBIDDEN');
    const editing = item.actions.find((a) => a.id === values.editing) ?? null;
    const a = values.action;
    return reply.render('action-plans/item.njk', {
      ...view,
      item,
      editing,
      actionValues: a
        ? {
            action: one(a, 'action'),
            owner: one(a, 'owner'),
            milestone: one(a, 'milestone'),
            dueOn: one(a, 'dueOn'),
            impactMeasure: one(a, 'impactMeasure'),
          }
        : (editing ?? {}),
      updateValues: values.update
        ? { on: one(values.update, 'on'), text: one(values.update, 'text') }
        : { on: todayInEngland(), text: '' },
      base: base(view.inspection.activityId),
      notice: noticeFor((request.query as { done?: string }).done, NOTICES),
      ...formErrors(problems),
      breadcrumbs: crumbs(view.la, [
        { text: view.inspection.title, href: base(view.inspection.activityId) },
      ]),
    });
  };

  app.get('/activities/:id/action-plan/items/:key', async (request, reply) => {
    const { id, key } = ItemParams.parse(request.params);
    const editing = (request.query as { edit?: string }).edit?.slice(0, 20);
    return renderItem(request, reply, id, key, editing ? { editing } : {});
  });

  app.post('/activities/:id/action-plan/items/:key/actions', async (request, reply) => {
    const { id, key } = ItemParams.parse(request.params);
    const body = (request.body ?? {}) as Body;
    const actionId = one(body, 'actionId');
    try {
      await savePlanAction(useCaseContext(request, ctx), {
        activityId: id,
        itemKey: key,
        ...(actionId ? { actionId } : {}),
        action: one(body, 'action'),
        owner: one(body, 'owner'),
        milestone: one(body, 'milestone'),
        dueOn: one(body, 'dueOn'),
        impactMeasure: one(body, 'impactMeasure'),
      });
      return reply.redirect(`${base(id)}/items/${encodeURIComponent(key)}?done=action`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'action' });
      reply.status(r.status);
      return renderItem(request, reply, id, key, { action: body, editing: actionId }, r.problems);
    }
  });

  app.post(
    '/activities/:id/action-plan/items/:key/actions/:actionId/remove',
    async (request, reply) => {
      const { id, key, actionId } = ActionParams.parse(request.params);
      await removePlanAction(useCaseContext(request, ctx), {
        activityId: id,
        itemKey: key,
        actionId,
      });
      return reply.redirect(`${base(id)}/items/${encodeURIComponent(key)}?done=removed`, 303);
    },
  );

  app.post('/activities/:id/action-plan/items/:key/updates', async (request, reply) => {
    const { id, key } = ItemParams.parse(request.params);
    const body = (request.body ?? {}) as Body;
    try {
      await addProgressUpdate(useCaseContext(request, ctx), {
        activityId: id,
        itemKey: key,
        ...(one(body, 'on') ? { on: one(body, 'on') } : {}),
        text: one(body, 'text'),
      });
      return reply.redirect(`${base(id)}/items/${encodeURIComponent(key)}?done=update`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'text' });
      reply.status(r.status);
      return renderItem(request, reply, id, key, { update: body }, r.problems);
    }
  });

  const renderVersion = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    version: string,
    problems: Problem[] = [],
    values: Body = {},
  ) => {
    const view = await getActionPlanVersion(useCaseContext(request, ctx), {
      activityId: id,
      version,
    });
    return reply.render('action-plans/version.njk', {
      ...view,
      values: { decision: one(values, 'decision'), comment: one(values, 'comment') },
      base: base(view.inspection.activityId),
      notice: noticeFor((request.query as { done?: string }).done, NOTICES),
      ...formErrors(problems),
      breadcrumbs: crumbs(view.la, [
        { text: view.inspection.title, href: base(view.inspection.activityId) },
      ]),
    });
  };

  app.get('/activities/:id/action-plan/versions/:version', async (request, reply) => {
    const { id, version } = VersionParams.parse(request.params);
    return renderVersion(request, reply, id, version);
  });

  app.post('/activities/:id/action-plan/versions/:version/respond', async (request, reply) => {
    const { id, version } = VersionParams.parse(request.params);
    const body = (request.body ?? {}) as Body;
    const decision = one(body, 'decision');
    try {
      await respondToActionPlan(useCaseContext(request, ctx), {
        activityId: id,
        version,
        decision: decision as 'acknowledge',
        comment: one(body, 'comment'),
      });
      const done = decision === 'return' ? 'returned' : 'acknowledged';
      return reply.redirect(`${base(id)}/versions/${version}?done=${done}`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'decision' });
      reply.status(r.status);
      return renderVersion(request, reply, id, version, r.problems, body);
    }
  });
};

// Moving a planned activity's dates by hand, checked against the framework's scheduling rules.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../errors.js';
import { getActivity, type ActivityDetail } from '../../../usecases/activities/get-activity.js';
import { moveActivity } from '../../../usecases/activities/move-activity.js';
import { dateFromParts, formErrors, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const IdParams = z.object({ id: z.string() });
const DatesForm = z.record(z.string(), z.string());

function isoParts(prefix: string, iso: string | null): Record<string, string> {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return {};
  return {
    [`${prefix}-day`]: String(Number(m[3])),
    [`${prefix}-month`]: String(Number(m[2])),
    [`${prefix}-year`]: m[1] ?? '',
  };
}

function renderDates(
  reply: FastifyReply,
  d: ActivityDetail,
  values: Record<string, string>,
  problems: Problem[] = [],
): FastifyReply {
  const anchors = { plannedStart: 'plannedStart-day', plannedEnd: 'plannedEnd-day' };
  return reply.render('activities/dates.njk', {
    activity: d.activity,
    frameworkName: d.frameworkName,
    values,
    ...(problems.length > 0 ? formErrors(problems, anchors) : {}),
    breadcrumbs: [
      { text: 'Home', href: '/home' },
      { text: d.activity.title, href: `/activities/${d.activity.id}` },
    ],
  });
}

export const registerActivityDateRoutes: RouteModule = (app, ctx) => {
  app.get('/activities/:id/dates', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const d = await getActivity(useCaseContext(request, ctx), id);
    if (!d.can.reschedule) throw new AppError('FORBIDDEN');
    return renderDates(reply, d, {
      ...isoParts('plannedStart', d.activity.plannedStart),
      ...isoParts('plannedEnd', d.activity.plannedEnd),
    });
  });

  app.post('/activities/:id/dates', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const body = DatesForm.parse(request.body ?? {});
    const part = (name: string) => ({
      day: body[`${name}-day`],
      month: body[`${name}-month`],
      year: body[`${name}-year`],
    });
    const start = dateFromParts(part('plannedStart'), 'planned start date', { required: true });
    const end = dateFromParts(part('plannedEnd'), 'planned end date', { required: false });
    const problems: Problem[] = [];
    if (start.problem) problems.push({ field: 'plannedStart', reason: start.problem });
    if (end.problem) problems.push({ field: 'plannedEnd', reason: end.problem });
    if (problems.length === 0 && start.value) {
      try {
        await moveActivity(uc, {
          activityId: id,
          plannedStart: start.value,
          plannedEnd: end.value,
          ruleReason: (body.ruleReason ?? '').trim() || null,
          ...(body.expectedVersion ? { expectedVersion: body.expectedVersion } : {}),
        });
        return reply.redirect(`/activities/${id}?done=dates`, 303);
      } catch (err) {
        const r = problemsFrom(
          err,
          ['VALIDATION_FAILED', 'ACTIVITY_RULE_BROKEN', 'ACTIVITY_RULE_REASON_NEEDED', 'CONFLICT'],
          { defaultField: 'plannedStart' },
        );
        reply.status(r.status);
        return renderDates(reply, await getActivity(uc, id), body, r.problems);
      }
    }
    reply.status(400);
    return renderDates(reply, await getActivity(uc, id), body, problems);
  });
};

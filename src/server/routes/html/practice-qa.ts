// Practice QA pages (issue 17): the activity's page where its QAM (or lead) records observations
// of an inspector's practice; the inspector's own development record with their response; the
// national patterns (suppressed, never per person); and the strengths fed back at keeping-in-touch
// meetings against the report draft, where the lead links a paragraph or says why one is left out.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { todayInEngland } from '../../../clock.js';
import { getActivityPracticeQa } from '../../../usecases/practice-qa/get-activity-practice-qa.js';
import { getDevelopmentRecord } from '../../../usecases/practice-qa/get-development-record.js';
import { getPracticePatterns } from '../../../usecases/practice-qa/get-practice-patterns.js';
import { recordPracticeObservation } from '../../../usecases/practice-qa/record-practice-observation.js';
import { respondToPracticeObservation } from '../../../usecases/practice-qa/respond-to-practice-observation.js';
import { accountForStrength } from '../../../usecases/reports/account-for-strength.js';
import { listFedBackStrengths } from '../../../usecases/reports/list-fed-back-strengths.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const IdParams = z.object({ id: z.string().max(200) });
type Body = Record<string, string | string[] | undefined>;
const one = (b: Body, k: string) => String((Array.isArray(b[k]) ? b[k][0] : b[k]) ?? '').trim();
const NOTICES = {
  recorded:
    'The observation has been recorded. The inspector can read it in their development record.',
  responded: 'Your response has been saved.',
  linked: 'The strength has been linked to the paragraph.',
  explained: 'Your reason has been recorded.',
};
const PatternsQuery = z.object({
  groupBy: z.enum(['region', 'year', 'activity_type']).catch('region'),
});

export const registerPracticeQaRoutes: RouteModule = (app, ctx) => {
  const renderActivity = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Body | null,
    problems: Problem[] = [],
  ) => {
    const view = await getActivityPracticeQa(useCaseContext(request, ctx), { activityId: id });
    return reply.render('practice-qa/activity.njk', {
      view,
      values: values ?? { observedOn: todayInEngland() },
      notice: noticeFor((request.query as { done?: string }).done, NOTICES),
      ...formErrors(problems),
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: view.activity.title, href: `/activities/${view.activity.id}` },
      ],
    });
  };

  app.get('/activities/:id/practice-qa', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    return renderActivity(request, reply, id, null);
  });

  app.post('/activities/:id/practice-qa', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const body = (request.body ?? {}) as Body;
    const view = await getActivityPracticeQa(useCaseContext(request, ctx), { activityId: id });
    try {
      await recordPracticeObservation(useCaseContext(request, ctx), {
        activityId: id,
        inspector: one(body, 'inspector'),
        observedOn: one(body, 'observedOn'),
        setting: one(body, 'setting'),
        ratings: view.promptSet.prompts
          .filter((p) => one(body, `rating_${p.key}`) !== '')
          .map((p) => ({
            promptKey: p.key,
            rating: one(body, `rating_${p.key}`),
            comment: one(body, `comment_${p.key}`),
          })),
        developmentPoints: one(body, 'developmentPoints'),
      });
      return reply.redirect(`/activities/${encodeURIComponent(id)}/practice-qa?done=recorded`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'inspector' });
      reply.status(r.status);
      return renderActivity(request, reply, id, body, r.problems);
    }
  });

  app.get('/me/development', async (request, reply) => {
    const view = await getDevelopmentRecord(useCaseContext(request, ctx));
    return reply.render('practice-qa/development.njk', {
      view,
      notice: noticeFor((request.query as { done?: string }).done, NOTICES),
      breadcrumbs: [{ text: 'Home', href: '/home' }],
    });
  });

  app.post('/me/development/:id/response', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const body = (request.body ?? {}) as Body;
    await respondToPracticeObservation(useCaseContext(request, ctx), {
      observationId: id,
      response: one(body, 'response'),
    });
    return reply.redirect(`/me/development?done=responded#observation-${id}`, 303);
  });

  app.get('/national/practice-qa', async (request, reply) => {
    const { groupBy } = PatternsQuery.parse(request.query ?? {});
    const view = await getPracticePatterns(useCaseContext(request, ctx), { groupBy });
    return reply.render('practice-qa/national.njk', {
      view,
      breadcrumbs: [{ text: 'Home', href: '/home' }],
    });
  });

  const renderStrengths = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    problems: Problem[] = [],
  ) => {
    const view = await listFedBackStrengths(useCaseContext(request, ctx), { activityId: id });
    return reply.render('practice-qa/strengths.njk', {
      view,
      notice: noticeFor((request.query as { done?: string }).done, NOTICES),
      ...formErrors(problems),
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: view.activity.title, href: `/activities/${view.activity.id}` },
        { text: 'Report', href: `/activities/${view.activity.id}/report` },
      ],
    });
  };

  app.get('/activities/:id/report/strengths', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    return renderStrengths(request, reply, id);
  });

  app.post('/activities/:id/report/strengths', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const body = (request.body ?? {}) as Body;
    const strengthKey = one(body, 'strengthKey');
    const how = one(body, 'how') === 'link' ? 'link' : 'explain';
    try {
      await accountForStrength(
        useCaseContext(request, ctx),
        how === 'link'
          ? { how, activityId: id, strengthKey, paragraph: one(body, 'paragraph') }
          : { how, activityId: id, strengthKey, reason: one(body, 'reason') },
      );
      return reply.redirect(
        `/activities/${encodeURIComponent(id)}/report/strengths?done=${how === 'link' ? 'linked' : 'explained'}`,
        303,
      );
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], {
        defaultField: how === 'link' ? 'paragraph' : 'reason',
      });
      reply.status(r.status);
      const field = how === 'link' ? 'paragraph' : 'reason';
      return renderStrengths(
        request,
        reply,
        id,
        r.problems.map((p) => ({ ...p, field: `${field}-${strengthKey}` })),
      );
    }
  });
};

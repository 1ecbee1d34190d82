// The fieldwork plan pages (issue 17): the plan (cases allocated by inspector, conversations,
// observations, the lead's forms) and the progress view with its gaps in plain words, for the
// morning and evening team meetings.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  consentLabels,
  conversationWithLabels,
  infoSheetLabels,
  observationKindLabels,
  observationModeLabels,
  planStatusLabels,
  visitModeLabels,
} from '../../../domain/fieldwork/vocabulary.js';
import { allocateCase } from '../../../usecases/fieldwork/allocate-case.js';
import { getFieldworkPlan } from '../../../usecases/fieldwork/get-fieldwork-plan.js';
import { getFieldworkProgress } from '../../../usecases/fieldwork/get-fieldwork-progress.js';
import { markFieldworkItem } from '../../../usecases/fieldwork/mark-fieldwork-item.js';
import { planConversation } from '../../../usecases/fieldwork/plan-conversation.js';
import { planObservation } from '../../../usecases/fieldwork/plan-observation.js';
import { setFieldworkExpectations } from '../../../usecases/fieldwork/set-fieldwork-expectations.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const IdParams = z.object({ id: z.string().max(200) });
const ItemParams = z.object({
  id: z.string().max(200),
  kind: z.enum(['visit', 'conversation', 'observation']),
  itemId: z.string().max(200),
});
type Body = Record<string, string | string[] | undefined>;
const one = (b: Body, k: string) => String((Array.isArray(b[k]) ? b[k][0] : b[k]) ?? '').trim();
const opt = (b: Body, k: string) => one(b, k) || undefined;
const NOTICES = {
  expectations: 'The expectations have been saved.',
  allocated: 'The case has been allocated.',
  conversation: 'The conversation has been planned.',
  observation: 'The observation has been planned.',
  marked: 'The plan has been updated.',
};
const labels = {
  consent: consentLabels,
  withWhom: conversationWithLabels,
  infoSheet: infoSheetLabels,
  observationKind: observationKindLabels,
  observationMode: observationModeLabels,
  status: planStatusLabels,
  mode: visitModeLabels,
};

export const registerFieldworkRoutes: RouteModule = (app, ctx) => {
  const renderPlan = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Body = {},
    problems: Problem[] = [],
  ) => {
    const plan = await getFieldworkPlan(useCaseContext(request, ctx), { activityId: id });
    const byInspector = plan.inspectors.map((i) => ({
      ...i,
      visits: plan.visits.filter((v) => v.inspectorId === i.id),
    }));
    return reply.render('fieldwork/plan.njk', {
      plan,
      byInspector,
      labels,
      values,
      notice: noticeFor((request.query as { done?: string }).done, NOTICES),
      ...formErrors(problems),
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: plan.activity.title, href: `/activities/${plan.activity.id}` },
      ],
    });
  };

  app.get('/activities/:id/fieldwork', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    return renderPlan(request, reply, id);
  });

  app.get('/activities/:id/fieldwork/progress', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const view = await getFieldworkProgress(useCaseContext(request, ctx), { activityId: id });
    return reply.render('fieldwork/progress.njk', {
      view,
      labels,
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: view.activity.title, href: `/activities/${view.activity.id}` },
        { text: 'Fieldwork plan', href: `/activities/${view.activity.id}/fieldwork` },
      ],
    });
  });

  /** Runs one change; on a refusal the form shows its problems again. */
  const post = (
    path: string,
    done: keyof typeof NOTICES,
    run: (request: FastifyRequest, id: string, body: Body) => Promise<unknown>,
    defaultField: string,
  ) =>
    app.post(path, async (request, reply) => {
      const { id } = IdParams.parse(request.params);
      const body = (request.body ?? {}) as Body;
      try {
        await run(request, id, body);
        return reply.redirect(`/activities/${encodeURIComponent(id)}/fieldwork?done=${done}`, 303);
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED', 'CASE_ALREADY_ALLOCATED'], {
          defaultField,
        });
        reply.status(r.status);
        return renderPlan(request, reply, id, body, r.problems);
      }
    });

  post(
    '/activities/:id/fieldwork/expectations',
    'expectations',
    (request, id, b) =>
      setFieldworkExpectations(useCaseContext(request, ctx), {
        activityId: id,
        remoteShareMaxPercent: one(b, 'remoteShareMaxPercent') as unknown as number,
        minutesPerCase: one(b, 'minutesPerCase') as unknown as number,
        observationMode: one(b, 'observationMode') as 'day_per_inspector',
        designatedObserverId: opt(b, 'designatedObserverId'),
      }),
    'remoteShareMaxPercent',
  );
  post(
    '/activities/:id/fieldwork/visits',
    'allocated',
    (request, id, b) =>
      allocateCase(useCaseContext(request, ctx), {
        activityId: id,
        sampleCaseId: one(b, 'sampleCaseId'),
        inspectorId: one(b, 'inspectorId'),
        socialWorkerRef: opt(b, 'socialWorkerRef'),
        socialWorkerRole: opt(b, 'socialWorkerRole'),
        plannedAt: opt(b, 'plannedAt'),
        mode: one(b, 'mode') as 'in_person',
        plannedJoint: one(b, 'plannedJoint') === 'yes',
      }),
    'sampleCaseId',
  );
  post(
    '/activities/:id/fieldwork/conversations',
    'conversation',
    (request, id, b) =>
      planConversation(useCaseContext(request, ctx), {
        activityId: id,
        withWhom: one(b, 'withWhom') as 'child',
        serviceArea: one(b, 'serviceArea'),
        inspectorId: one(b, 'conversationInspectorId'),
        plannedOn: opt(b, 'conversationOn'),
        infoSheet: (opt(b, 'infoSheet') ?? 'not_given') as 'given',
        consent: (opt(b, 'consent') ?? 'not_asked') as 'given',
      }),
    'withWhom',
  );
  post(
    '/activities/:id/fieldwork/observations',
    'observation',
    (request, id, b) =>
      planObservation(useCaseContext(request, ctx), {
        activityId: id,
        kind: one(b, 'kind') as 'meeting',
        observerId: one(b, 'observerId'),
        plannedOn: opt(b, 'observationOn'),
        description: opt(b, 'description'),
      }),
    'kind',
  );

  app.post('/activities/:id/fieldwork/items/:kind/:itemId', async (request, reply) => {
    const { id, kind, itemId } = ItemParams.parse(request.params);
    const body = (request.body ?? {}) as Body;
    try {
      await markFieldworkItem(useCaseContext(request, ctx), {
        activityId: id,
        kind,
        itemId,
        status: one(body, 'status') as 'done',
        ...(opt(body, 'minutesSpent') ? { minutesSpent: opt(body, 'minutesSpent') } : {}),
      });
      return reply.redirect(`/activities/${encodeURIComponent(id)}/fieldwork?done=marked`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: `status-${itemId}` });
      reply.status(r.status);
      return renderPlan(request, reply, id, body, r.problems);
    }
  });
};

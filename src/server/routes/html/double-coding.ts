// Blind double coding pages: the activity's assignments and the lead's form to set one up; an
// assignment, where each coder codes the chosen records in their own layer (by pasting the words,
// so it works without JavaScript) and finishes. Agreement and reconciliation: double-coding-review.ts.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { UseCaseContext } from '../../../usecases/context.js';
import { assignDoubleCoding } from '../../../usecases/double-coding/assign-double-coding.js';
import { codeDoubleCoding } from '../../../usecases/double-coding/code-double-coding.js';
import { finishDoubleCoding } from '../../../usecases/double-coding/finish-double-coding.js';
import { getDoubleCoding } from '../../../usecases/double-coding/get-double-coding.js';
import { listDoubleCodings } from '../../../usecases/double-coding/list-double-codings.js';
import { uncodeDoubleCoding } from '../../../usecases/double-coding/uncode-double-coding.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { many, one } from './judgements.js';

const IdParams = z.object({ id: z.string() });
const AssignmentParams = z.object({ id: z.string(), assignmentId: z.string() });
const CodingParams = AssignmentParams.extend({ codingId: z.string() });
const DoneQuery = z.object({ done: z.string().optional() });
const Form = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const notices = {
  assigned: 'The double coding was set up. Each coder codes blind.',
  coded: 'Your coding was saved.',
  removed: 'Your coding was removed.',
  finished: 'You have finished. Your codings are fixed.',
};

export const crumbsFor = (a: { id: string; title: string }) => [
  { text: 'Home', href: '/home' },
  { text: a.title, href: `/activities/${a.id}` },
  { text: 'Double coding', href: `/activities/${a.id}/double-coding` },
];

export const registerDoubleCodingRoutes: RouteModule = (app, ctx) => {
  async function renderList(
    reply: FastifyReply,
    uc: UseCaseContext,
    activityId: string,
    extra: { problems?: Problem[]; values?: Record<string, string | string[]>; done?: string },
  ) {
    const d = await listDoubleCodings(uc, { activityId });
    return reply.render('double-coding/list.njk', {
      d,
      activity: d.activity,
      values: extra.values ?? {},
      notice: noticeFor(extra.done, notices),
      breadcrumbs: crumbsFor(d.activity).slice(0, 2),
      ...(extra.problems
        ? formErrors(extra.problems, {}, new Set(['title', 'records', 'coders']))
        : {}),
    });
  }

  app.get('/activities/:id/double-coding', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { done } = DoneQuery.parse(request.query);
    return renderList(reply, useCaseContext(request, ctx), id, { done });
  });

  app.post('/activities/:id/double-coding', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    try {
      const r = await assignDoubleCoding(uc, {
        activityId: id,
        title: one(body.title),
        records: many(body.records),
        coders: many(body.coders),
      });
      return reply.redirect(`/activities/${id}/double-coding/${r.id}?done=assigned`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'records' });
      reply.status(r.status);
      const problems = r.problems.map((p) => ({
        ...p,
        field: ['title', 'records', 'coders'].find((f) => p.field?.startsWith(f)) ?? 'records',
      }));
      return renderList(reply, uc, id, { problems, values: body });
    }
  });

  async function renderAssignment(
    reply: FastifyReply,
    uc: UseCaseContext,
    p: z.infer<typeof AssignmentParams>,
    extra: { problems?: Problem[]; values?: Record<string, string | string[]>; done?: string },
  ) {
    const d = await getDoubleCoding(uc, { activityId: p.id, assignmentId: p.assignmentId });
    const activity = d.activity;
    const shown = new Set(
      d.records.flatMap((r) => [`code-${r.evidenceId}`, `passage-${r.evidenceId}`]),
    );
    return reply.render('double-coding/assignment.njk', {
      d,
      activity,
      values: extra.values ?? {},
      notice: noticeFor(extra.done, notices),
      mayCode: d.viewer.coder && !d.viewer.finished,
      breadcrumbs: crumbsFor(activity),
      ...(extra.problems ? formErrors(extra.problems, {}, shown) : {}),
    });
  }

  app.get('/activities/:id/double-coding/:assignmentId', async (request, reply) => {
    const p = AssignmentParams.parse(request.params);
    const { done } = DoneQuery.parse(request.query);
    return renderAssignment(reply, useCaseContext(request, ctx), p, { done });
  });

  app.post('/activities/:id/double-coding/:assignmentId/codings', async (request, reply) => {
    const p = AssignmentParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    const evidenceId = one(body.evidenceId);
    const occurrence = Number(one(body.occurrence) || '1');
    try {
      await codeDoubleCoding(uc, {
        activityId: p.id,
        assignmentId: p.assignmentId,
        evidenceId,
        codeId: one(body.codeId),
        passage: one(body.passage),
        occurrence: Number.isInteger(occurrence) && occurrence > 0 ? occurrence : 1,
      });
      const back = `/activities/${p.id}/double-coding/${p.assignmentId}`;
      return reply.redirect(`${back}?done=coded#record-${evidenceId}`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED', 'CONFLICT'], { defaultField: 'passage' });
      reply.status(r.status);
      const problems = r.problems.map((x) => ({
        ...x,
        field: `${x.field === 'codeId' ? 'code' : 'passage'}-${evidenceId}`,
      }));
      return renderAssignment(reply, uc, p, { problems, values: { ...body, evidenceId } });
    }
  });

  app.post(
    '/activities/:id/double-coding/:assignmentId/codings/:codingId/remove',
    async (request, reply) => {
      const p = CodingParams.parse(request.params);
      await uncodeDoubleCoding(useCaseContext(request, ctx), {
        activityId: p.id,
        assignmentId: p.assignmentId,
        codingId: p.codingId,
      });
      return reply.redirect(
        `/activities/${p.id}/double-coding/${p.assignmentId}?done=removed`,
        303,
      );
    },
  );

  app.post('/activities/:id/double-coding/:assignmentId/finish', async (request, reply) => {
    const p = AssignmentParams.parse(request.params);
    await finishDoubleCoding(useCaseContext(request, ctx), {
      activityId: p.id,
      assignmentId: p.assignmentId,
    });
    return reply.redirect(`/activities/${p.id}/double-coding/${p.assignmentId}?done=finished`, 303);
  });
};

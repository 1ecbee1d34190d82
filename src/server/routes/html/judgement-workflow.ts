// Judgement pages around the team decision: provisional views, the consistency panel, the
// feedback log, divergence and the moderation record. Thin: validate, one use case, render.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  feedbackKindLabels,
  feedbackKinds,
  themeDirections,
} from '../../../domain/judgements/divergence.js';
import { gradePositions, positionLabels } from '../../../domain/judgements/judgement-rules.js';
import type { UseCaseContext } from '../../../usecases/context.js';
import { addFeedbackEntry } from '../../../usecases/judgements/add-feedback-entry.js';
import { addPanelComment } from '../../../usecases/judgements/add-panel-comment.js';
import { assignPanelMember } from '../../../usecases/judgements/assign-panel-member.js';
import { explainDivergence } from '../../../usecases/judgements/explain-divergence.js';
import { getFeedbackLog } from '../../../usecases/judgements/get-feedback-log.js';
import { getJudgementsOverview } from '../../../usecases/judgements/get-judgements-overview.js';
import { getModerationRecord } from '../../../usecases/judgements/get-moderation-record.js';
import { getProvisionalViews } from '../../../usecases/judgements/get-provisional-views.js';
import { recordProvisionalView } from '../../../usecases/judgements/record-provisional-view.js';
import { removePanelMember } from '../../../usecases/judgements/remove-panel-member.js';
import { respondToPanelComment } from '../../../usecases/judgements/respond-to-panel-comment.js';
import {
  dateFromParts,
  formErrors,
  noticeFor,
  problemsFrom,
  type Problem,
} from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { judgementNotices, one, pageBase } from './judgements.js';

const IdParams = z.object({ id: z.string() });
const CommentParams = z.object({ id: z.string(), commentId: z.string() });
const MemberParams = z.object({ id: z.string(), userId: z.string() });
const DoneQuery = z.object({ done: z.string().optional() });
const Form = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
type PageData = Parameters<typeof pageBase>[0];
type Extra = { notice?: string | undefined; problems?: Problem[]; values?: Record<string, string> };

export const registerJudgementWorkflowRoutes: RouteModule = (app, ctx) => {
  /**
   * A page renderer. `fields` lists the ids of the form controls the page renders for this
   * person (mirroring the template's conditions), so error summary links only target those.
   */
  const page =
    <D extends PageData>(
      template: string,
      load: (uc: UseCaseContext, id: string) => Promise<D>,
      current: string,
      fields: (d: D) => string[],
      more: Record<string, unknown> = {},
    ) =>
    async (reply: FastifyReply, uc: UseCaseContext, id: string, extra: Extra = {}) => {
      const data = await load(uc, id);
      return reply.render(template, {
        ...pageBase(data, current),
        d: data,
        ...more,
        notice: extra.notice,
        values: extra.values ?? {},
        // A date's problems link to its first field (GOV.UK date input pattern).
        ...(extra.problems
          ? formErrors(extra.problems, { heldOn: 'heldOn-day' }, new Set(fields(data)))
          : {}),
      });
    };
  const views = page(
    'judgements/views.njk',
    getProvisionalViews,
    'views',
    (d) =>
      d.canRecord
        ? d.judgements.flatMap((j) => ['grade', 'position', 'note'].map((f) => `${f}-${j.key}`))
        : [],
    {
      positions: gradePositions.map((p) => ({ value: p, text: positionLabels[p] })),
      positionLabels,
    },
  );
  const panel = page(
    'judgements/panel.njk',
    getJudgementsOverview,
    'panel',
    (o) => [
      ...(o.can.assignPanel ? ['user'] : []),
      ...(o.can.comment ? ['kind', 'judgementKey', 'text'] : []),
      ...(o.can.answer
        ? o.state.comments.filter((c) => !c.response).map((c) => `response-${c.id}`)
        : []),
    ],
    { positionLabels },
  );
  const feedback = page(
    'judgements/feedback.njk',
    getFeedbackLog,
    'feedback',
    (d) =>
      d.canWrite
        ? [
            'kind',
            'heldOn-day',
            'present',
            'summary',
            ...d.state.rows.flatMap((r) =>
              ['text', 'direction', 'grade'].map((f) => `theme-${f}-${r.key}`),
            ),
          ]
        : [],
    {
      kinds: feedbackKinds.map((k) => ({ value: k, text: feedbackKindLabels[k] })),
      kindLabels: feedbackKindLabels,
      directions: themeDirections,
    },
  );
  const divergence = page('judgements/divergence.njk', getJudgementsOverview, 'divergence', (o) =>
    o.can.explain ? o.state.flags.map((f) => `explanation-${f.key}`) : [],
  );

  /** GET renders the page; POST runs the action, then redirects or re-renders with problems. */
  function pair(
    path: string,
    render: ReturnType<typeof page>,
    action?: {
      post: string;
      run: (
        uc: UseCaseContext,
        p: Record<string, string>,
        body: Record<string, string>,
      ) => Promise<unknown>;
      done: string;
      /** The form field a problem (about the use case's `problemField`) is shown against. */
      field: (
        p: Record<string, string>,
        b: Record<string, string>,
        problemField: string | undefined,
      ) => string;
    },
  ) {
    app.get(path, async (request, reply) => {
      const { id } = IdParams.parse(request.params);
      const { done } = DoneQuery.parse(request.query);
      return render(reply, useCaseContext(request, ctx), id, {
        notice: noticeFor(done, judgementNotices),
      });
    });
    if (!action) return;
    app.post(action.post, async (request, reply) => {
      const params = z.record(z.string(), z.string()).parse(request.params);
      const id = params.id ?? '';
      const uc = useCaseContext(request, ctx);
      const raw = Form.parse(request.body ?? {});
      const body = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, one(v)]));
      try {
        await action.run(uc, params, body);
        return reply.redirect(`${path.replace(':id', id)}?done=${action.done}`, 303);
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED', 'INVALID_TRANSITION', 'CONFLICT']);
        reply.status(r.status);
        const problems = r.problems.map((p) => ({
          ...p,
          field: action.field(params, body, p.field),
        }));
        return render(reply, uc, id, { problems, values: body });
      }
    });
  }

  pair('/activities/:id/judgements/provisional-views', views, {
    post: '/activities/:id/judgements/:key/provisional-view',
    done: 'view',
    // Each judgement has its own small form: grade, position and note, suffixed by its key.
    field: (p, _b, f) => `${f === 'position' || f === 'note' ? f : 'grade'}-${p.key}`,
    run: (uc, p, b) =>
      recordProvisionalView(uc, {
        activityId: p.id ?? '',
        judgementKey: p.key ?? '',
        grade: b.grade ?? '',
        position: (gradePositions as readonly string[]).includes(b.position ?? '')
          ? (b.position as never)
          : 'secure',
        note: b.note ?? '',
      }),
  });

  pair('/activities/:id/judgements/panel', panel, {
    post: '/activities/:id/judgements/panel',
    done: 'panel',
    field: () => 'user',
    run: (uc, p, b) => assignPanelMember(uc, { activityId: p.id ?? '', user: b.user ?? '' }),
  });
  app.post('/activities/:id/judgements/panel/:userId/remove', async (request, reply) => {
    const { id, userId } = MemberParams.parse(request.params);
    await removePanelMember(useCaseContext(request, ctx), { activityId: id, userId });
    return reply.redirect(`/activities/${id}/judgements/panel?done=panel`, 303);
  });
  app.post('/activities/:id/judgements/panel/comments', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const b = Object.fromEntries(
      Object.entries(Form.parse(request.body ?? {})).map(([k, v]) => [k, one(v)]),
    );
    const problems: Problem[] = [];
    if (!b.text?.trim()) problems.push({ field: 'text', reason: 'Write the comment or challenge' });
    if (b.kind !== 'comment' && b.kind !== 'challenge')
      problems.push({ field: 'kind', reason: 'Say whether this is a comment or a challenge' });
    if (problems.length === 0) {
      try {
        await addPanelComment(uc, {
          activityId: id,
          judgementKey: b.judgementKey || null,
          kind: b.kind as never,
          text: b.text ?? '',
        });
        return reply.redirect(`/activities/${id}/judgements/panel?done=comment`, 303);
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED', 'INVALID_TRANSITION'], {
          defaultField: 'text',
        });
        reply.status(r.status);
        return panel(reply, uc, id, { problems: r.problems, values: b });
      }
    }
    reply.status(400);
    return panel(reply, uc, id, { problems, values: b });
  });
  app.post(
    '/activities/:id/judgements/panel/comments/:commentId/response',
    async (request, reply) => {
      const { id, commentId } = CommentParams.parse(request.params);
      const uc = useCaseContext(request, ctx);
      const b = Object.fromEntries(
        Object.entries(Form.parse(request.body ?? {})).map(([k, v]) => [k, one(v)]),
      );
      try {
        await respondToPanelComment(uc, { activityId: id, commentId, response: b.response ?? '' });
        return reply.redirect(`/activities/${id}/judgements/panel?done=answer`, 303);
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED', 'INVALID_TRANSITION'], {
          defaultField: `response-${commentId}`,
        });
        reply.status(r.status);
        return panel(reply, uc, id, {
          problems: r.problems.map((p) => ({ ...p, field: `response-${commentId}` })),
          values: b,
        });
      }
    },
  );

  pair('/activities/:id/feedback-log', feedback);
  app.post('/activities/:id/feedback-log', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const b = Object.fromEntries(
      Object.entries(Form.parse(request.body ?? {})).map(([k, v]) => [k, one(v)]),
    );
    const problems: Problem[] = [];
    const held = dateFromParts(
      { day: b['heldOn-day'], month: b['heldOn-month'], year: b['heldOn-year'] },
      'date of the meeting',
      { required: true },
    );
    if (held.problem) problems.push({ field: 'heldOn', reason: held.problem });
    if (!(feedbackKinds as readonly string[]).includes(b.kind ?? ''))
      problems.push({ field: 'kind', reason: 'Select the kind of meeting' });
    if (!b.present?.trim()) problems.push({ field: 'present', reason: 'Say who was present' });
    // One fixed row per judgement (no JavaScript needed): a theme counts when it has text.
    const themes = Object.keys(b)
      .filter((k) => k.startsWith('theme-text-') && b[k]?.trim())
      .map((k) => {
        const key = k.slice('theme-text-'.length);
        const direction = b[`theme-direction-${key}`] ?? '';
        if (!(themeDirections as readonly string[]).includes(direction))
          problems.push({
            field: `theme-direction-${key}`,
            reason: 'Say whether each theme was a strength, a weakness or mixed',
          });
        return {
          judgementKey: key,
          direction: direction as never,
          text: b[k] ?? '',
          indicatedGrade: b[`theme-grade-${key}`] || null,
        };
      });
    if (problems.length === 0 && held.value) {
      try {
        await addFeedbackEntry(uc, {
          activityId: id,
          kind: b.kind as never,
          heldOn: held.value,
          present: b.present ?? '',
          summary: b.summary ?? '',
          themes,
        });
        return reply.redirect(`/activities/${id}/feedback-log?done=feedback`, 303);
      } catch (err) {
        // The use case names theme fields by position (themes.0.indicatedGrade); the form by key.
        const fields: Record<string, string> = {};
        themes.forEach((t, i) => {
          fields[`themes.${i}.judgementKey`] = `theme-text-${t.judgementKey}`;
          fields[`themes.${i}.text`] = `theme-text-${t.judgementKey}`;
          fields[`themes.${i}.direction`] = `theme-direction-${t.judgementKey}`;
          fields[`themes.${i}.indicatedGrade`] = `theme-grade-${t.judgementKey}`;
        });
        const r = problemsFrom(err, ['VALIDATION_FAILED', 'INVALID_TRANSITION'], { fields });
        reply.status(r.status);
        return feedback(reply, uc, id, { problems: r.problems, values: b });
      }
    }
    reply.status(400);
    return feedback(reply, uc, id, { problems, values: b });
  });

  pair('/activities/:id/judgements/divergence', divergence, {
    post: '/activities/:id/judgements/divergence',
    done: 'explained',
    field: (_p, b) => `explanation-${b.flagKey ?? ''}`,
    run: (uc, p, b) =>
      explainDivergence(uc, {
        activityId: p.id ?? '',
        flagKey: b.flagKey ?? '',
        explanation: b.explanation ?? '',
      }),
  });

  app.get('/activities/:id/moderation-record', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const m = await getModerationRecord(useCaseContext(request, ctx), id);
    return reply.render('judgements/moderation.njk', {
      m,
      activityId: id,
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: m.activityTitle, href: `/activities/${id}` },
      ],
    });
  });
};

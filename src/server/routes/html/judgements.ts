// Judgement pages: the overview of an activity's judgements (with stage moves), editing one
// judgement, the QA page and the change history. Thin: validate, one use case, render.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { gradePositions, positionLabels } from '../../../domain/judgements/judgement-rules.js';
import {
  isJudgementStage,
  stageLabels,
  stageTagColours,
} from '../../../domain/judgements/stages.js';
import { advanceJudgements } from '../../../usecases/judgements/advance-judgements.js';
import { getJudgementEditForm } from '../../../usecases/judgements/get-judgement-edit-form.js';
import { getJudgementHistory } from '../../../usecases/judgements/get-judgement-history.js';
import { getJudgementsOverview } from '../../../usecases/judgements/get-judgements-overview.js';
import { setJudgement } from '../../../usecases/judgements/set-judgement.js';
import type { UseCaseContext } from '../../../usecases/context.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const IdParams = z.object({ id: z.string() });
const KeyParams = z.object({ id: z.string(), key: z.string() });
const DoneQuery = z.object({ done: z.string().optional(), judgement: z.string().optional() });
const Form = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

export const judgementNotices = {
  saved: 'The judgement has been saved.',
  stage: 'The judgements have moved to the next stage.',
  view: 'Your provisional view has been recorded.',
  panel: 'The consistency panel has been updated.',
  comment: 'Your comment has been added.',
  answer: 'Your answer has been recorded.',
  feedback: 'The feedback has been recorded.',
  explained: 'The explanation has been recorded.',
};

export const one = (v: string | string[] | undefined): string =>
  (Array.isArray(v) ? v[0] : v) ?? '';
export const many = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/** Locals every judgements page shares (breadcrumbs, stage tag, sub-navigation). */
export function pageBase(
  o: {
    scope: { activity: { id: string; title: string; laName: string } };
    state: { set: { stage: string } };
  },
  current: string,
) {
  const a = o.scope.activity;
  const stage = o.state.set.stage as keyof typeof stageLabels;
  return {
    activity: a,
    stage,
    stageLabel: stageLabels[stage],
    stageColour: stageTagColours[stage],
    current,
    breadcrumbs: [
      { text: 'Home', href: '/home' },
      { text: a.title, href: `/activities/${a.id}` },
      ...(current === 'overview'
        ? []
        : [{ text: 'Judgements', href: `/activities/${a.id}/judgements` }]),
    ],
  };
}

interface StagePageExtra {
  notice?: string | undefined;
  problems?: Problem[];
  values?: Record<string, string>;
}

/**
 * The overview and the QA page: both show the judgements and a stage-move form (the QA page's
 * only while the judgements are with quality assurance).
 */
async function renderStagePage(
  reply: FastifyReply,
  uc: UseCaseContext,
  id: string,
  page: 'overview' | 'qa',
  extra: StagePageExtra = {},
) {
  const o = await getJudgementsOverview(uc, id);
  const movable =
    o.can.move && (page === 'qa' ? o.state.set.stage === 'quality_assurance' : o.moves.length > 0);
  return reply.render(`judgements/${page}.njk`, {
    ...pageBase(o, page),
    o,
    stageLabels,
    notice: extra.notice,
    values: extra.values ?? {},
    ...(extra.problems ? formErrors(extra.problems, {}, stageFields(movable)) : {}),
  });
}

/** The stage form's controls, when the page shows it. */
const stageFields = (shown: boolean) => new Set(shown ? ['toStage', 'reason'] : []);

async function renderEdit(
  reply: FastifyReply,
  uc: UseCaseContext,
  id: string,
  key: string,
  extra: { problems?: Problem[]; values?: Record<string, string | string[]> } = {},
) {
  const f = await getJudgementEditForm(uc, id, key);
  const r = f.record;
  const linkOf = new Map((r?.links ?? []).map((l) => [`${l.kind}:${l.id}`, l.direction]));
  const v = extra.values;
  const values = v
    ? {
        grade: one(v.grade),
        position: one(v.position),
        nearness: one(v.nearness),
        context: one(v.context),
        narrative: one(v.narrative),
        criteriaMet: many(v.criteriaMet),
        criteriaNotMet: many(v.criteriaNotMet),
        reason: one(v.reason),
        aggregationReason: one(v.aggregationReason),
        version: one(v.expectedVersion),
      }
    : {
        grade: r?.grade ?? '',
        position: r?.position ?? '',
        nearness: r?.nearness ?? '',
        context: r?.context ?? '',
        narrative: r?.narrative ?? '',
        criteriaMet: r?.criteriaMet ?? [],
        criteriaNotMet: r?.criteriaNotMet ?? [],
        reason: '',
        aggregationReason: r?.aggregationReason ?? '',
        version: String(r?.version ?? 0),
      };
  const evidence = f.evidence.map((e, i) => ({
    ...e,
    field: `link-${i}`,
    value: `${e.kind}:${e.id}`,
    chosen: v ? (one(v[`link-${i}`]).split('|')[0] ?? '') : (linkOf.get(`${e.kind}:${e.id}`) ?? ''),
  }));
  return reply.render('judgements/edit.njk', {
    ...pageBase(f, 'edit'),
    f,
    values,
    evidence,
    positions: gradePositions.map((p) => ({ value: p, text: positionLabels[p] })),
    ...(extra.problems ? editErrors(extra.problems, f, evidence) : {}),
  });
}

/**
 * The edit form's problems, linked to its controls: criteria to the first "met" box, evidence to
 * the first cited select. Disabled (read-only) controls cannot take focus, so none are linked.
 */
function editErrors(
  problems: Problem[],
  f: Awaited<ReturnType<typeof getJudgementEditForm>>,
  evidence: { field: string; chosen: string }[],
) {
  const controls = ['grade', 'position', 'nearness', 'context', 'narrative', 'reason'];
  if (f.criteria.length) controls.push('criteriaMet', 'criteriaNotMet');
  if (f.headline) controls.push('aggregationReason');
  controls.push(...evidence.map((e) => e.field));
  const cited = evidence.find((e) => e.chosen) ?? evidence[0];
  return formErrors(
    problems,
    { criteria: 'criteriaMet', links: cited?.field ?? null },
    new Set(f.canEdit ? controls : []),
  );
}

export const registerJudgementRoutes: RouteModule = (app, ctx) => {
  app.get('/activities/:id/judgements', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { done } = DoneQuery.parse(request.query);
    return renderStagePage(reply, useCaseContext(request, ctx), id, 'overview', {
      notice: noticeFor(done, judgementNotices),
    });
  });

  app.post('/activities/:id/judgements/stage', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    const toStage = one(body.toStage);
    const reason = one(body.reason).trim();
    const back = one(body.from) === 'qa' ? 'qa' : '';
    let problems: Problem[];
    if (!isJudgementStage(toStage)) {
      problems = [{ field: 'toStage', reason: 'Select the stage to move to' }];
      reply.status(400);
    } else {
      try {
        await advanceJudgements(uc, {
          activityId: id,
          toStage,
          reason: reason || null,
          ...(/^\d+$/.test(one(body.expectedVersion))
            ? { expectedVersion: Number(one(body.expectedVersion)) }
            : {}),
        });
        return reply.redirect(`/activities/${id}/judgements${back ? '/qa' : ''}?done=stage`, 303);
      } catch (err) {
        const r = problemsFrom(err, ['INVALID_TRANSITION', 'CONFLICT', 'VALIDATION_FAILED'], {
          defaultField: 'toStage',
        });
        reply.status(r.status);
        problems = r.problems.map((p) => ({ ...p, field: 'toStage' }));
      }
    }
    return renderStagePage(reply, uc, id, back ? 'qa' : 'overview', {
      problems,
      values: { toStage, reason },
    });
  });

  app.get('/activities/:id/judgements/:key/edit', async (request, reply) => {
    const { id, key } = KeyParams.parse(request.params);
    return renderEdit(reply, useCaseContext(request, ctx), id, key);
  });

  app.post('/activities/:id/judgements/:key', async (request, reply) => {
    const { id, key } = KeyParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    const links = Object.entries(body)
      .filter(([k]) => k.startsWith('link-'))
      .flatMap(([, v]) => {
        const [direction, kind, target] = one(v).split('|');
        return direction && kind && target
          ? [{ kind: kind as never, id: target, direction: direction as never }]
          : [];
      });
    const version = one(body.expectedVersion);
    try {
      await setJudgement(uc, {
        activityId: id,
        judgementKey: key,
        expectedVersion: /^\d+$/.test(version) ? Number(version) : 0,
        grade: one(body.grade) || null,
        position: (gradePositions as readonly string[]).includes(one(body.position))
          ? (one(body.position) as never)
          : null,
        nearness: one(body.nearness),
        context: one(body.context),
        narrative: one(body.narrative),
        criteriaMet: many(body.criteriaMet),
        criteriaNotMet: many(body.criteriaNotMet),
        links,
        reason: one(body.reason) || null,
        aggregationReason: one(body.aggregationReason) || null,
      });
      return reply.redirect(`/activities/${id}/judgements?done=saved`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED', 'CONFLICT'], { defaultField: 'grade' });
      reply.status(r.status);
      return renderEdit(reply, uc, id, key, { problems: r.problems, values: body });
    }
  });

  app.get('/activities/:id/judgements/qa', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { done } = DoneQuery.parse(request.query);
    return renderStagePage(reply, useCaseContext(request, ctx), id, 'qa', {
      notice: noticeFor(done, judgementNotices),
    });
  });

  app.get('/activities/:id/judgements/history', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { judgement } = DoneQuery.parse(request.query);
    const h = await getJudgementHistory(useCaseContext(request, ctx), id, judgement || undefined);
    return reply.render('judgements/history.njk', {
      ...pageBase(
        {
          scope: h.scope,
          state: { set: { stage: h.stageChanges.at(-1)?.toStage ?? 'team_provisional' } },
        },
        'history',
      ),
      h,
      judgement: judgement ?? '',
      judgementItems: [
        { value: '', text: 'All judgements' },
        ...h.scope.judgements.map((j) => ({
          value: j.key,
          text: j.shortTitle,
          selected: j.key === judgement,
        })),
      ],
      stageLabels,
    });
  });
};

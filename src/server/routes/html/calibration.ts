// Calibration pages (issue 15, Munro: training through vignettes): the exercises list, the
// vignette bank with its form (a judgement area first, then its criteria and the reference
// grade), and setting up an exercise. Thin: validate, one use case, render. The exercise itself,
// own agreement and the national view are in calibration-exercise.ts.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ofstedRegions } from '../../../domain/access/roles.js';
import type { UseCaseContext } from '../../../usecases/context.js';
import { addVignette } from '../../../usecases/calibration/add-vignette.js';
import { createExercise } from '../../../usecases/calibration/create-exercise.js';
import { getCalibrationChoices } from '../../../usecases/calibration/get-calibration-choices.js';
import { listExercises } from '../../../usecases/calibration/list-exercises.js';
import { listVignettes } from '../../../usecases/calibration/list-vignettes.js';
import { retireVignette } from '../../../usecases/calibration/retire-vignette.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { many, one } from './judgements.js';

const Form = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const Done = z.object({ done: z.string().optional() });
const AreaQuery = z.object({ area: z.string().max(200).optional() });
const notices = {
  vignette: 'The vignette was added to the bank.',
  retired: 'The vignette was retired: past exercises keep it; new ones cannot use it.',
};
const IdParams = z.object({ id: z.string().max(100) });
type Values = Record<string, string | string[]>;

export const calibrationCrumbs = [
  { text: 'Home', href: '/home' },
  { text: 'Calibration', href: '/calibration' },
];

export const registerCalibrationRoutes: RouteModule = (app, ctx) => {
  app.get('/calibration', async (request, reply) => {
    const uc = useCaseContext(request, ctx);
    const exercises = await listExercises(uc);
    return reply.render('calibration/index.njk', {
      exercises,
      breadcrumbs: calibrationCrumbs.slice(0, 1),
    });
  });

  app.get('/calibration/vignettes', async (request, reply) => {
    const uc = useCaseContext(request, ctx);
    const { done } = Done.parse(request.query);
    const [vignettes, choices] = await Promise.all([listVignettes(uc), getCalibrationChoices(uc)]);
    return reply.render('calibration/vignettes.njk', {
      vignettes,
      choices,
      notice: noticeFor(done, notices),
      breadcrumbs: calibrationCrumbs,
    });
  });

  async function renderNewVignette(
    reply: FastifyReply,
    uc: UseCaseContext,
    area: string,
    extra: { problems?: Problem[]; values?: Values } = {},
  ) {
    const choices = await getCalibrationChoices(uc);
    const [fwId, key] = area.split('|');
    const fw = choices.frameworks.find((f) => f.id === fwId);
    const judgement = fw?.judgements.find((j) => j.key === key);
    if (!fw || !judgement) return reply.redirect('/calibration/vignettes', 303);
    const fields = new Set(['title', 'body', 'criteria', 'referenceGrade', 'panelNote']);
    return reply.render('calibration/vignette-new.njk', {
      fw,
      judgement,
      values: extra.values ?? {},
      breadcrumbs: [
        ...calibrationCrumbs,
        { text: 'Vignette bank', href: '/calibration/vignettes' },
      ],
      ...(extra.problems ? formErrors(extra.problems, {}, fields) : {}),
    });
  }

  app.get('/calibration/vignettes/new', async (request, reply) => {
    const { area } = AreaQuery.parse(request.query);
    return renderNewVignette(reply, useCaseContext(request, ctx), area ?? '');
  });

  app.post('/calibration/vignettes', async (request, reply) => {
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    const frameworkId = one(body.frameworkId);
    const judgementKey = one(body.judgementKey);
    try {
      await addVignette(uc, {
        title: one(body.title),
        body: one(body.body),
        frameworkId,
        judgementKey,
        criteria: many(body.criteria),
        referenceGrade: one(body.referenceGrade),
        panelNote: one(body.panelNote),
      });
      return reply.redirect('/calibration/vignettes?done=vignette', 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'title' });
      reply.status(r.status);
      return renderNewVignette(reply, uc, `${frameworkId}|${judgementKey}`, {
        problems: r.problems,
        values: body,
      });
    }
  });

  app.post('/calibration/vignettes/:id/retire', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    await retireVignette(useCaseContext(request, ctx), { vignetteId: id });
    return reply.redirect('/calibration/vignettes?done=retired', 303);
  });

  async function renderNewExercise(
    reply: FastifyReply,
    uc: UseCaseContext,
    extra: { problems?: Problem[]; values?: Values } = {},
  ) {
    const [vignettes, choices] = await Promise.all([listVignettes(uc), getCalibrationChoices(uc)]);
    return reply.render('calibration/exercise-new.njk', {
      vignettes,
      inspectors: choices.inspectors,
      regions: ofstedRegions,
      values: extra.values ?? {},
      breadcrumbs: calibrationCrumbs,
      ...(extra.problems
        ? formErrors(
            extra.problems,
            { vignetteIds: 'vignetteIds', inspectors: 'inspectors' },
            new Set(['title', 'region', 'vignetteIds', 'inspectors']),
          )
        : {}),
    });
  }

  app.get('/calibration/exercises/new', async (request, reply) =>
    renderNewExercise(reply, useCaseContext(request, ctx)),
  );

  app.post('/calibration/exercises', async (request, reply) => {
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    const region = one(body.region);
    try {
      const { id } = await createExercise(uc, {
        title: one(body.title),
        region: (ofstedRegions as readonly string[]).includes(region)
          ? (region as (typeof ofstedRegions)[number])
          : null,
        vignetteIds: many(body.vignetteIds),
        inspectors: many(body.inspectors).map((user) => ({ user })),
      });
      return reply.redirect(`/calibration/exercises/${id}?done=created`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'title' });
      reply.status(r.status);
      return renderNewExercise(reply, uc, { problems: r.problems, values: body });
    }
  });
};

// A calibration exercise's page: blind rating for an invited inspector until they submit (no
// reference grade, nobody else's rating, no notes), then the spread, the agreement and the
// discussion; an inspector's own agreement over time (theirs alone); the national view by region
// and over time (groups under three inspectors withheld). Thin: validate, use case, render.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { dayText } from '../../../domain/calendar/format.js';
import type { UseCaseContext } from '../../../usecases/context.js';
import { addCalibrationNote } from '../../../usecases/calibration/add-calibration-note.js';
import { getExercise } from '../../../usecases/calibration/get-exercise.js';
import { getMyCalibration } from '../../../usecases/calibration/get-my-calibration.js';
import { getNationalCalibration } from '../../../usecases/calibration/get-national-calibration.js';
import { rateVignette } from '../../../usecases/calibration/rate-vignette.js';
import { submitRatings } from '../../../usecases/calibration/submit-ratings.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { alphaText, shareText } from '../../../domain/calibration/figures-text.js';
import { agreementRows, groupRows } from './calibration-present.js';
import { calibrationCrumbs } from './calibration.js';
import { one } from './judgements.js';

const IdParams = z.object({ id: z.string() });
const Done = z.object({ done: z.string().optional() });
const Form = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const notices = {
  created: 'The exercise was set up. The inspectors invited find it on their home page.',
  saved: 'Your ratings were saved. Nobody else sees them.',
  submitted: 'Your ratings were submitted. The reference grades and the spread are shown below.',
  noted: 'Your note was added to the discussion.',
};

export const registerCalibrationExerciseRoutes: RouteModule = (app, ctx) => {
  async function renderExercise(
    reply: FastifyReply,
    uc: UseCaseContext,
    id: string,
    extra: {
      problems?: Problem[];
      values?: Record<string, string | string[]>;
      notice?: string;
    } = {},
  ) {
    const d = await getExercise(uc, { exerciseId: id });
    // "Rate every vignette first" becomes one problem per vignette still to rate, linked to it.
    const problems = extra.problems?.flatMap((p) =>
      p.field === 'ratings' && d.vignettes.some((v) => !v.myRating)
        ? d.vignettes
            .filter((v) => !v.myRating)
            .map((v) => ({
              field: `grade-${v.id}`,
              reason: `Choose a grade for vignette ${v.position} before submitting`,
            }))
        : [p],
    );
    const fields = new Set([
      ...d.vignettes.map((v) => `grade-${v.id}`),
      ...d.vignettes.map((v) => `note-${v.id}`),
      'ratings',
    ]);
    return reply.render('calibration/exercise.njk', {
      d,
      rateable: d.viewer.invited && !d.viewer.submitted,
      between: d.between
        ? [
            {
              key: { text: "Krippendorff's alpha (ordinal)" },
              value: { text: alphaText(d.between.alpha) },
            },
            { key: { text: "Fleiss' kappa" }, value: { text: alphaText(d.between.fleiss) } },
            {
              key: { text: 'Pairs of inspectors agreeing' },
              value: { text: shareText(d.between.exact) },
            },
          ]
        : null,
      mine: d.myAgreement ? agreementRows(d.myAgreement) : null,
      values: extra.values ?? null,
      notice: extra.notice,
      breadcrumbs: calibrationCrumbs,
      ...(problems ? formErrors(problems, { ratings: null }, fields) : {}),
    });
  }

  app.get('/calibration/exercises/:id', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { done } = Done.parse(request.query);
    return renderExercise(reply, useCaseContext(request, ctx), id, {
      notice: noticeFor(done, notices),
    });
  });

  // Saves every grade given (a blind rating may be changed until submitted), then submits when
  // asked: one form for the whole set, so nothing typed is lost by pressing "Submit".
  app.post('/calibration/exercises/:id/ratings', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    try {
      for (const [k, v] of Object.entries(body)) {
        const vignetteId = /^grade-(.+)$/.exec(k)?.[1];
        if (!vignetteId || !one(v)) continue;
        await rateVignette(uc, {
          exerciseId: id,
          vignetteId,
          grade: one(v),
          rationale: one(body[`rationale-${vignetteId}`]),
        });
      }
      if (one(body.intent) === 'submit') {
        await submitRatings(uc, { exerciseId: id });
        return reply.redirect(`/calibration/exercises/${id}?done=submitted`, 303);
      }
      return reply.redirect(`/calibration/exercises/${id}?done=saved`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'ratings' });
      reply.status(r.status);
      return renderExercise(reply, uc, id, { problems: r.problems, values: body });
    }
  });

  app.post('/calibration/exercises/:id/notes', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    const vignetteId = one(body.vignetteId);
    try {
      await addCalibrationNote(uc, { exerciseId: id, vignetteId, note: one(body.note) });
      return reply.redirect(`/calibration/exercises/${id}?done=noted#vignette-${vignetteId}`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'note' });
      reply.status(r.status);
      const problems = r.problems.map((p) => ({ ...p, field: `note-${vignetteId}` }));
      return renderExercise(reply, uc, id, { problems });
    }
  });

  app.get('/calibration/mine', async (request, reply) => {
    const d = await getMyCalibration(useCaseContext(request, ctx));
    return reply.render('calibration/mine.njk', {
      d,
      rows: d.exercises.map((e) => [
        {
          html: `<a class="govuk-link" href="/calibration/exercises/${e.exerciseId}">${escape(e.title)}</a>`,
        },
        { text: dayText(e.submittedAt) },
        { text: String(e.agreement.ratings), format: 'numeric' },
        { text: shareText(e.agreement.exact) },
        { text: shareText(e.agreement.withinOne) },
        { text: `${e.agreement.higher} / ${e.agreement.lower}` },
      ]),
      overall: d.overall ? agreementRows(d.overall) : null,
      breadcrumbs: calibrationCrumbs,
    });
  });

  app.get('/calibration/national', async (request, reply) => {
    const d = await getNationalCalibration(useCaseContext(request, ctx));
    return reply.render('calibration/national.njk', {
      d,
      overall: d.overall ? agreementRows(d.overall) : null,
      byRegion: groupRows(d.byRegion, d.minimumGroup),
      byQuarter: groupRows(d.byQuarter, d.minimumGroup),
      breadcrumbs: calibrationCrumbs,
    });
  });
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Case-level ratings pages: the spread of the sampled cases' ratings by judgement area and cohort,
// with inspectors' agreement where cases were rated twice; and the form on which the inspector who
// looked at a case rates it per area. Thin: validate, one use case, render.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../errors.js';
import type { UseCaseContext } from '../../../usecases/context.js';
import { getCaseRatings, type CaseRatings } from '../../../usecases/judgements/get-case-ratings.js';
import { rateCase } from '../../../usecases/judgements/rate-case.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { many, one } from './judgements.js';

const IdParams = z.object({ id: z.string() });
const CaseParams = z.object({ id: z.string(), caseId: z.string() });
const RateParams = CaseParams.extend({ key: z.string() });
const DoneQuery = z.object({ done: z.string().optional() });
const Form = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const notices = { rated: 'Your rating was saved.' };

/** The statistics the page shows of the agreement engine's report (the API has them all). */
const SHOWN = [
  'Percentage agreement',
  'Agreement within one grade',
  "Krippendorff's alpha (ordinal)",
  "Gwet's AC2 (quadratic weights)",
];

function base(d: CaseRatings, pageTitle: string) {
  const a = d.activity;
  return {
    activity: a,
    pageTitle,
    current: 'cases',
    breadcrumbs: [
      { text: 'Home', href: '/home' },
      { text: a.title, href: `/activities/${a.id}` },
      { text: 'Judgements', href: `/activities/${a.id}/judgements` },
    ],
  };
}

export const registerCaseRatingRoutes: RouteModule = (app, ctx) => {
  app.get('/activities/:id/case-ratings', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { done } = DoneQuery.parse(request.query);
    const d = await getCaseRatings(useCaseContext(request, ctx), id);
    const agreement = d.areas.map((a) => ({
      key: a.key,
      results: (a.agreement?.results ?? []).filter((r) => SHOWN.includes(r.name)),
      units: a.agreement?.results.find((r) => r.statistic === 'percent-agreement')?.units ?? 0,
    }));
    return reply.render('judgements/case-ratings.njk', {
      ...base(d, 'Case ratings'),
      d,
      agreement,
      notice: noticeFor(done, notices),
    });
  });

  async function renderForm(
    reply: FastifyReply,
    uc: UseCaseContext,
    p: z.infer<typeof CaseParams>,
    extra: { problems?: Problem[]; values?: Record<string, string | string[]>; key?: string } = {},
  ) {
    const d = await getCaseRatings(uc, p.id);
    const c = d.cases.find((x) => x.id === p.caseId);
    if (!c) throw new AppError('NOT_FOUND');
    const fields = new Set(
      d.areas.flatMap((a) => [
        `grade-${a.key}`,
        `met-${a.key}`,
        `notMet-${a.key}`,
        `note-${a.key}`,
      ]),
    );
    return reply.render('judgements/case-rating-form.njk', {
      ...base(d, `Rate case ${c.childRef}`),
      d,
      c,
      values: extra.values ?? {},
      valuesKey: extra.key,
      ...(extra.problems ? formErrors(extra.problems, {}, fields) : {}),
    });
  }

  app.get('/activities/:id/case-ratings/:caseId', async (request, reply) =>
    renderForm(reply, useCaseContext(request, ctx), CaseParams.parse(request.params)),
  );

  app.post('/activities/:id/case-ratings/:caseId/:key', async (request, reply) => {
    const p = RateParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    try {
      await rateCase(uc, {
        activityId: p.id,
        sampleCaseId: p.caseId,
        judgementKey: p.key,
        grade: one(body.grade),
        criteriaMet: many(body.met),
        criteriaNotMet: many(body.notMet),
        note: one(body.note),
      });
      return reply.redirect(`/activities/${p.id}/case-ratings?done=rated`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED']);
      reply.status(r.status);
      const field = (f: string | undefined) =>
        `${f === 'criteriaMet' ? 'met' : f === 'criteriaNotMet' ? 'notMet' : f === 'note' ? 'note' : 'grade'}-${p.key}`;
      const problems = r.problems.map((x) => ({ ...x, field: field(x.field) }));
      return renderForm(reply, uc, p, { problems, values: body, key: p.key });
    }
  });
};

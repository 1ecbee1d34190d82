// Reliability study pages (issue 15): the national team's list and set-up (published inspections
// picked, the redaction report, reviewer pairs and refusals), the reviewer pair's blind review of
// a redacted evidence base, and the results in the format of Tables 5 and 6 with exports. Thin:
// validate, one use case, render.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { UseCaseContext } from '../../../usecases/context.js';
import { assignReviewerPair } from '../../../usecases/studies/assign-reviewer-pair.js';
import { createStudy } from '../../../usecases/studies/create-study.js';
import { exportStudyResults } from '../../../usecases/studies/export-study-results.js';
import { getBlindReview } from '../../../usecases/studies/get-blind-review.js';
import { getStudy } from '../../../usecases/studies/get-study.js';
import { getStudyResults } from '../../../usecases/studies/get-study-results.js';
import { listStudies } from '../../../usecases/studies/list-studies.js';
import { recordReview } from '../../../usecases/studies/record-review.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { many, one } from './judgements.js';

const IdParams = z.object({ id: z.string() });
const ReviewParams = z.object({ id: z.string(), pairId: z.string() });
const Query = z.object({
  done: z.string().optional(),
  page: z.coerce.number().int().min(1).optional(),
});
const ExportQuery = z.object({ format: z.enum(['csv', 'xlsx', 'docx']) });
const Form = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const notices = {
  created: 'The study was set up: each evidence base was copied and redacted.',
  assigned: 'The pair was assigned.',
  recorded: 'Your pair’s review was recorded.',
};
/** Records on one page of a blind review (pages stay short enough to read and to check). */
const PER_PAGE = 20;
const SHOWN = [
  'Percentage agreement',
  'Agreement within one grade',
  "Krippendorff's alpha (ordinal)",
  "Gwet's AC2 (quadratic weights)",
  "Fleiss' kappa",
];

export const registerStudyRoutes: RouteModule = (app, ctx) => {
  const crumbs = [
    { text: 'Home', href: '/home' },
    { text: 'Reliability studies', href: '/studies' },
  ];

  async function renderList(
    reply: FastifyReply,
    uc: UseCaseContext,
    extra: { problems?: Problem[]; values?: Record<string, string | string[]> } = {},
  ) {
    const d = await listStudies(uc);
    return reply.render('studies/list.njk', {
      d,
      values: extra.values ?? {},
      breadcrumbs: crumbs.slice(0, 1),
      ...(extra.problems
        ? formErrors(
            extra.problems,
            { activityIds: 'activityIds' },
            new Set(['title', 'activityIds']),
          )
        : {}),
    });
  }

  app.get('/studies', async (request, reply) => renderList(reply, useCaseContext(request, ctx)));

  app.post('/studies', async (request, reply) => {
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    try {
      const s = await createStudy(uc, {
        title: one(body.title),
        activityIds: many(body.activityIds),
      });
      return reply.redirect(`/studies/${s.id}?done=created`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'activityIds' });
      reply.status(r.status);
      const problems = r.problems.map((p) => ({
        ...p,
        field: p.field?.startsWith('activityIds') ? 'activityIds' : p.field,
      }));
      return renderList(reply, uc, { problems, values: body });
    }
  });

  async function renderStudy(
    reply: FastifyReply,
    uc: UseCaseContext,
    id: string,
    extra: { problems?: Problem[]; base?: string; notice?: string } = {},
  ) {
    const d = await getStudy(uc, id);
    const shown = new Set(d.bases.map((b) => `reviewer1-${b.id}`));
    return reply.render('studies/study.njk', {
      d,
      problemBase: extra.base,
      notice: extra.notice,
      breadcrumbs: crumbs,
      ...(extra.problems ? formErrors(extra.problems, {}, shown) : {}),
    });
  }

  app.get('/studies/:id', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { done } = Query.parse(request.query);
    return renderStudy(reply, useCaseContext(request, ctx), id, {
      notice: noticeFor(done, notices),
    });
  });

  app.post('/studies/:id/pairs', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    const baseId = one(body.evidenceBaseId);
    try {
      await assignReviewerPair(uc, {
        studyId: id,
        evidenceBaseId: baseId,
        reviewers: [one(body.reviewer1), one(body.reviewer2)],
      });
      return reply.redirect(`/studies/${id}?done=assigned`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'reviewers' });
      reply.status(r.status);
      const problems = r.problems.map((p) => ({ ...p, field: `reviewer1-${baseId}` }));
      return renderStudy(reply, uc, id, { problems, base: baseId });
    }
  });

  async function renderReview(
    reply: FastifyReply,
    uc: UseCaseContext,
    p: z.infer<typeof ReviewParams>,
    extra: {
      problems?: Problem[];
      values?: Record<string, string | string[]>;
      page?: number;
      notice?: string;
    } = {},
  ) {
    const d = await getBlindReview(uc, { studyId: p.id, pairId: p.pairId });
    const pages = Math.max(1, Math.ceil(d.records.length / PER_PAGE));
    const page = Math.min(extra.page ?? 1, pages);
    const fields = new Set([
      ...d.judgements.flatMap((j) => [`grade-${j.key}`, `reasons-${j.key}`]),
      'sameLines',
    ]);
    return reply.render('studies/review.njk', {
      d,
      records: d.records.slice((page - 1) * PER_PAGE, page * PER_PAGE),
      page,
      pages,
      values: extra.values ?? null,
      notice: extra.notice,
      breadcrumbs: [{ text: 'Home', href: '/home' }],
      ...(extra.problems ? formErrors(extra.problems, {}, fields) : {}),
    });
  }

  app.get('/studies/:id/reviews/:pairId', async (request, reply) => {
    const p = ReviewParams.parse(request.params);
    const q = Query.parse(request.query);
    return renderReview(reply, useCaseContext(request, ctx), p, {
      ...(q.page ? { page: q.page } : {}),
      notice: noticeFor(q.done, notices),
    });
  });

  app.post('/studies/:id/reviews/:pairId', async (request, reply) => {
    const p = ReviewParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    const grades: Record<string, { grade: string; reasons: string }> = {};
    for (const [k, v] of Object.entries(body)) {
      const key = /^grade-(.+)$/.exec(k)?.[1];
      if (key) grades[key] = { grade: one(v), reasons: one(body[`reasons-${key}`]) };
    }
    try {
      await recordReview(uc, {
        studyId: p.id,
        pairId: p.pairId,
        grades,
        improvements: one(body.improvements)
          .split(/\r?\n/)
          .map((s) => s.trim())
          .filter(Boolean),
        sameLines: (one(body.sameLines) || undefined) as 'yes' | undefined,
        linesComment: one(body.linesComment),
      });
      return reply.redirect(`/studies/${p.id}/reviews/${p.pairId}?done=recorded`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'sameLines' });
      reply.status(r.status);
      return renderReview(reply, uc, p, { problems: r.problems, values: body });
    }
  });

  app.get('/studies/:id/results', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const d = await getStudyResults(useCaseContext(request, ctx), id);
    const pick = (rep: typeof d.results.withPublished) =>
      (rep?.results ?? []).filter((r) => SHOWN.includes(r.name));
    return reply.render('studies/results.njk', {
      d,
      withPublished: pick(d.results.withPublished),
      betweenPairs: pick(d.results.betweenPairs),
      breadcrumbs: [...crumbs, { text: d.study.title, href: `/studies/${id}` }],
    });
  });

  app.get('/studies/:id/results/export', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { format } = ExportQuery.parse(request.query);
    const file = await exportStudyResults(useCaseContext(request, ctx), { studyId: id, format });
    reply.header('content-disposition', `attachment; filename="${file.filename}"`);
    reply.type(file.contentType);
    return reply.send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
  });
};

// Coding inside a study (issue 20): the study's pseudonymised records a page at a time (keyset),
// each with its codings and a form to code a passage by pasting its words with a thematic code,
// removal of one's own codings, and the counts per thematic code across the study. Forms post
// and redirect back to the same page; no JavaScript needed.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { UseCaseContext } from '../../../usecases/context.js';
import { codeStudyPassage } from '../../../usecases/research/code-study-passage.js';
import { listStudyRecords } from '../../../usecases/research/list-study-records.js';
import { removeStudyCoding } from '../../../usecases/research/remove-study-coding.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const Params = z.object({ id: z.string().max(80) });
const RemoveParams = z.object({ id: z.string().max(80), codingId: z.string().max(80) });
const PageQuery = z.object({
  after: z.string().max(40).optional().catch(undefined),
  done: z.string().optional(),
});
const Form = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const str = (v: unknown): string =>
  typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '';
const DONE = { coded: 'The passage was coded.', removed: 'The coding was removed.' };
const PER_PAGE = 10;

export const registerResearchCodingRoutes: RouteModule = (app, ctx) => {
  const pageUrl = (id: string, after?: string) =>
    `/research/studies/${encodeURIComponent(id)}/coding${after ? `?after=${encodeURIComponent(after)}` : ''}`;

  async function render(
    reply: FastifyReply,
    uc: UseCaseContext,
    id: string,
    extra: {
      after?: string;
      notice?: string;
      problems?: Problem[];
      values?: Record<string, string>;
    } = {},
  ) {
    const d = await listStudyRecords(uc, {
      studyId: id,
      limit: PER_PAGE,
      ...(extra.after ? { after: extra.after } : {}),
    });
    const failed = extra.values?.record;
    return reply.render('research/coding.njk', {
      d,
      after: extra.after ?? '',
      nextHref: d.next ? pageUrl(d.study.id, d.next) : null,
      firstHref: extra.after ? pageUrl(d.study.id) : null,
      values: extra.values ?? {},
      notice: extra.notice,
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: 'Research', href: '/research' },
        { text: d.study.title, href: `/research/studies/${d.study.id}` },
      ],
      ...(extra.problems
        ? formErrors(
            extra.problems.map((p) => ({
              ...p,
              field: failed ? `${p.field === 'code' ? 'code' : 'quote'}-${failed}` : p.field,
            })),
          )
        : {}),
    });
  }

  app.get('/research/studies/:id/coding', async (request, reply) => {
    const { id } = Params.parse(request.params);
    const q = PageQuery.parse(request.query);
    return render(reply, useCaseContext(request, ctx), id, {
      ...(q.after ? { after: q.after } : {}),
      notice: noticeFor(q.done, DONE),
    });
  });

  app.post('/research/studies/:id/codings', async (request, reply) => {
    const { id } = Params.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    const values = {
      record: str(body.record),
      quote: str(body.quote),
      code: str(body.code),
      occurrence: str(body.occurrence),
      start: str(body.start).trim(),
      end: str(body.end).trim(),
      after: str(body.after),
    };
    try {
      await codeStudyPassage(uc, {
        studyId: id,
        record: values.record,
        quote: values.quote,
        code: values.code,
        ...(values.occurrence.trim() ? { occurrence: values.occurrence.trim() } : {}),
        ...(values.start && values.end ? { start: values.start, end: values.end } : {}),
      });
      const back = pageUrl(id, values.after || undefined);
      const sep = back.includes('?') ? '&' : '?';
      return reply.redirect(`${back}${sep}done=coded#record-${values.record}`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'quote' });
      reply.status(r.status);
      return render(reply, uc, id, {
        ...(values.after ? { after: values.after } : {}),
        problems: r.problems,
        values,
      });
    }
  });

  app.post('/research/studies/:id/codings/:codingId/remove', async (request, reply) => {
    const { id, codingId } = RemoveParams.parse(request.params);
    const body = Form.parse(request.body ?? {});
    await removeStudyCoding(useCaseContext(request, ctx), { studyId: id, codingId });
    const back = pageUrl(id, str(body.after) || undefined);
    const sep = back.includes('?') ? '&' : '?';
    return reply.redirect(`${back}${sep}done=removed`, 303);
  });
};

// The LA's reform and improvement programme (Munro recommendation 9): its own users record each
// programme (name, aims, dates, keywords); everyone who reads its plans sees where its published
// reports mention them, quoted.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { listReformProgrammes } from '../../../usecases/action-plans/list-reform-programmes.js';
import { saveReformProgramme } from '../../../usecases/action-plans/save-reform-programme.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const IdParams = z.object({ id: z.string().max(200) });
type Body = Record<string, string | string[] | undefined>;
const one = (b: Body, k: string) => (Array.isArray(b[k]) ? b[k][0] : b[k]) ?? '';
const base = (id: string) => `/las/${encodeURIComponent(id)}/reform-programmes`;
const NOTICES = { saved: 'The programme has been saved.' };

export const registerReformProgrammeRoutes: RouteModule = (app, ctx) => {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Body | null = null,
    problems: Problem[] = [],
  ) => {
    const view = await listReformProgrammes(useCaseContext(request, ctx), { laId: id });
    const editId = values ? one(values, 'programmeId') : (request.query as { edit?: string }).edit;
    const editing = view.programmes.find((p) => p.id === editId) ?? null;
    return reply.render('action-plans/programmes.njk', {
      ...view,
      editing,
      values: values
        ? {
            name: one(values, 'name'),
            aims: one(values, 'aims'),
            startsOn: one(values, 'startsOn'),
            endsOn: one(values, 'endsOn'),
            keywords: one(values, 'keywords'),
          }
        : editing
          ? { ...editing, endsOn: editing.endsOn ?? '', keywords: editing.keywords.join(', ') }
          : {},
      base: base(view.la.id),
      notice: noticeFor((request.query as { done?: string }).done, NOTICES),
      ...formErrors(problems),
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: view.la.name, href: `/las/${encodeURIComponent(view.la.id)}` },
      ],
    });
  };

  app.get('/las/:id/reform-programmes', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    return render(request, reply, id);
  });

  app.post('/las/:id/reform-programmes', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const body = (request.body ?? {}) as Body;
    const programmeId = one(body, 'programmeId');
    try {
      await saveReformProgramme(useCaseContext(request, ctx), {
        laId: id,
        ...(programmeId ? { programmeId } : {}),
        name: one(body, 'name'),
        aims: one(body, 'aims'),
        startsOn: one(body, 'startsOn'),
        endsOn: one(body, 'endsOn'),
        keywords: one(body, 'keywords'),
      });
      return reply.redirect(`${base(id)}?done=saved`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED', 'ALREADY_EXISTS'], {
        defaultField: 'name',
      });
      reply.status(r.status);
      return render(request, reply, id, body, r.problems);
    }
  });
};

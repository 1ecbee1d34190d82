// The burden pages (issue 16): the LA's recorded effort on an inspection (a form for the inspected
// LA's users), inspectors' working time per person per day within an activity (the lead and QAM:
// everyone; others: their own), and, for national staff, both across inspections as aggregates.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { effortKinds } from '../../../domain/burden/la-effort.js';
import { getLaEffort } from '../../../usecases/burden/get-la-effort.js';
import { getNationalLaEffort } from '../../../usecases/burden/get-national-la-effort.js';
import { getNationalWorkingTime } from '../../../usecases/burden/get-national-working-time.js';
import { getWorkingTime } from '../../../usecases/burden/get-working-time.js';
import { recordLaEffort } from '../../../usecases/burden/record-la-effort.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const IdParams = z.object({ id: z.string().max(200) });
type Body = Record<string, string | string[] | undefined>;
const one = (b: Body, k: string) => String((Array.isArray(b[k]) ? b[k][0] : b[k]) ?? '').trim();
const NOTICES = { saved: 'Your figures have been recorded.' };
const roleLabel: Record<string, string> = {
  lead_inspector: 'Lead inspector',
  team_inspector: 'Team inspector',
  regulatory_inspector: 'Regulatory inspector',
  education_inspector: 'Education inspector',
  qam: 'Quality assurance manager',
  analyst: 'Analyst',
  shadow: 'Shadowing',
  not_on_team: 'Not on the team',
  all: 'All roles',
};

export const registerBurdenRoutes: RouteModule = (app, ctx) => {
  const renderEffort = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Body | null,
    problems: Problem[] = [],
  ) => {
    const view = await getLaEffort(useCaseContext(request, ctx), { activityId: id });
    const lines = view.lines.map((l) => ({
      ...l,
      hoursValue: values ? one(values, `hours_${l.kind}`) : String(l.linkPersonHours),
      daysValue: values ? one(values, `days_${l.kind}`) : String(l.staffDays),
      noteValue: values ? one(values, `note_${l.kind}`) : (l.note ?? ''),
    }));
    return reply.render('burden/show.njk', {
      view,
      lines,
      notice: noticeFor((request.query as { done?: string }).done, NOTICES),
      ...formErrors(problems),
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: view.activity.title, href: `/activities/${view.activity.id}` },
      ],
    });
  };

  app.get('/activities/:id/burden', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    return renderEffort(request, reply, id, null);
  });

  app.post('/activities/:id/burden', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const body = (request.body ?? {}) as Body;
    const problems: Problem[] = [];
    const num = (field: string) => {
      const raw = one(body, field);
      if (raw === '') return 0;
      if (!/^\d{1,4}(\.\d{1,2})?$/.test(raw)) {
        problems.push({ field, reason: 'Enter a number, like 12 or 7.5' });
        return 0;
      }
      return Number(raw);
    };
    const lines = effortKinds.map((kind) => ({
      kind,
      linkPersonHours: num(`hours_${kind}`),
      staffDays: num(`days_${kind}`),
      note: one(body, `note_${kind}`) || null,
    }));
    try {
      if (problems.length) throw problems;
      await recordLaEffort(useCaseContext(request, ctx), { activityId: id, lines });
      return reply.redirect(`/activities/${encodeURIComponent(id)}/burden?done=saved`, 303);
    } catch (err) {
      if (Array.isArray(err)) {
        reply.status(400);
        return renderEffort(request, reply, id, body, err as Problem[]);
      }
      const r = problemsFrom(err, ['VALIDATION_FAILED'], {
        defaultField: 'hours_data_preparation',
      });
      reply.status(r.status);
      const fields = r.problems.map((p) => {
        const m = /^lines\.(\d+)\.(linkPersonHours|staffDays|note)$/.exec(p.field ?? '');
        if (!m) return p;
        const prefix =
          m[2] === 'linkPersonHours' ? 'hours' : m[2] === 'staffDays' ? 'days' : 'note';
        return { ...p, field: `${prefix}_${effortKinds[Number(m[1])]}` };
      });
      return renderEffort(request, reply, id, body, fields);
    }
  });

  app.get('/activities/:id/working-time', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const view = await getWorkingTime(useCaseContext(request, ctx), { activityId: id });
    return reply.render('burden/working-time.njk', {
      view,
      roleLabel,
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: view.activity.title, href: `/activities/${view.activity.id}` },
      ],
    });
  });

  app.get('/burden/national', async (request, reply) => {
    const view = await getNationalLaEffort(useCaseContext(request, ctx));
    return reply.render('burden/national.njk', {
      view,
      breadcrumbs: [{ text: 'Home', href: '/home' }],
    });
  });

  app.get('/working-time/national', async (request, reply) => {
    const view = await getNationalWorkingTime(useCaseContext(request, ctx));
    return reply.render('burden/working-time-national.njk', {
      view,
      roleLabel,
      breadcrumbs: [{ text: 'Home', href: '/home' }],
    });
  });
};

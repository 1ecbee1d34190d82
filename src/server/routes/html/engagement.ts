// Annual engagement meetings in the browser: regional staff record a year's meeting (agenda
// proposed from the self-evaluation and open intelligence, editable), change it and release a
// version of the notes to the LA; national staff read; the LA's own users read released notes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AgendaItem } from '../../../domain/self-evaluation/engagement.js';
import { getEngagementForm } from '../../../usecases/self-evaluation/get-engagement-form.js';
import { getEngagementMeeting } from '../../../usecases/self-evaluation/get-engagement-meeting.js';
import { listEngagementMeetings } from '../../../usecases/self-evaluation/list-engagement-meetings.js';
import { recordEngagementMeeting } from '../../../usecases/self-evaluation/record-engagement-meeting.js';
import { releaseEngagementNotes } from '../../../usecases/self-evaluation/release-engagement-notes.js';
import { updateEngagementMeeting } from '../../../usecases/self-evaluation/update-engagement-meeting.js';
import {
  dateFromParts,
  formErrors,
  noticeFor,
  problemsFrom,
  type Problem,
} from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { listParam } from './page-helpers.js';

const IdParams = z.object({ id: z.string().max(200) });
const YearParams = IdParams.extend({ year: z.string().max(10) });
type Body = Record<string, string | string[] | undefined>;
const one = (b: Body, k: string) => (Array.isArray(b[k]) ? b[k][0] : b[k]) ?? '';
const base = (id: string) => `/las/${encodeURIComponent(id)}/engagement`;
const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
/** Blank rows for new actions on the form (save to get more). */
const BLANK_ACTIONS = 3;
const NOTICES = {
  recorded: 'The engagement meeting has been recorded.',
  updated: 'The meeting record has been changed.',
  released: 'The notes have been released to the local authority.',
};
const AgendaValue = z.object({ text: z.string().max(500), ref: z.string().max(200).nullable() });

function agendaFrom(body: Body): AgendaItem[] {
  const chosen = listParam(body.agenda).flatMap((v) => {
    try {
      const p = AgendaValue.safeParse(JSON.parse(v));
      return p.success ? [p.data] : [];
    } catch {
      return [];
    }
  });
  return [...chosen, ...lines(one(body, 'moreAgenda')).map((text) => ({ text, ref: null }))];
}

function formValues(body: Body) {
  const rows = Object.keys(body)
    .filter((k) => /^action_\d{1,3}$/.test(k))
    .map((k) => k.slice(7))
    .sort((a, b) => Number(a) - Number(b));
  const actions = rows
    .map((i) => ({
      action: one(body, `action_${i}`).trim(),
      owner: one(body, `owner_${i}`).trim(),
      dueOn: one(body, `due_${i}`).trim() || null,
    }))
    .filter((a) => a.action || a.owner || a.dueOn);
  const date = dateFromParts(
    {
      day: one(body, 'meetingOn-day'),
      month: one(body, 'meetingOn-month'),
      year: one(body, 'meetingOn-year'),
    },
    'date of the meeting',
    { required: true },
  );
  return {
    date,
    content: {
      meetingOn: date.value ?? '',
      attendees: lines(one(body, 'attendees')),
      agenda: agendaFrom(body),
      notes: one(body, 'notes'),
      actions,
    },
  };
}

export const registerEngagementRoutes: RouteModule = (app, ctx) => {
  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    year: string | undefined,
    body: Body | null,
    problems: Problem[] = [],
  ) => {
    const form = await getEngagementForm(useCaseContext(request, ctx), {
      laId: id,
      ...(year ? { year } : {}),
    });
    const m = form.meeting;
    const [y, mo, d] = (m?.meetingOn ?? form.today).split('-');
    const v = (k: string, fallback: string) => (body ? one(body, k) : fallback);
    const current = body ? agendaFrom(body) : (m?.agenda ?? []);
    const proposed = m ? form.proposed : form.proposed;
    const agendaItems = [
      ...current.map((a) => ({ value: JSON.stringify(a), text: a.text, checked: true })),
      ...proposed
        .filter((p) => !current.some((c) => c.text === p.text))
        .map((a) => ({ value: JSON.stringify(a), text: a.text, checked: !m && !body })),
    ];
    const actions = body ? formValues(body).content.actions : (m?.actions ?? []);
    const actionRows = [
      ...actions,
      ...Array.from({ length: BLANK_ACTIONS }, () => ({ action: '', owner: '', dueOn: null })),
    ].map((a, i) => ({ ...a, i }));
    return reply.render('engagement/form.njk', {
      ...form,
      action: m ? `${base(form.la.id)}/${m.year}` : base(form.la.id),
      values: {
        'meetingOn-day': v('meetingOn-day', String(Number(d))),
        'meetingOn-month': v('meetingOn-month', String(Number(mo))),
        'meetingOn-year': v('meetingOn-year', y ?? ''),
        attendees: v('attendees', (m?.attendees ?? []).join('\n')),
        notes: v('notes', m?.notes ?? ''),
        moreAgenda: v('moreAgenda', ''),
      },
      agendaItems,
      actionRows,
      ...formErrors(problems),
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: form.la.name, href: `/las/${encodeURIComponent(form.la.id)}` },
        { text: 'Engagement meetings', href: base(form.la.id) },
      ],
    });
  };

  const save = async (request: FastifyRequest, reply: FastifyReply, id: string, year?: string) => {
    const body = (request.body ?? {}) as Body;
    const { date, content } = formValues(body);
    const problems: Problem[] = date.problem ? [{ field: 'meetingOn', reason: date.problem }] : [];
    if (problems.length === 0) {
      try {
        const uc = useCaseContext(request, ctx);
        const m = year
          ? await updateEngagementMeeting(uc, { laId: id, year, ...content })
          : await recordEngagementMeeting(uc, { laId: id, ...content });
        return reply.redirect(`${base(id)}/${m.year}?done=${year ? 'updated' : 'recorded'}`, 303);
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED', 'CONFLICT'], {
          defaultField: 'meetingOn',
        });
        reply.status(r.status);
        problems.push(
          ...r.problems.map((p) => ({
            ...p,
            field: p.field
              ?.replace(/^actions\.(\d+)\.dueOn$/, 'due_$1')
              .replace(/^actions\.(\d+)\.(action|owner)$/, '$2_$1')
              .replace(/^attendees.*$/, 'attendees')
              .replace(/^agenda.*$/, 'moreAgenda'),
          })),
        );
      }
    } else reply.status(400);
    return renderForm(request, reply, id, year, body, problems);
  };

  app.get('/las/:id/engagement', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const list = await listEngagementMeetings(useCaseContext(request, ctx), { laId: id });
    return reply.render('engagement/index.njk', {
      ...list,
      base: base(list.la.id),
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: list.la.name, href: `/las/${encodeURIComponent(list.la.id)}` },
      ],
    });
  });

  app.get('/las/:id/engagement/new', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    return renderForm(request, reply, id, undefined, null);
  });
  app.post('/las/:id/engagement', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    return save(request, reply, id);
  });

  app.get('/las/:id/engagement/:year', async (request, reply) => {
    const { id, year } = YearParams.parse(request.params);
    const view = await getEngagementMeeting(useCaseContext(request, ctx), { laId: id, year });
    return reply.render('engagement/meeting.njk', {
      ...view,
      base: base(view.la.id),
      notice: noticeFor((request.query as { done?: string }).done, NOTICES),
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: view.la.name, href: `/las/${encodeURIComponent(view.la.id)}` },
        { text: 'Engagement meetings', href: base(view.la.id) },
      ],
    });
  });
  app.get('/las/:id/engagement/:year/edit', async (request, reply) => {
    const { id, year } = YearParams.parse(request.params);
    return renderForm(request, reply, id, year, null);
  });
  app.post('/las/:id/engagement/:year', async (request, reply) => {
    const { id, year } = YearParams.parse(request.params);
    return save(request, reply, id, year);
  });

  app.post('/las/:id/engagement/:year/release', async (request, reply) => {
    const { id, year } = YearParams.parse(request.params);
    const body = (request.body ?? {}) as Body;
    const uc = useCaseContext(request, ctx);
    try {
      await releaseEngagementNotes(uc, {
        laId: id,
        year,
        notes: one(body, 'releasedNotes'),
        withActions: one(body, 'withActions') !== 'no',
      });
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'releasedNotes' });
      const view = await getEngagementMeeting(uc, { laId: id, year });
      reply.status(r.status);
      return reply.render('engagement/meeting.njk', {
        ...view,
        base: base(view.la.id),
        ...formErrors(r.problems.map((p) => ({ ...p, field: 'releasedNotes' }))),
      });
    }
    return reply.redirect(`${base(id)}/${year}?done=released`, 303);
  });
};

// Analysis pages about the team's work: balance and bias views per judgement area (with their
// plain-words sentences), the vignettes (candidate illustrations with the anonymisation check),
// and the team meeting view (what arrived since the last meeting) with recording a meeting.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../errors.js';
import { getBalanceViews } from '../../../usecases/analysis/get-balance-views.js';
import { getTeamMeetingView } from '../../../usecases/analysis/get-team-meeting-view.js';
import { listVignettes } from '../../../usecases/analysis/list-vignettes.js';
import { recordTeamMeeting } from '../../../usecases/analysis/record-team-meeting.js';
import { getEvidencePageContext } from '../../../usecases/evidence/get-evidence-page-context.js';
import { formErrors, noticeFor, problemsFrom } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { directionLabel, methodLabel } from './evidence.js';
import { crumbs, markedHtml } from './page-helpers.js';

const IdParams = z.object({ id: z.string().max(200) });
const familyLabels: Record<string, string> = {
  written: 'Written records',
  discussion: 'Discussion',
  observation: 'Observation',
  children_and_families: 'Children and families',
};
const levelTags: Record<string, { text: string; classes: string }> = {
  ok: { text: 'Balanced', classes: 'govuk-tag--green' },
  note: { text: 'Note', classes: 'govuk-tag--blue' },
  concern: { text: 'Check', classes: 'govuk-tag--orange' },
};
const meetingKinds = [
  { value: 'morning', text: 'Morning meeting' },
  { value: 'evening', text: 'Evening meeting' },
  { value: 'other', text: 'Other team meeting' },
];

export const registerAnalysisWorkRoutes: RouteModule = (app, ctx) => {
  app.get('/activities/:id/analysis/balance', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const page = await getEvidencePageContext(uc, { activityId: id });
    const views = await getBalanceViews(uc, { activityId: id });
    return reply.render('analysis/balance.njk', {
      title: 'Balance and bias',
      page,
      views,
      familyLabels,
      levelTags,
      breadcrumbs: crumbs(page),
    });
  });

  app.get('/activities/:id/analysis/vignettes', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const q = z
      .object({ status: z.string().optional(), done: z.string().optional() })
      .parse(request.query);
    const uc = useCaseContext(request, ctx);
    const page = await getEvidencePageContext(uc, { activityId: id });
    const status = ['candidate', 'selected', 'rejected'].includes(q.status ?? '')
      ? (q.status as 'candidate')
      : undefined;
    const vignettes = await listVignettes(uc, { activityId: id, ...(status ? { status } : {}) });
    return reply.render('analysis/vignettes.njk', {
      title: 'Vignettes',
      page,
      status,
      vignettes: vignettes.map((v) => {
        const checked =
          v.anonymisation.checked === 'reportText' ? (v.reportText ?? '') : v.spanText;
        return {
          ...v,
          href: `/activities/${id}/evidence/${v.evidenceId}`,
          areaTitle: page.areas.find((a) => a.key === v.judgementArea)?.title ?? 'No area',
          directionLabel: directionLabel(v.direction),
          html: markedHtml(
            checked,
            v.anonymisation.findings.map((f) => [f.start, f.end] as [number, number]),
          ),
        };
      }),
      notice: noticeFor(q.done, {
        marked:
          'The passage is now a candidate illustration. Check the flags below before using it.',
      }),
      breadcrumbs: crumbs(page),
    });
  });

  app.get('/activities/:id/analysis/meetings', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { done } = z.object({ done: z.string().optional() }).parse(request.query);
    const uc = useCaseContext(request, ctx);
    return renderMeetings(uc, id, reply, {
      notice: noticeFor(done, { recorded: 'The meeting has been recorded.' }),
    });
  });

  app.post('/activities/:id/analysis/meetings', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const form = z
      .object({ kind: z.string().default(''), note: z.string().max(4000).default('') })
      .parse(request.body ?? {});
    const uc = useCaseContext(request, ctx);
    if (!(await getEvidencePageContext(uc, { activityId: id })).canWrite)
      throw new AppError('FORBIDDEN');
    if (!meetingKinds.some((k) => k.value === form.kind)) {
      reply.status(400);
      return renderMeetings(uc, id, reply, {
        ...formErrors([{ field: 'kind', reason: 'Select which meeting it was' }]),
        values: form,
      });
    }
    try {
      await recordTeamMeeting(uc, {
        activityId: id,
        kind: form.kind as 'morning',
        note: form.note.trim() || null,
      });
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'note' });
      reply.status(r.status);
      return renderMeetings(uc, id, reply, { ...formErrors(r.problems), values: form });
    }
    return reply.redirect(`/activities/${id}/analysis/meetings?done=recorded`, 303);
  });

  async function renderMeetings(
    uc: ReturnType<typeof useCaseContext>,
    id: string,
    reply: FastifyReply,
    extra: Record<string, unknown>,
  ) {
    const page = await getEvidencePageContext(uc, { activityId: id });
    const view = await getTeamMeetingView(uc, { activityId: id });
    const present = (a: (typeof view.areas)[number]) => ({
      ...a,
      families: Object.entries(a.byMethodFamily).map(([k, n]) => `${familyLabels[k] ?? k}: ${n}`),
      directions: Object.entries(a.byDirection).map(
        ([k, n]) => `${directionLabel(k === 'unset' ? null : k)}: ${n}`,
      ),
      items: a.items.map((i) => ({
        ...i,
        href: `/activities/${id}/evidence/${i.id}`,
        methodLabel: methodLabel(i.method),
        directionLabel: directionLabel(i.direction),
      })),
    });
    return reply.render('analysis/meetings.njk', {
      title: 'Team meeting',
      page,
      view: { ...view, areas: view.areas.map(present), unfiled: present(view.unfiled) },
      meetingKinds,
      kindLabels: Object.fromEntries(meetingKinds.map((k) => [k.value, k.text])),
      values: {},
      fieldErrors: {},
      ...extra,
      breadcrumbs: crumbs(page),
    });
  }
};

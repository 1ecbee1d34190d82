// Inspectors and capacity (issue 14): a region's inspectors, their load by week ("Inspectors'
// load"), and one inspector's page (profile, leave, conflicts, load) with the forms that change
// them. Access in policies.ts; LA users and researchers get 404 everywhere.
import { z } from 'zod';
import { ofstedRegions } from '../../../domain/access/roles.js';
import {
  absenceKindLabels,
  absenceKinds,
  conflictReasonLabels,
  conflictReasons,
  inspectorRoleLabels,
  inspectorRoles,
  weekdayLabels,
  weekdays,
} from '../../../domain/scheduling/inspector-profile.js';
import { addInspectorAbsence } from '../../../usecases/inspectors/add-inspector-absence.js';
import { addInspectorConflict } from '../../../usecases/inspectors/add-inspector-conflict.js';
import { getInspectorPage } from '../../../usecases/inspectors/get-inspector-page.js';
import { getInspectorsLoad } from '../../../usecases/inspectors/get-inspectors-load.js';
import { listInspectors } from '../../../usecases/inspectors/list-inspectors.js';
import { removeInspectorAbsence } from '../../../usecases/inspectors/remove-inspector-absence.js';
import { removeInspectorConflict } from '../../../usecases/inspectors/remove-inspector-conflict.js';
import { setInspectorProfile } from '../../../usecases/inspectors/set-inspector-profile.js';
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
const ItemParams = IdParams.extend({ item: z.string().max(200) });
const WindowQuery = z.object({
  region: z.string().max(100).optional(),
  from: z.string().max(20).optional(),
  weeks: z.string().max(3).optional(),
  done: z.string().max(40).optional(),
});
type Body = Record<string, string | string[] | undefined>;
const one = (b: Body, k: string) => String((Array.isArray(b[k]) ? b[k][0] : b[k]) ?? '').trim();
const labels = {
  roleLabels: inspectorRoleLabels,
  absenceKindLabels,
  conflictReasonLabels,
  weekdayLabels,
  regions: ofstedRegions,
  inspectorRoles,
  absenceKinds,
  conflictReasons,
  weekdays,
};
const notices = {
  profile: 'The profile has been saved.',
  absence: 'The leave or training has been recorded.',
  conflict: 'The conflict of interest has been recorded.',
  absenceRemoved: 'The leave or training has been removed.',
  conflictRemoved: 'The conflict of interest has been removed.',
};
const windowOf = (q: z.infer<typeof WindowQuery>) => ({
  ...(q.from ? { from: q.from } : {}),
  ...(q.weeks ? { weeks: q.weeks as unknown as number } : {}),
});
const FORM_CODES = ['VALIDATION_FAILED', 'CONFLICT'] as const;

export const registerInspectorRoutes: RouteModule = (app, ctx) => {
  app.get('/inspectors', async (request, reply) => {
    const q = WindowQuery.parse(request.query);
    const list = await listInspectors(
      useCaseContext(request, ctx),
      q.region ? { region: q.region } : {},
    );
    return reply.render('inspectors/list.njk', {
      ...list,
      ...labels,
      breadcrumbs: [{ text: 'Home', href: '/home' }],
    });
  });

  app.get('/inspectors/load', async (request, reply) => {
    const q = WindowQuery.parse(request.query);
    const view = await getInspectorsLoad(useCaseContext(request, ctx), {
      ...(q.region ? { region: q.region } : {}),
      ...windowOf(q),
    });
    return reply.render('inspectors/load.njk', {
      ...view,
      ...labels,
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: 'Inspectors', href: `/inspectors?region=${encodeURIComponent(view.region)}` },
      ],
    });
  });

  const renderShow = async (
    request: Parameters<typeof useCaseContext>[0],
    id: string,
    q: z.infer<typeof WindowQuery>,
    form: { name: string; values: Body; problems: Problem[] } | null,
  ) => {
    const page = await getInspectorPage(useCaseContext(request, ctx), {
      inspector: id,
      ...windowOf(q),
    });
    const p = page.inspector.profile;
    const profileValues =
      form?.name === 'profile'
        ? {
            ...form.values,
            workingDays: listParam(form.values.workingDays),
          }
        : {
            inspectorRole: p?.inspectorRole ?? '',
            homeRegion: p?.homeRegion ?? '',
            workingDays: p?.workingDays ?? [...weekdays],
            leadQualified: p?.leadQualified ? 'yes' : '',
            maxSiteWeeksPerQuarter: String(p?.maxSiteWeeksPerQuarter ?? 6),
            preparationDays: p?.preparationDays === null || !p ? '' : String(p.preparationDays),
            note: p?.note ?? '',
          };
    return {
      ...page,
      ...labels,
      form: form?.name ?? null,
      profileValues,
      values: form && form.name !== 'profile' ? form.values : {},
      notice: noticeFor(q.done, notices),
      ...(form && form.problems.length > 0 ? formErrors(form.problems, anchors) : {}),
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        ...(p
          ? [{ text: 'Inspectors', href: `/inspectors?region=${encodeURIComponent(p.homeRegion)}` }]
          : []),
      ],
    };
  };
  const anchors: Record<string, string> = {
    startsOn: 'startsOn-day',
    endsOn: 'endsOn-day',
    from: 'from-day',
    to: 'to-day',
    workingDays: 'workingDays',
  };

  app.get('/inspectors/:id', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const q = WindowQuery.parse(request.query);
    return reply.render('inspectors/show.njk', await renderShow(request, id, q, null));
  });

  /** Runs a form's change; on a problem the page is shown again with the form's errors. */
  const handle = (
    name: string,
    run: (
      request: Parameters<typeof useCaseContext>[0],
      id: string,
      body: Body,
    ) => Promise<Problem[]>,
  ) =>
    app.post(
      `/inspectors/:id/${name === 'profile' ? 'profile' : `${name}s`}`,
      async (request, reply) => {
        const { id } = IdParams.parse(request.params);
        const body = (request.body ?? {}) as Body;
        let problems: Problem[];
        try {
          problems = await run(request, id, body);
        } catch (err) {
          const r = problemsFrom(err, FORM_CODES);
          reply.status(r.status);
          problems = r.problems;
        }
        if (problems.length === 0)
          return reply.redirect(`/inspectors/${encodeURIComponent(id)}?done=${name}`, 303);
        if (reply.statusCode < 400) reply.status(400);
        return reply.render(
          'inspectors/show.njk',
          await renderShow(request, id, {}, { name, values: body, problems }),
        );
      },
    );

  handle('profile', async (request, id, body) => {
    const prep = one(body, 'preparationDays');
    const max = one(body, 'maxSiteWeeksPerQuarter');
    await setInspectorProfile(useCaseContext(request, ctx), {
      inspector: id,
      inspectorRole: one(body, 'inspectorRole') as never,
      homeRegion: one(body, 'homeRegion') as never,
      workingDays: listParam(body.workingDays) as never,
      leadQualified: one(body, 'leadQualified') === 'yes',
      maxSiteWeeksPerQuarter: max === '' || !/^\d+$/.test(max) ? (max as never) : Number(max),
      preparationDays: prep === '' ? null : /^\d+$/.test(prep) ? Number(prep) : (prep as never),
      note: one(body, 'note') || null,
      ...(one(body, 'expectedVersion')
        ? { expectedVersion: Number(one(body, 'expectedVersion')) }
        : {}),
    });
    return [];
  });

  const dateOf = (body: Body, name: string, label: string, required: boolean) =>
    dateFromParts(
      {
        day: one(body, `${name}-day`),
        month: one(body, `${name}-month`),
        year: one(body, `${name}-year`),
      },
      label,
      { required },
    );

  handle('absence', async (request, id, body) => {
    const start = dateOf(body, 'startsOn', 'first day', true);
    const end = dateOf(body, 'endsOn', 'last day', true);
    const problems: Problem[] = [];
    if (start.problem) problems.push({ field: 'startsOn', reason: start.problem });
    if (end.problem) problems.push({ field: 'endsOn', reason: end.problem });
    if (problems.length > 0) return problems;
    await addInspectorAbsence(useCaseContext(request, ctx), {
      inspector: id,
      kind: one(body, 'kind') as never,
      startsOn: start.value!,
      endsOn: end.value!,
      note: one(body, 'note') || null,
    });
    return [];
  });

  handle('conflict', async (request, id, body) => {
    const from = dateOf(body, 'from', 'date the conflict starts', false);
    const to = dateOf(body, 'to', 'date the conflict ends', false);
    const problems: Problem[] = [];
    if (from.problem) problems.push({ field: 'from', reason: from.problem });
    if (to.problem) problems.push({ field: 'to', reason: to.problem });
    if (problems.length > 0) return problems;
    await addInspectorConflict(useCaseContext(request, ctx), {
      inspector: id,
      laId: one(body, 'laId'),
      reason: one(body, 'reason') as never,
      detail: one(body, 'detail') || null,
      from: from.value,
      to: to.value,
    });
    return [];
  });

  app.post('/inspectors/:id/absences/:item/remove', async (request, reply) => {
    const { id, item } = ItemParams.parse(request.params);
    await removeInspectorAbsence(useCaseContext(request, ctx), { inspector: id, absenceId: item });
    return reply.redirect(`/inspectors/${encodeURIComponent(id)}?done=absenceRemoved`, 303);
  });

  app.post('/inspectors/:id/conflicts/:item/remove', async (request, reply) => {
    const { id, item } = ItemParams.parse(request.params);
    await removeInspectorConflict(useCaseContext(request, ctx), {
      inspector: id,
      conflictId: item,
    });
    return reply.redirect(`/inspectors/${encodeURIComponent(id)}?done=conflictRemoved`, 303);
  });
};

// The sample page of an activity: the draw form (per cohort: cases, stratifier, LA audited cases,
// line of enquiry; a seed), the sampled cases with entry route and remote flag, adding a case
// chosen on site, taking a case out with a reason, the LA's audited children, and the
// transparency statement. Plain forms that post back (no JavaScript needed).
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../errors.js';
import { entryRouteLabels } from '../../../domain/sampling/build-statement.js';
import {
  cohortDefs,
  cohortIds,
  stratifierIds,
  stratifierLabels,
} from '../../../domain/sampling/population.js';
import { SampleSpec, type SampleSpecInput } from '../../../domain/sampling/spec.js';
import { addSampleCase } from '../../../usecases/sampling/add-sample-case.js';
import { drawSample } from '../../../usecases/sampling/draw-sample.js';
import { getSample, type SampleView } from '../../../usecases/sampling/get-sample.js';
import { recordLaAudits, splitChildIds } from '../../../usecases/sampling/record-la-audits.js';
import { removeSampleCase } from '../../../usecases/sampling/remove-sample-case.js';
import type { CursorKey } from '../../../domain/paging/cursor.js';
import {
  compareKeys,
  decodeSeek,
  seekSlice,
  type SeekPosition,
} from '../../../domain/paging/seek.js';
import { formErrors, problemsFrom, type Problem } from '../form-problems.js';
import { queryString, seekPagination } from './page-helpers.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const IdParams = z.object({ id: z.string().max(200) });
const CaseParams = z.object({ id: z.string().max(200), caseId: z.string().max(200) });
const Form = z.record(z.string(), z.union([z.string(), z.array(z.string())]).optional());
type FormBody = z.infer<typeof Form>;
const PageQuery = z.object({
  done: z.string().max(40).optional(),
  after: z.string().max(2000).optional(),
});

/** Sampled cases a page of the table lists. */
const CASE_PAGE = 20;
/** The table's order: the latest added first (cases chosen on site), cohort, child, the row's id. */
const caseKey = (c: SampleView['cases'][number]): CursorKey => [
  -c.addedAt.getTime(),
  c.cohort,
  c.childRef,
  c.id,
];

/** One page of the sampled cases, and its GOV.UK pagination; a stale token starts again. */
function casePage(view: SampleView, after: string | undefined) {
  let at: SeekPosition | null = null;
  try {
    at = after ? decodeSeek(after, 4) : null;
  } catch {
    at = null;
  }
  const sorted = [...view.cases].sort((a, b) => compareKeys(caseKey(a), caseKey(b)));
  const page = seekSlice(sorted, CASE_PAGE, at, caseKey);
  return {
    cases: page.items,
    ...seekPagination(
      page,
      (token) => `/activities/${view.activityId}/sample?${queryString({ after: token })}#cases`,
      { one: 'case', many: 'cases' },
      'Pages of sampled cases',
      CASE_PAGE,
    ),
  };
}

const DONE: Record<string, string> = {
  drawn: 'The sample was drawn.',
  redrawn: 'The sample was drawn again; the previous draw is kept in the audit log.',
  added: 'The case was added to the sample.',
  removed: 'The case was taken out of the sample.',
  audits: 'The LA’s audited cases were recorded.',
};

const str = (b: FormBody, k: string): string => {
  const v = b[k];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
};

function render(
  reply: FastifyReply,
  view: SampleView,
  extra: {
    problems?: Problem[];
    values?: Record<string, string>;
    done?: string;
    after?: string;
  } = {},
): FastifyReply {
  const { errors, fieldErrors } = formErrors(extra.problems ?? []);
  const specByCohort = Object.fromEntries(
    cohortIds.map((c) => {
      const e = view.spec.entries.find((x) => x.cohort === c);
      return [
        c,
        {
          size: e?.size ?? 0,
          stratify: e?.stratifyBy[0] ?? '',
          audited: e?.audited ?? 0,
          line: e?.lineOfEnquiryId ?? '',
        },
      ];
    }),
  );
  return reply.render('sampling/show.njk', {
    title: `Case sample – ${view.activityTitle}`,
    view,
    casePage: casePage(view, extra.after),
    cohorts: cohortIds.map((id) => ({ id, ...cohortDefs[id], spec: specByCohort[id] })),
    stratifiers: stratifierIds.map((id) => ({ value: id, text: stratifierLabels[id] })),
    routeLabels: entryRouteLabels,
    cohortLabels: Object.fromEntries(cohortIds.map((c) => [c, cohortDefs[c].label])),
    minPerStratum: view.spec.entries[0]?.minPerStratum ?? 1,
    values: extra.values ?? {},
    // The "take a case out" forms open only for a problem with one of them.
    removeProblem: (extra.problems ?? []).some((p) => (p.field ?? '').startsWith('reason-')),
    notice: extra.done ? DONE[extra.done] : undefined,
    errors: errors.length ? errors : undefined,
    fieldErrors,
    breadcrumbs: [
      { text: 'Home', href: '/home' },
      { text: view.activityTitle, href: `/activities/${view.activityId}` },
    ],
  });
}

/** The spec the draw form describes (one stratifier per cohort; the API takes the full spec). */
function specFromForm(b: FormBody): { spec: SampleSpecInput; problems: Problem[] } {
  const problems: Problem[] = [];
  const num = (k: string, max: number): number => {
    const raw = str(b, k);
    if (raw === '') return 0;
    if (!/^\d+$/.test(raw) || Number(raw) > max) {
      problems.push({ field: k, reason: `Enter a whole number from 0 to ${max}` });
      return 0;
    }
    return Number(raw);
  };
  const min = num('minPerStratum', 50);
  const entries = cohortIds
    .map((c) => {
      const stratify = str(b, `stratify_${c}`);
      const line = str(b, `line_${c}`);
      return {
        cohort: c,
        size: num(`size_${c}`, 500),
        audited: num(`audited_${c}`, 100),
        stratifyBy: (stratifierIds as readonly string[]).includes(stratify)
          ? [stratify as (typeof stratifierIds)[number]]
          : [],
        minPerStratum: min,
        ...(line ? { lineOfEnquiryId: line } : {}),
      };
    })
    .filter((e) => e.size + e.audited > 0);
  if (!entries.length && !problems.length)
    problems.push({ field: 'size_front_door', reason: 'Ask for at least one case in one cohort' });
  return {
    spec: {
      entries,
      remote: str(b, 'remote') === 'yes',
      allowSameChild: str(b, 'allowSameChild') === 'yes',
    },
    problems,
  };
}

export const registerSamplingRoutes: RouteModule = (app, ctx) => {
  app.get('/activities/:id/sample', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { done, after } = PageQuery.parse(request.query);
    const view = await getSample(useCaseContext(request, ctx), { activityId: id });
    return render(reply, view, { ...(done ? { done } : {}), ...(after ? { after } : {}) });
  });

  app.post('/activities/:id/sample/draw', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    // Access first, so that someone who may not draw never learns about their form's problems.
    const view = await getSample(uc, { activityId: id });
    if (!view.can.draw) throw new AppError('FORBIDDEN');
    const { spec, problems } = specFromForm(body);
    const seedRaw = str(body, 'seed');
    if (!/^\d{1,9}$/.test(seedRaw))
      problems.unshift({
        field: 'seed',
        reason: 'Enter the seed as a whole number (up to 9 digits)',
      });
    const parsed = SampleSpec.safeParse(spec);
    if (!problems.length && parsed.success) {
      try {
        const r = await drawSample(uc, {
          activityId: id,
          seed: Number(seedRaw),
          spec: parsed.data,
          ...(str(body, 'reason') ? { reason: str(body, 'reason') } : {}),
        });
        return reply.redirect(`/activities/${id}/sample?done=${r.status}#cases`, 303);
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED', 'FORBIDDEN'], { defaultField: 'seed' });
        if (r.code === 'FORBIDDEN') throw err;
        problems.push(...r.problems);
      }
    }
    reply.status(400);
    return render(reply, view, { problems, values: flat(body) });
  });

  app.post('/activities/:id/sample/cases', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    try {
      await addSampleCase(uc, {
        activityId: id,
        childId: str(body, 'childId'),
        cohort: str(body, 'cohort') as never,
        route: str(body, 'route') as never,
        criteria: str(body, 'criteria'),
        remote: str(body, 'caseRemote') === 'yes',
        lineOfEnquiryId: str(body, 'lineOfEnquiryId') || null,
        allowSameChild: str(body, 'caseAllowSameChild') === 'yes',
      });
      return reply.redirect(`/activities/${id}/sample?done=added#cases`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED', 'ALREADY_EXISTS'], {
        defaultField: 'childId',
      });
      reply.status(r.status);
      return render(reply, await getSample(uc, { activityId: id }), {
        problems: r.problems,
        values: flat(body),
      });
    }
  });

  app.post('/activities/:id/sample/cases/:caseId/remove', async (request, reply) => {
    const { id, caseId } = CaseParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    try {
      await removeSampleCase(uc, {
        activityId: id,
        sampleCaseId: caseId,
        reason: str(body, 'reason'),
      });
      return reply.redirect(`/activities/${id}/sample?done=removed#cases`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED', 'CONFLICT'], {
        fields: { reason: `reason-${caseId}` },
        defaultField: `reason-${caseId}`,
      });
      reply.status(r.status);
      return render(reply, await getSample(uc, { activityId: id }), {
        problems: r.problems,
        values: flat(body),
      });
    }
  });

  app.post('/activities/:id/sample/la-audits', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    try {
      await recordLaAudits(uc, { activityId: id, childIds: splitChildIds(str(body, 'childIds')) });
      return reply.redirect(`/activities/${id}/sample?done=audits#la-audits`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], {
        fields: { childIds: 'childIds' },
        defaultField: 'childIds',
      });
      reply.status(r.status);
      return render(reply, await getSample(uc, { activityId: id }), {
        problems: r.problems,
        values: flat(body),
      });
    }
  });
};

function flat(b: FormBody): Record<string, string> {
  return Object.fromEntries(Object.keys(b).map((k) => [k, str(b, k)]));
}

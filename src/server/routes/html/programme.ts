// The programme pages (issue 14): a region's runs with the form that solves a new programme, and
// the page that follows a solve running as a background job (programme.solve). The run's own
// pages (board, pins, what-ifs, compare, publish) are in programme-runs.ts. Access in policies.ts
// through the use cases: regional staff for their region, national staff and admins; others 404.
import { z } from 'zod';
import { ofstedRegions } from '../../../domain/access/roles.js';
import { todayInEngland } from '../../../clock.js';
import { enqueueProgrammeSolve } from '../../../usecases/programme/enqueue-programme-solve.js';
import { getLaTimeline } from '../../../usecases/programme/get-la-timeline.js';
import { getProgrammeSolveJob } from '../../../usecases/programme/get-programme-solve-job.js';
import { listProgrammeRuns } from '../../../usecases/programme/list-programme-runs.js';
import { resolveRegion } from '../../../usecases/programme/solve-programme.js';
import { dateFromParts, formErrors, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { programmeLabels, solveProgressText } from './programme-labels.js';

const ListQuery = z.object({ region: z.string().max(100).optional() });
const JobParams = z.object({ jobId: z.string().max(100) });
const LaParams = z.object({ id: z.string().max(200) });
const SolveForm = z.object({
  region: z.string().max(100).default(''),
  'from-day': z.string().max(10).default(''),
  'from-month': z.string().max(10).default(''),
  'from-year': z.string().max(10).default(''),
  timeLimitSeconds: z.string().max(10).default(''),
});
type Values = Record<string, string>;

/** A time limit typed in a form: whole seconds from 1 to 600, or the problem. */
export function timeLimitFrom(text: string): { value?: number; problem?: Problem } {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t) || Number(t) < 1 || Number(t) > 600)
    return {
      problem: {
        field: 'timeLimitSeconds',
        reason: 'Enter the time limit as a whole number of seconds from 1 to 600',
      },
    };
  return { value: Number(t) };
}

export const registerProgrammeRoutes: RouteModule = (app, ctx) => {
  const renderList = async (
    request: Parameters<typeof useCaseContext>[0],
    region: string,
    values: Values,
    problems: Problem[],
  ) => {
    const runs = await listProgrammeRuns(useCaseContext(request, ctx), { region });
    const actor = request.actor;
    const own = actor?.kind === 'user' && actor.role === 'regional';
    const publishedRun = runs
      .filter((r) => r.publishedVersion !== null)
      .sort((a, b) => (b.publishedVersion ?? 0) - (a.publishedVersion ?? 0))[0];
    return {
      region,
      regions: own ? [region] : ofstedRegions,
      runs,
      published: publishedRun
        ? {
            version: publishedRun.publishedVersion,
            runId: publishedRun.id,
          }
        : null,
      values,
      ...programmeLabels,
      ...(problems.length > 0
        ? formErrors(problems, { from: 'from-day', timeLimitSeconds: 'timeLimitSeconds' })
        : { fieldErrors: {} }),
      breadcrumbs: [{ text: 'Home', href: '/home' }],
    };
  };
  const defaultRegion = (request: Parameters<typeof useCaseContext>[0], named?: string) => {
    const actor = request.actor;
    // A slug (north-west) names the region as the CLI does; the page shows and selects its name.
    const canonical = (n: string) => {
      try {
        return resolveRegion(n) ?? n;
      } catch {
        return n; // not a region: the use case refuses it with the list of regions
      }
    };
    return (
      (named && canonical(named)) || (actor?.kind === 'user' && actor.region) || ofstedRegions[0]
    );
  };

  app.get('/programme', async (request, reply) => {
    const q = ListQuery.parse(request.query);
    const region = defaultRegion(request, q.region);
    const today = todayInEngland();
    const values = {
      'from-day': String(Number(today.slice(8, 10))),
      'from-month': String(Number(today.slice(5, 7))),
      'from-year': today.slice(0, 4),
      // An upper bound: a region's solve ends once its plan is proved the best (a few seconds on
      // an idle machine), but on a busy one 10 s often ended with no plan at all.
      timeLimitSeconds: '30',
    };
    return reply.render('programme/index.njk', await renderList(request, region, values, []));
  });

  app.post('/programme/solve', async (request, reply) => {
    const form = SolveForm.parse(request.body ?? {});
    const region = defaultRegion(request, form.region);
    const problems: Problem[] = [];
    const from = dateFromParts(
      { day: form['from-day'], month: form['from-month'], year: form['from-year'] },
      'first day of the plan',
      { required: true },
    );
    if (from.problem) problems.push({ field: 'from', reason: from.problem });
    const limit = timeLimitFrom(form.timeLimitSeconds);
    if (limit.problem) problems.push(limit.problem);
    if (problems.length === 0)
      try {
        const { jobId } = await enqueueProgrammeSolve(useCaseContext(request, ctx), 'new', {
          region,
          from: from.value,
          timeLimitSeconds: limit.value,
        });
        ctx.jobs.kick();
        return reply.redirect(`/programme/solves/${jobId}`, 303);
      } catch (err) {
        problems.push(...problemsFrom(err, ['VALIDATION_FAILED']).problems);
      }
    reply.status(400);
    return reply.render(
      'programme/index.njk',
      await renderList(request, region, form as Values, problems),
    );
  });

  app.get('/programme/solves/:jobId', async (request, reply) => {
    const { jobId } = JobParams.parse(request.params);
    const job = await getProgrammeSolveJob(useCaseContext(request, ctx), { jobId });
    const backHref = job.fromRunId
      ? `/programme/runs/${job.fromRunId}`
      : `/programme?region=${encodeURIComponent(job.region)}`;
    return reply.render('programme/solve.njk', {
      job,
      progressText: solveProgressText(job),
      backHref,
      ...programmeLabels,
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: 'Programme', href: `/programme?region=${encodeURIComponent(job.region)}` },
      ],
    });
  });

  app.get('/las/:id/timeline', async (request, reply) => {
    const { id } = LaParams.parse(request.params);
    const t = await getLaTimeline(useCaseContext(request, ctx), { id });
    return reply.render('programme/timeline.njk', {
      t,
      ...programmeLabels,
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: t.la.name, href: `/las/${encodeURIComponent(t.la.id)}` },
      ],
    });
  });
};

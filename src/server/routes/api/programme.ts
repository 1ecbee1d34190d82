// JSON API for the programme (issue 14): start a solve (a background job: 202 with its id, then
// its progress and run), the saved runs (list, show, explain, the board by week and by inspector),
// solve one again (as it was, with a pin, with a what-if: each a job), compare two, publish one,
// and an LA's timeline. The same use cases and access rules as the pages: the region's regional
// staff, national staff and admins; inspectors their own placements of a published version; LA
// users never see a plan (NOT_FOUND), nor planned dates on the timeline.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { compareProgrammeRuns } from '../../../usecases/programme/compare-programme-runs.js';
import {
  enqueueProgrammeSolve,
  type ProgrammeSolveMode,
} from '../../../usecases/programme/enqueue-programme-solve.js';
import {
  explainProgrammeRun,
  ExplainProgrammeRunInput,
} from '../../../usecases/programme/explain-programme-run.js';
import { getLaTimeline } from '../../../usecases/programme/get-la-timeline.js';
import { getProgrammeBoard } from '../../../usecases/programme/get-programme-board.js';
import { getProgrammeRun } from '../../../usecases/programme/get-programme-run.js';
import { getProgrammeSolveJob } from '../../../usecases/programme/get-programme-solve-job.js';
import { listProgrammeRuns } from '../../../usecases/programme/list-programme-runs.js';
import { PinProgrammeRunInput } from '../../../usecases/programme/pin-programme-run.js';
import { publishProgrammeRun } from '../../../usecases/programme/publish-programme-run.js';
import { ResolveProgrammeRunInput } from '../../../usecases/programme/resolve-programme-run.js';
import { RunProgrammeSolveInput } from '../../../usecases/programme/run-programme-solve.js';
import { WhatIfProgrammeRunInput } from '../../../usecases/programme/what-if-programme-run.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import {
  Board,
  Comparison,
  Explanation,
  placement,
  Published,
  Queued,
  RunListed,
  runHead,
  RunShown,
  runShown,
  SolveJob,
  Timeline,
} from './programme-schemas.js';

const TAG = 'programme';
const R = '/api/v1/programme';
const objectOf = (b: unknown): Record<string, unknown> =>
  b !== null && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
// The bodies of the re-solves, as documented (each use case checks its own, with the run's id).
const PinBody = z.object(PinProgrammeRunInput.shape).omit({ runId: true });
const WhatIfBody = z.object(WhatIfProgrammeRunInput.shape).omit({ runId: true });
const ResolveBody = ResolveProgrammeRunInput.omit({ runId: true });

export const registerProgrammeApi: RouteModule = (app, ctx) => {
  /** Queues a solve and answers 202 with the job and where to follow it. */
  const enqueue = async (
    request: FastifyRequest,
    reply: FastifyReply,
    mode: ProgrammeSolveMode,
    input: Record<string, unknown>,
  ) => {
    const { jobId, region } = await enqueueProgrammeSolve(
      useCaseContext(request, ctx),
      mode,
      input,
    );
    ctx.jobs.kick();
    const statusUrl = `${R}/solves/${jobId}`;
    reply.header('location', statusUrl);
    return { jobId, region, statusUrl };
  };
  const runId = (params: Record<string, string | undefined>) => params.id ?? '';

  registerApiRoutes(app, [
    defineApiRoute({
      method: 'POST',
      path: `${R}/solves`,
      summary:
        'Solve a programme for a region (name or slug) or england from a date, as a background job (202: follow statusUrl). The roster is the inspectors’ profiles unless `inspectors` gives one',
      tag: TAG,
      body: RunProgrammeSolveInput,
      bodyCheckedByUseCase: true,
      status: 202,
      response: Queued,
      handler: async ({ request, reply, body }) => enqueue(request, reply, 'new', objectOf(body)),
    }),
    defineApiRoute({
      method: 'GET',
      path: `${R}/solves/:jobId`,
      summary:
        'A solve’s progress (phase, seconds, best objective and gap) and, when done, its run (yours only)',
      tag: TAG,
      response: SolveJob,
      handler: async ({ request, params }) => {
        const job = await getProgrammeSolveJob(useCaseContext(request, ctx), {
          jobId: params.jobId ?? '',
        });
        return { ...job, runUrl: job.outcome ? `${R}/runs/${job.outcome.runId}` : null };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: `${R}/runs`,
      summary:
        'Saved runs, newest first: of a region (or england); of every region for national staff and admins',
      tag: TAG,
      query: z.object({ region: z.string().max(100).optional() }),
      response: z.array(RunListed),
      handler: async ({ request, query }) =>
        (
          await listProgrammeRuns(
            useCaseContext(request, ctx),
            query.region ? { region: query.region } : {},
          )
        ).map((r) => ({ ...runHead(r), pins: r.pins, whatIfs: r.whatIfs })),
    }),
    defineApiRoute({
      method: 'GET',
      path: `${R}/runs/:id`,
      summary:
        'A saved run: every placement (LA, type, week, team) and the hard-rule breaches (none for a plan the solver proved)',
      tag: TAG,
      response: RunShown,
      handler: async ({ request, params }) =>
        runShown(await getProgrammeRun(useCaseContext(request, ctx), { runId: runId(params) })),
    }),
    defineApiRoute({
      method: 'GET',
      path: `${R}/runs/:id/explanation`,
      summary:
        'Why each placement (or one LA’s) is where it is, the soft rules broken and by how much, and, when no plan exists, the rules that conflict',
      tag: TAG,
      query: ExplainProgrammeRunInput.pick({ la: true }),
      response: Explanation,
      handler: async ({ request, params, query }) =>
        explainProgrammeRun(useCaseContext(request, ctx), {
          runId: runId(params),
          ...(query.la ? { la: query.la } : {}),
        }),
    }),
    defineApiRoute({
      method: 'GET',
      path: `${R}/runs/:id/board`,
      summary:
        'The plan board: placements by week, each inspector’s weeks of work (preparation, on site, write-up, QA)',
      tag: TAG,
      response: Board,
      handler: async ({ request, params }) => {
        const b = await getProgrammeBoard(useCaseContext(request, ctx), { runId: runId(params) });
        return {
          run: runHead(b.run),
          ownPlacementsOnly: b.ownPlacementsOnly,
          byWeek: b.weeks.map((w) => ({
            ...w,
            placements: b.placements.filter((p) => p.week === w.week).map(placement),
          })),
          byInspector: b.inspectors,
          otherRuns: b.otherRuns.map(runHead),
          canSolve: b.canSolve,
          canPublish: b.canPublish,
        };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${R}/runs/:id/resolve`,
      summary: 'Solve a saved run again against today’s data, as a background job (202)',
      tag: TAG,
      body: ResolveBody,
      bodyCheckedByUseCase: true,
      status: 202,
      response: Queued,
      handler: async ({ request, reply, params, body }) =>
        enqueue(request, reply, 'resolve', { ...objectOf(body), runId: runId(params) }),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${R}/runs/:id/pin`,
      summary:
        'Pin an LA’s activity to the week of a date and/or inspectors or a lead (id or e-mail), and solve again as a background job (202)',
      tag: TAG,
      body: PinBody,
      bodyCheckedByUseCase: true,
      status: 202,
      response: Queued,
      handler: async ({ request, reply, params, body }) =>
        enqueue(request, reply, 'pin', { ...objectOf(body), runId: runId(params) }),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${R}/runs/:id/what-if`,
      summary:
        'What if an inspector is on leave between two dates, or an LA’s risk level changes: solved again as a background job (202)',
      tag: TAG,
      body: WhatIfBody,
      bodyCheckedByUseCase: true,
      status: 202,
      response: Queued,
      handler: async ({ request, reply, params, body }) =>
        enqueue(request, reply, 'what-if', { ...objectOf(body), runId: runId(params) }),
    }),
    defineApiRoute({
      method: 'GET',
      path: `${R}/compare`,
      summary:
        'Two runs side by side: placements moved, added or removed, team changes, objective and soft costs',
      tag: TAG,
      query: z.object({ a: z.string().min(1).max(100), b: z.string().min(1).max(100) }),
      response: Comparison,
      handler: async ({ request, query }) =>
        compareProgrammeRuns(useCaseContext(request, ctx), query),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${R}/runs/:id/publish`,
      summary:
        'Publish a run as the next version of its region’s programme: planned activities and teams (refused, naming the rule, if it now breaks one)',
      tag: TAG,
      response: Published,
      handler: async ({ request, params }) =>
        publishProgrammeRun(useCaseContext(request, ctx), { runId: runId(params) }),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/las/:id/timeline',
      summary:
        'An LA’s timeline: its past activities and, for its region’s planners only, the published programme’s planned ones',
      tag: TAG,
      response: Timeline,
      handler: async ({ request, params }) =>
        getLaTimeline(useCaseContext(request, ctx), { id: params.id ?? '' }),
    }),
  ]);
};

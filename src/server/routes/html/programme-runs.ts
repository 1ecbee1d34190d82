// One saved run of the programme (issue 14): the plan board (by week, by inspector, explanations
// with a pin form per placement), solving it again (as it was, with a pin, or with a what-if: each
// a background job followed on the solve page), comparing two runs, and publishing one. Access in
// policies.ts through the use cases; others 404.
import { z } from 'zod';
import { isAppError } from '../../../errors.js';
import { enqueueProgrammeSolve } from '../../../usecases/programme/enqueue-programme-solve.js';
import {
  getProgrammeBoard,
  type ProgrammeBoard,
} from '../../../usecases/programme/get-programme-board.js';
import { getProgrammeComparison } from '../../../usecases/programme/get-programme-comparison.js';
import { publishProgrammeRun } from '../../../usecases/programme/publish-programme-run.js';
import { dateFromParts, formErrors, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { programmeLabels } from './programme-labels.js';
import { timeLimitFrom } from './programme.js';

const IdParams = z.object({ id: z.string().max(100) });
const CompareQuery = z.object({ a: z.string().max(100), b: z.string().max(100) });
type Body = Record<string, string | string[] | undefined>;
const one = (b: Body, k: string) => String((Array.isArray(b[k]) ? b[k][0] : b[k]) ?? '').trim();
type Request = Parameters<typeof useCaseContext>[0];
const FORM_CODES = ['VALIDATION_FAILED'] as const;

const dateText = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** What the board's template needs besides the use case's answer. */
function boardLocals(b: ProgrammeBoard) {
  const o = b.run.options;
  const names = new Map(b.roster.map((r) => [r.id, r.name]));
  const laNames = Object.fromEntries(b.placements.map((p) => [p.laId, p.laName]));
  const typeLabels = Object.fromEntries(
    b.placements.map((p) => [p.activityType, p.explanation.typeLabel]),
  );
  const changesText = [
    ...(o.pins ?? []).map(
      (p) =>
        `Pinned: ${laNames[p.laId] ?? p.laId}, ${typeLabels[p.activityType] ?? p.activityType}${p.week !== undefined ? ` in week ${p.week}` : ''}${p.inspectorIds?.length ? ` with ${p.inspectorIds.map((i) => names.get(i) ?? i).join(', ')}` : ''}`,
    ),
    ...(o.whatIf?.longLeave ?? []).map(
      (l) =>
        `What if: ${names.get(l.inspectorId) ?? l.inspectorId} on leave for ${l.weeks} weeks from week ${l.fromWeek}`,
    ),
    ...(o.whatIf?.riskLevel ?? []).map(
      (r) => `What if: ${laNames[r.laId] ?? r.laId} at ${r.level} risk`,
    ),
  ];
  const esc = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return {
    ...b,
    ...programmeLabels,
    laNames,
    typeLabels,
    changesText,
    changesHtml: changesText.map((t) => `<li>${esc(t)}</li>`).join(''),
    placementsByDate: [...b.placements].sort(
      (x, y) => x.start.localeCompare(y.start) || x.laName.localeCompare(y.laName),
    ),
    weekOptions: b.weeks.map((w) => ({
      value: w.start,
      week: w.week,
      text: `Week ${w.week}, from ${dateText(w.start)}`,
    })),
    leads: b.roster.filter((r) => r.leadQualified),
    laOptions: [...new Map(b.placements.map((p) => [p.laId, p.laName]))]
      .map(([id, name]) => ({ id, name }))
      .sort((x, y) => x.name.localeCompare(y.name)),
    parentHref: b.run.parentRunId ? `/programme/runs/${b.run.parentRunId}` : null,
    compareParentHref: b.run.parentRunId
      ? `/programme/compare?a=${b.run.parentRunId}&b=${b.run.id}`
      : null,
    breadcrumbs: [
      { text: 'Home', href: '/home' },
      { text: 'Programme', href: `/programme?region=${encodeURIComponent(b.run.region)}` },
    ],
  };
}

/** A refusal's problems with the rule each names ("lead: ..."), without links to fields. */
function toNamed(err: unknown, problems: Problem[]): Problem[] {
  const details = isAppError(err) ? err.details : [];
  return details.length > 0
    ? details.map((d) => ({ reason: `${String(d.value ?? 'rule')}: ${d.reason}` }))
    : problems.map((p) => ({ reason: p.reason }));
}

export const registerProgrammeRunRoutes: RouteModule = (app, ctx) => {
  const renderBoard = async (
    request: Request,
    id: string,
    form: { values: Body; problems: Problem[]; whatIf: boolean } | null,
  ) => {
    const board = await getProgrammeBoard(useCaseContext(request, ctx), { runId: id });
    return {
      ...boardLocals(board),
      values: form?.values ?? {},
      whatIfOpen: form?.whatIf ?? false,
      ...(form && form.problems.length > 0
        ? formErrors(form.problems, {
            leave: 'leaveFrom-day',
            leaveFrom: 'leaveFrom-day',
            leaveTo: 'leaveTo-day',
            risk: 'laId',
            la: 'laId',
            inspector: 'inspectorId',
            timeLimitSeconds: 'resolve-limit',
            week: null,
            lead: null,
            activityType: null,
          })
        : { fieldErrors: {} }),
    };
  };

  app.get('/programme/runs/:id', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const locals = await renderBoard(request, id, null);
    const done = (request.query as { done?: string }).done;
    const notice =
      done === 'published' && locals.run.publishedVersion
        ? `Published: this plan is version ${locals.run.publishedVersion} of the programme for ${locals.run.region}, with its planned activities and teams.`
        : undefined;
    return reply.render('programme/run.njk', { ...locals, notice });
  });

  const renderPublish = async (request: Request, id: string, problems: Problem[]) => {
    const board = await getProgrammeBoard(useCaseContext(request, ctx), { runId: id });
    const published = board.otherRuns
      .filter((r) => r.publishedVersion !== null)
      .sort((a, b) => (b.publishedVersion ?? 0) - (a.publishedVersion ?? 0))[0];
    return {
      run: board.run,
      placementCount: board.placements.length,
      published: published ? { version: published.publishedVersion } : null,
      ...(problems.length > 0 ? formErrors(problems) : {}),
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: 'Programme', href: `/programme?region=${encodeURIComponent(board.run.region)}` },
        { text: 'Plan', href: `/programme/runs/${board.run.id}` },
      ],
    };
  };

  app.get('/programme/runs/:id/publish', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    return reply.render('programme/publish.njk', await renderPublish(request, id, []));
  });

  app.post('/programme/runs/:id/publish', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    try {
      await publishProgrammeRun(useCaseContext(request, ctx), { runId: id });
      return reply.redirect(`/programme/runs/${encodeURIComponent(id)}?done=published`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['PROGRAMME_NOT_PUBLISHABLE']);
      // The rule each refusal names, then why.
      const named = toNamed(err, r.problems);
      reply.status(r.status);
      return reply.render('programme/publish.njk', await renderPublish(request, id, named));
    }
  });

  /** Queues the solve a form asks for and follows it; a problem shows the board again. */
  const solveFrom = (
    path: string,
    mode: 'resolve' | 'pin' | 'what-if',
    inputOf: (id: string, body: Body) => { input?: Record<string, unknown>; problems: Problem[] },
  ) =>
    app.post(`/programme/runs/:id/${path}`, async (request, reply) => {
      const { id } = IdParams.parse(request.params);
      const body = (request.body ?? {}) as Body;
      const { input, problems } = inputOf(id, body);
      if (input && problems.length === 0)
        try {
          const { jobId } = await enqueueProgrammeSolve(useCaseContext(request, ctx), mode, input);
          ctx.jobs.kick();
          return reply.redirect(`/programme/solves/${jobId}`, 303);
        } catch (err) {
          problems.push(...problemsFrom(err, FORM_CODES).problems);
        }
      reply.status(400);
      return reply.render(
        'programme/run.njk',
        await renderBoard(request, id, { values: body, problems, whatIf: mode === 'what-if' }),
      );
    });

  solveFrom('resolve', 'resolve', (id, body) => {
    const limit = timeLimitFrom(one(body, 'timeLimitSeconds'));
    return limit.problem
      ? { problems: [limit.problem] }
      : { input: { runId: id, timeLimitSeconds: limit.value }, problems: [] };
  });

  solveFrom('pin', 'pin', (id, body) => {
    const week = one(body, 'week');
    const lead = one(body, 'leadInspectorId');
    if (!week && !lead)
      return { problems: [{ field: 'week', reason: 'Pin a week or a lead, or both' }] };
    return {
      input: {
        runId: id,
        la: one(body, 'laId'),
        activityType: one(body, 'activityType'),
        ...(week ? { week } : {}),
        ...(lead ? { lead } : {}),
      },
      problems: [],
    };
  });

  solveFrom('what-if', 'what-if', (id, body) => {
    const problems: Problem[] = [];
    const inspector = one(body, 'inspectorId');
    const la = one(body, 'laId');
    const leave: { inspector: string; from: string; to: string }[] = [];
    if (inspector) {
      const part = (name: string, label: string) => {
        const d = dateFromParts(
          {
            day: one(body, `${name}-day`),
            month: one(body, `${name}-month`),
            year: one(body, `${name}-year`),
          },
          label,
          { required: true },
        );
        if (d.problem) problems.push({ field: name, reason: d.problem });
        return d.value;
      };
      const from = part('leaveFrom', 'first day of the leave');
      const to = part('leaveTo', 'last day of the leave');
      if (from && to) leave.push({ inspector, from, to });
    }
    if (!inspector && !la)
      problems.push({
        field: 'inspectorId',
        reason: 'Choose an inspector on leave or a local authority whose risk rises',
      });
    const risk = la ? [{ la, level: one(body, 'level') || 'high' }] : [];
    return { input: { runId: id, leave, risk }, problems };
  });

  app.get('/programme/compare', async (request, reply) => {
    const q = CompareQuery.parse(request.query);
    const r = await getProgrammeComparison(useCaseContext(request, ctx), q);
    const names = r.names;
    return reply.render('programme/compare.njk', {
      a: r.a,
      b: r.b,
      c: {
        ...r.comparison,
        differences: r.comparison.differences.map((d) => ({
          ...d,
          joinedNames: d.joined.map((i) => names[i] ?? i),
          leftNames: d.left.map((i) => names[i] ?? i),
        })),
      },
      names,
      typeLabels: r.typeLabels,
      ...programmeLabels,
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: 'Programme', href: `/programme?region=${encodeURIComponent(r.a.region)}` },
      ],
    });
  });
};

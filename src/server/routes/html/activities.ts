// Activity pages: create an activity, view one, move it through its lifecycle, manage its team.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { teamRoleLabels, teamRoles } from '../../../domain/access/roles.js';
import {
  checkTransition,
  isActivityState,
  stateLabels,
} from '../../../domain/activities/lifecycle.js';
import { addTeamMember } from '../../../usecases/activities/add-team-member.js';
import { changeActivityState } from '../../../usecases/activities/change-activity-state.js';
import { createActivity } from '../../../usecases/activities/create-activity.js';
import { getActivity } from '../../../usecases/activities/get-activity.js';
import {
  getActivityPage,
  type ActivityPage,
} from '../../../usecases/activities/get-activity-page.js';
import {
  getNewActivityForm,
  type NewActivityForm,
} from '../../../usecases/activities/get-new-activity-form.js';
import { AppError } from '../../../errors.js';
import { removeTeamMember } from '../../../usecases/activities/remove-team-member.js';
import { getReportLink, type ReportLink } from '../../../usecases/reports/report-link.js';
import { judgementsFor } from '../../../domain/judgements/judgement-rules.js';
import { frameworkOf } from '../../../domain/frameworks/installed.js';
import {
  dateFromParts,
  formErrors,
  noticeFor,
  problemsFrom,
  type Problem,
} from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const IdParams = z.object({ id: z.string() });
const MemberParams = z.object({ id: z.string(), userId: z.string() });
const ShowQuery = z.object({ done: z.string().optional() });
const NewQuery = z.object({ laId: z.string().max(200).optional() });
const StateForm = z.object({
  toState: z.string().default(''),
  reason: z.string().default(''),
  expectedVersion: z.string().default(''),
});
const TeamForm = z.object({ userId: z.string().default(''), teamRole: z.string().default('') });
/** The create form is read as a flat record of its fields (dates come as day/month/year parts). */
const CreateForm = z.record(z.string(), z.string());

const notices = {
  created: 'The activity has been created.',
  dates: 'The planned dates have been changed.',
  state: 'The activity’s state has been changed.',
  'team-added': 'The team has been updated.',
  'team-removed': 'The person has been removed from the team.',
};

const teamRoleItems = teamRoles.map((r) => ({ value: r, text: teamRoleLabels[r] }));

function renderActivity(
  reply: FastifyReply,
  page: ActivityPage,
  extra: {
    notice?: string | undefined;
    problems?: Problem[];
    values?: Record<string, string>;
    reportLink?: ReportLink | null;
  } = {},
): FastifyReply {
  const { activity, can } = page.detail;
  const nextStates = can.nextStates.map((s) => ({
    value: s,
    text: stateLabels[s],
    reasonRequired: checkTransition(activity.state, s, {
      pausedFrom: activity.pausedFrom,
      hasWrittenOutput: true,
      reason: 'x',
    }).reasonRequired,
  }));
  return reply.render('activities/show.njk', {
    ...page,
    ...page.detail,
    nextStates,
    teamRoleLabels,
    teamRoleItems,
    hasJudgements: judgementsFor(frameworkOf(activity), activity.activityType).length > 0,
    notice: extra.notice,
    reportLink: extra.reportLink ?? null,
    values: extra.values ?? {},
    ...(extra.problems ? formErrors(extra.problems) : {}),
    breadcrumbs: [
      { text: 'Home', href: '/home' },
      { text: activity.laName, href: `/las/${activity.laId}` },
    ],
  });
}

function renderNew(
  reply: FastifyReply,
  form: NewActivityForm,
  values: Record<string, string> = {},
  problems: Problem[] = [],
): FastifyReply {
  const anchors: Record<string, string> = {
    activityType: 'activityType',
    plannedStart: 'plannedStart-day',
    plannedEnd: 'plannedEnd-day',
    partnerInspectorates: 'partners',
  };
  const errors = formErrors(problems, anchors);
  return reply.render('activities/new.njk', {
    ...form,
    values,
    ...(problems.length > 0 ? errors : {}),
    breadcrumbs: [{ text: 'Home', href: '/home' }],
  });
}

/** The type-specific fields; the use case ignores those the chosen type lacks. */
function typeFields(body: Record<string, string>) {
  const theme = (body.theme ?? '').trim();
  const seq = (body.sequenceNumber ?? '').trim();
  const partners = (body.partners ?? '')
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  return { theme: theme || null, sequenceNumber: seq || null, partnerInspectorates: partners };
}

export const registerActivityRoutes: RouteModule = (app, ctx) => {
  app.get('/activities/new', async (request, reply) => {
    const { laId } = NewQuery.parse(request.query);
    const form = await getNewActivityForm(useCaseContext(request, ctx));
    return renderNew(reply, form, laId && form.las.some((l) => l.id === laId) ? { laId } : {});
  });

  app.post('/activities', async (request, reply) => {
    const uc = useCaseContext(request, ctx);
    const body = CreateForm.parse(request.body ?? {});
    const problems: Problem[] = [];
    if (!body.laId) problems.push({ field: 'laId', reason: 'Select a local authority' });
    if (!body.activityType)
      problems.push({ field: 'activityType', reason: 'Select the type of activity' });
    const start = dateFromParts(
      {
        day: body['plannedStart-day'],
        month: body['plannedStart-month'],
        year: body['plannedStart-year'],
      },
      'planned start date',
      { required: true },
    );
    if (start.problem) problems.push({ field: 'plannedStart', reason: start.problem });
    const end = dateFromParts(
      {
        day: body['plannedEnd-day'],
        month: body['plannedEnd-month'],
        year: body['plannedEnd-year'],
      },
      'planned end date',
      { required: false },
    );
    if (end.problem) problems.push({ field: 'plannedEnd', reason: end.problem });
    const seqRaw = (body.sequenceNumber ?? '').trim();
    if (seqRaw && !/^\d{1,2}$/.test(seqRaw)) {
      problems.push({
        field: 'sequenceNumber',
        reason: 'The visit number must be a whole number, like 3',
      });
    }
    if (problems.length === 0 && start.value) {
      try {
        const created = await createActivity(uc, {
          laId: body.laId ?? '',
          activityType: body.activityType ?? '',
          title: (body.title ?? '').trim() || undefined,
          plannedStart: start.value,
          plannedEnd: end.value,
          ruleReason: (body.ruleReason ?? '').trim() || null,
          ...typeFields(body),
        });
        return reply.redirect(`/activities/${created.id}?done=created`, 303);
      } catch (err) {
        const r = problemsFrom(
          err,
          ['VALIDATION_FAILED', 'ACTIVITY_RULE_BROKEN', 'ACTIVITY_RULE_REASON_NEEDED'],
          { defaultField: 'activityType' },
        );
        reply.status(r.status);
        return renderNew(reply, await getNewActivityForm(uc), body, r.problems);
      }
    }
    reply.status(400);
    return renderNew(reply, await getNewActivityForm(uc), body, problems);
  });

  app.get('/activities/:id', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { done } = ShowQuery.parse(request.query);
    const uc = useCaseContext(request, ctx);
    const page = await getActivityPage(uc, id);
    const reportLink = await getReportLink(uc, id);
    return renderActivity(reply, page, { notice: noticeFor(done, notices), reportLink });
  });

  app.post('/activities/:id/state', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const form = StateForm.parse(request.body ?? {});
    let problems: Problem[] = [];
    if (!isActivityState(form.toState))
      problems.push({ field: 'toState', reason: 'Select the state to move to' });
    if (form.reason.length > 2000)
      problems.push({ field: 'reason', reason: 'The reason must be 2000 characters or fewer' });
    if (problems.length === 0) {
      try {
        await changeActivityState(uc, {
          activityId: id,
          toState: form.toState as never,
          reason: form.reason.trim() || null,
          ...(/^\d+$/.test(form.expectedVersion)
            ? { expectedVersion: Number(form.expectedVersion) }
            : {}),
        });
        return reply.redirect(`/activities/${id}?done=state`, 303);
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED', 'INVALID_TRANSITION', 'CONFLICT'], {
          defaultField: 'toState',
        });
        reply.status(r.status);
        problems =
          r.code === 'CONFLICT'
            ? [
                {
                  field: 'toState',
                  reason:
                    'Someone else changed this activity while you were looking at it. Check its current state and try again.',
                },
              ]
            : r.problems;
      }
    } else {
      reply.status(400);
    }
    const page = await getActivityPage(uc, id);
    return renderActivity(reply, page, {
      problems,
      values: { toState: form.toState, reason: form.reason },
    });
  });

  app.post('/activities/:id/team', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const form = TeamForm.parse(request.body ?? {});
    let problems: Problem[] = [];
    if (!form.userId) problems.push({ field: 'userId', reason: 'Select the person to add' });
    if (!(teamRoles as readonly string[]).includes(form.teamRole)) {
      problems.push({ field: 'teamRole', reason: 'Select their role on the team' });
    }
    if (problems.length === 0) {
      try {
        await addTeamMember(uc, {
          activityId: id,
          userId: form.userId,
          teamRole: form.teamRole as never,
        });
        return reply.redirect(`/activities/${id}?done=team-added`, 303);
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'userId' });
        reply.status(r.status);
        problems = r.problems;
      }
    } else {
      reply.status(400);
    }
    const page = await getActivityPage(uc, id);
    return renderActivity(reply, page, {
      problems,
      values: { userId: form.userId, teamRole: form.teamRole },
    });
  });

  app.get('/activities/:id/team/:userId/remove', async (request, reply) => {
    const { id, userId } = MemberParams.parse(request.params);
    const detail = await getActivity(useCaseContext(request, ctx), id);
    const member = detail.team.find((m) => m.userId === userId);
    if (!detail.can.manage) throw new AppError('FORBIDDEN');
    if (!member) return reply.callNotFound();
    return reply.render('activities/remove-member.njk', {
      activity: detail.activity,
      member,
      teamRoleLabel: teamRoleLabels[member.teamRole],
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: detail.activity.title, href: `/activities/${detail.activity.id}` },
      ],
    });
  });

  app.post('/activities/:id/team/:userId/remove', async (request, reply) => {
    const { id, userId } = MemberParams.parse(request.params);
    await removeTeamMember(useCaseContext(request, ctx), { activityId: id, userId });
    return reply.redirect(`/activities/${id}?done=team-removed`, 303);
  });
};

// Report pages around the local authority's factual accuracy check: release the draft (the lead),
// the factual accuracy page (the LA comments; everyone involved sees each response), the team's
// response to one comment, and publication.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  DEFAULT_WINDOW_DAYS,
  factualAccuracyDeadline,
} from '../../../domain/reports/factual-accuracy.js';
import { formatIsoDate } from '../../../domain/reports/text.js';
import { AppError } from '../../../errors.js';
import { addReportComment } from '../../../usecases/reports/add-report-comment.js';
import {
  getFactualAccuracy,
  type FactualAccuracyView,
} from '../../../usecases/reports/get-factual-accuracy.js';
import {
  getReportWorkspace,
  type ReportWorkspace,
} from '../../../usecases/reports/get-report-workspace.js';
import { publishReport } from '../../../usecases/reports/publish-report.js';
import { releaseReport } from '../../../usecases/reports/release-report.js';
import { respondToReportComment } from '../../../usecases/reports/respond-to-report-comment.js';
import { noticeFor } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import { attachmentItems } from './attachments.js';
import type { RouteModule } from '../index.js';
import { documentGroups, pageErrors, type PageErrors } from './report-helpers.js';
import { reportNotices } from './reports.js';
import { confirmFactualAccuracy } from '../../../usecases/reports/confirm-factual-accuracy.js';
import { todayInEngland } from '../../../clock.js';

const IdParams = z.object({ id: z.string().max(200) });
const CommentParams = IdParams.extend({ commentId: z.string().max(100) });
const DoneQuery = z.object({ done: z.string().optional() });
const ReleaseForm = z.object({
  windowDays: z.string().default(''),
  baseVersion: z.string().default(''),
});
const CommentForm = z.object({
  sectionKey: z.string().default(''),
  paragraph: z.string().default(''),
  text: z.string().default(''),
});
const ResponseForm = z.object({
  outcome: z.string().default(''),
  sectionText: z.string().default(''),
  reason: z.string().default(''),
  baseVersion: z.string().default(''),
});
const PublishForm = z.object({ baseVersion: z.string().default('') });

const crumbs = (id: string, title: string, team: boolean) => [
  { text: 'Home', href: '/home' },
  { text: title, href: `/activities/${id}` },
  ...(team ? [{ text: 'Report', href: `/activities/${id}/report` }] : []),
];

function renderRelease(
  reply: FastifyReply,
  w: ReportWorkspace,
  extra: Partial<PageErrors> & { values?: Record<string, string> } = {},
) {
  const today = todayInEngland();
  return reply.render('reports/release.njk', {
    title: `Release the draft – ${w.activity.title}`,
    w,
    today: formatIsoDate(today),
    deadline: formatIsoDate(factualAccuracyDeadline(today, DEFAULT_WINDOW_DAYS)),
    defaultDays: DEFAULT_WINDOW_DAYS,
    problems: w.sections.flatMap((s) => s.problems),
    values: extra.values ?? {},
    ...extra,
    breadcrumbs: crumbs(w.activity.id, w.activity.title, true),
  });
}

function renderFactualAccuracy(
  reply: FastifyReply,
  fa: FactualAccuracyView,
  extra: Partial<PageErrors> & {
    notice?: string | undefined;
    values?: Record<string, string>;
  } = {},
) {
  const headings = new Map(fa.document.sections.map((s) => [s.key, s.heading ?? s.key]));
  const sectionItems = fa.document.sections
    .filter((s) => s.paragraphs.length > 0 || s.tables.length > 0)
    .map((s) => ({ value: s.key, text: s.heading ?? `${s.key.replace(/_/g, ' ')} (no heading)` }));
  return reply.render('reports/factual-accuracy.njk', {
    title: `Factual accuracy check – ${fa.activityTitle}`,
    fa,
    groups: documentGroups(fa.document),
    documentTitle: fa.document.title,
    embedded: true,
    deadline: formatIsoDate(fa.release.deadline),
    released: formatIsoDate(fa.release.releasedOn),
    comments: fa.comments.map((c) => {
      // The LA adds documents to its comments of the open round, while it may still comment.
      const canAttach = fa.can.comment && c.releaseId === fa.release.id;
      return {
        ...c,
        sectionHeading: headings.get(c.sectionKey) ?? c.sectionKey,
        attachmentItems: attachmentItems(fa.attachments[c.id] ?? [], fa.activityId, canAttach),
        canAttach,
      };
    }),
    sectionItems,
    values: extra.values ?? {},
    ...extra,
    breadcrumbs: crumbs(fa.activityId, fa.activityTitle, fa.can.respond),
  });
}

export const registerReportReviewRoutes: RouteModule = (app, ctx) => {
  app.get('/activities/:id/report/release', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const w = await getReportWorkspace(useCaseContext(request, ctx), id);
    if (!w.report) throw new AppError('NOT_FOUND');
    if (!w.can.release) throw new AppError('FORBIDDEN');
    return renderRelease(reply, w);
  });

  app.post('/activities/:id/report/release', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const form = ReleaseForm.parse(request.body ?? {});
    try {
      await releaseReport(uc, {
        activityId: id,
        windowDays: form.windowDays.trim() === '' ? DEFAULT_WINDOW_DAYS : form.windowDays,
        baseVersion: Number(form.baseVersion) || 1,
      });
    } catch (err) {
      if (err instanceof z.ZodError) {
        reply.status(400);
        const text = 'Enter a number of working days from 1 to 30';
        return renderRelease(reply, await getReportWorkspace(uc, id), {
          errors: [{ text, href: '#windowDays' }],
          fieldErrors: { windowDays: { text } },
          values: form,
        });
      }
      const errors = pageErrors(
        err,
        [
          'REPORT_NOT_READY',
          'STRENGTHS_UNACCOUNTED',
          'VALIDATION_FAILED',
          'CONFLICT',
          'INVALID_TRANSITION',
        ],
        reply,
      );
      return renderRelease(reply, await getReportWorkspace(uc, id), { ...errors, values: form });
    }
    return reply.redirect(`/activities/${id}/report/factual-accuracy?done=released`, 303);
  });

  app.get('/activities/:id/report/factual-accuracy', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { done } = DoneQuery.parse(request.query);
    const fa = await getFactualAccuracy(useCaseContext(request, ctx), id);
    return renderFactualAccuracy(reply, fa, { notice: noticeFor(done, reportNotices) });
  });

  app.post('/activities/:id/report/comments', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const form = CommentForm.parse(request.body ?? {});
    const problems: { field: string; reason: string }[] = [];
    if (!form.sectionKey)
      problems.push({ field: 'sectionKey', reason: 'Choose the section the comment is about' });
    if (form.paragraph.trim() && !/^\d{1,4}$/.test(form.paragraph.trim()))
      problems.push({
        field: 'paragraph',
        reason: 'Enter the paragraph number as digits, like 12',
      });
    if (!form.text.trim()) problems.push({ field: 'text', reason: 'Enter your comment' });
    try {
      if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { details: problems });
      await addReportComment(uc, {
        activityId: id,
        sectionKey: form.sectionKey,
        paragraph: form.paragraph.trim() ? Number(form.paragraph) : null,
        text: form.text,
      });
    } catch (err) {
      const errors = pageErrors(err, ['VALIDATION_FAILED', 'REPORT_WINDOW_CLOSED'], reply, {
        text: 'text',
        sectionKey: 'sectionKey',
        paragraph: 'paragraph',
      });
      return renderFactualAccuracy(reply, await getFactualAccuracy(uc, id), {
        ...errors,
        values: form,
      });
    }
    return reply.redirect(`/activities/${id}/report/factual-accuracy?done=commented#comments`, 303);
  });

  app.post('/activities/:id/report/factual-accuracy/confirm', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    await confirmFactualAccuracy(useCaseContext(request, ctx), { activityId: id });
    return reply.redirect(`/activities/${id}/report/factual-accuracy?done=confirmed`, 303);
  });

  const renderResponse = async (
    reply: FastifyReply,
    w: ReportWorkspace,
    commentId: string,
    extra: Partial<PageErrors> & { values?: Record<string, string> } = {},
  ) => {
    const comment = w.comments.find((c) => c.id === commentId);
    if (!comment || !w.report) throw new AppError('NOT_FOUND');
    const section = w.sections.find((s) => s.key === comment.sectionKey);
    return reply.render('reports/respond.njk', {
      title: `Respond to a comment – ${w.activity.title}`,
      w,
      comment,
      section,
      values: extra.values ?? { sectionText: section?.text ?? '' },
      ...extra,
      breadcrumbs: [
        ...crumbs(w.activity.id, w.activity.title, true),
        {
          text: 'Factual accuracy check',
          href: `/activities/${w.activity.id}/report/factual-accuracy`,
        },
      ],
    });
  };

  app.get('/activities/:id/report/comments/:commentId', async (request, reply) => {
    const { id, commentId } = CommentParams.parse(request.params);
    const w = await getReportWorkspace(useCaseContext(request, ctx), id);
    return renderResponse(reply, w, commentId);
  });

  app.post('/activities/:id/report/comments/:commentId', async (request, reply) => {
    const { id, commentId } = CommentParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const form = ResponseForm.parse(request.body ?? {});
    try {
      if (form.outcome !== 'accepted' && form.outcome !== 'not_accepted')
        throw new AppError('VALIDATION_FAILED', {
          details: [{ field: 'outcome', reason: 'Say whether the comment is accepted' }],
        });
      await respondToReportComment(uc, {
        activityId: id,
        commentId,
        outcome: form.outcome,
        sectionText: form.sectionText,
        reason: form.reason,
        baseVersion: Number(form.baseVersion) || 1,
      });
    } catch (err) {
      const errors = pageErrors(err, ['VALIDATION_FAILED', 'CONFLICT'], reply, {
        outcome: 'outcome',
        sectionText: 'sectionText',
        reason: 'reason',
      });
      return renderResponse(reply, await getReportWorkspace(uc, id), commentId, {
        ...errors,
        values: form,
      });
    }
    return reply.redirect(`/activities/${id}/report/factual-accuracy?done=answered#comments`, 303);
  });

  const renderPublish = (
    reply: FastifyReply,
    w: ReportWorkspace,
    extra: Partial<PageErrors> = {},
  ) =>
    reply.render('reports/publish.njk', {
      title: `Publish the report – ${w.activity.title}`,
      w,
      openComments: w.comments.filter((c) => !c.response).length,
      ...extra,
      breadcrumbs: crumbs(w.activity.id, w.activity.title, true),
    });

  app.get('/activities/:id/report/publish', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const w = await getReportWorkspace(useCaseContext(request, ctx), id);
    if (!w.report) throw new AppError('NOT_FOUND');
    if (!w.can.release)
      throw new AppError(w.report.state === 'published' ? 'REPORT_PUBLISHED' : 'FORBIDDEN');
    return renderPublish(reply, w);
  });

  app.post('/activities/:id/report/publish', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const form = PublishForm.parse(request.body ?? {});
    try {
      await publishReport(uc, { activityId: id, baseVersion: Number(form.baseVersion) || 1 });
    } catch (err) {
      const errors = pageErrors(err, ['REPORT_NOT_READY', 'CONFLICT', 'INVALID_TRANSITION'], reply);
      return renderPublish(reply, await getReportWorkspace(uc, id), errors);
    }
    return reply.redirect(`/activities/${id}/report/published?done=published`, 303);
  });
};

// Report pages for the team: the overview (template, state, sections with their language
// findings, versions), the section editor, version history, one version (compare, restore),
// exports, and the published report everyone who sees the activity can read.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { createReportDraft } from '../../../usecases/reports/create-report-draft.js';
import { exportReport, REPORT_FORMATS } from '../../../usecases/reports/export-report.js';
import { getPublishedReport } from '../../../usecases/reports/get-published-report.js';
import { getReportVersion } from '../../../usecases/reports/get-report-version.js';
import {
  getReportWorkspace,
  type ReportWorkspace,
} from '../../../usecases/reports/get-report-workspace.js';
import { restoreReportVersion } from '../../../usecases/reports/restore-report-version.js';
import { saveReportSection } from '../../../usecases/reports/save-report-section.js';
import { updateReportGrades } from '../../../usecases/reports/update-report-grades.js';
import { signOffReport } from '../../../usecases/reports/sign-off-report.js';
import { AppError } from '../../../errors.js';
import { sendDownload } from '../../download.js';
import { noticeFor } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { documentGroups, pageErrors, type PageErrors } from './report-helpers.js';

const IdParams = z.object({ id: z.string().max(200) });
const SectionParams = IdParams.extend({ key: z.string().max(200) });
const VersionParams = IdParams.extend({ version: z.coerce.number().int().min(1).max(1e6) });
const DoneQuery = z.object({ done: z.string().optional() });
const CompareQuery = z.object({ compare: z.coerce.number().int().min(1).optional() });
const ExportQuery = z.object({
  format: z.enum(REPORT_FORMATS).default('pdf'),
  version: z.coerce.number().int().min(1).optional(),
});
const CreateForm = z.object({ templateKey: z.string().max(100).optional() });
const SectionForm = z.object({ text: z.string().default(''), baseVersion: z.string().default('') });
const RestoreForm = z.object({ baseVersion: z.string().default('') });

export const reportNotices = {
  drafted: 'The draft has been assembled from the framework template.',
  saved: 'The section has been saved as a new version.',
  unchanged: 'Nothing changed, so no new version was made.',
  restored: 'The earlier version has been restored as a new version.',
  grades: 'The grade table now says what the judgements say (a new version).',
  released: 'The draft has been released to the local authority.',
  commented: 'Your comment has been sent to the inspection team.',
  attached: 'The document has been attached to your comment.',
  detached: 'The document has been removed from your comment.',
  answered: 'Your response has been recorded.',
  published: 'The report has been published. The published version can no longer change.',
  'signed-off': 'You have signed off this version. The lead inspector has been told.',
  confirmed: 'You have confirmed you have no more comments. The inspection team has been told.',
  reviewed: 'The section has been marked as reviewed (a new version).',
};

const crumbs = (w: { id: string; title: string }) => [
  { text: 'Home', href: '/home' },
  { text: w.title, href: `/activities/${w.id}` },
];

function renderOverview(
  reply: FastifyReply,
  w: ReportWorkspace,
  extra: Partial<PageErrors> & { notice?: string | undefined } = {},
): FastifyReply {
  const openComments = w.comments.filter((c) => !c.response).length;
  return reply.render('reports/overview.njk', {
    title: `Report – ${w.activity.title}`,
    w,
    openComments,
    latestRelease: w.releases.at(-1) ?? null,
    findingsTotal: w.sections.reduce((n, s) => n + s.findings.length, 0),
    problemsTotal: w.sections.reduce((n, s) => n + s.problems.length, 0),
    ...extra,
    breadcrumbs: crumbs(w.activity),
  });
}

async function renderEditor(
  reply: FastifyReply,
  w: ReportWorkspace,
  key: string,
  extra: Partial<PageErrors> & { text?: string } = {},
): Promise<FastifyReply> {
  const section = w.sections.find((s) => s.key === key);
  if (!section || !w.report) throw new AppError('NOT_FOUND');
  return reply.render('reports/section.njk', {
    title: `Edit ${section.heading ?? section.key} – ${w.activity.title}`,
    w,
    section,
    text: extra.text ?? section.text,
    ...extra,
    breadcrumbs: [
      ...crumbs(w.activity),
      { text: 'Report', href: `/activities/${w.activity.id}/report` },
    ],
  });
}

export const registerReportRoutes: RouteModule = (app, ctx) => {
  app.get('/activities/:id/report', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { done } = DoneQuery.parse(request.query);
    const w = await getReportWorkspace(useCaseContext(request, ctx), id);
    return renderOverview(reply, w, { notice: noticeFor(done, reportNotices) });
  });

  app.post('/activities/:id/report', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const form = CreateForm.parse(request.body ?? {});
    try {
      await createReportDraft(uc, {
        activityId: id,
        ...(form.templateKey ? { templateKey: form.templateKey } : {}),
      });
    } catch (err) {
      const errors = pageErrors(
        err,
        ['VALIDATION_FAILED', 'ALREADY_EXISTS', 'REPORT_NOT_READY'],
        reply,
        { templateKey: 'templateKey' },
      );
      return renderOverview(reply, await getReportWorkspace(uc, id), errors);
    }
    return reply.redirect(`/activities/${id}/report?done=drafted`, 303);
  });

  app.get('/activities/:id/report/sections/:key', async (request, reply) => {
    const { id, key } = SectionParams.parse(request.params);
    const w = await getReportWorkspace(useCaseContext(request, ctx), id);
    return renderEditor(reply, w, key);
  });

  app.post('/activities/:id/report/sections/:key', async (request, reply) => {
    const { id, key } = SectionParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const form = SectionForm.parse(request.body ?? {});
    try {
      const saved = await saveReportSection(uc, {
        activityId: id,
        sectionKey: key,
        text: form.text,
        baseVersion: Number(form.baseVersion) || 1,
      });
      return reply.redirect(
        `/activities/${id}/report?done=${saved.changed ? 'saved' : 'unchanged'}#section-${key}`,
        303,
      );
    } catch (err) {
      const errors = pageErrors(err, ['CONFLICT', 'VALIDATION_FAILED'], reply, { text: 'text' });
      return renderEditor(reply, await getReportWorkspace(uc, id), key, {
        ...errors,
        text: form.text,
      });
    }
  });

  app.get('/activities/:id/report/versions', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const w = await getReportWorkspace(useCaseContext(request, ctx), id);
    if (!w.report) throw new AppError('NOT_FOUND');
    return reply.render('reports/versions.njk', {
      title: `Report versions – ${w.activity.title}`,
      w,
      breadcrumbs: [...crumbs(w.activity), { text: 'Report', href: `/activities/${id}/report` }],
    });
  });

  app.get('/activities/:id/report/versions/:version', async (request, reply) => {
    const { id, version } = VersionParams.parse(request.params);
    const { compare } = CompareQuery.parse(request.query);
    const v = await getReportVersion(useCaseContext(request, ctx), {
      activityId: id,
      version,
      compareWith: compare ?? null,
    });
    return reply.render('reports/version.njk', {
      title: `Version ${version} – ${v.activityTitle}`,
      v,
      groups: documentGroups(v.version.document),
      documentTitle: v.version.document.title,
      embedded: false,
      changed: v.compared?.changes.filter((c) => c.status !== 'same') ?? [],
      breadcrumbs: [
        ...crumbs({ id, title: v.activityTitle }),
        { text: 'Report', href: `/activities/${id}/report` },
        { text: 'Versions', href: `/activities/${id}/report/versions` },
      ],
    });
  });

  app.post('/activities/:id/report/versions/:version/restore', async (request, reply) => {
    const { id, version } = VersionParams.parse(request.params);
    const form = RestoreForm.parse(request.body ?? {});
    await restoreReportVersion(useCaseContext(request, ctx), {
      activityId: id,
      version,
      baseVersion: Number(form.baseVersion) || 1,
    });
    return reply.redirect(`/activities/${id}/report?done=restored`, 303);
  });

  app.post('/activities/:id/report/grades', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const form = RestoreForm.parse(request.body ?? {});
    const saved = await updateReportGrades(useCaseContext(request, ctx), {
      activityId: id,
      baseVersion: Number(form.baseVersion) || 1,
    });
    return reply.redirect(
      `/activities/${id}/report?done=${saved.changed ? 'grades' : 'unchanged'}`,
      303,
    );
  });

  app.post('/activities/:id/report/sign-off', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const form = RestoreForm.parse(request.body ?? {});
    try {
      await signOffReport(uc, { activityId: id, baseVersion: Number(form.baseVersion) || 1 });
    } catch (err) {
      const errors = pageErrors(err, ['REPORT_NOT_READY', 'CONFLICT', 'INVALID_TRANSITION'], reply);
      return renderOverview(reply, await getReportWorkspace(uc, id), errors);
    }
    return reply.redirect(`/activities/${id}/report?done=signed-off`, 303);
  });

  app.get('/activities/:id/report/export', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const q = ExportQuery.parse(request.query);
    const file = await exportReport(useCaseContext(request, ctx), { activityId: id, ...q });
    return reply.send(sendDownload(reply, file));
  });

  app.get('/activities/:id/report/published', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { done } = DoneQuery.parse(request.query);
    const p = await getPublishedReport(useCaseContext(request, ctx), id);
    return reply.render('reports/published.njk', {
      title: p.document.title,
      p,
      groups: documentGroups(p.document),
      documentTitle: p.document.title,
      embedded: false,
      notice: noticeFor(done, reportNotices),
      breadcrumbs: crumbs({ id, title: p.activityTitle }),
    });
  });
};

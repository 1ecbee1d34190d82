// JSON API for reports and letters: the draft (sections, language findings, versions), section
// saves with optimistic concurrency, restore, release to the LA, factual accuracy comments and
// responses, publication. Files (HTML, DOCX, PDF) come from /activities/:id/report/export.
import { z } from 'zod';
import {
  AddReportCommentInput,
  addReportComment,
} from '../../../usecases/reports/add-report-comment.js';
import {
  createReportDraft,
  CreateReportDraftInput,
} from '../../../usecases/reports/create-report-draft.js';
import { getFactualAccuracy } from '../../../usecases/reports/get-factual-accuracy.js';
import { getReportVersion } from '../../../usecases/reports/get-report-version.js';
import { getReportWorkspace } from '../../../usecases/reports/get-report-workspace.js';
import { publishReport, PublishReportInput } from '../../../usecases/reports/publish-report.js';
import { signOffReport, SignOffReportInput } from '../../../usecases/reports/sign-off-report.js';
import { confirmFactualAccuracy } from '../../../usecases/reports/confirm-factual-accuracy.js';
import { releaseReport, ReleaseReportInput } from '../../../usecases/reports/release-report.js';
import {
  respondToReportComment,
  RespondToReportCommentInput,
} from '../../../usecases/reports/respond-to-report-comment.js';
import { restoreReportVersion } from '../../../usecases/reports/restore-report-version.js';
import { updateReportGrades } from '../../../usecases/reports/update-report-grades.js';
import { saveReportSection } from '../../../usecases/reports/save-report-section.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const Table = z.object({
  caption: z.string(),
  head: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});
const Section = z.object({
  key: z.string(),
  part: z.string(),
  heading: z.string().nullable(),
  level: z.number(),
  content: z.string(),
  numbered: z.boolean(),
  list: z.boolean(),
  paragraphs: z.array(z.string()),
  tables: z.array(Table),
  note: z.string().nullable(),
  eachParagraphStates: z.array(z.string()),
});
const Document = z.object({
  templateKey: z.string(),
  templateLabel: z.string(),
  documentKind: z.string(),
  title: z.string(),
  sections: z.array(Section),
});
const Person = z.object({ id: z.string().nullable(), label: z.string() });
const Release = z.object({
  id: z.string(),
  round: z.number(),
  versionNumber: z.number(),
  windowDays: z.number(),
  releasedOn: z.string(),
  deadline: z.string(),
  releasedBy: Person,
  releasedAt: z.date(),
  closedAt: z.date().nullable(),
});
const Comment = z.object({
  id: z.string(),
  round: z.number(),
  sectionKey: z.string(),
  paragraph: z.number().nullable(),
  text: z.string(),
  createdBy: Person,
  createdAt: z.date(),
  response: z
    .object({
      outcome: z.enum(['accepted', 'not_accepted']),
      text: z.string().nullable(),
      version: z.number().nullable(),
      by: Person,
      at: z.date(),
    })
    .nullable(),
});
const VersionSummary = z.object({
  number: z.number(),
  kind: z.string(),
  sectionKey: z.string().nullable(),
  restoredFrom: z.number().nullable(),
  commentId: z.string().nullable(),
  note: z.string().nullable(),
  createdBy: Person,
  createdAt: z.date(),
});
const Finding = z.object({
  rule: z.string(),
  line: z.number(),
  column: z.number(),
  text: z.string(),
  message: z.string(),
  suggestion: z.string(),
});
const Problem = z.object({ sectionKey: z.string(), paragraph: z.number(), message: z.string() });
const Saved = z.object({ version: z.number(), changed: z.boolean() });

export const registerReportApi: RouteModule = (app, ctx) => {
  const base = '/api/v1/activities/:id/report';
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: base,
      summary:
        'The report draft: sections with paragraph numbers, language findings and template rule problems, versions, factual accuracy rounds and comments (the team)',
      tag: 'reports',
      response: z.object({
        report: z
          .object({
            id: z.string(),
            templateKey: z.string(),
            currentVersion: z.number(),
            state: z.string(),
            publishedVersion: z.number().nullable(),
          })
          .nullable(),
        templates: z.array(z.object({ key: z.string(), label: z.string() })),
        sections: z.array(
          Section.extend({
            editable: z.boolean(),
            numbers: z.array(z.number().nullable()),
            text: z.string(),
            findings: z.array(Finding),
            problems: z.array(Problem),
          }),
        ),
        versions: z.array(VersionSummary),
        releases: z.array(Release),
        comments: z.array(Comment),
        can: z.object({
          create: z.boolean(),
          write: z.boolean(),
          release: z.boolean(),
          publish: z.boolean(),
        }),
      }),
      handler: async ({ request, params }) => {
        const w = await getReportWorkspace(useCaseContext(request, ctx), params.id ?? '');
        return {
          report: w.report
            ? {
                id: w.report.id,
                templateKey: w.report.templateKey,
                currentVersion: w.report.currentVersion,
                state: w.report.state,
                publishedVersion: w.report.publishedVersion,
              }
            : null,
          templates: w.templates,
          sections: w.sections,
          versions: w.versions,
          releases: w.releases,
          comments: w.comments,
          can: w.can,
        };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: base,
      summary:
        'Assemble the first draft from the framework template, the judgements, chosen vignettes, the sample statement and improvement items',
      tag: 'reports',
      body: CreateReportDraftInput.omit({ activityId: true }),
      response: z.object({ id: z.string(), templateKey: z.string(), currentVersion: z.number() }),
      handler: async ({ request, params, body }) => {
        const r = await createReportDraft(useCaseContext(request, ctx), {
          ...(body as object),
          activityId: params.id ?? '',
        });
        return { id: r.id, templateKey: r.templateKey, currentVersion: r.currentVersion };
      },
    }),
    defineApiRoute({
      method: 'PATCH',
      path: `${base}/sections/:sectionKey`,
      summary:
        'Save one section’s text as a new version (409 CONFLICT when baseVersion is not the current version)',
      tag: 'reports',
      body: z.object({ text: z.string().max(100_000), baseVersion: z.number().int() }),
      response: Saved,
      handler: async ({ request, params, body }) =>
        saveReportSection(useCaseContext(request, ctx), {
          activityId: params.id ?? '',
          sectionKey: params.sectionKey ?? '',
          ...body,
        }),
    }),
    defineApiRoute({
      method: 'GET',
      path: `${base}/versions/:version`,
      summary: 'One version of the draft, optionally compared with another (?compareWith=N)',
      tag: 'reports',
      query: z.object({ compareWith: z.coerce.number().int().min(1).optional() }),
      response: z.object({
        number: z.number(),
        currentVersion: z.number(),
        document: Document,
        compared: z
          .object({
            with: z.number(),
            changes: z.array(
              z.object({
                key: z.string(),
                heading: z.string().nullable(),
                status: z.string(),
                removed: z.array(z.string()),
                added: z.array(z.string()),
              }),
            ),
          })
          .nullable(),
      }),
      handler: async ({ request, params, query }) => {
        const v = await getReportVersion(useCaseContext(request, ctx), {
          activityId: params.id ?? '',
          version: Number(params.version) || 0,
          compareWith: query.compareWith ?? null,
        });
        return {
          number: v.version.number,
          currentVersion: v.currentVersion,
          document: v.version.document,
          compared: v.compared,
        };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${base}/versions/:version/restore`,
      summary: 'Make an earlier version current again (as a new version)',
      tag: 'reports',
      body: z.object({ baseVersion: z.number().int() }),
      response: Saved,
      handler: async ({ request, params, body }) =>
        restoreReportVersion(useCaseContext(request, ctx), {
          activityId: params.id ?? '',
          version: Number(params.version) || 0,
          baseVersion: body.baseVersion,
        }),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${base}/grades`,
      summary:
        'Bring the grade table into line with the judgements as they are now (a new version, unless nothing differs)',
      tag: 'reports',
      body: z.object({ baseVersion: z.number().int() }),
      response: Saved,
      handler: async ({ request, params, body }) =>
        updateReportGrades(useCaseContext(request, ctx), {
          activityId: params.id ?? '',
          baseVersion: body.baseVersion,
        }),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${base}/release`,
      summary:
        'Release the current version to the LA for its factual accuracy check (activity: quality assurance to factual accuracy)',
      tag: 'reports',
      body: ReleaseReportInput.omit({ activityId: true }),
      response: z.object({
        round: z.number(),
        version: z.number(),
        releasedOn: z.string(),
        deadline: z.string(),
      }),
      handler: async ({ request, params, body }) =>
        releaseReport(useCaseContext(request, ctx), {
          ...(body as object),
          activityId: params.id ?? '',
        } as never),
    }),
    defineApiRoute({
      method: 'GET',
      path: `${base}/factual-accuracy`,
      summary:
        'The released draft, its deadline, and every factual accuracy comment with its response (the LA and the team)',
      tag: 'reports',
      response: z.object({
        release: Release,
        open: z.boolean(),
        published: z.boolean(),
        document: Document,
        comments: z.array(Comment),
      }),
      handler: async ({ request, params }) => {
        const fa = await getFactualAccuracy(useCaseContext(request, ctx), params.id ?? '');
        return {
          release: fa.release,
          open: fa.open,
          published: fa.published,
          document: fa.document,
          comments: fa.comments,
        };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${base}/comments`,
      summary:
        'The LA comments on the released draft (409 REPORT_WINDOW_CLOSED after the deadline)',
      tag: 'reports',
      body: AddReportCommentInput.omit({ activityId: true }),
      response: z.object({ id: z.string() }),
      handler: async ({ request, params, body }) =>
        addReportComment(useCaseContext(request, ctx), {
          ...(body as object),
          activityId: params.id ?? '',
        } as never),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${base}/comments/:commentId/response`,
      summary:
        'Answer a comment: accepted with the section’s new text (a new version linked to the comment), or not accepted with a reason',
      tag: 'reports',
      body: RespondToReportCommentInput.omit({ activityId: true, commentId: true }),
      response: z.object({ version: z.number().nullable() }),
      handler: async ({ request, params, body }) =>
        respondToReportComment(useCaseContext(request, ctx), {
          ...body,
          activityId: params.id ?? '',
          commentId: params.commentId ?? '',
        }),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${base}/publish`,
      summary:
        'Publish the current version once the QAM has signed it off after the factual accuracy check (activity to published; the LA history gains it); it can never change again',
      tag: 'reports',
      body: PublishReportInput.omit({ activityId: true }),
      response: z.object({ version: z.number() }),
      handler: async ({ request, params, body }) =>
        publishReport(useCaseContext(request, ctx), {
          ...(body as object),
          activityId: params.id ?? '',
        } as never),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${base}/sign-off`,
      summary:
        'The QAM signs off the current version (before release: activity to quality assurance; after the factual accuracy check: the check closes)',
      tag: 'reports',
      body: SignOffReportInput.omit({ activityId: true }),
      response: z.object({ version: z.number(), purpose: z.enum(['release', 'publication']) }),
      handler: async ({ request, params, body }) =>
        signOffReport(useCaseContext(request, ctx), {
          ...(body as object),
          activityId: params.id ?? '',
        } as never),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${base}/factual-accuracy/confirm`,
      summary: 'The LA confirms it has no more factual accuracy comments on the released draft',
      tag: 'reports',
      body: z.object({}),
      response: z.object({ confirmed: z.literal(true) }),
      handler: async ({ request, params }) => {
        await confirmFactualAccuracy(useCaseContext(request, ctx), { activityId: params.id ?? '' });
        return { confirmed: true as const };
      },
    }),
  ]);
};

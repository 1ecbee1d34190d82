// The Annex A page of an activity: what is imported (counts per list, problems, history) and an
// upload form. Without JavaScript the form posts the file and the page comes back with the
// report; with JavaScript (src/client/annex-a-upload.ts) the upload starts a job and the page
// shows its progress by polling the job's JSON status, then opens the report.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, formatDetail, isAppError, type ErrorDetail } from '../../../errors.js';
import {
  getAnnexAReport,
  type AnnexAReport,
} from '../../../usecases/annex-a/get-annex-a-report.js';
import {
  importAnnexA,
  type ImportAnnexAOutcome,
} from '../../../usecases/annex-a/import-annex-a.js';
import { enqueueAnnexAImport } from '../../../usecases/annex-a/enqueue-annex-a-import.js';
import { getAnnexAImportJob } from '../../../usecases/annex-a/get-annex-a-import-job.js';
import { registerMultipart, type MultipartBody } from '../../plugins/multipart.js';
import { formUploadInto } from '../../plugins/uploads.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import type { AnnexAIssue } from '../../../domain/annex-a/parse-types.js';
import { groupIssues, issueGroupKey } from '../../../domain/annex-a/issue-groups.js';
import { decodeSeek, seekSlice, type SeekPosition } from '../../../domain/paging/seek.js';
import { queryString, seekPagination } from './page-helpers.js';

const IdParams = z.object({ id: z.string().max(200) });
const PageQuery = z.object({
  job: z.string().max(100).optional(),
  async: z.string().optional(),
  /** One group of problems (list|column|rule), and a page token of its rows. */
  problem: z.string().max(300).optional(),
  after: z.string().max(2000).optional(),
});

const MAX_UPLOAD = 210 * 1024 * 1024;
/** Problem rows a page lists. */
const ISSUE_PAGE = 50;

interface PageExtra {
  outcome?: ImportAnnexAOutcome | null;
  errors?: { text: string; href?: string }[];
  fieldError?: string;
  /** The page's own query: the job whose outcome it shows, the group and page of problems. */
  query?: { job?: string; problem?: string; after?: string };
}

/**
 * The problems grouped by list, column and rule with counts, and one page of rows (of one group,
 * or of all): a check's problems never change, so a row's place in the check is its key.
 */
function problemsView(report: AnnexAReport, issues: AnnexAIssue[], query: PageExtra['query']) {
  const q = query ?? {};
  const groups = groupIssues(issues);
  const group = groups.find((g) => g.key === q.problem) ?? null;
  const rows = issues
    .map((issue, index) => ({ ...issue, index }))
    .filter((i) => !group || issueGroupKey(i) === group.key);
  let at: SeekPosition | null = null;
  try {
    at = q.after ? decodeSeek(q.after, 1) : null;
  } catch {
    at = null;
  }
  const page = seekSlice(rows, ISSUE_PAGE, at, (i) => [i.index]);
  const base = `/activities/${report.activityId}/annex-a`;
  const link = (values: Record<string, string | undefined>) =>
    `${base}?${queryString({ job: q.job, ...values })}#problems`;
  return {
    issueGroups: groups.map((g) => ({ ...g, href: link({ problem: g.key }) })),
    issueGroup: group,
    allProblemsHref: link({}),
    issues: page.items,
    issuePage: seekPagination(
      page,
      (token) => link({ problem: group?.key, after: token }),
      { one: 'problem', many: 'problems' },
      'Pages of problems',
      ISSUE_PAGE,
    ),
  };
}

function render(reply: FastifyReply, report: AnnexAReport, extra: PageExtra = {}): FastifyReply {
  const outcome = extra.outcome ?? null;
  const lists = outcome
    ? outcome.lists
    : ((report.current?.summary.lists ?? []) as ImportAnnexAOutcome['lists']);
  const issues = outcome ? [...outcome.errors, ...outcome.queries] : report.issues;
  const coverage = outcome ? outcome.coverage : (report.current?.summary.coverage ?? null);
  // What "remove the lists this file does not contain" could remove at most: the stored lists.
  const storedLists = ((report.current?.summary.lists ?? []) as ImportAnnexAOutcome['lists'])
    .filter((l) => l.rows > 0)
    .map((l) => `List ${l.list} (${l.rows} rows)`);
  return reply.render('annex-a/show.njk', {
    title: `Annex A – ${report.activityTitle}`,
    report,
    outcome,
    lists,
    ...problemsView(report, issues, extra.query),
    issueCount: issues.length,
    // A check posted without JavaScript is not kept: its later pages cannot be linked to.
    pagedLinks: !outcome || Boolean(extra.query?.job),
    coverage,
    storedLists,
    errors: extra.errors,
    fieldError: extra.fieldError ? { text: extra.fieldError } : undefined,
    breadcrumbs: [
      { text: 'Home', href: '/home' },
      { text: report.activityTitle, href: `/activities/${report.activityId}` },
    ],
  });
}

/** A problem with the file as "file, row 4, column B: reason". */
function detailText(d: ErrorDetail): string {
  return formatDetail(d);
}

function wantsJson(request: FastifyRequest, asyncFlag: string | undefined): boolean {
  return asyncFlag === '1' || String(request.headers.accept ?? '').includes('application/json');
}

export const registerAnnexARoutes: RouteModule = (app, ctx) => {
  registerMultipart(app);

  app.get('/activities/:id/annex-a', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { job: jobId, problem, after } = PageQuery.parse(request.query);
    const uc = useCaseContext(request, ctx);
    const report = await getAnnexAReport(uc, id);
    const query = {
      ...(problem ? { problem } : {}),
      ...(after ? { after } : {}),
    };
    if (jobId) {
      const job = await getAnnexAImportJob(uc, { activityId: id, jobId }).catch(() => null);
      if (job?.state === 'done')
        return render(reply, report, { outcome: job.outcome, query: { ...query, job: jobId } });
      if (job?.state === 'failed')
        return render(reply, report, {
          errors: [
            { text: job.error?.message ?? 'The import failed.', href: '#file' },
            ...(job.error?.details ?? []).map((d) => ({ text: detailText(d), href: '#file' })),
          ],
          fieldError: job.error?.details[0] ? detailText(job.error.details[0]) : job.error?.message,
        });
    }
    return render(reply, report, { query });
  });

  app.post(
    '/activities/:id/annex-a',
    formUploadInto('annex-a', MAX_UPLOAD),
    async (request, reply) => {
      const { id } = IdParams.parse(request.params);
      const query = PageQuery.parse(request.query);
      const uc = useCaseContext(request, ctx);
      const body = (request.body ?? {}) as MultipartBody;
      const file = body._files?.find((f) => f.field === 'file');
      const acceptFlagged = body.acceptFlagged === 'yes';
      const removeMissingLists = body.removeMissingLists === 'yes';
      const json = wantsJson(request, query.async);
      if (!file || file.data.length === 0) {
        const report = await getAnnexAReport(uc, id);
        if (!report.can.import) throw new AppError('FORBIDDEN');
        if (json) {
          reply.status(400);
          return {
            error: { code: 'VALIDATION_FAILED', message: 'Select an Annex A file to upload.' },
          };
        }
        reply.status(400);
        return render(reply, report, {
          errors: [{ text: 'Select an Annex A file to upload', href: '#file' }],
          fieldError: 'Select an Annex A file to upload',
        });
      }
      const input = {
        activityId: id,
        fileName: file.fileName || 'annex-a',
        bytes: new Uint8Array(file.data.buffer, file.data.byteOffset, file.data.byteLength),
        acceptFlagged,
        removeMissingLists,
      };
      if (json) {
        // The file is stored with a queued job; whichever server's runner claims it imports it,
        // and the progress is read from the job's row, so any server can answer the polls.
        const { jobId } = await enqueueAnnexAImport(uc, input);
        ctx.jobs.kick();
        reply.status(202);
        return {
          jobId,
          statusUrl: `/api/v1/activities/${id}/annex-a/jobs/${jobId}`,
          pageUrl: `/activities/${id}/annex-a?job=${jobId}`,
        };
      }
      try {
        const outcome = await importAnnexA(uc, input, undefined, {
          staged: ctx.database.engine === 'pglite',
        });
        const report = await getAnnexAReport(uc, id);
        if (outcome.status === 'rejected') reply.status(422);
        return render(reply, report, { outcome });
      } catch (err) {
        if (
          !isAppError(err) ||
          !['IMPORT_INVALID', 'VALIDATION_FAILED', 'CONFLICT'].includes(err.code)
        )
          throw err;
        const report = await getAnnexAReport(uc, id);
        reply.status(err.status);
        const reasons = err.details.map(detailText);
        return render(reply, report, {
          errors: [
            { text: err.message, href: '#file' },
            ...reasons.map((r) => ({ text: r, href: '#file' })),
          ],
          fieldError: reasons[0] ?? err.message,
        });
      }
    },
  );
};

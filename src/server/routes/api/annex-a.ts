// JSON API for Annex A: the report, the stored rows (for the profile and sampling), import (raw
// file body), the status of a browser import job, and the retention date.
import { z } from 'zod';
import { getAnnexAReport } from '../../../usecases/annex-a/get-annex-a-report.js';
import { importAnnexA, MAX_ANNEX_A_BYTES } from '../../../usecases/annex-a/import-annex-a.js';
import { listAnnexARowsForActivity } from '../../../usecases/annex-a/list-annex-a-rows.js';
import {
  setAnnexARetention,
  SetAnnexARetentionInput,
} from '../../../usecases/annex-a/set-annex-a-retention.js';
import { getAnnexAImportJob } from '../../../usecases/annex-a/get-annex-a-import-job.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const Issue = z.object({
  list: z.number().nullable(),
  sheet: z.string().nullable(),
  row: z.number().nullable(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  value: z.string().nullable(),
  rule: z.string(),
  severity: z.enum(['error', 'query']),
  message: z.string(),
});
export const CoverageSchema = z.object({
  population: z.number(),
  threshold: z.number(),
  lists: z.array(
    z.object({
      list: z.number(),
      title: z.string(),
      rows: z.number(),
      expected: z.number(),
      ratio: z.number(),
      rate: z.number(),
      rateSource: z.string(),
      basis: z.string(),
      low: z.boolean(),
    }),
  ),
  rows: z.number(),
  expected: z.number(),
  low: z.boolean(),
  message: z.string().nullable(),
});
const ListCount = z.object({
  list: z.number(),
  title: z.string(),
  sheet: z.string(),
  rows: z.number(),
  flaggedRows: z.number(),
  errors: z.number(),
  queries: z.number(),
  keptFrom: z.string().optional(),
});
export const ImportOutcomeSchema = z.object({
  status: z.enum(['imported', 'replaced', 'unchanged', 'rejected']),
  importId: z.string().nullable(),
  replacedImportId: z.string().nullable(),
  fileName: z.string(),
  sha256: z.string(),
  format: z.string().nullable(),
  layout: z.string().nullable(),
  referenceDate: z.string().nullable(),
  lists: z.array(ListCount),
  totals: z.object({
    rows: z.number(),
    flaggedRows: z.number(),
    errors: z.number(),
    queries: z.number(),
  }),
  errors: z.array(Issue),
  queries: z.array(Issue),
  issuesByRule: z.record(z.string(), z.object({ error: z.number(), query: z.number() })),
  ignoredSheets: z.array(z.string()),
  otherLists: z
    .object({
      action: z.enum(['kept', 'removed']),
      fromFile: z.string(),
      lists: z.array(z.object({ list: z.number(), title: z.string(), rows: z.number() })),
      rows: z.number(),
    })
    .nullable(),
  coverage: CoverageSchema.nullable(),
});
const ImportSummary = z.object({
  id: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  status: z.string(),
  format: z.string(),
  layout: z.string(),
  referenceDate: z.string(),
  rows: z.number(),
  flaggedRows: z.number(),
  errors: z.number(),
  queries: z.number(),
  acceptedFlagged: z.boolean(),
  importedBy: z.string(),
  importedAt: z.string(),
  supersededBy: z.string().nullable(),
  lists: z.array(z.unknown()),
});
const Job = z.object({
  id: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  phase: z.string(),
  fraction: z.number(),
  rows: z.number(),
  attempts: z.number(),
  outcome: ImportOutcomeSchema.nullable(),
  error: z
    .object({ code: z.string(), message: z.string(), details: z.array(z.unknown()) })
    .nullable(),
  pageUrl: z.string(),
});

export const registerAnnexAApi: RouteModule = (app, ctx) => {
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/annex-a',
      summary: "The activity's Annex A: current import, its validation report, the history",
      tag: 'annex-a',
      response: z.object({
        current: ImportSummary.nullable(),
        issues: z.array(Issue),
        history: z.array(ImportSummary),
        retainUntil: z.string().nullable(),
        canImport: z.boolean(),
        coverage: CoverageSchema.nullable(),
      }),
      handler: async ({ request, params }) => {
        const r = await getAnnexAReport(useCaseContext(request, ctx), params.id ?? '');
        const present = (i: NonNullable<typeof r.current>) => ({
          id: i.id,
          fileName: i.fileName,
          sha256: i.fileSha256,
          status: i.status,
          format: i.format,
          layout: i.layout,
          referenceDate: i.referenceDate,
          rows: i.rowCount,
          flaggedRows: i.flaggedRows,
          errors: i.errorCount,
          queries: i.queryCount,
          acceptedFlagged: i.acceptedFlagged,
          importedBy: i.importedByLabel,
          importedAt: i.importedAt.toISOString(),
          supersededBy: i.supersededBy,
          lists: (i.summary.lists as unknown[]) ?? [],
        });
        return {
          current: r.current ? present(r.current) : null,
          issues: r.issues,
          history: r.history.map(present),
          retainUntil: r.retainUntil,
          canImport: r.can.import,
          coverage:
            (r.current?.summary.coverage as z.infer<typeof CoverageSchema> | undefined) ?? null,
        };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/annex-a/rows',
      summary:
        'Stored Annex A rows (pseudonymised, normalised; keys per list in docs/annex-a.md), by list, flagged only, paged',
      tag: 'annex-a',
      query: z.object({
        list: z.coerce.number().int().min(1).max(11).optional(),
        severity: z.enum(['error', 'query', 'flagged']).optional(),
        limit: z.coerce.number().int().min(1).max(5000).default(1000),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: z.object({
        rows: z.array(
          z.object({
            list: z.number(),
            row: z.number(),
            childRef: z.string().nullable(),
            data: z.record(z.string(), z.unknown()),
            extra: z.record(z.string(), z.string()).nullable(),
            flags: z.array(
              z.object({ field: z.string().nullable(), rule: z.string(), severity: z.string() }),
            ),
          }),
        ),
      }),
      handler: async ({ request, params, query }) => {
        const rows = await listAnnexARowsForActivity(useCaseContext(request, ctx), {
          activityId: params.id ?? '',
          ...(query.list ? { list: query.list } : {}),
          ...(query.severity ? { severity: query.severity } : {}),
          limit: query.limit,
          offset: query.offset,
        });
        return {
          rows: rows.map((r) => ({
            list: r.list,
            row: r.row,
            childRef: r.childRef,
            data: r.data,
            extra: r.extra,
            flags: r.flags,
          })),
        };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/annex-a/imports',
      summary:
        "Import an Annex A file: send the file itself as application/octet-stream, with ?fileName= and optionally ?acceptFlagged=true. Lists stored from an earlier file that this file does not contain (or leaves empty) are kept unless ?removeMissingLists=true; the outcome's otherLists gives them with their row counts.",
      tag: 'annex-a',
      query: z.object({
        fileName: z.string().min(1).max(255),
        acceptFlagged: z.enum(['true', 'false']).default('false'),
        removeMissingLists: z.enum(['true', 'false']).default('false'),
      }),
      response: ImportOutcomeSchema,
      upload: {
        maxBytes: MAX_ANNEX_A_BYTES,
        body: 'raw',
        target: (request) => ({
          kind: 'annex-a',
          activityId: (request.params as { id?: string }).id ?? '',
        }),
      },
      handler: async ({ request, params, query }) => {
        // A missing or non-binary body counts as an empty file (refused after the access checks).
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        // On the embedded database the rows are written in short transactions into a staged
        // import (its one connection stays free for other requests), then made current at once.
        return importAnnexA(
          useCaseContext(request, ctx),
          {
            activityId: params.id ?? '',
            fileName: query.fileName,
            bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
            acceptFlagged: query.acceptFlagged === 'true',
            removeMissingLists: query.removeMissingLists === 'true',
          },
          undefined,
          { staged: ctx.database.engine === 'pglite' },
        );
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/annex-a/jobs/:jobId',
      summary: 'Progress of an Annex A import started from the upload page (yours only)',
      tag: 'annex-a',
      response: Job,
      handler: async ({ request, params }) => {
        const job = await getAnnexAImportJob(useCaseContext(request, ctx), {
          activityId: params.id ?? '',
          jobId: params.jobId ?? '',
        });
        const { activityId, ...status } = job;
        return { ...status, pageUrl: `/activities/${activityId}/annex-a?job=${job.id}` };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/annex-a/retention',
      summary: 'Set the date after which the child-level rows are purged',
      tag: 'annex-a',
      body: SetAnnexARetentionInput.omit({ activityId: true }),
      response: z.object({ retainUntil: z.string() }),
      handler: async ({ request, params, body }) =>
        setAnnexARetention(useCaseContext(request, ctx), { ...body, activityId: params.id ?? '' }),
    }),
  ]);
};

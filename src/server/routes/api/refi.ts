// REFI-QDA exchange over the JSON API: download an activity's evidence base as a .qdpx project
// or its codebook as a .qdc file; import a .qdpx/.qde/.qdc file into an activity or a new one,
// either as base64 inside JSON (up to about 3.5 MB) or as the raw bytes of the request body
// (Content-Type application/zip, application/xml or application/octet-stream; up to 200 MB).
import { z } from 'zod';
import type { Actor } from '../../../domain/access/actor.js';
import { exportCodebook } from '../../../usecases/refi/export-codebook.js';
import { exportProject } from '../../../usecases/refi/export-project.js';
import { importRefi, type ImportRefiInput } from '../../../usecases/refi/import-refi.js';
import type { UploadTarget } from '../../../usecases/uploads/check-upload-allowed.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import { sendDownload } from '../../download.js';
import type { RouteModule } from '../index.js';

/** A project with its source documents can be large; read to disk after the access check. */
const MAX_RAW_BYTES = 200 * 1024 * 1024;

const Download = z.custom<Buffer>(() => true).describe('A REFI-QDA file');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Target = {
  /** Import into this activity... */
  activityId: z.string().optional(),
  /** ...or create a new one in this local authority (admins and regional staff). */
  laId: z.string().optional(),
  activityType: z.string().optional(),
  plannedStart: isoDate.optional(),
  title: z.string().max(200).optional(),
};
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

const JsonImport = z.object({
  fileName: z.string().min(1).max(300),
  /** The file's bytes, base64-encoded. */
  contentBase64: z.string().min(1),
  repairGuids: z.boolean().optional(),
  /** Import the rest of a project some of whose source files are absent (each listed). */
  skipMissingSources: z.boolean().optional(),
  ...Target,
});
const RawImportQuery = z.object({
  fileName: z.string().min(1).max(300),
  repairGuids: flag.optional(),
  skipMissingSources: flag.optional(),
  ...Target,
});

const ImportResult = z.object({
  activityId: z.string(),
  activityCreated: z.boolean(),
  file: z.string(),
  sha256: z.string(),
  format: z.enum(['qdpx', 'qde', 'qdc']),
  origin: z.string().nullable(),
  counts: z.object({
    evidence: z.number(),
    codes: z.number(),
    codesMatched: z.number(),
    codings: z.number(),
    cases: z.number(),
    casesMatched: z.number(),
    memos: z.number(),
    users: z.number(),
    alreadyPresent: z.object({ evidence: z.number(), codings: z.number(), memos: z.number() }),
  }),
  report: z.object({
    repairs: z.array(z.string()),
    skipped: z.array(z.object({ what: z.string(), count: z.number() })),
    warnings: z.array(z.string()),
    review: z.array(z.string()),
  }),
});

type Target = { [K in keyof typeof Target]?: z.infer<(typeof Target)[K]> };

function importInput(
  t: Target,
  fileName: string,
  bytes: Uint8Array,
  repairGuids: boolean,
  skipMissingSources = false,
): ImportRefiInput {
  return {
    fileName,
    bytes,
    repairGuids,
    skipMissingSources,
    ...(t.activityId
      ? { activityId: t.activityId }
      : {
          newActivity: {
            ...(t.laId ? { laId: t.laId } : {}),
            ...(t.activityType ? { activityType: t.activityType } : {}),
            ...(t.plannedStart ? { plannedStart: t.plannedStart } : {}),
            ...(t.title ? { title: t.title } : {}),
          },
        }),
  };
}

export const registerRefiApi: RouteModule = (app, ctx) => {
  const uc = (actor: Actor) => ({ db: ctx.database.db, actor, catalog: ctx.catalog });
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/refi/project',
      summary:
        "The activity's evidence base as a REFI-QDA 1.5 project (.qdpx download); withFrameworkCodes=true also writes unused framework codes for an imported project",
      tag: 'refi',
      query: z.object({ withFrameworkCodes: flag.optional() }),
      response: Download,
      handler: async ({ actor, params, query, reply }) =>
        sendDownload(
          reply,
          await exportProject(uc(actor), {
            activityId: params.id ?? '',
            includeFrameworkCodes: query.withFrameworkCodes ?? false,
          }),
        ),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/refi/codebook',
      summary: "The activity's codebook as a REFI-QDA 1.5 codebook (.qdc download)",
      tag: 'refi',
      response: Download,
      handler: async ({ actor, params, reply }) =>
        sendDownload(reply, await exportCodebook(uc(actor), { activityId: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/refi/imports',
      summary:
        'Import a REFI-QDA project or codebook (base64 in JSON) into an activity (activityId) or a new one (laId); all or nothing',
      tag: 'refi',
      body: JsonImport,
      response: ImportResult,
      handler: async ({ actor, body, reply }) => {
        const bytes = new Uint8Array(Buffer.from(body.contentBase64, 'base64'));
        const r = await importRefi(
          uc(actor),
          importInput(
            body,
            body.fileName,
            bytes,
            body.repairGuids ?? false,
            body.skipMissingSources ?? false,
          ),
        );
        reply.status(201);
        return r;
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/refi/imports/raw',
      summary:
        'Import a REFI-QDA file sent as the request body (Content-Type application/zip, application/xml or application/octet-stream); options in the query',
      tag: 'refi',
      query: RawImportQuery,
      response: ImportResult,
      upload: {
        maxBytes: MAX_RAW_BYTES,
        body: 'raw',
        target: (request): UploadTarget => {
          const q = RawImportQuery.parse(request.query);
          if (q.activityId) return { kind: 'evidence', activityId: q.activityId };
          if (q.laId) return { kind: 'new-activity', laId: q.laId };
          return importInput(q, q.fileName, new Uint8Array(0), false) as never; // names the fields
        },
      },
      handler: async ({ actor, query, request, reply }) => {
        // Anything but raw bytes counts as an empty file, refused once access has been checked.
        const bytes = Buffer.isBuffer(request.body)
          ? new Uint8Array(request.body)
          : new Uint8Array(0);
        const r = await importRefi(
          uc(actor),
          importInput(
            query,
            query.fileName,
            bytes,
            query.repairGuids ?? false,
            query.skipMissingSources ?? false,
          ),
        );
        reply.status(201);
        return r;
      },
    }),
  ]);
};

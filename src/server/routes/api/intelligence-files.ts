// Files kept beside an LA's intelligence entries over the JSON API: list an entry's files, attach
// one sent as the raw request body (application/octet-stream, ?fileName=, optional ?contentType=
// as the sender's declared type), download one, remove one. The same use cases and read rule as the pages:
// confidential entries never reach the LA, which reads only entries shared with it.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../../domain/access/actor.js';
import type { IntelligenceAttachment } from '../../../domain/files/attachment.js';
import { attachIntelligenceFile } from '../../../usecases/risk/attach-intelligence-file.js';
import { downloadIntelligenceFile } from '../../../usecases/risk/download-intelligence-file.js';
import { getIntelligenceEntry } from '../../../usecases/risk/get-intelligence-entry.js';
import { removeIntelligenceFile } from '../../../usecases/risk/remove-intelligence-file.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import { sendAttachment } from '../../download.js';
import type { RouteModule } from '../index.js';

export const IntelligenceFileSchema = z.object({
  id: z.string(),
  entryId: z.string(),
  fileName: z.string(),
  mediaType: z.string().describe('Decided from the content, not the declared type'),
  declaredType: z.string().nullable(),
  sizeBytes: z.number(),
  sha256: z.string(),
  scan: z.object({ status: z.enum(['clean', 'not_scanned']), detail: z.string().nullable() }),
  uploadedBy: z.object({ id: z.string().nullable(), label: z.string() }),
  uploadedAt: z.string(),
  downloadUrl: z.string(),
});

export function presentIntelligenceFile(
  laId: string,
  a: IntelligenceAttachment,
): z.input<typeof IntelligenceFileSchema> {
  return {
    ...a,
    uploadedAt: a.uploadedAt.toISOString(),
    downloadUrl: `/api/v1/las/${encodeURIComponent(laId)}/intelligence/${a.entryId}/attachments/${a.id}`,
  };
}

const UploadQuery = z.object({
  fileName: z.string().min(1).max(1000),
  contentType: z.string().max(255).optional(),
});

export const registerIntelligenceFileApi: RouteModule = (app, ctx) => {
  const uc = (actor: Actor) => ({
    db: ctx.database.db,
    actor,
    catalog: ctx.catalog,
    attachments: ctx.attachments,
  });
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/las/:id/intelligence/:entryId/attachments',
      summary:
        'The files kept beside an intelligence entry, for whoever may read the entry (LA users: entries shared with them; confidential entries never)',
      tag: 'risk',
      response: z.object({ attachments: z.array(IntelligenceFileSchema), canWrite: z.boolean() }),
      handler: async ({ actor, params }) => {
        const view = await getIntelligenceEntry(uc(actor), {
          laId: params.id ?? '',
          entryId: params.entryId ?? '',
        });
        return {
          attachments: view.attachments.map((a) => presentIntelligenceFile(view.la.id, a)),
          canWrite: view.canWrite,
        };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/las/:id/intelligence/:entryId/attachments',
      summary:
        'Attach a document to an intelligence entry (regional staff, their region): the file itself as the body (application/octet-stream), ?fileName= (and ?contentType=); its type is checked from its content, its size limited, and it is virus-scanned when a scanner is configured',
      tag: 'risk',
      query: UploadQuery,
      response: IntelligenceFileSchema,
      upload: {
        maxBytes: ctx.attachments.maxFileBytes,
        body: 'raw',
        target: (request: FastifyRequest) => {
          const p = request.params as Record<string, string | undefined>;
          return {
            kind: 'intelligence-file',
            laId: String(p.id ?? '').slice(0, 200),
            entryId: String(p.entryId ?? '').slice(0, 200),
          };
        },
      },
      handler: async ({ actor, params, query, request, reply }) => {
        // Anything but raw bytes counts as an empty file, refused after the access check.
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const file = await attachIntelligenceFile(
          uc(actor),
          {
            laId: params.id ?? '',
            entryId: params.entryId ?? '',
            fileName: query.fileName,
            declaredType: query.contentType ?? null,
          },
          new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
        );
        reply.status(201);
        return presentIntelligenceFile(params.id ?? '', file);
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/las/:id/intelligence/:entryId/attachments/:attachmentId',
      summary:
        'Download a file kept beside an intelligence entry (Content-Disposition: attachment, the type read from its content); audited',
      tag: 'risk',
      response: z.custom<Buffer>(() => true).describe('The file, as it was sent'),
      handler: async ({ actor, params, reply }) =>
        sendAttachment(
          reply,
          await downloadIntelligenceFile(uc(actor), {
            laId: params.id ?? '',
            entryId: params.entryId ?? '',
            attachmentId: params.attachmentId ?? '',
          }),
        ),
    }),
    defineApiRoute({
      method: 'DELETE',
      path: '/api/v1/las/:id/intelligence/:entryId/attachments/:attachmentId',
      summary:
        'Remove a document from an intelligence entry for good (as for attaching: regional staff, their region); audited with its SHA-256',
      tag: 'risk',
      response: IntelligenceFileSchema,
      handler: async ({ actor, params }) =>
        presentIntelligenceFile(
          params.id ?? '',
          await removeIntelligenceFile(uc(actor), {
            laId: params.id ?? '',
            entryId: params.entryId ?? '',
            attachmentId: params.attachmentId ?? '',
          }),
        ),
    }),
  ]);
};

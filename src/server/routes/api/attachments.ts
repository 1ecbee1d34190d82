// Attachments over the JSON API: list an activity's (or one record's or comment's) files, attach
// a file sent as the raw request body (Content-Type application/octet-stream, ?fileName=, optional
// ?contentType= as the sender's declared type), download one (the bytes, as an attachment), and
// remove one. The same use cases and access rules as the pages.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../../domain/access/actor.js';
import type { Attachment, AttachmentOwner } from '../../../domain/files/attachment.js';
import { attachFile } from '../../../usecases/attachments/attach-file.js';
import { deleteAttachment } from '../../../usecases/attachments/delete-attachment.js';
import { downloadAttachment } from '../../../usecases/attachments/download-attachment.js';
import { listAttachments } from '../../../usecases/attachments/list-attachments.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import { sendAttachment } from '../../download.js';
import type { UploadRoute } from '../../plugins/uploads.js';
import type { RouteModule } from '../index.js';

const Person = z.object({ id: z.string().nullable(), label: z.string() });

export const AttachmentSchema = z.object({
  id: z.string(),
  activityId: z.string(),
  owner: z.object({ kind: z.enum(['evidence', 'report_comment']), id: z.string() }),
  origin: z.enum(['upload', 'evidence_source']),
  fileName: z.string(),
  mediaType: z.string().describe('Decided from the content, not the declared type'),
  declaredType: z.string().nullable(),
  sizeBytes: z.number(),
  sha256: z.string(),
  scan: z.object({ status: z.enum(['clean', 'not_scanned']), detail: z.string().nullable() }),
  uploadedBy: Person,
  uploadedAt: z.string(),
  downloadUrl: z.string(),
});

export function presentAttachment(a: Attachment): z.input<typeof AttachmentSchema> {
  return {
    ...a,
    uploadedAt: a.uploadedAt.toISOString(),
    downloadUrl: `/api/v1/activities/${a.activityId}/attachments/${a.id}`,
  };
}

const UploadQuery = z.object({
  fileName: z.string().min(1).max(1000),
  contentType: z.string().max(255).optional(),
});
const ListQuery = z.object({
  owner: z.enum(['evidence', 'report_comment']).optional(),
  ownerId: z.string().max(200).optional(),
});
const Download = z.custom<Buffer>(() => true).describe('The file, as it was sent');

function rawUpload(kind: AttachmentOwner['kind'], maxBytes: number): UploadRoute {
  return {
    maxBytes,
    body: 'raw',
    target: (request: FastifyRequest) => {
      const p = request.params as Record<string, string | undefined>;
      return {
        kind: 'attachment',
        activityId: String(p.id ?? '').slice(0, 200),
        owner: kind,
        ownerId: String((kind === 'evidence' ? p.evidenceId : p.commentId) ?? '').slice(0, 200),
      };
    },
  };
}

export const registerAttachmentApi: RouteModule = (app, ctx) => {
  const uc = (actor: Actor) => ({
    db: ctx.database.db,
    actor,
    catalog: ctx.catalog,
    attachments: ctx.attachments,
  });
  const receive = async (
    actor: Actor,
    activityId: string,
    owner: AttachmentOwner,
    query: z.infer<typeof UploadQuery>,
    request: FastifyRequest,
  ) => {
    // Anything but raw bytes counts as an empty file, refused after the access check.
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    return presentAttachment(
      await attachFile(
        uc(actor),
        { activityId, owner, fileName: query.fileName, declaredType: query.contentType ?? null },
        new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
      ),
    );
  };
  const max = ctx.attachments.maxFileBytes;

  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/attachments',
      summary:
        "Files kept in an activity that you may read (evidence originals and attachments; the LA's factual-accuracy documents); ?owner=evidence|report_comment&ownerId= for one record's or comment's",
      tag: 'attachments',
      query: ListQuery,
      response: z.object({ attachments: z.array(AttachmentSchema), canWrite: z.boolean() }),
      handler: async ({ actor, params, query }) => {
        const owner =
          query.owner && query.ownerId ? { kind: query.owner, id: query.ownerId } : undefined;
        const list = await listAttachments(uc(actor), {
          activityId: params.id ?? '',
          ...(owner ? { owner } : {}),
        });
        return { attachments: list.attachments.map(presentAttachment), canWrite: list.canWrite };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/evidence/:evidenceId/attachments',
      summary:
        'Attach a file to an evidence record: the file itself as the body (application/octet-stream), ?fileName= (and ?contentType=); its type is checked from its content, its size limited, and it is virus-scanned when a scanner is configured',
      tag: 'attachments',
      query: UploadQuery,
      response: AttachmentSchema,
      upload: rawUpload('evidence', max),
      handler: async ({ actor, params, query, request, reply }) => {
        const r = await receive(
          actor,
          params.id ?? '',
          { kind: 'evidence', id: params.evidenceId ?? '' },
          query,
          request,
        );
        reply.status(201);
        return r;
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/report/comments/:commentId/attachments',
      summary:
        "Attach a document to one of your authority's factual-accuracy comments while the window is open (LA users; the body and query as for evidence)",
      tag: 'attachments',
      query: UploadQuery,
      response: AttachmentSchema,
      upload: rawUpload('report_comment', max),
      handler: async ({ actor, params, query, request, reply }) => {
        const r = await receive(
          actor,
          params.id ?? '',
          { kind: 'report_comment', id: params.commentId ?? '' },
          query,
          request,
        );
        reply.status(201);
        return r;
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/attachments/:attachmentId',
      summary:
        'Download a file (Content-Disposition: attachment, the type read from its content); audited',
      tag: 'attachments',
      response: Download,
      handler: async ({ actor, params, reply }) =>
        sendAttachment(
          reply,
          await downloadAttachment(uc(actor), {
            activityId: params.id ?? '',
            attachmentId: params.attachmentId ?? '',
          }),
        ),
    }),
    defineApiRoute({
      method: 'DELETE',
      path: '/api/v1/activities/:id/attachments/:attachmentId',
      summary: 'Remove a file (its bytes are deleted; audited); ?reason= optional',
      tag: 'attachments',
      query: z.object({ reason: z.string().max(2000).optional() }),
      response: AttachmentSchema,
      handler: async ({ actor, params, query }) =>
        presentAttachment(
          await deleteAttachment(uc(actor), {
            activityId: params.id ?? '',
            attachmentId: params.attachmentId ?? '',
            ...(query.reason ? { reason: query.reason } : {}),
          }),
        ),
    }),
  ]);
};

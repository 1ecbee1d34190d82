// Attachments in the browser: attach a file to an evidence record (the team) or to one of the
// LA's factual-accuracy comments (the LA, while the window is open) with GOV.UK's file upload
// component in a plain multipart form; download a file (always as a download); remove one (after
// a confirmation page, with an optional reason for the audit log).
// Access is decided by the use cases (usecases/shared/attachment-scope.ts); the upload body is
// read only after the same check (plugins/uploads.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Attachment, AttachmentOwner } from '../../../domain/files/attachment.js';
import {
  ALLOWED_SUMMARY,
  sizeText,
  type AttachmentSettings,
} from '../../../domain/files/attachment-check.js';
import { AppError } from '../../../errors.js';
import { attachFile } from '../../../usecases/attachments/attach-file.js';
import { deleteAttachment } from '../../../usecases/attachments/delete-attachment.js';
import { downloadAttachment } from '../../../usecases/attachments/download-attachment.js';
import { getAttachment } from '../../../usecases/attachments/get-attachment.js';
import {
  listAttachments,
  type AttachmentList,
} from '../../../usecases/attachments/list-attachments.js';
import { dateTimeText } from '../../../domain/calendar/format.js';
import { sendAttachment } from '../../download.js';
import type { MultipartBody } from '../../plugins/multipart.js';
import type { UploadRoute } from '../../plugins/uploads.js';
import { formErrors, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const EvidenceParams = z.object({ id: z.string().max(200), evidenceId: z.string().max(200) });
const CommentParams = z.object({ id: z.string().max(200), commentId: z.string().max(200) });
const FileParams = z.object({ id: z.string().max(200), attachmentId: z.string().max(200) });
const DeleteForm = z.object({ reason: z.string().max(2000).default('') });
const EXPECTED = ['VALIDATION_FAILED', 'ATTACHMENT_REFUSED'] as const;

/** Where the owner's own page is (attaching and removing come back there). */
export function ownerHref(activityId: string, owner: AttachmentOwner): string {
  return owner.kind === 'evidence'
    ? `/activities/${activityId}/evidence/${owner.id}`
    : `/activities/${activityId}/report/factual-accuracy`;
}

function attachHref(activityId: string, owner: AttachmentOwner): string {
  return owner.kind === 'evidence'
    ? `/activities/${activityId}/evidence/${owner.id}/attachments`
    : `/activities/${activityId}/report/comments/${owner.id}/attachments`;
}

const SCAN_TEXT = {
  clean: { text: 'Virus-scanned', classes: 'govuk-tag--green' },
  not_scanned: { text: 'Not scanned', classes: 'govuk-tag--yellow' },
} as const;

/** What the attachment partial shows of each file. */
export function attachmentItems(
  list: Attachment[],
  activityId: string,
  canWrite: boolean,
): Array<Record<string, unknown>> {
  return list.map((a) => ({
    id: a.id,
    fileName: a.fileName,
    href: `/activities/${activityId}/attachments/${a.id}`,
    deleteAction: canWrite ? `/activities/${activityId}/attachments/${a.id}/delete` : null,
    size: sizeText(a.sizeBytes),
    mediaType: a.mediaType,
    scan: SCAN_TEXT[a.scan.status],
    original: a.origin === 'evidence_source',
    uploaded: `${a.uploadedBy.label}, ${dateTimeText(a.uploadedAt)}`,
    sha256: a.sha256,
  }));
}

function uploadInto(owner: AttachmentOwner['kind'], settings: AttachmentSettings): UploadRoute {
  return {
    maxBytes: settings.maxFileBytes,
    body: 'multipart',
    target: (request: FastifyRequest) => {
      const p = request.params as Record<string, string | undefined>;
      return {
        kind: 'attachment',
        activityId: String(p.id ?? '').slice(0, 200),
        owner,
        ownerId: String((owner === 'evidence' ? p.evidenceId : p.commentId) ?? '').slice(0, 200),
      };
    },
  };
}

function renderAttach(
  reply: FastifyReply,
  list: AttachmentList,
  owner: AttachmentOwner,
  settings: AttachmentSettings,
  problems: Problem[] = [],
): FastifyReply {
  const back = ownerHref(list.activity.id, owner);
  const onComment = owner.kind === 'report_comment';
  return reply.render('attachments/new.njk', {
    title: `Attach a file to ${list.ownerLabel ?? 'the record'}`,
    list,
    ownerLabel: list.ownerLabel,
    onComment,
    action: attachHref(list.activity.id, owner),
    back,
    hint: `${ALLOWED_SUMMARY}, up to ${sizeText(settings.maxFileBytes)}.`,
    scanned: settings.scan.command !== null,
    items: attachmentItems(list.attachments, list.activity.id, false),
    ...formErrors(problems, { file: 'file' }),
    breadcrumbs: [
      { text: 'Home', href: '/home' },
      { text: list.activity.title, href: `/activities/${list.activity.id}` },
      { text: onComment ? 'Factual accuracy check' : (list.ownerLabel ?? 'Evidence'), href: back },
    ],
  });
}

export const registerAttachmentRoutes: RouteModule = (app, ctx) => {
  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    activityId: string,
    owner: AttachmentOwner,
  ) => {
    const list = await listAttachments(useCaseContext(request, ctx), { activityId, owner });
    if (!list.canWrite) throw new AppError('FORBIDDEN');
    return renderAttach(reply, list, owner, ctx.attachments);
  };

  const receive = async (
    request: FastifyRequest,
    reply: FastifyReply,
    activityId: string,
    owner: AttachmentOwner,
  ) => {
    const uc = useCaseContext(request, ctx);
    const body = (request.body ?? {}) as MultipartBody;
    const file = body._files?.find((f) => f.field === 'file');
    try {
      if (!file || file.data.length === 0)
        throw new AppError('VALIDATION_FAILED', {
          details: [{ field: 'file', reason: 'Choose a file to attach' }],
        });
      await attachFile(
        uc,
        {
          activityId,
          owner,
          fileName: file.fileName || 'attachment',
          declaredType: file.contentType,
        },
        new Uint8Array(file.data.buffer, file.data.byteOffset, file.data.byteLength),
      );
    } catch (err) {
      const r = problemsFrom(err, EXPECTED, { defaultField: 'file' });
      const list = await listAttachments(uc, { activityId, owner });
      reply.status(r.status);
      return renderAttach(
        reply,
        list,
        owner,
        ctx.attachments,
        r.problems.map((p) => ({ ...p, field: 'file' })),
      );
    }
    const back = ownerHref(activityId, owner);
    const done = owner.kind === 'evidence' ? '?done=attached' : '?done=attached#comments';
    return reply.redirect(`${back}${done}`, 303);
  };

  app.get('/activities/:id/evidence/:evidenceId/attachments', async (request, reply) => {
    const { id, evidenceId } = EvidenceParams.parse(request.params);
    return showForm(request, reply, id, { kind: 'evidence', id: evidenceId });
  });
  app.post(
    '/activities/:id/evidence/:evidenceId/attachments',
    { config: { upload: uploadInto('evidence', ctx.attachments) } },
    async (request, reply) => {
      const { id, evidenceId } = EvidenceParams.parse(request.params);
      return receive(request, reply, id, { kind: 'evidence', id: evidenceId });
    },
  );
  app.get('/activities/:id/report/comments/:commentId/attachments', async (request, reply) => {
    const { id, commentId } = CommentParams.parse(request.params);
    return showForm(request, reply, id, { kind: 'report_comment', id: commentId });
  });
  app.post(
    '/activities/:id/report/comments/:commentId/attachments',
    { config: { upload: uploadInto('report_comment', ctx.attachments) } },
    async (request, reply) => {
      const { id, commentId } = CommentParams.parse(request.params);
      return receive(request, reply, id, { kind: 'report_comment', id: commentId });
    },
  );

  app.get('/activities/:id/attachments/:attachmentId', async (request, reply) => {
    const { id, attachmentId } = FileParams.parse(request.params);
    const file = await downloadAttachment(useCaseContext(request, ctx), {
      activityId: id,
      attachmentId,
    });
    return sendAttachment(reply, file);
  });

  app.get('/activities/:id/attachments/:attachmentId/delete', async (request, reply) => {
    const { id, attachmentId } = FileParams.parse(request.params);
    const detail = await getAttachment(useCaseContext(request, ctx), {
      activityId: id,
      attachmentId,
    });
    if (!detail.canWrite) throw new AppError('FORBIDDEN');
    const a = detail.attachment;
    const back = ownerHref(id, a.owner);
    return reply.render('attachments/delete.njk', {
      title: `Remove ${a.fileName}`,
      detail,
      size: sizeText(a.sizeBytes),
      uploaded: `${a.uploadedBy.label}, ${dateTimeText(a.uploadedAt)}`,
      action: `/activities/${id}/attachments/${a.id}/delete`,
      back,
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: detail.activity.title, href: `/activities/${id}` },
        {
          text: a.owner.kind === 'evidence' ? detail.ownerLabel : 'Factual accuracy check',
          href: back,
        },
      ],
    });
  });

  app.post('/activities/:id/attachments/:attachmentId/delete', async (request, reply) => {
    const { id, attachmentId } = FileParams.parse(request.params);
    const form = DeleteForm.parse(request.body ?? {});
    const removed = await deleteAttachment(useCaseContext(request, ctx), {
      activityId: id,
      attachmentId,
      reason: form.reason.trim() || null,
    });
    const back = ownerHref(id, removed.owner);
    const done = removed.owner.kind === 'evidence' ? '?done=detached' : '?done=detached#comments';
    return reply.redirect(`${back}${done}`, 303);
  });
};

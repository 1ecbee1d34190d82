// One intelligence entry's page: what it says, its marking and the files kept beside it, with
// GOV.UK's file upload in a plain multipart form for those who record intelligence for the LA.
// A Remove button (a POST form) for the same people. Files always download; who may read the
// entry may download them (usecases/risk/
// intelligence-entry-scope.ts). The upload body is read only after the same access check
// (plugins/uploads.ts, target `intelligence-file`).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { dateTimeText } from '../../../domain/calendar/format.js';
import { ALLOWED_SUMMARY, sizeText } from '../../../domain/files/attachment-check.js';
import { intelligenceKindLabels } from '../../../domain/risk/intelligence.js';
import { AppError } from '../../../errors.js';
import { attachIntelligenceFile } from '../../../usecases/risk/attach-intelligence-file.js';
import { downloadIntelligenceFile } from '../../../usecases/risk/download-intelligence-file.js';
import { getIntelligenceEntry } from '../../../usecases/risk/get-intelligence-entry.js';
import { removeIntelligenceFile } from '../../../usecases/risk/remove-intelligence-file.js';
import { sendAttachment } from '../../download.js';
import type { MultipartBody } from '../../plugins/multipart.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const EntryParams = z.object({ id: z.string().max(200), entryId: z.string().max(200) });
const FileParams = EntryParams.extend({ attachmentId: z.string().max(200) });

const SCAN_TEXT = {
  clean: { text: 'Virus-scanned', classes: 'govuk-tag--green' },
  not_scanned: { text: 'Not scanned', classes: 'govuk-tag--yellow' },
} as const;

const entryHref = (laId: string, entryId: string) =>
  `/las/${encodeURIComponent(laId)}/intelligence/${encodeURIComponent(entryId)}`;

export const registerIntelligenceFileRoutes: RouteModule = (app, ctx) => {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    laId: string,
    entryId: string,
    problems: Problem[] = [],
  ) => {
    const view = await getIntelligenceEntry(useCaseContext(request, ctx), { laId, entryId });
    const href = entryHref(view.la.id, view.entry.id);
    const e = view.entry;
    return reply.render('risk/intelligence-entry.njk', {
      ...view,
      kindLabel: intelligenceKindLabels[e.kind] ?? e.kind,
      marking:
        e.sensitivity === 'confidential'
          ? 'Confidential: never shown to the LA'
          : e.sharedWithLa
            ? 'Shared with the LA'
            : 'Inspectorate only',
      action: `${href}/attachments`,
      hint: `${ALLOWED_SUMMARY}, up to ${sizeText(ctx.attachments.maxFileBytes)}.`,
      scanned: ctx.attachments.scan.command !== null,
      attachmentItems: view.attachments.map((a) => ({
        id: a.id,
        fileName: a.fileName,
        href: `${href}/attachments/${a.id}`,
        deleteAction: null,
        removeForm: view.canWrite ? `${href}/attachments/${a.id}/remove` : null,
        size: sizeText(a.sizeBytes),
        mediaType: a.mediaType,
        scan: SCAN_TEXT[a.scan.status],
        original: false,
        uploaded: `${a.uploadedBy.label}, ${dateTimeText(a.uploadedAt)}`,
        sha256: a.sha256,
      })),
      attachmentEmpty: 'No documents are kept with this entry.',
      notice: noticeFor((request.query as { done?: string }).done, {
        attached: 'The document has been attached to the entry.',
        removed: 'The document has been removed from the entry.',
      }),
      ...formErrors(problems, { file: 'file' }),
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: view.la.name, href: `/las/${encodeURIComponent(view.la.id)}` },
        { text: 'Intelligence', href: `/las/${encodeURIComponent(view.la.id)}/intelligence` },
      ],
    });
  };

  app.get('/las/:id/intelligence/:entryId', async (request, reply) => {
    const { id, entryId } = EntryParams.parse(request.params);
    return render(request, reply, id, entryId);
  });

  app.post(
    '/las/:id/intelligence/:entryId/attachments',
    {
      config: {
        upload: {
          maxBytes: ctx.attachments.maxFileBytes,
          body: 'multipart',
          target: (request) => {
            const p = request.params as { id?: string; entryId?: string };
            return {
              kind: 'intelligence-file',
              laId: String(p.id ?? '').slice(0, 200),
              entryId: String(p.entryId ?? '').slice(0, 200),
            };
          },
        },
      },
    },
    async (request, reply) => {
      const { id, entryId } = EntryParams.parse(request.params);
      const body = (request.body ?? {}) as MultipartBody;
      const file = body._files?.find((f) => f.field === 'file');
      try {
        if (!file || file.data.length === 0)
          throw new AppError('VALIDATION_FAILED', {
            details: [{ field: 'file', reason: 'Choose a file to attach' }],
          });
        await attachIntelligenceFile(
          useCaseContext(request, ctx),
          {
            laId: id,
            entryId,
            fileName: file.fileName || 'document',
            declaredType: file.contentType,
          },
          new Uint8Array(file.data.buffer, file.data.byteOffset, file.data.byteLength),
        );
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED', 'ATTACHMENT_REFUSED'], {
          defaultField: 'file',
        });
        reply.status(r.status);
        return render(request, reply, id, entryId, r.problems);
      }
      return reply.redirect(`${entryHref(id, entryId)}?done=attached#files`, 303);
    },
  );

  app.post(
    '/las/:id/intelligence/:entryId/attachments/:attachmentId/remove',
    async (request, reply) => {
      const { id, entryId, attachmentId } = FileParams.parse(request.params);
      await removeIntelligenceFile(useCaseContext(request, ctx), {
        laId: id,
        entryId,
        attachmentId,
      });
      return reply.redirect(`${entryHref(id, entryId)}?done=removed#files`, 303);
    },
  );

  app.get('/las/:id/intelligence/:entryId/attachments/:attachmentId', async (request, reply) => {
    const { id, entryId, attachmentId } = FileParams.parse(request.params);
    const file = await downloadIntelligenceFile(useCaseContext(request, ctx), {
      laId: id,
      entryId,
      attachmentId,
    });
    return sendAttachment(reply, file);
  });
};

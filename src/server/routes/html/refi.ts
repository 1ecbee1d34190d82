// Exchange with other qualitative analysis tools (REFI-QDA 1.5): download the activity's evidence
// base as a .qdpx project and its codebook as a .qdc file, and upload a .qdpx, .qde or .qdc made
// by NVivo, ATLAS.ti, MAXQDA or QualCoder. An upload is all or nothing: the page shows the
// import report, or the validation error naming the element and the problem.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { isAppError } from '../../../errors.js';
import { exportCodebook } from '../../../usecases/refi/export-codebook.js';
import { exportProject } from '../../../usecases/refi/export-project.js';
import { importRefi } from '../../../usecases/refi/import-refi.js';
import {
  getEvidencePageContext,
  type EvidencePageContext,
} from '../../../usecases/evidence/get-evidence-page-context.js';
import { sendDownload } from '../../download.js';
import { registerMultipart, type MultipartBody } from '../../plugins/multipart.js';
import { formUploadInto } from '../../plugins/uploads.js';
import { formErrors } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { crumbs } from './page-helpers.js';

const IdParams = z.object({ id: z.string().max(200) });
const MAX_UPLOAD = 200 * 1024 * 1024;

type ImportOutcome = Awaited<ReturnType<typeof importRefi>>;

function render(
  reply: FastifyReply,
  page: EvidencePageContext,
  extra: { outcome?: ImportOutcome; problems?: Array<{ field?: string; reason: string }> } = {},
): FastifyReply {
  return reply.render('refi/show.njk', {
    title: 'Exchange with other analysis tools',
    page,
    outcome: extra.outcome ?? null,
    fieldErrors: {},
    ...(extra.problems ? formErrors(extra.problems) : {}),
    breadcrumbs: crumbs(page),
  });
}

export const registerRefiRoutes: RouteModule = (app, ctx) => {
  registerMultipart(app);

  app.get('/activities/:id/refi', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const page = await getEvidencePageContext(useCaseContext(request, ctx), { activityId: id });
    return render(reply, page);
  });

  app.get('/activities/:id/refi/project.qdpx', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    return sendDownload(
      reply,
      await exportProject(useCaseContext(request, ctx), { activityId: id }),
    );
  });

  app.get('/activities/:id/refi/codebook.qdc', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    return sendDownload(
      reply,
      await exportCodebook(useCaseContext(request, ctx), { activityId: id }),
    );
  });

  app.post(
    '/activities/:id/refi',
    formUploadInto('evidence', MAX_UPLOAD),
    async (request, reply) => {
      const { id } = IdParams.parse(request.params);
      const uc = useCaseContext(request, ctx);
      const page = await getEvidencePageContext(uc, { activityId: id });
      const body = (request.body ?? {}) as MultipartBody;
      const file = body._files?.find((f) => f.field === 'file');
      if (!file || file.data.length === 0) {
        // Writers learn what is missing; the import's own access check answers everyone else.
        if (page.canWrite) {
          reply.status(400);
          return render(reply, page, {
            problems: [{ field: 'file', reason: 'Select a .qdpx, .qde or .qdc file' }],
          });
        }
      }
      try {
        const outcome = await importRefi(uc, {
          activityId: id,
          fileName: file?.fileName || 'import.qdpx',
          bytes: file
            ? new Uint8Array(file.data.buffer, file.data.byteOffset, file.data.byteLength)
            : new Uint8Array(0),
          repairGuids: body.repairGuids === 'yes',
        });
        return render(reply, page, { outcome });
      } catch (err) {
        if (!isAppError(err) || !['IMPORT_INVALID', 'VALIDATION_FAILED'].includes(err.code))
          throw err;
        reply.status(err.status);
        const details = err.details.map((d) => ({
          field: 'file',
          reason: [d.field, d.value ? `(${d.value})` : '', d.reason].filter(Boolean).join(' '),
        }));
        return render(reply, page, {
          problems: [{ field: 'file', reason: err.message }, ...details.slice(0, 20)],
        });
      }
    },
  );
};

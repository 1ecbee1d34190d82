// The LA's self-evaluation in the browser: the LA's own users write the draft (the framework's
// questions, the improvement plan and reform programme, documents) and submit it; everyone who
// reads the LA's submissions lists, reads and compares versions; the region acknowledges receipt
// and sees which of its LAs have not submitted in the last 12 months.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ofstedRegions } from '../../../domain/access/roles.js';
import { ALLOWED_SUMMARY, sizeText } from '../../../domain/files/attachment-check.js';
import {
  fileSectionLabels,
  fileSections,
  type SelfEvaluationFile,
} from '../../../domain/self-evaluation/self-evaluation.js';
import { AppError } from '../../../errors.js';
import { acknowledgeSelfEvaluation } from '../../../usecases/self-evaluation/acknowledge-self-evaluation.js';
import { addSelfEvaluationFile } from '../../../usecases/self-evaluation/add-self-evaluation-file.js';
import { compareSelfEvaluations } from '../../../usecases/self-evaluation/compare-self-evaluations.js';
import { downloadSelfEvaluationFile } from '../../../usecases/self-evaluation/download-self-evaluation-file.js';
import { getSelfEvaluationDraft } from '../../../usecases/self-evaluation/get-self-evaluation-draft.js';
import { getSelfEvaluationVersion } from '../../../usecases/self-evaluation/get-self-evaluation-version.js';
import { getSelfEvaluations } from '../../../usecases/self-evaluation/get-self-evaluations.js';
import { listSelfEvaluationStatus } from '../../../usecases/self-evaluation/list-self-evaluation-status.js';
import { removeSelfEvaluationFile } from '../../../usecases/self-evaluation/remove-self-evaluation-file.js';
import { saveSelfEvaluationDraft } from '../../../usecases/self-evaluation/save-self-evaluation-draft.js';
import { submitSelfEvaluation } from '../../../usecases/self-evaluation/submit-self-evaluation.js';
import { sendAttachment } from '../../download.js';
import type { MultipartBody } from '../../plugins/multipart.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { pageNumber, pagination, queryString } from './page-helpers.js';

const IdParams = z.object({ id: z.string().max(200) });
const VersionParams = IdParams.extend({ version: z.string().max(20) });
const FileParams = IdParams.extend({ fileId: z.string().max(200) });
type Body = Record<string, string | string[] | undefined>;
const one = (b: Body, k: string) => (Array.isArray(b[k]) ? b[k][0] : b[k]) ?? '';
const base = (id: string) => `/las/${encodeURIComponent(id)}/self-evaluation`;
/** The status list pages 50 LAs at a time (all 153 ran past the page-length limit). */
const STATUS_PAGE = 50;

const NOTICES = {
  saved: 'Your draft has been saved.',
  submitted: 'Your self-evaluation has been submitted. The region has been sent it.',
  attached: 'The document has been added to your draft.',
  removed: 'The document has been taken out of your draft.',
  acknowledged: 'Receipt of the self-evaluation has been acknowledged.',
};

function fileItems(files: SelfEvaluationFile[], laId: string) {
  return files.map((f) => ({
    ...f,
    href: `${base(laId)}/files/${f.id}`,
    sectionLabel: fileSectionLabels[f.section],
    size: sizeText(f.sizeBytes),
  }));
}

function crumbs(la: { id: string; name: string }, extra: { text: string; href: string }[] = []) {
  return [
    { text: 'Home', href: '/home' },
    { text: la.name, href: `/las/${encodeURIComponent(la.id)}` },
    ...extra,
  ];
}

export const registerSelfEvaluationRoutes: RouteModule = (app, ctx) => {
  app.get('/las/:id/self-evaluation', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const view = await getSelfEvaluations(useCaseContext(request, ctx), { laId: id });
    return reply.render('self-evaluation/index.njk', {
      ...view,
      base: base(view.la.id),
      notice: noticeFor((request.query as { done?: string }).done, NOTICES),
      breadcrumbs: crumbs(view.la),
    });
  });

  const renderDraft = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Body | null,
    problems: Problem[] = [],
    uploadProblems: Problem[] = [],
  ) => {
    const view = await getSelfEvaluationDraft(useCaseContext(request, ctx), { laId: id });
    const answers = view.draft.answers.map((a, i) => ({
      ...a,
      name: `answer_${i}`,
      value: values ? one(values, `answer_${i}`) : a.answer,
    }));
    return reply.render('self-evaluation/draft.njk', {
      ...view,
      answers,
      values: {
        improvementPlan: values ? one(values, 'improvementPlan') : view.draft.improvementPlan,
        reformProgramme: values ? one(values, 'reformProgramme') : view.draft.reformProgramme,
      },
      files: fileItems(view.files, view.la.id),
      sectionItems: fileSections.map((s) => ({ value: s, text: fileSectionLabels[s] })),
      uploadHint: `${ALLOWED_SUMMARY}, up to ${sizeText(ctx.attachments.maxFileBytes)}.`,
      base: base(view.la.id),
      notice: noticeFor((request.query as { done?: string }).done, NOTICES),
      ...formErrors([...problems, ...uploadProblems]),
      breadcrumbs: crumbs(view.la, [{ text: 'Self-evaluation', href: base(view.la.id) }]),
    });
  };

  app.get('/las/:id/self-evaluation/draft', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    return renderDraft(request, reply, id, null);
  });

  app.post('/las/:id/self-evaluation/draft', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const body = (request.body ?? {}) as Body;
    const answers = Object.keys(body)
      .filter((k) => /^answer_\d{1,2}$/.test(k))
      .sort((a, b) => Number(a.slice(7)) - Number(b.slice(7)))
      .map((k) => one(body, k));
    const content = {
      laId: id,
      answers,
      improvementPlan: one(body, 'improvementPlan'),
      reformProgramme: one(body, 'reformProgramme'),
    };
    const uc = useCaseContext(request, ctx);
    try {
      if (one(body, 'intent') === 'submit') {
        await submitSelfEvaluation(uc, content);
        return reply.redirect(`${base(id)}?done=submitted`, 303);
      }
      await saveSelfEvaluationDraft(uc, content);
      return reply.redirect(`${base(id)}/draft?done=saved`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'answer_0' });
      reply.status(r.status);
      const problems = r.problems.map((p) => ({
        ...p,
        field: p.field?.replace('answers.', 'answer_'),
      }));
      return renderDraft(request, reply, id, body, problems);
    }
  });

  app.post(
    '/las/:id/self-evaluation/files',
    {
      config: {
        upload: {
          maxBytes: ctx.attachments.maxFileBytes,
          body: 'multipart',
          target: (request) => ({
            kind: 'self-evaluation-file',
            laId: String((request.params as { id?: string }).id ?? '').slice(0, 200),
          }),
        },
      },
    },
    async (request, reply) => {
      const { id } = IdParams.parse(request.params);
      const body = (request.body ?? {}) as MultipartBody;
      const file = body._files?.find((f) => f.field === 'file');
      try {
        if (!file || file.data.length === 0)
          throw new AppError('VALIDATION_FAILED', {
            details: [{ field: 'file', reason: 'Choose a file to attach' }],
          });
        await addSelfEvaluationFile(
          useCaseContext(request, ctx),
          {
            laId: id,
            section: String(body.section ?? '') as 'other',
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
        return renderDraft(request, reply, id, null, [], r.problems);
      }
      return reply.redirect(`${base(id)}/draft?done=attached#documents`, 303);
    },
  );

  app.post('/las/:id/self-evaluation/files/:fileId/remove', async (request, reply) => {
    const { id, fileId } = FileParams.parse(request.params);
    await removeSelfEvaluationFile(useCaseContext(request, ctx), { laId: id, fileId });
    return reply.redirect(`${base(id)}/draft?done=removed#documents`, 303);
  });

  app.get('/las/:id/self-evaluation/files/:fileId', async (request, reply) => {
    const { id, fileId } = FileParams.parse(request.params);
    const file = await downloadSelfEvaluationFile(useCaseContext(request, ctx), {
      laId: id,
      fileId,
    });
    return sendAttachment(reply, file);
  });

  app.get('/las/:id/self-evaluation/versions/:version', async (request, reply) => {
    const { id, version } = VersionParams.parse(request.params);
    const view = await getSelfEvaluationVersion(useCaseContext(request, ctx), {
      laId: id,
      version,
    });
    return reply.render('self-evaluation/version.njk', {
      ...view,
      files: fileItems(view.files, view.la.id),
      base: base(view.la.id),
      notice: noticeFor((request.query as { done?: string }).done, NOTICES),
      breadcrumbs: crumbs(view.la, [{ text: 'Self-evaluation', href: base(view.la.id) }]),
    });
  });

  app.post('/las/:id/self-evaluation/versions/:version/acknowledge', async (request, reply) => {
    const { id, version } = VersionParams.parse(request.params);
    const body = (request.body ?? {}) as Body;
    await acknowledgeSelfEvaluation(useCaseContext(request, ctx), {
      laId: id,
      version,
      note: one(body, 'note'),
    });
    return reply.redirect(`${base(id)}/versions/${version}?done=acknowledged`, 303);
  });

  app.get('/las/:id/self-evaluation/compare', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const q = request.query as { from?: string; to?: string };
    const view = await compareSelfEvaluations(useCaseContext(request, ctx), {
      laId: id,
      from: q.from ?? '',
      to: q.to ?? '',
    });
    return reply.render('self-evaluation/compare.njk', {
      ...view,
      base: base(view.la.id),
      breadcrumbs: crumbs(view.la, [{ text: 'Self-evaluation', href: base(view.la.id) }]),
    });
  });

  app.get('/self-evaluations', async (request, reply) => {
    const q = request.query as { region?: string; show?: string; page?: string };
    const notSubmittedOnly = q.show !== 'all';
    const list = await listSelfEvaluationStatus(useCaseContext(request, ctx), {
      ...(q.region ? { region: q.region } : {}),
      notSubmittedOnly,
    });
    const page = pageNumber(q.page);
    const rows = list.rows.slice((page - 1) * STATUS_PAGE, page * STATUS_PAGE);
    const params = { region: q.region ?? '', show: notSubmittedOnly ? '' : 'all' };
    return reply.render('self-evaluation/status.njk', {
      ...list,
      rows,
      shown: list.rows.length,
      show: notSubmittedOnly ? 'not-submitted' : 'all',
      regions: ofstedRegions,
      pagination: pagination(list.rows.length, STATUS_PAGE, page, (p) => {
        const qs = queryString({ ...params, page: p > 1 ? String(p) : '' });
        return `/self-evaluations${qs ? `?${qs}` : ''}`;
      }),
      breadcrumbs: [{ text: 'Home', href: '/home' }],
    });
  });
};

// Capturing evidence in the browser: the record form, editing with optimistic concurrency (a
// stale edit gets a conflict page with both versions and never overwrites), and importing the
// text of a .txt, .docx or .pdf file as a record.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../errors.js';
import type { EvidenceRecord } from '../../../domain/evidence/records.js';
import { editEvidence } from '../../../usecases/evidence/edit-evidence.js';
import { todayInEngland } from '../../../clock.js';
import { getEvidence } from '../../../usecases/evidence/get-evidence.js';
import {
  getEvidencePageContext,
  type EvidencePageContext,
} from '../../../usecases/evidence/get-evidence-page-context.js';
import { importEvidenceFile } from '../../../usecases/evidence/import-evidence-file.js';
import { recordEvidence } from '../../../usecases/evidence/record-evidence.js';
import { registerMultipart, type MultipartBody } from '../../plugins/multipart.js';
import { formUploadInto } from '../../plugins/uploads.js';
import { formErrors, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { recordView } from './evidence.js';
import {
  blankValues,
  evidenceAnchors,
  evidenceChoices,
  evidenceFieldNames,
  parseEvidenceFields,
  readEvidenceForm,
  valuesFromRecord,
  type EvidenceFormValues,
  type FormBody,
} from './evidence-form.js';
import { crumbs } from './page-helpers.js';

const IdParams = z.object({ id: z.string().max(200) });
const RecordParams = z.object({ id: z.string().max(200), evidenceId: z.string().max(200) });
const MAX_FILE = 20 * 1024 * 1024;
const EXPECTED = ['VALIDATION_FAILED', 'IMPORT_INVALID', 'ATTACHMENT_REFUSED'] as const;

type Mode = 'new' | 'edit' | 'import';

function renderForm(
  reply: FastifyReply,
  page: EvidencePageContext,
  mode: Mode,
  values: EvidenceFormValues,
  problems: Problem[] = [],
  extra: { record?: EvidenceRecord; conflict?: unknown } = {},
): FastifyReply {
  const base = `/activities/${page.activity.id}/evidence`;
  const titles = {
    new: 'Record evidence',
    edit: `Edit ${extra.record?.reference ?? 'evidence'}`,
    import: 'Import a file as evidence',
  };
  return reply.render(`evidence/${mode === 'import' ? 'import' : 'form'}.njk`, {
    title: titles[mode],
    mode,
    page,
    values,
    choices: evidenceChoices(page),
    record: extra.record ? recordView(extra.record, page.areas) : null,
    conflict: extra.conflict ?? null,
    action:
      mode === 'edit'
        ? `${base}/${extra.record?.id}/edit`
        : mode === 'import'
          ? `${base}/import`
          : base,
    ...formErrors(problems, { ...evidenceAnchors, text: 'text', file: 'file' }),
    breadcrumbs: [...crumbs(page), { text: 'Evidence', href: base }],
  });
}

function problemsOf(err: unknown): { status: number; code: string; problems: Problem[] } {
  const r = problemsFrom(err, [...EXPECTED], {
    fields: evidenceFieldNames,
    defaultField: 'method',
  });
  return r;
}

export const registerEvidenceCaptureRoutes: RouteModule = (app, ctx) => {
  registerMultipart(app);

  app.get('/activities/:id/evidence/new', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const page = await getEvidencePageContext(useCaseContext(request, ctx), {
      activityId: id,
      cases: true,
    });
    if (!page.canWrite) throw new AppError('FORBIDDEN');
    return renderForm(reply, page, 'new', blankValues(todayInEngland()));
  });

  app.post('/activities/:id/evidence', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const page = await getEvidencePageContext(uc, { activityId: id, cases: true });
    if (!page.canWrite) throw new AppError('FORBIDDEN');
    const values = readEvidenceForm((request.body ?? {}) as FormBody);
    const { fields, problems } = parseEvidenceFields(values);
    if (!values.text.trim()) problems.unshift({ field: 'text', reason: 'Enter the evidence' });
    if (fields && problems.length === 0) {
      try {
        const r = await recordEvidence(uc, { ...fields, text: values.text, activityId: id });
        return reply.redirect(`/activities/${id}/evidence/${r.id}?done=recorded`, 303);
      } catch (err) {
        const r = problemsOf(err);
        reply.status(r.status);
        return renderForm(reply, page, 'new', values, r.problems);
      }
    }
    reply.status(400);
    return renderForm(reply, page, 'new', values, problems);
  });

  app.get('/activities/:id/evidence/:evidenceId/edit', async (request, reply) => {
    const { id, evidenceId } = RecordParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const page = await getEvidencePageContext(uc, { activityId: id, cases: true });
    const { record, canWrite } = await getEvidence(uc, { evidenceId, activityId: id });
    if (!canWrite) throw new AppError('FORBIDDEN');
    return renderForm(reply, page, 'edit', valuesFromRecord(record), [], { record });
  });

  app.post('/activities/:id/evidence/:evidenceId/edit', async (request, reply) => {
    const { id, evidenceId } = RecordParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const page = await getEvidencePageContext(uc, { activityId: id, cases: true });
    const { record } = await getEvidence(uc, { evidenceId, activityId: id });
    if (!page.canWrite) throw new AppError('FORBIDDEN');
    const values = readEvidenceForm((request.body ?? {}) as FormBody);
    const { fields, problems } = parseEvidenceFields(values);
    if (!values.text.trim()) problems.unshift({ field: 'text', reason: 'Enter the evidence' });
    const expected = /^\d+$/.test(values.expectedVersion) ? Number(values.expectedVersion) : 0;
    if (expected < 1) problems.push({ reason: 'Open the record again before editing it' });
    if (fields && problems.length === 0) {
      try {
        const out = await editEvidence(uc, {
          ...fields,
          evidenceId,
          activityId: id,
          expectedVersion: expected,
          text: values.text,
        });
        const done = out.changed ? 'edited' : 'unchanged';
        return reply.redirect(`/activities/${id}/evidence/${evidenceId}?done=${done}`, 303);
      } catch (err) {
        const r = problemsFrom(err, [...EXPECTED, 'CONFLICT'], {
          fields: evidenceFieldNames,
          defaultField: 'method',
        });
        reply.status(r.status);
        if (r.code === 'CONFLICT') {
          // Never overwrite: show both versions; saving again is an explicit choice made
          // against the version now current.
          const current = (await getEvidence(uc, { evidenceId, activityId: id })).record;
          return renderForm(
            reply,
            page,
            'edit',
            { ...values, expectedVersion: String(current.version) },
            [{ reason: r.problems[0]?.reason ?? 'Someone else changed this record' }],
            {
              record: current,
              conflict: {
                message: (err as AppError).message,
                current: recordView(current, page.areas),
                yours: values,
              },
            },
          );
        }
        return renderForm(reply, page, 'edit', values, r.problems, { record });
      }
    }
    reply.status(400);
    return renderForm(reply, page, 'edit', values, problems, { record });
  });

  app.get('/activities/:id/evidence/import', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const page = await getEvidencePageContext(useCaseContext(request, ctx), {
      activityId: id,
      cases: true,
    });
    if (!page.canWrite) throw new AppError('FORBIDDEN');
    return renderForm(reply, page, 'import', blankValues(todayInEngland()));
  });

  app.post(
    '/activities/:id/evidence/import',
    formUploadInto('evidence-file', MAX_FILE),
    async (request, reply) => {
      const { id } = IdParams.parse(request.params);
      const uc = useCaseContext(request, ctx);
      const page = await getEvidencePageContext(uc, { activityId: id, cases: true });
      if (!page.canWrite) throw new AppError('FORBIDDEN');
      const body = (request.body ?? {}) as MultipartBody;
      const file = body._files?.find((f) => f.field === 'file');
      const values = readEvidenceForm({ ...body, ...(body._lists ?? {}) } as FormBody);
      const { fields, problems } = parseEvidenceFields(values);
      if (!file || file.data.length === 0)
        problems.unshift({ field: 'file', reason: 'Select a .txt, .docx or .pdf file' });
      if (fields && file && problems.length === 0) {
        try {
          const r = await importEvidenceFile(
            uc,
            {
              ...fields,
              activityId: id,
              fileName: file.fileName || 'evidence.txt',
              declaredType: file.contentType || null,
            },
            new Uint8Array(file.data.buffer, file.data.byteOffset, file.data.byteLength),
          );
          return reply.redirect(`/activities/${id}/evidence/${r.id}?done=imported`, 303);
        } catch (err) {
          const r = problemsOf(err);
          reply.status(r.status);
          const onFile =
            r.code === 'IMPORT_INVALID' ||
            r.code === 'ATTACHMENT_REFUSED' ||
            r.problems.some((p) => p.field === 'text');
          return renderForm(
            reply,
            page,
            'import',
            values,
            onFile ? r.problems.map((p) => ({ ...p, field: 'file' })) : r.problems,
          );
        }
      }
      reply.status(400);
      return renderForm(reply, page, 'import', values, problems);
    },
  );
};

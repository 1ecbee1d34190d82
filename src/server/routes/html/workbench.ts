// The coding workbench of an activity: the evidence list, one record's text with its codings
// highlighted and listed in the margin, the codebook and memos. Everything works as plain
// pages and forms (coding a passage by pasting its words); src/client/workbench.ts adds
// selecting text and applying codes through the JSON API, and a query panel.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../errors.js';
import type { UseCaseContext } from '../../../usecases/context.js';
import { createCode } from '../../../usecases/coding/create-code.js';
import { removeCoding } from '../../../usecases/coding/remove-coding.js';
import { createMemo } from '../../../usecases/memos/create-memo.js';
import { updateMemo } from '../../../usecases/memos/update-memo.js';
import { codePassage } from '../../../usecases/coding/code-passage.js';
import { problemsFrom } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import {
  loadWorkbench,
  readState,
  renderWorkbench,
  stateUrl,
  WorkbenchQuery,
  type WorkbenchState,
} from './workbench-view.js';

const IdParams = z.object({ id: z.string().max(200) });
const CodingParams = IdParams.extend({ codingId: z.string().max(100) });
const MemoParams = IdParams.extend({ memoId: z.string().max(100) });
const text = z.string().max(200_000).default('');
const CodeForm = z.object({
  state: text,
  evidenceId: text,
  codeId: text,
  passage: text,
  occurrence: text,
});
const NewCodeForm = z.object({ state: text, name: text, parentId: text, description: text });
const MemoForm = z.object({
  state: text,
  targetType: z.enum(['evidence', 'code', 'coding']).default('evidence'),
  targetId: text,
  title: text,
  text,
  expectedVersion: text,
});
/** A memo needs words (checked here so the message is the form's, not the schema's). */
function requireText(value: string): undefined {
  if (value.trim() === '')
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'text', reason: 'Write the memo' }],
    });
  return undefined;
}

const FORM_ERRORS = ['VALIDATION_FAILED', 'ALREADY_EXISTS', 'CONFLICT'] as const;

/**
 * Runs a form's change; on success redirects back to the workbench in the same state, on an
 * expected problem renders the workbench with the form's errors and the values sent.
 */
async function handleForm(
  reply: FastifyReply,
  uc: UseCaseContext,
  opts: {
    activityId: string;
    state: WorkbenchState;
    form: string;
    values: Record<string, string>;
    done: string;
    after?: WorkbenchState;
    fields?: Record<string, string>;
    change: () => Promise<unknown>;
  },
): Promise<FastifyReply> {
  try {
    await opts.change();
    return reply.redirect(
      `${stateUrl(opts.activityId, opts.state, { ...opts.after, done: opts.done })}#wb-record`,
      303,
    );
  } catch (err) {
    const r = problemsFrom(err, FORM_ERRORS, {
      ...(opts.fields ? { fields: opts.fields } : {}),
    });
    const wb = await loadWorkbench(uc, opts.activityId, opts.state);
    reply.status(r.status);
    return renderWorkbench(reply, wb, opts.state, {
      problems: r.problems,
      values: opts.values,
      form: opts.form,
    });
  }
}

export const registerWorkbenchRoutes: RouteModule = (app, ctx) => {
  app.get('/activities/:id/workbench', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const query = WorkbenchQuery.parse(request.query);
    const state = readState(query);
    const wb = await loadWorkbench(useCaseContext(request, ctx), id, state);
    return renderWorkbench(reply, wb, state, { done: query.done }, query.part);
  });

  app.post('/activities/:id/workbench/codings', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const form = CodeForm.parse(request.body ?? {});
    const state = readState(form.state);
    const uc = useCaseContext(request, ctx);
    return handleForm(reply, uc, {
      activityId: id,
      state,
      form: 'code',
      values: { codeId: form.codeId, passage: form.passage, occurrence: form.occurrence },
      done: 'coded',
      fields: { codeIds: 'codeId', spanText: 'passage', end: 'passage' },
      change: async () => {
        await codePassage(uc, {
          activityId: id,
          evidenceId: form.evidenceId,
          codeId: form.codeId,
          passage: form.passage,
          occurrence: form.occurrence,
        });
      },
    });
  });

  app.post('/activities/:id/workbench/codings/:codingId/remove', async (request, reply) => {
    const { id, codingId } = CodingParams.parse(request.params);
    const form = z.object({ state: text }).parse(request.body ?? {});
    const state = readState(form.state);
    const uc = useCaseContext(request, ctx);
    await removeCoding(uc, { codingId, activityId: id });
    return reply.redirect(
      `${stateUrl(id, state, { coding: undefined, done: 'removed' })}#wb-record`,
      303,
    );
  });

  app.post('/activities/:id/workbench/codes', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const form = NewCodeForm.parse(request.body ?? {});
    const state = readState(form.state);
    const uc = useCaseContext(request, ctx);
    let codeId: string | undefined;
    return handleForm(reply, uc, {
      activityId: id,
      state,
      form: 'new-code',
      values: { name: form.name, parentId: form.parentId, description: form.description },
      done: 'code-added',
      change: async () => {
        const code = await createCode(uc, {
          activityId: id,
          name: form.name,
          parentId: form.parentId || null,
          description: form.description || null,
        });
        codeId = code.id;
        state.code = codeId;
      },
    });
  });

  app.post('/activities/:id/workbench/memos', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const form = MemoForm.parse(request.body ?? {});
    const state = readState(form.state);
    const uc = useCaseContext(request, ctx);
    return handleForm(reply, uc, {
      activityId: id,
      state,
      form: `memo-${form.targetType}`,
      values: { title: form.title, text: form.text },
      done: 'memo-added',
      change: () =>
        requireText(form.text) ??
        createMemo(uc, {
          activityId: id,
          targetType: form.targetType,
          targetId: form.targetId,
          title: form.title || null,
          text: form.text,
        }),
    });
  });

  app.post('/activities/:id/workbench/memos/:memoId', async (request, reply) => {
    const { id, memoId } = MemoParams.parse(request.params);
    const form = MemoForm.parse(request.body ?? {});
    const state = readState(form.state);
    const uc = useCaseContext(request, ctx);
    return handleForm(reply, uc, {
      activityId: id,
      state,
      form: `memo-edit-${memoId}`,
      values: { title: form.title, text: form.text },
      done: 'memo-updated',
      change: () =>
        requireText(form.text) ??
        updateMemo(uc, {
          activityId: id,
          memoId,
          expectedVersion: Number(form.expectedVersion) || 0,
          title: form.title || null,
          text: form.text,
        }),
    });
  });
};

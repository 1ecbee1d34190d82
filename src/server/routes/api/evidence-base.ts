// JSON API for the rest of an activity's evidence base: cases (typed attributes), memos and
// lines of enquiry, under /api/v1/activities/:id/{cases,memos,lines-of-enquiry}.
import { z } from 'zod';
import type { Actor } from '../../../domain/access/actor.js';
import { caseKinds } from '../../../domain/evidence/vocabulary.js';
import { createCase, CreateCaseInput } from '../../../usecases/cases/create-case.js';
import { listCases } from '../../../usecases/cases/list-cases.js';
import { updateCase, UpdateCaseInput } from '../../../usecases/cases/update-case.js';
import {
  createLineOfEnquiry,
  CreateLineOfEnquiryInput,
} from '../../../usecases/analysis/create-line-of-enquiry.js';
import {
  listLinesOfEnquiry,
  ListLinesOfEnquiryInput,
} from '../../../usecases/analysis/list-lines-of-enquiry.js';
import {
  updateLineOfEnquiry,
  UpdateLineOfEnquiryInput,
} from '../../../usecases/analysis/update-line-of-enquiry.js';
import { createMemo, CreateMemoInput } from '../../../usecases/memos/create-memo.js';
import { deleteMemo } from '../../../usecases/memos/delete-memo.js';
import { listMemos, ListMemosInput } from '../../../usecases/memos/list-memos.js';
import { updateMemo, UpdateMemoInput } from '../../../usecases/memos/update-memo.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';
import {
  CaseSchema,
  LineOfEnquirySchema,
  MemoSchema,
  presentCase,
  presentLine,
  presentMemo,
} from './evidence-schemas.js';
import { Ok } from './schemas.js';

const root = '/api/v1/activities/:id';

export const registerEvidenceBaseApi: RouteModule = (app, ctx) => {
  const uc = (actor: Actor) => ({ db: ctx.database.db, actor, catalog: ctx.catalog });

  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: `${root}/cases`,
      summary:
        'Cases (children, practitioners, teams) with typed attributes and evidence counts; ?kind= and attribute filters (?cohort=child_in_care)',
      tag: 'cases',
      query: z.record(z.string(), z.string()),
      response: z.object({
        cases: z.array(CaseSchema),
        attributeCatalogue: z.record(z.string(), z.array(z.unknown())),
        canWrite: z.boolean(),
      }),
      handler: async ({ actor, params, query }) => {
        const { kind, ...rest } = query;
        const attributes = Object.fromEntries(
          Object.entries(rest).map(([k, v]) => [
            k,
            v === 'true' ? true : v === 'false' ? false : v,
          ]),
        );
        const list = await listCases(uc(actor), {
          activityId: params.id ?? '',
          ...(kind ? { kind: z.enum(caseKinds).parse(kind) } : {}),
          ...(Object.keys(attributes).length ? { attributes } : {}),
        });
        return { ...list, cases: list.cases.map(presentCase) };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${root}/cases`,
      summary: 'Add a case with typed attributes (child, practitioner or team)',
      tag: 'cases',
      body: CreateCaseInput.omit({ activityId: true }),
      response: CaseSchema,
      handler: async ({ actor, params, body, reply }) => {
        const c = await createCase(uc(actor), { ...body, activityId: params.id ?? '' });
        reply.status(201);
        return presentCase(c);
      },
    }),
    defineApiRoute({
      method: 'PATCH',
      path: `${root}/cases/:caseId`,
      summary: 'Change a case’s reference, description or attributes (send expectedVersion)',
      tag: 'cases',
      body: UpdateCaseInput.omit({ caseId: true, activityId: true }),
      response: CaseSchema,
      handler: async ({ actor, params, body }) => {
        const c = await updateCase(uc(actor), {
          ...body,
          caseId: params.caseId ?? '',
          activityId: params.id ?? '',
        });
        return presentCase(c);
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: `${root}/memos`,
      summary: 'Memos, optionally only those on one target (?targetType=code&targetId=...)',
      tag: 'memos',
      query: ListMemosInput.omit({ activityId: true }),
      response: z.object({ memos: z.array(MemoSchema) }),
      handler: async ({ actor, params, query }) => ({
        memos: (await listMemos(uc(actor), { ...query, activityId: params.id ?? '' })).map(
          presentMemo,
        ),
      }),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${root}/memos`,
      summary:
        'Write a memo on the activity, an evidence record, code, coding, case or line of enquiry',
      tag: 'memos',
      body: CreateMemoInput.omit({ activityId: true }),
      response: MemoSchema,
      handler: async ({ actor, params, body, reply }) => {
        const m = await createMemo(uc(actor), { ...body, activityId: params.id ?? '' });
        reply.status(201);
        return presentMemo(m);
      },
    }),
    defineApiRoute({
      method: 'PATCH',
      path: `${root}/memos/:memoId`,
      summary: 'Change a memo (send expectedVersion)',
      tag: 'memos',
      body: UpdateMemoInput.omit({ memoId: true, activityId: true }),
      response: MemoSchema,
      handler: async ({ actor, params, body }) => {
        const m = await updateMemo(uc(actor), {
          ...body,
          memoId: params.memoId ?? '',
          activityId: params.id ?? '',
        });
        return presentMemo(m);
      },
    }),
    defineApiRoute({
      method: 'DELETE',
      path: `${root}/memos/:memoId`,
      summary: 'Delete a memo',
      tag: 'memos',
      response: Ok,
      handler: async ({ actor, params }) => {
        await deleteMemo(uc(actor), { memoId: params.memoId ?? '', activityId: params.id ?? '' });
        return { ok: true as const };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: `${root}/lines-of-enquiry`,
      summary: 'Lines of enquiry with their status, conclusion and evidence counts',
      tag: 'lines-of-enquiry',
      query: ListLinesOfEnquiryInput.omit({ activityId: true }),
      response: z.object({ linesOfEnquiry: z.array(LineOfEnquirySchema) }),
      handler: async ({ actor, params, query }) => ({
        linesOfEnquiry: (
          await listLinesOfEnquiry(uc(actor), { ...query, activityId: params.id ?? '' })
        ).map(presentLine),
      }),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${root}/lines-of-enquiry`,
      summary: 'Add a line of enquiry',
      tag: 'lines-of-enquiry',
      body: CreateLineOfEnquiryInput.omit({ activityId: true }),
      response: LineOfEnquirySchema,
      handler: async ({ actor, params, body, reply }) => {
        const l = await createLineOfEnquiry(uc(actor), { ...body, activityId: params.id ?? '' });
        reply.status(201);
        return presentLine(l);
      },
    }),
    defineApiRoute({
      method: 'PATCH',
      path: `${root}/lines-of-enquiry/:lineId`,
      summary: 'Change a line of enquiry: wording, status (closing needs a conclusion)',
      tag: 'lines-of-enquiry',
      body: UpdateLineOfEnquiryInput.omit({ lineOfEnquiryId: true, activityId: true }),
      response: LineOfEnquirySchema,
      handler: async ({ actor, params, body }) => {
        const l = await updateLineOfEnquiry(uc(actor), {
          ...body,
          lineOfEnquiryId: params.lineId ?? '',
          activityId: params.id ?? '',
        });
        return presentLine(l);
      },
    }),
  ]);
};

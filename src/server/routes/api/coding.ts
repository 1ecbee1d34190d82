// JSON API for the codebook and coding: /api/v1/activities/:id/codes and .../codings.
// Offsets are Unicode code points, 0-based, end exclusive (REFI-QDA), not UTF-16 indices.
import { z } from 'zod';
import type { Actor } from '../../../domain/access/actor.js';
import { codeSpan, CodeSpanInput } from '../../../usecases/coding/code-span.js';
import { createCode, CreateCodeInput } from '../../../usecases/coding/create-code.js';
import { listCodes } from '../../../usecases/coding/list-codes.js';
import { listCodings, ListCodingsInput } from '../../../usecases/coding/list-codings.js';
import { mergeCodes } from '../../../usecases/coding/merge-codes.js';
import { removeCoding } from '../../../usecases/coding/remove-coding.js';
import { seedCodebook } from '../../../usecases/coding/seed-codebook.js';
import { updateCode, UpdateCodeInput } from '../../../usecases/coding/update-code.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';
import { Ok } from './schemas.js';
import { CodeSchema, CodingSchema, flag, presentCode, presentCoding } from './evidence-schemas.js';

const codes = '/api/v1/activities/:id/codes';
const codings = '/api/v1/activities/:id/codings';

const CodingsQuery = ListCodingsInput.omit({ activityId: true, attributes: true }).extend({
  /** Case attribute conditions as kind.name=value, comma-separated: child.cohort=child_in_care */
  attributes: z.string().optional(),
});

function parseAttributes(s: string | undefined) {
  if (!s) return undefined;
  return s
    .split(',')
    .filter(Boolean)
    .map((part) => {
      const [lhs = '', value = ''] = part.split('=');
      const [kind = '', name = ''] = lhs.split('.');
      const typed = value === 'true' ? true : value === 'false' ? false : value;
      return { kind: kind as 'child' | 'practitioner' | 'team', name, value: typed };
    });
}

export const registerCodingApi: RouteModule = (app, ctx) => {
  const uc = (actor: Actor) => ({ db: ctx.database.db, actor, catalog: ctx.catalog });

  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: codes,
      summary:
        'The codebook in tree order (seeded from the framework criteria the first time the team opens it)',
      tag: 'coding',
      query: z.object({ includeMerged: flag.optional() }),
      response: z.object({
        codes: z.array(CodeSchema),
        seeded: z.boolean(),
        canWrite: z.boolean(),
      }),
      handler: async ({ actor, params, query }) => {
        const book = await listCodes(uc(actor), {
          activityId: params.id ?? '',
          includeMerged: query.includeMerged ?? false,
        });
        return { ...book, codes: book.codes.map(presentCode) };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${codes}/seed`,
      summary: 'Seed the codebook from the framework (idempotent)',
      tag: 'coding',
      response: z.object({ created: z.number() }),
      handler: async ({ actor, params }) =>
        seedCodebook(uc(actor), { activityId: params.id ?? '' }),
    }),
    defineApiRoute({
      method: 'POST',
      path: codes,
      summary: 'Add an emergent code or folder',
      tag: 'coding',
      body: CreateCodeInput.omit({ activityId: true }),
      response: CodeSchema,
      handler: async ({ actor, params, body, reply }) => {
        const c = await createCode(uc(actor), { ...body, activityId: params.id ?? '' });
        reply.status(201);
        return presentCode(c);
      },
    }),
    defineApiRoute({
      method: 'PATCH',
      path: `${codes}/:codeId`,
      summary: 'Rename, move (parentId), recolour, redescribe or reorder a code; codings stay',
      tag: 'coding',
      body: UpdateCodeInput.omit({ codeId: true, activityId: true }),
      response: CodeSchema,
      handler: async ({ actor, params, body }) =>
        presentCode(
          await updateCode(uc(actor), {
            ...body,
            codeId: params.codeId ?? '',
            activityId: params.id ?? '',
          }),
        ),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${codes}/:codeId/merge`,
      summary: 'Merge this code into another: codings, sub-codes and memos move across',
      tag: 'coding',
      body: z.object({ targetCodeId: z.uuid() }),
      response: z.object({
        target: CodeSchema,
        codingsMoved: z.number(),
        duplicatesRemoved: z.number(),
        childrenMoved: z.number(),
        memosMoved: z.number(),
      }),
      handler: async ({ actor, params, body }) => {
        const r = await mergeCodes(uc(actor), {
          sourceCodeId: params.codeId ?? '',
          targetCodeId: body.targetCodeId,
          activityId: params.id ?? '',
        });
        return { ...r, target: presentCode(r.target) };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: codings,
      summary:
        'Coded passages filtered by code, evidence, coder, method, direction, judgement area, date, anchor status and case attribute',
      tag: 'coding',
      query: CodingsQuery,
      response: z.object({
        codings: z.array(CodingSchema),
        total: z.number().int().describe('All the codings the filter selects, not just this page'),
        returned: z.number().int(),
        next: z
          .string()
          .nullable()
          .describe('Pass as `after` (same filter) for the next page; null on the last page'),
      }),
      handler: async ({ actor, params, query }) => {
        const { attributes, ...rest } = query;
        const parsed = parseAttributes(attributes);
        const page = await listCodings(uc(actor), {
          ...rest,
          activityId: params.id ?? '',
          ...(parsed ? { attributes: parsed } : {}),
        });
        return { ...page, codings: page.codings.map(presentCoding) };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: codings,
      summary:
        'Code a span of an evidence text with one or more codes (offsets in code points of evidenceVersion)',
      tag: 'coding',
      body: CodeSpanInput.omit({ activityId: true }),
      response: z.object({ codings: z.array(CodingSchema), alreadyCoded: z.array(z.string()) }),
      handler: async ({ actor, params, body, reply }) => {
        const r = await codeSpan(uc(actor), { ...body, activityId: params.id ?? '' });
        reply.status(201);
        return { codings: r.codings.map(presentCoding), alreadyCoded: r.alreadyCoded };
      },
    }),
    defineApiRoute({
      method: 'DELETE',
      path: `${codings}/:codingId`,
      summary: 'Remove a coding',
      tag: 'coding',
      response: Ok,
      handler: async ({ actor, params }) => {
        await removeCoding(uc(actor), {
          codingId: params.codingId ?? '',
          activityId: params.id ?? '',
        });
        return { ok: true as const };
      },
    }),
  ]);
};

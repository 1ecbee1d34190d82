// Blind double coding over JSON: set one up (the lead), code and finish (each coder, in their own
// layer), then the agreement and the reconciliation into the evidence base (the lead). What a
// coder sees before every coder has finished is their own codings only.
import { z } from 'zod';
import type { Actor } from '../../../domain/access/actor.js';
import {
  assignDoubleCoding,
  AssignDoubleCodingInput,
} from '../../../usecases/double-coding/assign-double-coding.js';
import {
  codeDoubleCoding,
  CodeDoubleCodingInput,
} from '../../../usecases/double-coding/code-double-coding.js';
import { finishDoubleCoding } from '../../../usecases/double-coding/finish-double-coding.js';
import { getDoubleCoding } from '../../../usecases/double-coding/get-double-coding.js';
import { getDoubleCodingAgreement } from '../../../usecases/double-coding/get-double-coding-agreement.js';
import { listDoubleCodings } from '../../../usecases/double-coding/list-double-codings.js';
import { reconcileDoubleCoding } from '../../../usecases/double-coding/reconcile-double-coding.js';
import { uncodeDoubleCoding } from '../../../usecases/double-coding/uncode-double-coding.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';
import { Report } from './coding-agreement.js';
import { Ok } from './schemas.js';

const BASE = '/api/v1/activities/:id/double-coding';
const ONE = `${BASE}/:assignmentId`;
const TAG = 'coding';
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

const Coder = z.object({ label: z.string(), finished: z.boolean() });
const Span = z.object({ code: z.string(), start: z.number(), end: z.number(), text: z.string() });
const Assignment = z.object({
  id: z.string(),
  title: z.string(),
  createdBy: z.string(),
  blind: z.boolean(),
  viewer: z.object({ lead: z.boolean(), coder: z.boolean(), finished: z.boolean() }),
  coders: z.array(Coder),
  codes: z.array(z.object({ id: z.string(), name: z.string() })),
  records: z.array(
    z.object({
      evidenceId: z.string(),
      reference: z.string(),
      reconciledBy: z.string().nullable(),
      reconciledAt: z.string().nullable(),
      mine: z.array(Span.extend({ id: z.string() })),
      candidates: z
        .array(
          Span.extend({ key: z.string(), coders: z.array(z.string()), unanimous: z.boolean() }),
        )
        .nullable()
        .describe('Every coder’s spans with who coded them: null while the coding is blind'),
    }),
  ),
});

export const registerDoubleCodingApi: RouteModule = (app, ctx) => {
  const uc = (actor: Actor) => ({ db: ctx.database.db, actor, catalog: ctx.catalog });
  const ids = (p: Record<string, string>) => ({
    activityId: p.id ?? '',
    assignmentId: p.assignmentId ?? '',
  });
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: BASE,
      summary:
        'The activity’s blind double codings you may see (the lead sees all, a coder theirs)',
      tag: TAG,
      response: z.object({
        assignments: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            records: z.number(),
            reconciled: z.number(),
            coders: z.array(Coder),
            blind: z.boolean(),
            mine: z.boolean(),
          }),
        ),
      }),
      handler: async ({ actor, params }) => {
        const d = await listDoubleCodings(uc(actor), { activityId: params.id ?? '' });
        return { assignments: d.assignments };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: BASE,
      summary:
        'Set up a blind double coding: evidence records (ids or E-references) and two or more of the team’s inspectors (e-mail addresses); the lead only',
      tag: TAG,
      body: AssignDoubleCodingInput.omit({ activityId: true }),
      response: z.object({ id: z.string() }),
      handler: async ({ actor, params, body }) =>
        assignDoubleCoding(uc(actor), { ...body, activityId: params.id ?? '' }),
    }),
    defineApiRoute({
      method: 'GET',
      path: ONE,
      summary:
        'A double coding: your own codings, and once every coder has finished everyone’s spans side by side',
      tag: TAG,
      response: Assignment,
      handler: async ({ actor, params }) => {
        const d = await getDoubleCoding(uc(actor), ids(params));
        return {
          ...d,
          records: d.records.map(({ text: _text, ...r }) => ({
            ...r,
            reconciledAt: r.reconciledAt?.toISOString() ?? null,
          })),
        };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${ONE}/codings`,
      summary:
        'Code a span of an assigned record in your own layer: start and end (code points) or the passage’s words',
      tag: TAG,
      body: CodeDoubleCodingInput.omit({ activityId: true, assignmentId: true }),
      response: z.object({ id: z.string().nullable() }),
      handler: async ({ actor, params, body }) =>
        codeDoubleCoding(uc(actor), { ...body, ...ids(params) }),
    }),
    defineApiRoute({
      method: 'DELETE',
      path: `${ONE}/codings/:codingId`,
      summary: 'Remove one of your codings (until you finish)',
      tag: TAG,
      response: Ok,
      handler: async ({ actor, params }) => {
        await uncodeDoubleCoding(uc(actor), { ...ids(params), codingId: params.codingId ?? '' });
        return { ok: true as const };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${ONE}/finish`,
      summary: 'Finish your coding: it is fixed, and once everyone has finished no longer blind',
      tag: TAG,
      response: Ok,
      handler: async ({ actor, params }) => {
        await finishDoubleCoding(uc(actor), ids(params));
        return { ok: true as const };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: `${ONE}/agreement`,
      summary:
        'Agreement between the coders, per record and code and pooled over all records, at character and segment level with Krippendorff’s alpha (text nobody coded left out unless includeUncoded); once every coder has finished',
      tag: TAG,
      query: z.object({
        includeUncoded: flag.optional(),
        resamples: z.coerce.number().int().min(0).max(10_000).optional(),
        seed: z.coerce.number().int().min(0).max(4_294_967_295).optional(),
      }),
      response: z.object({
        uncodedText: z.enum(['excluded', 'included']),
        coders: z.array(z.string()),
        records: z.array(
          z.object({
            evidenceId: z.string(),
            reference: z.string(),
            characters: z.number(),
            codes: z.array(
              z.object({
                code: z.string(),
                characters: z.number(),
                characterLevel: Report,
                segmentLevel: Report,
              }),
            ),
          }),
        ),
        pooled: z
          .object({
            records: z.number(),
            characters: z.number(),
            codes: z.array(
              z.object({
                code: z.string(),
                characters: z.number(),
                characterLevel: Report,
                segmentLevel: Report,
              }),
            ),
            allSpans: Report,
          })
          .describe(
            'The same figures over all the records together, and Krippendorff’s alpha over all spans of every code',
          ),
      }),
      handler: async ({ actor, params, query }) =>
        getDoubleCodingAgreement(uc(actor), { ...ids(params), ...query }),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${ONE}/records/:evidenceId/reconcile`,
      summary:
        'Record the agreed coding of a record (the lead): the chosen spans by key (code:start:end) are written into the evidence base, coded by you',
      tag: TAG,
      body: z.object({ agreed: z.array(z.string()).max(5000) }),
      response: z.object({ written: z.number() }),
      handler: async ({ actor, params, body }) =>
        reconcileDoubleCoding(uc(actor), {
          ...ids(params),
          evidenceId: params.evidenceId ?? '',
          agreed: body.agreed,
        }),
    }),
  ]);
};

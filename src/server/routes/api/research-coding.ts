// Coding inside a study over JSON (issue 20): the study's pseudonymised records a page at a time,
// its codings with the counts per thematic code, coding a passage by its words and removing one's
// own coding. Records are named by their study reference ("r-…"), never their real id.
import { z } from 'zod';
import type { Actor } from '../../../domain/access/actor.js';
import {
  codeStudyPassage,
  CodeStudyPassageInput,
} from '../../../usecases/research/code-study-passage.js';
import { listStudyCodings } from '../../../usecases/research/list-study-codings.js';
import { listStudyRecords } from '../../../usecases/research/list-study-records.js';
import { removeStudyCoding } from '../../../usecases/research/remove-study-coding.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const TAG = 'research';
const Obj = z.record(z.string(), z.unknown());
const asObj = (v: unknown) => JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
const STUDY = '/api/v1/research/studies/:id';

export const registerResearchCodingApi: RouteModule = (app, ctx) => {
  const uc = (actor: Actor) => ({ db: ctx.database.db, actor, catalog: ctx.catalog });
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: `${STUDY}/records`,
      summary:
        "A page of the study's pseudonymised records (keyset: pass `next` as `after`), each with its codings; the thematic codes and the counts per code",
      tag: TAG,
      query: z.object({
        after: z.string().max(40).optional(),
        limit: z.coerce.number().int().min(1).max(50).optional(),
      }),
      response: Obj,
      handler: async ({ actor, params, query }) =>
        asObj(
          await listStudyRecords(uc(actor), {
            studyId: params.id ?? '',
            ...(query.after ? { after: query.after } : {}),
            ...(query.limit ? { limit: query.limit } : {}),
          }),
        ),
    }),
    defineApiRoute({
      method: 'GET',
      path: `${STUDY}/codings`,
      summary:
        "A study's codings (by record reference and inspection pseudonym) and counts per code",
      tag: TAG,
      response: Obj,
      handler: async ({ actor, params }) =>
        asObj(await listStudyCodings(uc(actor), { studyId: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${STUDY}/codings`,
      summary:
        'Code a passage of a study record with a thematic code by its words (refused when absent, or repeated without an occurrence)',
      tag: TAG,
      body: CodeStudyPassageInput.omit({ studyId: true }),
      response: z.object({
        id: z.string(),
        record: z.string(),
        start: z.number(),
        end: z.number(),
        text: z.string(),
      }),
      handler: async ({ actor, params, body, reply }) => {
        const r = await codeStudyPassage(uc(actor), { ...body, studyId: params.id ?? '' });
        reply.status(201);
        return r;
      },
    }),
    defineApiRoute({
      method: 'DELETE',
      path: `${STUDY}/codings/:codingId`,
      summary: 'Remove your own coding from a study',
      tag: TAG,
      response: z.object({ ok: z.literal(true) }),
      handler: async ({ actor, params }) => {
        await removeStudyCoding(uc(actor), {
          studyId: params.id ?? '',
          codingId: params.codingId ?? '',
        });
        return { ok: true as const };
      },
    }),
  ]);
};

// Reliability studies over JSON (issue 15): list and set up studies, assign reviewer pairs, read
// and record a pair's blind review (the redacted copy only: no LA name, no published grades), and
// the results in the format of Tables 5 and 6 with every agreement statistic.
import { z } from 'zod';
import type { Actor } from '../../../domain/access/actor.js';
import {
  assignReviewerPair,
  AssignReviewerPairInput,
} from '../../../usecases/studies/assign-reviewer-pair.js';
import { createStudy, CreateStudyInput } from '../../../usecases/studies/create-study.js';
import { getBlindReview } from '../../../usecases/studies/get-blind-review.js';
import { getStudy } from '../../../usecases/studies/get-study.js';
import { getStudyResults } from '../../../usecases/studies/get-study-results.js';
import { listStudies } from '../../../usecases/studies/list-studies.js';
import { recordReview, RecordReviewInput } from '../../../usecases/studies/record-review.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const TAG = 'studies';
const json = z.any().describe('See docs/reliability.md for the shape');
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const registerStudyApi: RouteModule = (app, ctx) => {
  const uc = (actor: Actor) => ({ db: ctx.database.db, actor, catalog: ctx.catalog });
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/studies',
      summary: 'Reliability studies, and the published inspections a new study may pick from',
      tag: TAG,
      response: z.object({ studies: z.array(json), published: z.array(json) }),
      handler: async ({ actor }) => {
        const d = await listStudies(uc(actor));
        return {
          studies: d.studies.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
          published: d.published,
        };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/studies',
      summary:
        'Set up a reliability study: each picked inspection’s evidence base is copied redacted; answers what was redacted and what is unsure',
      tag: TAG,
      body: CreateStudyInput,
      response: z.object({ id: z.string(), bases: z.array(json) }),
      handler: async ({ actor, body }) => createStudy(uc(actor), body),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/studies/:id',
      summary:
        'A study’s set-up: evidence bases with their redaction reports, pairs, refusals, candidates',
      tag: TAG,
      response: json,
      handler: async ({ actor, params }) => {
        const d = await getStudy(uc(actor), params.id ?? '');
        return {
          study: { ...d.study, createdAt: d.study.createdAt.toISOString() },
          bases: d.bases.map((b) => ({
            ...b,
            pairs: b.pairs.map((p) => ({ ...p, recordedAt: iso(p.recordedAt) })),
            refusals: b.refusals.map((r) => ({ ...r, refusedAt: r.refusedAt.toISOString() })),
          })),
        };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/studies/:id/pairs',
      summary:
        'Assign two reviewers to an evidence base (refused, with the reason recorded, when one is linked to the LA)',
      tag: TAG,
      body: AssignReviewerPairInput.omit({ studyId: true }),
      response: z.object({ pairId: z.string(), label: z.string() }),
      handler: async ({ actor, params, body }) =>
        assignReviewerPair(uc(actor), { ...body, studyId: params.id ?? '' }),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/studies/:id/reviews/:pairId',
      summary:
        'A pair’s blind review: the redacted evidence base, the judgements and grade scale, the pair’s review so far',
      tag: TAG,
      response: json,
      handler: async ({ actor, params }) => {
        const d = await getBlindReview(uc(actor), {
          studyId: params.id ?? '',
          pairId: params.pairId ?? '',
        });
        return { ...d, recordedAt: iso(d.recordedAt) };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/studies/:id/reviews/:pairId',
      summary:
        'Record the pair’s review: a grade and reasons per judgement, areas for improvement, same lines of enquiry',
      tag: TAG,
      body: RecordReviewInput.omit({ studyId: true, pairId: true }),
      response: z.object({ recorded: z.boolean() }),
      handler: async ({ actor, params, body }) =>
        recordReview(uc(actor), { ...body, studyId: params.id ?? '', pairId: params.pairId ?? '' }),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/studies/:id/results',
      summary:
        'A study’s results: Tables 5/6 format, agreement with published grades and between pairs, alignment, summary',
      tag: TAG,
      response: json,
      handler: async ({ actor, params }) => {
        const d = await getStudyResults(uc(actor), params.id ?? '');
        return { study: { ...d.study, createdAt: d.study.createdAt.toISOString() }, ...d.results };
      },
    }),
  ]);
};

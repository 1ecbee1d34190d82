// JSON API for the "data used" statement (issue 16, Munro rec 5): one inspection's statement, and
// across published inspections which Annex A items and documents are never used.
import { z } from 'zod';
import { getDataUsed } from '../../../usecases/data-used/get-data-used.js';
import { getNationalDataUsed } from '../../../usecases/data-used/get-national-data-used.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const Level = z.enum(['judgements', 'evidence', 'fieldwork', 'viewed', 'none']);
const Counts = z.object({
  viewed: z.number(),
  selfEvaluationClaims: z.number(),
  linesOfEnquiry: z.number(),
  sampleStrata: z.number(),
  sampledCases: z.number(),
  evidenceRecords: z.number(),
  judgements: z.number(),
});
const Item = z.object({ key: z.string(), title: z.string(), counts: Counts, level: Level });
export const DataUsedResponse = z.object({
  activity: z.object({
    id: z.string(),
    title: z.string(),
    laName: z.string(),
    state: z.string(),
    activityType: z.string(),
  }),
  final: z.boolean(),
  statement: z.object({
    lists: z.array(
      Item.extend({ list: z.number(), rows: z.number().nullable(), indicators: z.array(Item) }),
    ),
    documents: z.array(Item),
    summary: z.object({
      listsRequested: z.number(),
      listsProvided: z.number(),
      listsUsed: z.number(),
      listsInJudgements: z.number(),
      indicators: z.number(),
      indicatorsUsed: z.number(),
      documentsUsed: z.number(),
    }),
    sentences: z.array(z.string()),
  }),
});
const NationalItem = z.object({
  kind: z.enum(['list', 'indicator', 'document']),
  key: z.string(),
  title: z.string(),
  inspections: z.number(),
  viewed: z.number(),
  used: z.number(),
  inJudgements: z.number(),
  neverUsed: z.boolean(),
});
export const NationalDataUsedResponse = z.object({
  inspections: z.number(),
  items: z.array(NationalItem),
  neverUsed: z.array(NationalItem),
});

export const registerDataUsedApi: RouteModule = (app, ctx) => {
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/data-used',
      summary:
        'What the inspection asked for against what it used: per Annex A list, indicator and document (LA users: once published)',
      tag: 'data-used',
      response: DataUsedResponse,
      handler: async ({ request, params }) =>
        getDataUsed(useCaseContext(request, ctx), { activityId: params.id ?? '' }),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/data-used/national',
      summary:
        'Across published inspections: how often each Annex A item is used; those never used',
      tag: 'data-used',
      response: NationalDataUsedResponse,
      handler: async ({ request }) => getNationalDataUsed(useCaseContext(request, ctx)),
    }),
  ]);
};

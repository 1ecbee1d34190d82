// JSON API for analysing an activity's evidence: text search (per activity and across
// activities), coding queries, matrix and co-occurrence queries with their exports, and the
// balance and bias views. Hypotheses, vignettes and team meetings are in
// analysis-work.ts and registered here too.
import {
  exportAllPassages,
  ExportAllPassagesInput,
} from '../../../usecases/analysis/export-all-passages.js';
import { z } from 'zod';
import type { Actor } from '../../../domain/access/actor.js';
import { evidenceDirections, evidenceMethods } from '../../../domain/evidence/vocabulary.js';
import {
  exportCodingQuery,
  ExportCodingQueryInput,
} from '../../../usecases/analysis/export-coding-query.js';
import { exportMatrix, ExportMatrixInput } from '../../../usecases/analysis/export-matrix.js';
import { getBalanceViews } from '../../../usecases/analysis/get-balance-views.js';
import { getMatrixCell, GetMatrixCellInput } from '../../../usecases/analysis/get-matrix-cell.js';
import {
  runCoOccurrenceQuery,
  RunCoOccurrenceQueryInput,
} from '../../../usecases/analysis/run-co-occurrence-query.js';
import {
  runCodingQuery,
  RunCodingQueryInput,
} from '../../../usecases/analysis/run-coding-query.js';
import {
  runMatrixQuery,
  RunMatrixQueryInput,
} from '../../../usecases/analysis/run-matrix-query.js';
import { searchAllEvidence } from '../../../usecases/analysis/search-all-evidence.js';
import { searchEvidence } from '../../../usecases/analysis/search-evidence.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';
import {
  BalanceSchema,
  CodingQuerySchema,
  CoOccurrenceSchema,
  FileResponse,
  iso,
  MatrixCellSchema,
  MatrixSchema,
  NationalSearchSchema,
  SearchResultSchema,
  sendFile,
} from './analysis-schemas.js';
import { evidenceAnalysisWorkRoutes } from './analysis-work.js';

const root = '/api/v1/activities/:id';

/** A query parameter that may repeat (?method=a&method=b) or hold a comma-separated list. */
const list = <T extends z.ZodType<string>>(item: T) =>
  z
    .preprocess(
      (v) =>
        v === undefined ? undefined : (Array.isArray(v) ? v : String(v).split(',')).filter(Boolean),
      z.array(item).max(50),
    )
    .optional();

const SearchQuery = z.object({
  q: z
    .string()
    .max(1000)
    .describe('Words (stemmed), "phrases", prefix*, AND, OR, NOT, -word, brackets'),
  method: list(z.enum(evidenceMethods)),
  area: list(z.string()),
  direction: list(z.enum([...evidenceDirections, 'unset'])),
  from: z.string().optional().describe('Observed on or after (YYYY-MM-DD)'),
  to: z.string().optional().describe('Observed on or before (YYYY-MM-DD)'),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000)
    .default(0)
    .describe('Skip this many hits (a short jump: further pages follow `next`)'),
  after: z
    .string()
    .max(500)
    .optional()
    .describe('The `next` (or `previous`) token of the same search'),
});

export const registerAnalysisApi: RouteModule = (app, ctx) => {
  const uc = (actor: Actor) => ({ db: ctx.database.db, actor, catalog: ctx.catalog });
  const withActivity = <B extends object>(params: Record<string, string>, body: B) => ({
    ...body,
    activityId: params.id ?? '',
  });

  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: `${root}/evidence/search`,
      summary:
        'Text search across the activity’s evidence (stemmed; "phrases"; AND/OR/NOT); best first, with highlights in code points',
      tag: 'evidence analysis',
      query: SearchQuery,
      response: SearchResultSchema,
      handler: async ({ actor, params, query }) =>
        searchEvidence(uc(actor), {
          activityId: params.id ?? '',
          query: query.q,
          limit: query.limit,
          offset: query.offset,
          ...(query.after ? { after: query.after } : {}),
          filter: {
            ...(query.method ? { methods: query.method } : {}),
            ...(query.area ? { judgementAreas: query.area } : {}),
            ...(query.direction ? { directions: query.direction } : {}),
            ...(query.from ? { observedFrom: query.from } : {}),
            ...(query.to ? { observedTo: query.to } : {}),
          },
        }),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/evidence/search',
      summary:
        'Text search across every activity you may read (national team: all; inspectors: their own)',
      tag: 'evidence analysis',
      query: SearchQuery.pick({ q: true, method: true, area: true }).extend({
        limit: z.coerce.number().int().min(1).max(100).default(20),
        offset: z.coerce
          .number()
          .int()
          .min(0)
          .max(1_000)
          .default(0)
          .describe('Skip this many hits (a short jump: further pages follow `next`)'),
        after: z.string().max(600).optional().describe('The `next` token of the same search'),
      }),
      response: NationalSearchSchema,
      handler: async ({ actor, query }) =>
        searchAllEvidence(uc(actor), {
          query: query.q,
          limit: query.limit,
          offset: query.offset,
          ...(query.after ? { after: query.after } : {}),
          ...(query.method ? { methods: query.method } : {}),
          ...(query.area ? { judgementAreas: query.area } : {}),
        }),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${root}/analysis/coding-query`,
      summary:
        'Coding query: codes with AND/OR/NOT at passage or record level, filtered; passages with context',
      tag: 'evidence analysis',
      body: RunCodingQueryInput.omit({ activityId: true }),
      response: CodingQuerySchema,
      handler: async ({ actor, params, body }) =>
        runCodingQuery(uc(actor), withActivity(params, body)),
    }),
    defineApiRoute({
      method: 'GET',
      path: `${root}/analysis/passages/export`,
      summary:
        'Every coded passage of the activity as CSV or XLSX, streamed (no limit; X-Passages gives the count)',
      tag: 'evidence analysis',
      query: ExportAllPassagesInput.omit({ activityId: true }),
      response: FileResponse,
      handler: async ({ actor, params, query, reply }) => {
        const file = await exportAllPassages(uc(actor), withActivity(params, query));
        void reply.header('x-passages', String(file.passages));
        return sendFile(reply, file);
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${root}/analysis/coding-query/export`,
      summary: 'A coding query’s passages as CSV or XLSX (formula injection neutralised)',
      tag: 'evidence analysis',
      body: ExportCodingQueryInput.omit({ activityId: true }),
      response: FileResponse,
      handler: async ({ actor, params, body, reply }) =>
        sendFile(reply, await exportCodingQuery(uc(actor), withActivity(params, body))),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${root}/analysis/matrix`,
      summary:
        'Matrix query: codes (or judgement areas) by methods, families, direction, a case attribute, coders, recorders or areas',
      tag: 'evidence analysis',
      body: RunMatrixQueryInput.omit({ activityId: true }),
      response: MatrixSchema,
      handler: async ({ actor, params, body }) =>
        runMatrixQuery(uc(actor), withActivity(params, body)),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${root}/analysis/matrix/cell`,
      summary: 'The passages (or records) one matrix cell counts',
      tag: 'evidence analysis',
      body: GetMatrixCellInput.omit({ activityId: true }),
      response: MatrixCellSchema,
      handler: async ({ actor, params, body }) =>
        getMatrixCell(uc(actor), withActivity(params, body)),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${root}/analysis/matrix/export`,
      summary: 'A matrix as CSV or XLSX',
      tag: 'evidence analysis',
      body: ExportMatrixInput.omit({ activityId: true }),
      response: FileResponse,
      handler: async ({ actor, params, body, reply }) =>
        sendFile(reply, await exportMatrix(uc(actor), withActivity(params, body))),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${root}/analysis/co-occurrence`,
      summary:
        'Code co-occurrence: records coded with both codes, and records where their codings overlap',
      tag: 'evidence analysis',
      body: RunCoOccurrenceQueryInput.omit({ activityId: true }),
      response: CoOccurrenceSchema,
      handler: async ({ actor, params, body }) =>
        runCoOccurrenceQuery(uc(actor), withActivity(params, body)),
    }),
    defineApiRoute({
      method: 'GET',
      path: `${root}/analysis/balance`,
      summary:
        'Balance and bias views per judgement area: numbers and what they suggest in plain words',
      tag: 'evidence analysis',
      response: BalanceSchema,
      handler: async ({ actor, params }) =>
        iso(await getBalanceViews(uc(actor), { activityId: params.id ?? '' })),
    }),
    ...evidenceAnalysisWorkRoutes(ctx),
  ]);
};

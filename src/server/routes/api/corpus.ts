// The corpus of published reports over JSON: search by phrase and LA context, one document with
// its findings, and the language checks across the corpus by year, framework or grade. Everyone
// signed in may read them (policies.viewCorpus); importing a folder is the CLI's (`corpus import`).
import { z } from 'zod';
import { CORPUS_DIMENSIONS } from '../../../domain/corpus/language-table.js';
import { getCorpusDocument } from '../../../usecases/corpus/get-corpus-document.js';
import { getCorpusImportStatus } from '../../../usecases/corpus/get-corpus-import-status.js';
import { getCorpusLanguage } from '../../../usecases/corpus/get-corpus-language.js';
import { searchCorpus } from '../../../usecases/corpus/search-corpus.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const Obj = z.record(z.string(), z.unknown());
const asObj = (v: unknown) => v as Record<string, unknown>;
const csv = z.string().max(2000).optional();
const Filters = z.object({
  regions: csv.describe('Ofsted regions, comma-separated'),
  years: csv.describe('years published, comma-separated'),
  frameworkIds: csv.describe('framework ids, comma-separated (pre-sif, sif-2013, ilacs-2018, ...)'),
  grades: csv.describe('overall grades, comma-separated (good, ..., unknown)'),
  kinds: csv.describe('report, letter'),
});

export const registerCorpusApi: RouteModule = (app, ctx) => {
  const uc = (actor: Parameters<typeof searchCorpus>[0]['actor']) => ({
    db: ctx.database.db,
    actor,
    catalog: ctx.catalog,
  });
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/corpus/import',
      summary:
        'How many published reports are stored, and the latest background import: its state, files read of the total, what it added or why it failed',
      tag: 'corpus',
      response: Obj,
      handler: async ({ actor }) => asObj(await getCorpusImportStatus(uc(actor))),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/corpus/documents',
      summary:
        'Search the published reports for a phrase (case-insensitive) by LA context; newest first, 25 a page',
      tag: 'corpus',
      query: Filters.extend({
        q: z.string().max(200).optional(),
        page: z.coerce.number().int().min(1).max(10_000).optional(),
      }),
      response: Obj,
      handler: async ({ actor, query }) => asObj(await searchCorpus(uc(actor), query)),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/corpus/documents/:id',
      summary: 'One published report: LA, date, framework, grade, text and language findings',
      tag: 'corpus',
      response: Obj,
      handler: async ({ actor, params }) =>
        asObj(await getCorpusDocument(uc(actor), params.id ?? '')),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/corpus/language',
      summary:
        "The language checks across the published reports: each rule's findings by year, framework or grade",
      tag: 'corpus',
      query: Filters.extend({ by: z.enum(CORPUS_DIMENSIONS).optional() }),
      response: Obj,
      handler: async ({ actor, query }) => asObj(await getCorpusLanguage(uc(actor), query)),
    }),
  ]);
};

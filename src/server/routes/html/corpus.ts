// The corpus of published reports: search by phrase and LA context, one document with its
// language findings, and the language checks across the corpus by year, framework or grade (with
// its CSV). Everyone signed in may read them (policies.viewCorpus); importing is the CLI's.
import { z } from 'zod';
import {
  CORPUS_DIMENSIONS,
  dimensionLabels,
  languageTableCsv,
  valueLabel,
} from '../../../domain/corpus/language-table.js';
import type { CorpusFacets } from '../../../usecases/corpus/search-corpus.js';
import { getCorpusDocument } from '../../../usecases/corpus/get-corpus-document.js';
import { getCorpusImportStatus } from '../../../usecases/corpus/get-corpus-import-status.js';
import { getCorpusLanguage } from '../../../usecases/corpus/get-corpus-language.js';
import { searchCorpus } from '../../../usecases/corpus/search-corpus.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { listParam } from './page-helpers.js';

type Query = Record<string, unknown>;
const By = z.object({ by: z.enum(CORPUS_DIMENSIONS).catch('year') });
const LIST_KEYS = ['regions', 'years', 'frameworkIds', 'grades', 'kinds'] as const;

/** The filters as the form sent them (each a list), and the query string that keeps them. */
export function filtersOf(query: Query) {
  const out: Record<string, string[]> = {};
  for (const k of LIST_KEYS) out[k] = listParam(query[k]).slice(0, 50);
  return out;
}

export function keep(
  filters: Record<string, string[]>,
  extra: Record<string, string> = {},
): string {
  const p = new URLSearchParams();
  for (const [k, vs] of Object.entries(filters)) for (const v of vs) p.append(k, v);
  for (const [k, v] of Object.entries(extra)) if (v) p.set(k, v);
  return p.toString();
}

function boxes(name: string, values: Array<{ value: string; text: string }>, chosen: string[]) {
  return values.map((v) => ({ ...v, name, checked: chosen.includes(v.value) }));
}

/** The filter form's checkboxes: what the corpus holds, with the chosen ones ticked. */
export function corpusFilterOptions(f: CorpusFacets, filters: Record<string, string[]>) {
  return {
    regions: boxes(
      'regions',
      f.regions.map((v) => ({ value: v, text: v })),
      filters.regions ?? [],
    ),
    years: boxes(
      'years',
      f.years.map((v) => ({ value: String(v), text: String(v) })),
      filters.years ?? [],
    ),
    frameworkIds: boxes(
      'frameworkIds',
      f.frameworkIds.map((v) => ({ value: v, text: valueLabel('framework', v) })),
      filters.frameworkIds ?? [],
    ),
    grades: boxes(
      'grades',
      [...f.grades, 'unknown'].map((v) => ({
        value: v,
        text: valueLabel('grade', v === 'unknown' ? null : v),
      })),
      filters.grades ?? [],
    ),
    kinds: boxes(
      'kinds',
      [
        { value: 'report', text: 'Inspection report' },
        { value: 'letter', text: 'Letter (focused or monitoring visit)' },
      ],
      filters.kinds ?? [],
    ),
  };
}

export const registerCorpusRoutes: RouteModule = (app, ctx) => {
  app.get('/corpus', async (request, reply) => {
    const query = (request.query ?? {}) as Query;
    const filters = filtersOf(query);
    const q = typeof query.q === 'string' ? query.q.slice(0, 200) : '';
    const page = Number(query.page) > 0 ? Math.floor(Number(query.page)) : 1;
    const uc = useCaseContext(request, ctx);
    const r = await searchCorpus(uc, { ...filters, q, page });
    const importing = await getCorpusImportStatus(uc);
    return reply.render('corpus/search.njk', {
      r,
      importing,
      options: corpusFilterOptions(r.facets, filters),
      rows: r.hits.map((h) => ({
        ...h,
        gradeLabel: valueLabel('grade', h.grade),
        frameworkLabel: valueLabel('framework', h.frameworkId),
      })),
      prev: page > 1 ? `/corpus?${keep(filters, { q, page: String(page - 1) })}` : null,
      next: page < r.pages ? `/corpus?${keep(filters, { q, page: String(page + 1) })}` : null,
      languageHref: `/corpus/language?${keep(filters)}`,
    });
  });

  app.get('/corpus/documents/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const doc = await getCorpusDocument(useCaseContext(request, ctx), id);
    return reply.render('corpus/document.njk', {
      doc,
      gradeLabel: valueLabel('grade', doc.grade),
      frameworkLabel: valueLabel('framework', doc.frameworkId),
      findings: doc.findings.slice(0, 500),
    });
  });

  app.get('/corpus/language', async (request, reply) => {
    const query = (request.query ?? {}) as Query;
    const filters = filtersOf(query);
    const { by } = By.parse(query);
    const table = await getCorpusLanguage(useCaseContext(request, ctx), { ...filters, by });
    return reply.render('corpus/language.njk', {
      table,
      byItems: CORPUS_DIMENSIONS.map((d) => ({
        value: d,
        text: dimensionLabels[d],
        checked: d === by,
      })),
      hidden: Object.entries(filters).flatMap(([name, vs]) => vs.map((value) => ({ name, value }))),
      csvHref: `/corpus/language.csv?${keep(filters, { by })}`,
    });
  });

  app.get('/corpus/language.csv', async (request, reply) => {
    const query = (request.query ?? {}) as Query;
    const { by } = By.parse(query);
    const table = await getCorpusLanguage(useCaseContext(request, ctx), {
      ...filtersOf(query),
      by,
    });
    reply.header('content-disposition', `attachment; filename="corpus-language-by-${by}.csv"`);
    reply.type('text/csv; charset=utf-8');
    return reply.send(languageTableCsv(table));
  });
};

// Analysis pages: text search (stemmed, phrases, boolean; hits highlighted with <mark>) and the
// coding query builder (codes with AND / OR / NOT, filters by attributes, methods, coders and
// dates; passages with context; CSV and XLSX downloads). Both are GET forms, so a result is a
// link. The matrix and co-occurrence pages are in analysis-matrix.ts.
import { z } from 'zod';
import type { PresentedPassage } from '../../../usecases/analysis/coding-query-engine.js';
import { decodeCursor } from '../../../domain/paging/cursor.js';
import { exportAllPassages } from '../../../usecases/analysis/export-all-passages.js';
import { exportCodingQuery } from '../../../usecases/analysis/export-coding-query.js';
import { markVignette } from '../../../usecases/analysis/mark-vignette.js';
import { runCodingQuery } from '../../../usecases/analysis/run-coding-query.js';
import { searchEvidence } from '../../../usecases/analysis/search-evidence.js';
import { getEvidencePageContext } from '../../../usecases/evidence/get-evidence-page-context.js';
import { sendFile } from '../api/analysis-schemas.js';
import { problemsFrom, type Problem } from '../form-problems.js';
import { safeNext, useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import {
  BUILDER_SLOTS,
  builderExpression,
  builderParams,
  codingFilter,
  evidenceFilter,
  filterChoices,
  operators,
  readBuilder,
  filterForm,
  readFilters,
  type Query,
} from './analysis-filters.js';
import { directionLabel, methodLabel } from './evidence.js';
import {
  crumbs,
  markedHtml,
  pageNumber,
  pagination,
  queryString,
  seekPagination,
} from './page-helpers.js';

const IdParams = z.object({ id: z.string().max(200) });
const PAGE = 20;

/** A passage with its context as HTML: the passage itself in a <mark>. */
export function passageView(p: PresentedPassage, activityId: string) {
  const before = Array.from(p.before).length;
  const text = `${p.before}${p.text}${p.truncated ? '…' : ''}${p.after}`;
  return {
    ...p,
    href: `/activities/${activityId}/evidence/${p.evidenceId}`,
    methodLabel: methodLabel(p.method),
    directionLabel: directionLabel(p.direction),
    html: markedHtml(text, [[before, before + Array.from(p.text).length]]),
  };
}

export const registerAnalysisRoutes: RouteModule = (app, ctx) => {
  app.get('/activities/:id/analysis/search', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const q = request.query as Query;
    const uc = useCaseContext(request, ctx);
    const page = await getEvidencePageContext(uc, { activityId: id });
    const filters = readFilters(q, page);
    const text = typeof q.q === 'string' ? q.q.slice(0, 1000) : '';
    // "Next" and "Previous" carry a token naming the hit they start from (keyset paging: page 50
    // costs what page 1 costs); a token that is not one answers the form's error.
    const after = typeof q.after === 'string' && q.after.length <= 500 ? q.after : undefined;
    let result = null;
    let problems: Problem[] = [];
    if (text.trim()) {
      try {
        const { attributes: _a, recordedBy: _r, ...filter } = evidenceFilter(filters);
        result = await searchEvidence(uc, {
          activityId: id,
          query: text,
          filter,
          limit: PAGE,
          ...(after ? { after } : {}),
        });
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED'], {
          defaultField: 'q',
          fields: { query: 'q', after: 'q' },
        });
        reply.status(r.status);
        problems = r.problems.map((p) => ({ ...p, field: 'q' }));
      }
    }
    const params = {
      q: text,
      method: filters.method,
      area: filters.area,
      direction: filters.direction,
      from: filters.from,
      to: filters.to,
    };
    const paged = result
      ? seekPagination(
          {
            items: result.hits,
            start: result.offset,
            total: result.total,
            next: result.next,
            previous: result.previous,
          },
          (token) =>
            `/activities/${id}/analysis/search?${queryString({ ...params, after: token })}`,
          { one: 'record', many: 'records' },
          'Pages of search results',
          PAGE,
        )
      : null;
    return reply.render('analysis/search.njk', {
      title: 'Search the evidence',
      page,
      text,
      filters,
      choices: filterChoices(page),
      result,
      hits: (result?.hits ?? []).map((h) => ({
        ...h,
        href: `/activities/${id}/evidence/${h.evidenceId}`,
        methodLabel: methodLabel(h.method),
        directionLabel: directionLabel(h.direction),
        snippets: h.snippets.map((s) => markedHtml(s.text, s.highlights, s.start)),
      })),
      showing: paged?.showing ?? null,
      pagination: paged?.pagination ?? null,
      ...filterForm(q, problems, {}, { withCoding: false }),
      breadcrumbs: crumbs(page),
    });
  });

  app.get('/activities/:id/analysis/coding-query', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const q = request.query as Query;
    const uc = useCaseContext(request, ctx);
    const page = await getEvidencePageContext(uc, { activityId: id, codes: true });
    const filters = readFilters(q, page);
    const builder = readBuilder(q, page);
    const expression = builderExpression(builder);
    const pageNo = pageNumber(q.page);
    // "Next" carries the cursor of the page shown (keyset: the next page reads only its own
    // records, so walking every page costs about one query over them); a numbered page reached
    // any other way counts from the start.
    const after = pageCursor(q.after, pageNo);
    let result = null;
    let problems: Problem[] = [];
    if (expression) {
      try {
        result = await runCodingQuery(uc, {
          activityId: id,
          expression,
          scope: builder.scope,
          filter: evidenceFilter(filters),
          coding: codingFilter(filters),
          limit: PAGE,
          ...(after ? { after } : { offset: (pageNo - 1) * PAGE }),
        });
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'c1' });
        reply.status(r.status);
        problems = r.problems.map((p) => ({
          ...p,
          field: p.field === 'scope' ? 'scope' : builder.expression ? 'expression' : 'c1',
        }));
      }
    } else if (q.run !== undefined) {
      reply.status(400);
      problems = [{ field: 'c1', reason: 'Choose a code, or type a query' }];
    }
    const params = builderParams(builder, filters);
    const here = `/activities/${id}/analysis/coding-query?${queryString({ ...params, page: pageNo > 1 ? pageNo : undefined })}`;
    return reply.render('analysis/coding-query.njk', {
      title: 'Coding query',
      page,
      filters,
      builder,
      slots: Array.from({ length: BUILDER_SLOTS }, (_, i) => i),
      operators,
      choices: filterChoices(page),
      result,
      passages: (result?.passages ?? []).map((p) => passageView(p, id)),
      here,
      exportHref: (format: string) =>
        `/activities/${id}/analysis/coding-query/export?${queryString({ ...params, format })}`,
      pagination: result
        ? pagination(
            result.totalPassages,
            PAGE,
            pageNo,
            (n) =>
              `/activities/${id}/analysis/coding-query?${queryString({
                ...params,
                page: n > 1 ? n : undefined,
                after: n === pageNo + 1 && result?.next ? result.next : undefined,
              })}`,
          )
        : null,
      ...filterForm(q, problems, { c1: 'c1', scope: 'scope' }),
      breadcrumbs: crumbs(page),
    });
  });

  app.get('/activities/:id/analysis/coding-query/export', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const q = request.query as Query;
    const uc = useCaseContext(request, ctx);
    const page = await getEvidencePageContext(uc, { activityId: id, codes: true });
    const builder = readBuilder(q, page);
    const filters = readFilters(q, page);
    const expression = builderExpression(builder);
    if (!expression) return reply.redirect(`/activities/${id}/analysis/coding-query?run=1`, 303);
    const file = await exportCodingQuery(uc, {
      activityId: id,
      expression,
      scope: builder.scope,
      filter: evidenceFilter(filters),
      coding: codingFilter(filters),
      format: q.format === 'xlsx' ? 'xlsx' : 'csv',
    });
    return sendFile(reply, file);
  });

  // Every coded passage of the activity, streamed (no query, no limit).
  app.get('/activities/:id/analysis/passages/export', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const q = request.query as Query;
    const file = await exportAllPassages(useCaseContext(request, ctx), {
      activityId: id,
      format: q.format === 'xlsx' ? 'xlsx' : 'csv',
    });
    return sendFile(reply, file);
  });

  // Marks a passage (from a query's results) as a candidate illustration for the report.
  app.post('/activities/:id/analysis/vignettes', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const form = z
      .object({
        evidenceId: z.string().max(100).default(''),
        start: z.coerce.number().int().min(0).default(0),
        end: z.coerce.number().int().min(0).default(0),
        next: z.string().max(4000).optional(),
      })
      .parse(request.body ?? {});
    const uc = useCaseContext(request, ctx);
    await markVignette(uc, {
      activityId: id,
      evidenceId: form.evidenceId,
      start: form.start,
      end: form.end,
    });
    return reply.redirect(
      safeNext(form.next, `/activities/${id}/analysis/vignettes?done=marked`),
      303,
    );
  });
};

/** The cursor a "Next" link carries, when it is one (anything else: count from the start). */
function pageCursor(value: unknown, pageNo: number): string | undefined {
  if (typeof value !== 'string' || value.length > 500 || pageNo <= 1) return undefined;
  try {
    decodeCursor(value, 2);
    return value;
  } catch {
    return undefined;
  }
}

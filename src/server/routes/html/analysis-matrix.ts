// The matrix query page (rows: codes or judgement areas; columns: methods, method families,
// direction, judgement areas, coders, who recorded it or a case attribute) as an accessible
// table whose every non-empty cell links to the passages it counts; CSV and XLSX downloads; and
// the code co-occurrence table, whose cells open the overlapping passages as a coding query.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../errors.js';
import { exportMatrix } from '../../../usecases/analysis/export-matrix.js';
import { getMatrixCell } from '../../../usecases/analysis/get-matrix-cell.js';
import type { MatrixInput } from '../../../usecases/analysis/matrix-spec.js';
import { runCoOccurrenceQuery } from '../../../usecases/analysis/run-co-occurrence-query.js';
import { runMatrixQuery } from '../../../usecases/analysis/run-matrix-query.js';
import {
  getEvidencePageContext,
  type EvidencePageContext,
} from '../../../usecases/evidence/get-evidence-page-context.js';
import { sendFile } from '../api/analysis-schemas.js';
import { problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import {
  attributeChoices,
  codingFilter,
  evidenceFilter,
  filterChoices,
  listParam,
  filterForm,
  readFilters,
  type FilterValues,
  type Query,
} from './analysis-filters.js';
import { passageView } from './analysis.js';
import { crumbs, pageNumber, pagination, queryString } from './page-helpers.js';

const IdParams = z.object({ id: z.string().max(200) });
const PAGE = 20;
const MAX_DEFAULT_ROWS = 20;

const columnKinds = [
  { value: 'method', text: 'Method' },
  {
    value: 'methodFamily',
    text: 'Method family (written, discussion, observation, children and families)',
  },
  { value: 'direction', text: 'Evaluative direction' },
  { value: 'judgementArea', text: 'Judgement area' },
  { value: 'recordedBy', text: 'Who recorded it' },
  { value: 'coder', text: 'Who coded it (code rows only)' },
];

interface MatrixForm {
  rows: 'codes' | 'areas';
  codes: string[];
  columns: string;
}

function readMatrix(q: Query, page: EvidencePageContext): MatrixForm {
  const columns = typeof q.columns === 'string' ? q.columns : 'method';
  const chosen = listParam(q.codes).filter((c) => page.codes.some((x) => x.id === c));
  const coded = page.codes.filter((c) => c.codingCount > 0).map((c) => c.id);
  return {
    rows: q.rows === 'areas' ? 'areas' : 'codes',
    // With no codes chosen, the codes in use (up to 20) make the rows.
    codes: chosen.length ? chosen.slice(0, 100) : coded.slice(0, MAX_DEFAULT_ROWS),
    columns:
      columnKinds.some((c) => c.value === columns) ||
      attributeChoices().some((a) => `attribute:${a.value}` === columns)
        ? columns
        : 'method',
  };
}

function matrixInput(m: MatrixForm, f: FilterValues): MatrixInput {
  const [kind, attr] = m.columns.split(':');
  const [caseKind, name] = (attr ?? '').split('.');
  return {
    rows:
      m.rows === 'areas'
        ? { kind: 'judgementAreas' }
        : { kind: 'codes', codes: m.codes, includeSubcodes: true },
    columns:
      kind === 'attribute'
        ? { kind: 'attribute', caseKind: caseKind as 'child', name: name ?? '' }
        : { kind: kind as 'method' },
    filter: evidenceFilter(f),
    coding: codingFilter(f),
  } as MatrixInput;
}

function matrixParams(m: MatrixForm, f: FilterValues) {
  return {
    ...f,
    rows: m.rows,
    codes: m.rows === 'codes' ? m.codes : undefined,
    columns: m.columns,
  };
}

/** What every matrix route reads first: the activity, its page context and the matrix form. */
async function readMatrixRequest(request: FastifyRequest, ctx: Parameters<RouteModule>[1]) {
  const { id } = IdParams.parse(request.params);
  const q = request.query as Query;
  const uc = useCaseContext(request, ctx);
  const page = await getEvidencePageContext(uc, { activityId: id, codes: true });
  const filters = readFilters(q, page);
  const form = readMatrix(q, page);
  return { id, q, uc, page, filters, form, params: matrixParams(form, filters) };
}

export const registerAnalysisMatrixRoutes: RouteModule = (app, ctx) => {
  app.get('/activities/:id/analysis/matrix', async (request, reply) => {
    const { id, q, uc, page, filters, form, params } = await readMatrixRequest(request, ctx);
    let table = null;
    let problems: Problem[] = [];
    if (form.rows === 'areas' || form.codes.length > 0) {
      try {
        table = await runMatrixQuery(uc, { activityId: id, ...matrixInput(form, filters) });
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'columns' });
        reply.status(r.status);
        problems = r.problems.map((p) => ({ ...p, field: 'columns' }));
      }
    }
    // A code row's cell names just its code (as row 0 of a one-row matrix): links stay short on
    // a 20 x 10 table and keep pointing at the same passages when the codes in use change.
    const cellHref = (row: number, key: string, column: string, label: string) =>
      `/activities/${id}/analysis/matrix/cell?${queryString({ ...params, ...(form.rows === 'codes' ? { codes: [key], row: '0' } : { row: String(row) }), column, label })}`;
    return reply.render('analysis/matrix.njk', {
      title: 'Matrix query',
      page,
      form,
      filters,
      choices: filterChoices(page),
      columnChoices: [
        ...columnKinds,
        ...attributeChoices().map((a) => ({ value: `attribute:${a.value}`, text: a.text })),
      ],
      table: table
        ? {
            ...table,
            cells: table.rows.map((r, i) =>
              table.columns.map((c, j) => ({
                count: table.counts[i]![j]!,
                records: table.records[i]![j]!,
                href: table.counts[i]![j]! > 0 ? cellHref(i, r.key, c.key, c.label) : null,
                context: `${r.label}, ${c.label}`,
              })),
            ),
          }
        : null,
      exportHref: (format: string) =>
        `/activities/${id}/analysis/matrix/export?${queryString({ ...params, format })}`,
      ...filterForm(q, problems),
      breadcrumbs: crumbs(page),
    });
  });

  app.get('/activities/:id/analysis/matrix/cell', async (request, reply) => {
    const { id, q, uc, page, filters, form, params } = await readMatrixRequest(request, ctx);
    const row = Number(typeof q.row === 'string' && /^\d{1,3}$/.test(q.row) ? q.row : -1);
    const column = typeof q.column === 'string' ? q.column.slice(0, 200) : '';
    if (row < 0 || !column)
      throw new AppError('VALIDATION_FAILED', { message: 'Open a cell from the matrix.' });
    const pageNo = pageNumber(q.page);
    const cell = await getMatrixCell(uc, {
      activityId: id,
      ...matrixInput(form, filters),
      row,
      column,
      limit: PAGE,
      offset: (pageNo - 1) * PAGE,
    });
    // Back to the matrix with the same columns and filters; its rows are the codes in use again.
    const matrixHref = `/activities/${id}/analysis/matrix?${queryString({ ...params, codes: undefined })}`;
    return reply.render('analysis/matrix-cell.njk', {
      title: `Matrix cell: ${cell.row.label}`,
      page,
      cell,
      columnLabel: typeof q.label === 'string' ? q.label.slice(0, 200) : column,
      passages: cell.passages.map((p) => passageView(p, id)),
      matrixHref,
      pagination: pagination(
        cell.total,
        PAGE,
        pageNo,
        (n) =>
          `/activities/${id}/analysis/matrix/cell?${queryString({ ...params, row: String(row), column, label: typeof q.label === 'string' ? q.label.slice(0, 200) : undefined, page: n > 1 ? n : undefined })}`,
      ),
      breadcrumbs: [...crumbs(page), { text: 'Matrix query', href: matrixHref }],
    });
  });

  app.get('/activities/:id/analysis/matrix/export', async (request, reply) => {
    const { id, q, uc, filters, form } = await readMatrixRequest(request, ctx);
    const file = await exportMatrix(uc, {
      activityId: id,
      ...matrixInput(form, filters),
      format: q.format === 'xlsx' ? 'xlsx' : 'csv',
    });
    return sendFile(reply, file);
  });

  app.get('/activities/:id/analysis/co-occurrence', async (request, reply) => {
    const { id, q, uc, page, filters, form } = await readMatrixRequest(request, ctx);
    const codes = form.codes.slice(0, 30);
    const result = codes.length
      ? await runCoOccurrenceQuery(uc, {
          activityId: id,
          codes,
          filter: evidenceFilter(filters),
          coding: codingFilter(filters),
        })
      : null;
    const queryHref = (a: string, b: string) =>
      `/activities/${id}/analysis/coding-query?${queryString({ ...filters, c1: a, c2: b, op2: 'and', scope: 'passage' })}#results`;
    return reply.render('analysis/co-occurrence.njk', {
      ...filterForm(q, []),
      title: 'Code co-occurrence',
      page,
      form,
      filters,
      choices: filterChoices(page),
      result: result
        ? {
            ...result,
            cells: result.codes.map((a, i) =>
              result.codes.map((b, j) => ({
                records: result.records[i]![j]!,
                overlapping: result.overlapping[i]![j]!,
                href: i !== j && result.overlapping[i]![j]! > 0 ? queryHref(a.id, b.id) : null,
                context: i === j ? a.name : `${a.name} and ${b.name}`,
              })),
            ),
          }
        : null,
      breadcrumbs: crumbs(page),
    });
  });
};

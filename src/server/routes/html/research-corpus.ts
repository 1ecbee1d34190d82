// Published reports inside a thematic review (issue 20): the study's corpus (the reports its
// selection by context selects, narrowed by filters and a phrase), one report to code with the
// national thematic codebook (select words with the mouse, or paste them: no JavaScript needed),
// removal of one's own codings, and the coding query over the study's codings of reports by
// year, framework, grade or region, each cell listing its passages, each opening the report at
// the passage. Forms post and redirect back.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  CORPUS_CODING_DIMENSIONS,
  codingDimensionLabels,
} from '../../../domain/corpus/coding-query.js';
import { valueLabel } from '../../../domain/corpus/language-table.js';
import type { UseCaseContext } from '../../../usecases/context.js';
import { codeStudyCorpusPassage } from '../../../usecases/research/code-study-corpus-passage.js';
import { getStudyCorpusDocument } from '../../../usecases/research/get-study-corpus-document.js';
import { listStudyCorpus } from '../../../usecases/research/list-study-corpus.js';
import { openStudyCorpusCell } from '../../../usecases/research/open-study-corpus-cell.js';
import { queryStudyCorpus } from '../../../usecases/research/query-study-corpus.js';
import { removeStudyCorpusCoding } from '../../../usecases/research/remove-study-corpus-coding.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { corpusFilterOptions, filtersOf, keep } from './corpus.js';
import { listParam } from './page-helpers.js';

type Query = Record<string, unknown>;
const Params = z.object({ id: z.string().max(80) });
const DocParams = z.object({ id: z.string().max(80), documentId: z.string().max(80) });
const RemoveParams = z.object({ id: z.string().max(80), codingId: z.string().max(80) });
const Form = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const str = (v: unknown): string =>
  typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '';
const DONE = { coded: 'The passage was coded.', removed: 'The coding was removed.' };
const Dimension = z.enum(CORPUS_CODING_DIMENSIONS).catch('year');

const base = (id: string) => `/research/studies/${encodeURIComponent(id)}`;
const docUrl = (id: string, documentId: string) =>
  `${base(id)}/corpus/documents/${encodeURIComponent(documentId)}`;

export const registerResearchCorpusRoutes: RouteModule = (app, ctx) => {
  const crumbs = (
    study: { id: string; title: string },
    more: Array<{ text: string; href: string }> = [],
  ) => [
    { text: 'Home', href: '/home' },
    { text: 'Research', href: '/research' },
    { text: study.title, href: base(study.id) },
    ...more,
  ];

  app.get('/research/studies/:id/corpus', async (request, reply) => {
    const { id } = Params.parse(request.params);
    const query = (request.query ?? {}) as Query;
    const filters = filtersOf(query);
    const q = typeof query.q === 'string' ? query.q.slice(0, 200) : '';
    const page = Number(query.page) > 0 ? Math.floor(Number(query.page)) : 1;
    const r = await listStudyCorpus(useCaseContext(request, ctx), {
      studyId: id,
      ...filters,
      q,
      page,
    });
    const here = `${base(r.study.id)}/corpus`;
    return reply.render('research/corpus.njk', {
      r,
      options: corpusFilterOptions(r.facets, filters),
      rows: r.documents.map((h) => ({
        ...h,
        href: docUrl(r.study.id, h.id),
        gradeLabel: valueLabel('grade', h.grade),
        frameworkLabel: valueLabel('framework', h.frameworkId),
      })),
      prev: page > 1 ? `${here}?${keep(filters, { q, page: String(page - 1) })}` : null,
      next: page < r.pages ? `${here}?${keep(filters, { q, page: String(page + 1) })}` : null,
      queryHref: `${base(r.study.id)}/corpus/query?${keep(filters)}`,
      breadcrumbs: crumbs(r.study),
    });
  });

  async function renderDocument(
    reply: FastifyReply,
    uc: UseCaseContext,
    id: string,
    documentId: string,
    extra: {
      coding?: string;
      notice?: string;
      problems?: Problem[];
      values?: Record<string, string>;
    } = {},
  ) {
    const d = await getStudyCorpusDocument(uc, {
      studyId: id,
      documentId,
      ...(extra.coding ? { coding: extra.coding } : {}),
    });
    return reply.render('research/corpus-document.njk', {
      d,
      gradeLabel: valueLabel('grade', d.document.grade),
      frameworkLabel: valueLabel('framework', d.document.frameworkId),
      values: extra.values ?? {},
      notice: extra.notice,
      breadcrumbs: crumbs(d.study, [
        { text: 'Published reports', href: `${base(d.study.id)}/corpus` },
      ]),
      ...(extra.problems ? formErrors(extra.problems) : {}),
    });
  }

  app.get('/research/studies/:id/corpus/documents/:documentId', async (request, reply) => {
    const { id, documentId } = DocParams.parse(request.params);
    const query = (request.query ?? {}) as Query;
    return renderDocument(reply, useCaseContext(request, ctx), id, documentId, {
      ...(typeof query.coding === 'string' ? { coding: query.coding.slice(0, 80) } : {}),
      notice: noticeFor(typeof query.done === 'string' ? query.done : undefined, DONE),
    });
  });

  app.post('/research/studies/:id/corpus/documents/:documentId/codings', async (request, reply) => {
    const { id, documentId } = DocParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const body = Form.parse(request.body ?? {});
    const values = {
      quote: str(body.quote),
      code: str(body.code),
      occurrence: str(body.occurrence).trim(),
      start: str(body.start).trim(),
      end: str(body.end).trim(),
    };
    try {
      const c = await codeStudyCorpusPassage(uc, {
        studyId: id,
        documentId,
        quote: values.quote,
        code: values.code,
        ...(values.occurrence ? { occurrence: values.occurrence } : {}),
        ...(values.start && values.end ? { start: values.start, end: values.end } : {}),
      });
      return reply.redirect(
        `${docUrl(id, documentId)}?done=coded&coding=${c.id}#coding-${c.id}`,
        303,
      );
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'quote' });
      reply.status(r.status);
      return renderDocument(reply, uc, id, documentId, { problems: r.problems, values });
    }
  });

  app.post('/research/studies/:id/corpus/codings/:codingId/remove', async (request, reply) => {
    const { id, codingId } = RemoveParams.parse(request.params);
    const r = await removeStudyCorpusCoding(useCaseContext(request, ctx), {
      studyId: id,
      codingId,
    });
    return reply.redirect(`${docUrl(id, r.documentId)}?done=removed`, 303);
  });

  app.get('/research/studies/:id/corpus/query', async (request, reply) => {
    const { id } = Params.parse(request.params);
    const query = (request.query ?? {}) as Query;
    const filters = filtersOf(query);
    const dimension = Dimension.parse(query.dimension);
    const codes = listParam(query.codes).slice(0, 100);
    const m = await queryStudyCorpus(useCaseContext(request, ctx), {
      studyId: id,
      ...filters,
      dimension,
      codes,
    });
    const cellHref = (code: string, column: string) =>
      `${base(m.study.id)}/corpus/query/cell?${keep(filters, { dimension, code, value: column })}`;
    return reply.render('research/corpus-query.njk', {
      m,
      dimensionItems: CORPUS_CODING_DIMENSIONS.map((d) => ({
        value: d,
        text: codingDimensionLabels[d],
        checked: d === dimension,
      })),
      codeItems: m.themes.map((t) => ({
        value: t.key,
        text: t.name,
        checked: codes.includes(t.key),
      })),
      hidden: Object.entries(filters).flatMap(([name, vs]) => vs.map((value) => ({ name, value }))),
      table: {
        head: [
          { text: 'Thematic code' },
          ...m.columns.map((c) => ({ text: c.label, format: 'numeric' })),
          { text: 'All', format: 'numeric' },
        ],
        rows: m.rows.map((row) => [
          { text: row.name },
          ...row.cells.map((c) =>
            c.codings > 0
              ? {
                  html: `<a class="govuk-link" href="${cellHref(row.key, c.column)}">${c.codings}<span class="govuk-visually-hidden"> codings of ${escapeHtml(row.name)} in ${c.documents} ${c.documents === 1 ? 'report' : 'reports'}, ${escapeHtml(m.columns.find((x) => x.key === c.column)?.label ?? '')}</span></a> <span class="govuk-body-s">(${c.documents})</span>`,
                  format: 'numeric',
                }
              : { text: '0', format: 'numeric' },
          ),
          { text: `${row.codings} (${row.documents})`, format: 'numeric' },
        ]),
      },
      breadcrumbs: crumbs(m.study, [
        { text: 'Published reports', href: `${base(m.study.id)}/corpus` },
      ]),
    });
  });

  app.get('/research/studies/:id/corpus/query/cell', async (request, reply) => {
    const { id } = Params.parse(request.params);
    const query = (request.query ?? {}) as Query;
    const filters = filtersOf(query);
    const dimension = Dimension.parse(query.dimension);
    const cell = await openStudyCorpusCell(useCaseContext(request, ctx), {
      studyId: id,
      ...filters,
      dimension,
      code: str(query.code),
      value: str(query.value),
    });
    return reply.render('research/corpus-cell.njk', {
      cell,
      passages: cell.passages.map((p) => ({
        ...p,
        href: `${docUrl(cell.study.id, p.documentId)}?coding=${p.codingId}#coding-${p.codingId}`,
      })),
      backHref: `${base(cell.study.id)}/corpus/query?${keep(filters, { dimension })}`,
      breadcrumbs: crumbs(cell.study, [
        {
          text: 'Coding query',
          href: `${base(cell.study.id)}/corpus/query?${keep(filters, { dimension })}`,
        },
      ]),
    });
  });
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

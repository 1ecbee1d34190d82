// The research store's pages (issue 20): the research home (studies, a new study), a study's
// workspace (question, selection, a cross-inspection query with its result table, memos, LA
// identity for national staff), a cell's pseudonymised passages and the exports. Forms post and
// redirect; the query is a GET form, so every result has a link and works without JavaScript.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ResearchQueryInput, ResearchResult } from '../../../domain/research/query.js';
import { addStudyMemo } from '../../../usecases/research/add-study-memo.js';
import { createStudy } from '../../../usecases/research/create-study.js';
import { exportStudyResults } from '../../../usecases/research/export-study-results.js';
import { getStudy } from '../../../usecases/research/get-study.js';
import { listStudies } from '../../../usecases/research/list-studies.js';
import { openResearchCell } from '../../../usecases/research/open-research-cell.js';
import { runResearchQuery } from '../../../usecases/research/run-research-query.js';
import { setStudyLaIdentity } from '../../../usecases/research/set-study-la-identity.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { listParam } from './page-helpers.js';

const one = (v: unknown): string => (typeof v === 'string' ? v : (listParam(v)[0] ?? ''));

const QueryParams = z.object({
  kind: z.enum(['coding', 'matrix', 'cooccurrence']).catch('matrix'),
  dimension: z.string().max(120).catch('region'),
});

/** The query a study page's GET form (or a cell link) describes; null when no row is chosen. */
function queryFrom(q: Record<string, unknown>): ResearchQueryInput | null {
  const rows = listParam(q.rows).slice(0, 40);
  if (rows.length === 0) return null;
  const p = QueryParams.parse(q);
  return { kind: p.kind, rows, ...(p.kind === 'matrix' ? { dimension: p.dimension } : {}) };
}

function queryString(q: ResearchQueryInput, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams({ kind: q.kind });
  for (const r of q.rows) p.append('rows', r);
  if (q.dimension) p.set('dimension', q.dimension);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

/** The result as a GOV.UK table: a suppressed cell reads "<5", an open one links its passages. */
function resultTable(studyId: string, q: ResearchQueryInput, r: ResearchResult) {
  return {
    head: [
      { text: 'Code or theme' },
      ...r.columns.map((c) => ({ text: c.label, format: 'numeric' })),
    ],
    rows: r.rows.map((row, i) => [
      { text: row.label },
      ...(r.cells[i] ?? []).map((c) => {
        const text = c.records.display;
        if (!c.open) return { text, format: 'numeric' };
        const href = `/research/studies/${studyId}/cell?${queryString(q, { row: String(i), column: c.column })}`;
        const label = `${text} records: ${row.label}, ${c.columnLabel}`;
        return {
          html: `<a class="govuk-link" href="${escapeHtml(href)}" aria-label="${escapeHtml(label)}">${text}</a>`,
          format: 'numeric',
        };
      }),
    ]),
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const checkboxes = (name: string, values: Array<string | { value: string; label: string }>) =>
  values.map((v) =>
    typeof v === 'string' ? { value: v, text: v, name } : { value: v.value, text: v.label, name },
  );

const DONE = {
  created: 'The study was created.',
  memo: 'The memo was added.',
  identity: 'LA identity was set.',
};

/** The study page again, with a form's problems and no query result. */
function renderStudyProblems(
  reply: FastifyReply,
  ws: Awaited<ReturnType<typeof getStudy>>,
  problems: Problem[],
): FastifyReply {
  return reply.render('research/study.njk', {
    ws,
    query: null,
    result: null,
    table: null,
    rowItems: [],
    kindItems: [],
    dimensionItems: [],
    ...formErrors(problems),
  });
}

export const registerResearchRoutes: RouteModule = (app, ctx) => {
  const homeLocals = async (request: Parameters<typeof useCaseContext>[0]) => {
    const home = await listStudies(useCaseContext(request, ctx));
    return {
      home,
      options: {
        regions: checkboxes('regions', home.options.regions),
        grades: checkboxes('grades', home.options.grades),
        frameworkIds: checkboxes('frameworkIds', home.options.frameworkIds),
        years: checkboxes('years', home.options.years.map(String)),
        sizeBands: checkboxes('sizeBands', home.options.sizeBands),
      },
    };
  };

  app.get('/research', async (request, reply) =>
    reply.render('research/home.njk', await homeLocals(request)),
  );

  app.post('/research/studies', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    let problems: Problem[] = [];
    try {
      const study = await createStudy(useCaseContext(request, ctx), {
        title: one(body.title),
        question: one(body.question),
        selection: {
          regions: listParam(body.regions),
          grades: listParam(body.grades),
          frameworkIds: listParam(body.frameworkIds),
          years: listParam(body.years).map(Number),
          sizeBands: listParam(body.sizeBands),
        },
      });
      return reply.redirect(`/research/studies/${study.id}?done=created`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'title' });
      reply.status(r.status);
      problems = r.problems;
    }
    return reply.render('research/home.njk', {
      ...(await homeLocals(request)),
      values: body,
      ...formErrors(problems),
    });
  });

  app.get('/research/studies/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const c = useCaseContext(request, ctx);
    const ws = await getStudy(c, id);
    const q = queryFrom(request.query as Record<string, unknown>);
    const result = q ? await runResearchQuery(c, { ...q, studyId: ws.study.id }) : null;
    const qs = q ? queryString(q) : '';
    return reply.render('research/study.njk', {
      ws,
      query: q,
      result,
      table: q && result ? resultTable(ws.study.id, q, result) : null,
      exportCsv: q ? `/research/studies/${ws.study.id}/export?${qs}&format=csv` : null,
      exportXlsx: q ? `/research/studies/${ws.study.id}/export?${qs}&format=xlsx` : null,
      exportQdpx: q ? `/research/studies/${ws.study.id}/export?${qs}&format=qdpx` : null,
      saveAnalysis: 'query',
      saveDefinition: q ? JSON.stringify({ ...q, studyId: ws.study.id }) : '',
      rowItems: ws.rowOptions.map((o) => ({
        value: o.key,
        text: o.label,
        checked: q?.rows.includes(o.key) ?? false,
      })),
      kindItems: [
        { value: 'matrix', text: 'Matrix: codes by an LA context dimension' },
        { value: 'coding', text: 'Coding query: each code across the selected inspections' },
        { value: 'cooccurrence', text: 'Co-occurrence: records coded with both' },
      ].map((k) => ({ ...k, checked: (q?.kind ?? 'matrix') === k.value })),
      dimensionItems: ws.dimensions.map((d) => ({
        value: d.key,
        text: d.label,
        selected: (q?.dimension ?? 'region') === d.key,
      })),
      notice: noticeFor((request.query as Record<string, unknown>).done, DONE),
    });
  });

  app.get('/research/studies/:id/cell', async (request, reply) => {
    const { id } = request.params as { id: string };
    const raw = request.query as Record<string, unknown>;
    const q = queryFrom(raw);
    if (!q) return reply.redirect(`/research/studies/${encodeURIComponent(id)}`, 303);
    const c = useCaseContext(request, ctx);
    const ws = await getStudy(c, id);
    const cell = await openResearchCell(c, {
      query: { ...q, studyId: ws.study.id },
      row: one(raw.row),
      column: one(raw.column),
    });
    return reply.render('research/cell.njk', {
      ws,
      cell,
      back: `/research/studies/${ws.study.id}?${queryString(q)}`,
    });
  });

  app.get('/research/studies/:id/export', async (request, reply) => {
    const { id } = request.params as { id: string };
    const raw = request.query as Record<string, unknown>;
    const q = queryFrom(raw);
    if (!q) return reply.redirect(`/research/studies/${encodeURIComponent(id)}`, 303);
    const file = await exportStudyResults(useCaseContext(request, ctx), {
      studyId: id,
      query: q,
      format: (['xlsx', 'qdpx'] as const).find((f) => f === one(raw.format)) ?? 'csv',
    });
    reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
    reply.type(file.contentType);
    return reply.send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
  });

  app.post('/research/studies/:id/memos', async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      await addStudyMemo(useCaseContext(request, ctx), { studyId: id, body: one(body.body) });
      return reply.redirect(`/research/studies/${encodeURIComponent(id)}?done=memo#memos`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'body' });
      reply.status(r.status);
      return renderStudyProblems(
        reply,
        await getStudy(useCaseContext(request, ctx), id),
        r.problems,
      );
    }
  });

  app.post('/research/studies/:id/la-identity', async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      await setStudyLaIdentity(useCaseContext(request, ctx), {
        studyId: id,
        laIdentity: one(body.laIdentity) === 'shown' ? 'shown' : 'hidden',
        reason: one(body.reason),
      });
      return reply.redirect(`/research/studies/${encodeURIComponent(id)}?done=identity`, 303);
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'reason' });
      reply.status(r.status);
      return renderStudyProblems(
        reply,
        await getStudy(useCaseContext(request, ctx), id),
        r.problems,
      );
    }
  });
};

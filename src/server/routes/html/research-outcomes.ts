// The research pages of outcomes against context (grades against deprivation, size or a DfE
// rate: chart, data table, effect size, statement, CSV/XLSX) and of saved definitions (save from
// a page, list, run again). GET forms, so every analysis has a link and works without JavaScript.
import type { FastifyReply } from 'fastify';
import type { OutcomesDefinitionInput } from '../../../domain/research/definitions.js';
import type { ResearchResult } from '../../../domain/research/query.js';
import { AppError } from '../../../errors.js';
import {
  analyseOutcomes,
  type OutcomesAnalysis,
} from '../../../usecases/research/analyse-outcomes.js';
import { exportOutcomes } from '../../../usecases/research/export-outcomes.js';
import { listResearchDefinitions } from '../../../usecases/research/list-research-definitions.js';
import { runResearchDefinition } from '../../../usecases/research/run-research-definition.js';
import { saveResearchDefinition } from '../../../usecases/research/save-research-definition.js';
import { noticeFor } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { listParam } from './page-helpers.js';
import { outcomesChart } from './research-outcomes-chart.js';

const one = (v: unknown): string => (typeof v === 'string' ? v : (listParam(v)[0] ?? ''));

/** The definition a GET form or link describes (unknown values are checked by the use case). */
function definitionFrom(q: Record<string, unknown>): OutcomesDefinitionInput {
  const by = one(q.by) || 'deprivation';
  return {
    by: by as OutcomesDefinitionInput['by'],
    ...(one(q.index) ? { index: one(q.index) } : {}),
    ...(one(q.indicator) ? { indicator: one(q.indicator) } : {}),
    era: (one(q.era) || 'ilacs') as OutcomesDefinitionInput['era'],
    groups: one(q.groups) || 4,
    ...(one(q.seed) ? { seed: one(q.seed) } : {}),
  };
}

function outcomesQuery(a: OutcomesAnalysis['definition'], extra: Record<string, string> = {}) {
  const p = new URLSearchParams({ by: a.by, era: a.era, groups: String(a.groups) });
  if (a.index) p.set('index', a.index);
  if (a.indicator) p.set('indicator', a.indicator);
  p.set('seed', String(a.seed));
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p.toString();
}

const two = (v: number) => (Math.round(v * 100) / 100).toFixed(2);

export function outcomesLocals(a: OutcomesAnalysis) {
  return {
    outcomes: a,
    chart: outcomesChart(a),
    rhoText: a.stats.rho === null ? 'Not measurable' : two(a.stats.rho),
    ciText: a.stats.ci ? `${two(a.stats.ci.low)} to ${two(a.stats.ci.high)}` : 'Not measurable',
    table: {
      head: [
        { text: 'Group' },
        { text: 'Range of the measure' },
        { text: 'Local authorities', format: 'numeric' },
        ...a.grades.map((g) => ({ text: g.label, format: 'numeric' })),
        { text: 'Mean grade', format: 'numeric' },
      ],
      rows: a.stats.groups.map((g) => [
        { text: g.label },
        { text: `${g.from.toLocaleString('en-GB')} to ${g.to.toLocaleString('en-GB')}` },
        { text: String(g.n), format: 'numeric' },
        ...g.counts.map((c) => ({ text: String(c), format: 'numeric' })),
        { text: two(g.meanGrade), format: 'numeric' },
      ]),
    },
  };
}

function queryTable(r: ResearchResult) {
  return {
    head: [
      { text: 'Code or theme' },
      ...r.columns.map((c) => ({ text: c.label, format: 'numeric' })),
    ],
    rows: r.rows.map((row, i) => [
      { text: row.label },
      ...(r.cells[i] ?? []).map((c) => ({ text: c.records.display, format: 'numeric' })),
    ]),
  };
}

function sendFile(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; body: string | Uint8Array },
) {
  reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
  reply.type(file.contentType);
  return reply.send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
}

export const registerResearchOutcomeRoutes: RouteModule = (app, ctx) => {
  app.get('/research/outcomes', async (request, reply) => {
    const c = useCaseContext(request, ctx);
    const raw = request.query as Record<string, unknown>;
    const def = definitionFrom(raw);
    let a: OutcomesAnalysis | null = null;
    let problem: string | null = null;
    try {
      a = await analyseOutcomes(c, def);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'VALIDATION_FAILED') throw err;
      problem = err.details[0]?.reason ?? err.message;
      if (def.by === 'deprivation') a = await analyseOutcomes(c, { ...def, by: 'size' });
    }
    const d = a?.definition;
    const options = a?.options ?? { indexes: [], indicators: [] };
    const qs = d ? outcomesQuery(d) : '';
    return reply.render('research/outcomes.njk', {
      ...(a ? outcomesLocals(a) : {}),
      problem,
      byItems: [
        { value: 'deprivation', text: 'Deprivation' },
        { value: 'size', text: 'Size (children aged 0 to 17)' },
        { value: 'rate', text: 'A rate from the national statistics' },
      ].map((i) => ({ ...i, checked: (d?.by ?? def.by) === i.value })),
      indexItems: options.indexes.map((x) => ({ value: x, text: x, selected: d?.index === x })),
      indicatorItems: options.indicators.map((x) => ({
        value: x.key,
        text: x.label,
        selected: (d?.indicator ?? def.indicator) === x.key,
      })),
      eraItems: [
        { value: 'ilacs', text: 'ILACS inspections (from 2018)' },
        { value: 'sif', text: 'Single inspection framework (2013 to 2018)' },
        { value: 'all', text: 'Both: each authority’s latest' },
      ].map((i) => ({ ...i, selected: (d?.era ?? 'ilacs') === i.value })),
      groupItems: [3, 4, 5].map((n) => ({
        value: String(n),
        text: n === 4 ? 'Quartiles (4)' : n === 5 ? 'Quintiles (5)' : 'Thirds (3)',
        selected: (d?.groups ?? 4) === n,
      })),
      exportCsv: `/research/outcomes/export?${qs}&format=csv`,
      exportXlsx: `/research/outcomes/export?${qs}&format=xlsx`,
      saveAnalysis: 'outcomes',
      saveDefinition: d ? JSON.stringify(d) : '',
    });
  });

  app.get('/research/outcomes/export', async (request, reply) => {
    const raw = request.query as Record<string, unknown>;
    const file = await exportOutcomes(useCaseContext(request, ctx), {
      definition: definitionFrom(raw),
      format: one(raw.format) === 'xlsx' ? 'xlsx' : 'csv',
    });
    return sendFile(reply, file);
  });

  app.get('/research/definitions', async (request, reply) => {
    const list = await listResearchDefinitions(useCaseContext(request, ctx));
    return reply.render('research/definitions.njk', {
      rows: list.map((d) => [
        {
          html: `<a class="govuk-link" href="/research/definitions/${d.id}">${escapeHtml(d.name)}</a>`,
        },
        { text: d.analysis === 'outcomes' ? 'Outcomes against context' : 'Cross-inspection query' },
        { text: d.createdByLabel },
        { text: d.createdAt.toISOString().slice(0, 10) },
      ]),
      notice: noticeFor((request.query as Record<string, unknown>).done, {
        saved: 'The definition was saved.',
      }),
    });
  });

  app.post('/research/definitions', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    let definition: unknown = null;
    try {
      definition = JSON.parse(one(body.definition));
    } catch {
      definition = null;
    }
    const saved = await saveResearchDefinition(useCaseContext(request, ctx), {
      name: one(body.name) || 'Untitled definition',
      saved: { analysis: one(body.analysis), definition } as never,
    });
    return reply.redirect(`/research/definitions/${saved.id}?done=saved`, 303);
  });

  app.get('/research/definitions/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const run = await runResearchDefinition(useCaseContext(request, ctx), { id });
    let openHref = '/research/outcomes';
    let locals: Record<string, unknown> = {};
    if (run.analysis === 'outcomes') {
      locals = outcomesLocals(run.result);
      openHref = `/research/outcomes?${outcomesQuery(run.result.definition)}`;
    } else {
      locals = { table: queryTable(run.result) };
      const q = run.definition as {
        studyId?: string;
        kind: string;
        rows: string[];
        dimension?: string;
      };
      if (q.studyId) {
        const p = new URLSearchParams({ kind: q.kind });
        for (const r of q.rows) p.append('rows', r);
        if (q.dimension) p.set('dimension', q.dimension);
        openHref = `/research/studies/${q.studyId}?${p.toString()}`;
      } else openHref = '/research';
    }
    return reply.render('research/definition-run.njk', {
      ...locals,
      run,
      definitionJson: JSON.stringify(
        { analysis: run.analysis, definition: run.definition },
        null,
        2,
      ),
      openHref,
      notice: noticeFor((request.query as Record<string, unknown>).done, {
        saved: 'The definition was saved.',
      }),
    });
  });
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

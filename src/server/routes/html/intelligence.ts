// An LA's intelligence log: the list (filters by kind and date, keyset paging) and the form to
// record an entry. LA users reach the list of entries shared with them, nothing else.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  intelligenceKindLabels,
  intelligenceKinds,
  neverSharedKinds,
  sensitivityLabels,
  sensitivities,
} from '../../../domain/risk/intelligence.js';
import { todayInEngland } from '../../../clock.js';
import { listIntelligenceLog } from '../../../usecases/risk/list-intelligence.js';
import { recordIntelligence } from '../../../usecases/risk/record-intelligence.js';
import { getIntelligenceForm } from '../../../usecases/risk/get-intelligence-form.js';
import {
  dateFromParts,
  formErrors,
  noticeFor,
  problemsFrom,
  type Problem,
} from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { listParam, queryString } from './page-helpers.js';

const IdParams = z.object({ id: z.string().max(200) });
const ListQuery = z.object({
  from: z.string().max(10).default(''),
  to: z.string().max(10).default(''),
  after: z.string().max(500).optional(),
  done: z.string().optional(),
});
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const kindItems = intelligenceKinds.map((k) => ({ value: k, text: intelligenceKindLabels[k] }));

export const registerIntelligenceRoutes: RouteModule = (app, ctx) => {
  app.get('/las/:id/intelligence', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const q = ListQuery.parse(request.query);
    const kinds = listParam((request.query as Record<string, unknown>).kind).filter((k) =>
      (intelligenceKinds as readonly string[]).includes(k),
    ) as (typeof intelligenceKinds)[number][];
    const problems: Problem[] = [];
    if (q.from && !isoDate.test(q.from))
      problems.push({ field: 'from', reason: 'Enter the from date as YYYY-MM-DD' });
    if (q.to && !isoDate.test(q.to))
      problems.push({ field: 'to', reason: 'Enter the to date as YYYY-MM-DD' });
    const page = await listIntelligenceLog(useCaseContext(request, ctx), {
      laId: id,
      kinds,
      ...(q.from && isoDate.test(q.from) ? { from: q.from } : {}),
      ...(q.to && isoDate.test(q.to) ? { to: q.to } : {}),
      ...(q.after ? { after: q.after } : {}),
    });
    if (problems.length > 0) reply.status(400);
    const filters = { kind: kinds, from: q.from, to: q.to };
    return reply.render('risk/intelligence.njk', {
      ...page,
      filters,
      // LA users are not shown the kinds they can never be shared.
      kindItems: kindItems
        .filter((k) => !page.sharedOnly || !neverSharedKinds.has(k.value))
        .map((k) => ({ ...k, checked: kinds.includes(k.value) })),
      kindLabels: intelligenceKindLabels,
      nextHref: page.page.next ? `?${queryString({ ...filters, after: page.page.next })}` : null,
      firstHref: q.after ? `?${queryString(filters)}` : null,
      notice: noticeFor(q.done, { recorded: 'The intelligence entry has been recorded.' }),
      ...(problems.length > 0 ? formErrors(problems) : {}),
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: page.la.name, href: `/las/${encodeURIComponent(page.la.id)}` },
      ],
    });
  });

  const renderNew = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Record<string, unknown>,
    problems: Problem[] = [],
  ) => {
    const form = await getIntelligenceForm(useCaseContext(request, ctx), { laId: id });
    const chosen = (values.domainKeys as string[] | undefined) ?? [];
    return reply.render('risk/intelligence-new.njk', {
      la: form.la,
      values,
      kindItems: kindItems.map((k) => ({ ...k, selected: values.kind === k.value })),
      sensitivityItems: sensitivities.map((s) => ({
        value: s,
        text: sensitivityLabels[s],
        checked: (values.sensitivity ?? 'standard') === s,
      })),
      domainItems: form.domains.map((d) => ({
        value: d.key,
        text: d.title,
        checked: chosen.includes(d.key),
      })),
      ...(problems.length > 0 ? formErrors(problems) : {}),
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: form.la.name, href: `/las/${encodeURIComponent(form.la.id)}` },
        { text: 'Intelligence', href: `/las/${encodeURIComponent(form.la.id)}/intelligence` },
      ],
    });
  };

  app.get('/las/:id/intelligence/new', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const [y, m, d] = todayInEngland().split('-');
    return renderNew(request, reply, id, {
      'receivedOn-day': String(Number(d)),
      'receivedOn-month': String(Number(m)),
      'receivedOn-year': y,
    });
  });

  app.post('/las/:id/intelligence', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const body = (request.body ?? {}) as Record<string, string | string[] | undefined>;
    const one = (k: string) => (Array.isArray(body[k]) ? body[k][0] : body[k]) ?? '';
    const values = {
      kind: one('kind'),
      title: one('title'),
      summary: one('summary'),
      source: one('source'),
      sensitivity: one('sensitivity') || 'standard',
      sharedWithLa: one('sharedWithLa'),
      domainKeys: listParam(body.domainKeys),
      'receivedOn-day': one('receivedOn-day'),
      'receivedOn-month': one('receivedOn-month'),
      'receivedOn-year': one('receivedOn-year'),
    };
    const problems: Problem[] = [];
    const date = dateFromParts(
      {
        day: values['receivedOn-day'],
        month: values['receivedOn-month'],
        year: values['receivedOn-year'],
      },
      'date received',
      { required: true },
    );
    if (date.problem) problems.push({ field: 'receivedOn', reason: date.problem });
    if (!(intelligenceKinds as readonly string[]).includes(values.kind))
      problems.push({ field: 'kind', reason: 'Select the kind of intelligence' });
    if (problems.length === 0 && date.value) {
      try {
        await recordIntelligence(useCaseContext(request, ctx), {
          laId: id,
          kind: values.kind as (typeof intelligenceKinds)[number],
          title: values.title,
          summary: values.summary,
          source: values.source,
          receivedOn: date.value,
          sensitivity: values.sensitivity === 'confidential' ? 'confidential' : 'standard',
          sharedWithLa: values.sharedWithLa === 'yes',
          domainKeys: values.domainKeys,
        });
        return reply.redirect(`/las/${encodeURIComponent(id)}/intelligence?done=recorded`, 303);
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED'], {
          fields: { receivedOn: 'receivedOn' },
        });
        reply.status(r.status);
        problems.push(...r.problems);
      }
    } else reply.status(400);
    return renderNew(request, reply, id, values, problems);
  });
};

// The risk picture: one LA's assessment and timeline, the form to assess it, the regional view
// and the national view (with its CSV/XLSX export). LA users and researchers get 404 everywhere.
import { z } from 'zod';
import { ofstedRegions } from '../../../domain/access/roles.js';
import { directionLabels } from '../../../domain/risk/combine.js';
import { intelligenceKindLabels } from '../../../domain/risk/intelligence.js';
import { assessRisk } from '../../../usecases/risk/assess-risk.js';
import { exportNationalRisk } from '../../../usecases/risk/export-national-risk.js';
import { getAssessmentForm } from '../../../usecases/risk/get-assessment-form.js';
import { getNationalRiskView } from '../../../usecases/risk/get-national-risk-view.js';
import { getRegionalRiskView } from '../../../usecases/risk/get-regional-risk-view.js';
import { getRiskPicture } from '../../../usecases/risk/get-risk-picture.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { listParam, queryString, seekPagination } from './page-helpers.js';
import type { CursorKey } from '../../../domain/paging/cursor.js';
import { compareKeys, decodeSeek, seekSlice } from '../../../domain/paging/seek.js';
import { nationalRiskCharts } from './risk-charts.js';

const IdParams = z.object({ id: z.string().max(200) });
const gradeColours: Record<string, string> = {
  outstanding: 'green',
  good: 'turquoise',
  requires_improvement: 'yellow',
  inadequate: 'red',
};
const NationalQuery = z.object({
  region: z.string().max(100).default(''),
  level: z.string().max(50).default(''),
  grade: z.string().max(50).default(''),
  format: z.enum(['csv', 'xlsx']).default('csv'),
  after: z.string().max(2000).default(''),
});
/** 153 LAs on one page ran to 21,000 px: the national list pages by name, 50 at a time. */
const NATIONAL_PAGE = 50;
const laKey = (r: { la: { name: string; id: string } }): CursorKey => [r.la.name, r.la.id];
const labels = { directionLabels, kindLabels: intelligenceKindLabels, gradeColours };

type Body = Record<string, string | string[] | undefined>;
const one = (b: Body, k: string) => (Array.isArray(b[k]) ? b[k][0] : b[k]) ?? '';

export const registerRiskRoutes: RouteModule = (app, ctx) => {
  app.get('/las/:id/risk', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const picture = await getRiskPicture(useCaseContext(request, ctx), { laId: id });
    const done = (request.query as { done?: string }).done;
    return reply.render('risk/picture.njk', {
      ...picture,
      ...labels,
      notice: noticeFor(done, { assessed: 'The risk assessment has been recorded.' }),
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: picture.la.name, href: `/las/${encodeURIComponent(picture.la.id)}` },
      ],
    });
  });

  const renderAssess = async (
    request: Parameters<typeof useCaseContext>[0],
    id: string,
    values: Body | null,
    problems: Problem[] = [],
  ) => {
    const form = await getAssessmentForm(useCaseContext(request, ctx), { laId: id });
    const v = (k: string, fallback: string) => (values ? one(values, k) : fallback);
    const domains = form.domains.map((d) => {
      const chosen = values ? listParam(values[`evidence_${d.key}`]) : (d.current?.evidence ?? []);
      return {
        ...d,
        rating: v(`rating_${d.key}`, d.current?.rating ?? ''),
        justification: v(`justification_${d.key}`, d.current?.justification ?? ''),
        evidenceItems: d.candidates.map((c) => ({
          value: c.id,
          text: `${c.receivedOn}: ${c.title}`,
          hint: { text: intelligenceKindLabels[c.kind] },
          checked: chosen.includes(c.id),
        })),
      };
    });
    return {
      ...form,
      domains,
      values: {
        overrideLevel: v('overrideLevel', ''),
        overrideReason: v('overrideReason', ''),
        changeReason: v('changeReason', ''),
        nextReviewOn: v('nextReviewOn', ''),
      },
      ...(problems.length > 0 ? formErrors(problems) : {}),
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: form.la.name, href: `/las/${encodeURIComponent(form.la.id)}` },
        { text: 'Risk picture', href: `/las/${encodeURIComponent(form.la.id)}/risk` },
      ],
    };
  };

  app.get('/las/:id/risk/assess', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    return reply.render('risk/assess.njk', await renderAssess(request, id, null));
  });

  app.post('/las/:id/risk/assess', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const body = (request.body ?? {}) as Body;
    const domainKeys = Object.keys(body)
      .filter((k) => k.startsWith('rating_'))
      .map((k) => k.slice('rating_'.length));
    const problems: Problem[] = [];
    const next = one(body, 'nextReviewOn').trim();
    if (next && !/^\d{4}-\d{2}-\d{2}$/.test(next))
      problems.push({ field: 'nextReviewOn', reason: 'Enter the next review date as YYYY-MM-DD' });
    if (problems.length === 0) {
      try {
        await assessRisk(useCaseContext(request, ctx), {
          laId: id,
          ratings: domainKeys
            .map((d) => ({
              domain: d,
              rating: one(body, `rating_${d}`),
              justification: one(body, `justification_${d}`),
              evidence: listParam(body[`evidence_${d}`]),
            }))
            .filter((r) => r.rating !== ''),
          ...(one(body, 'overrideLevel') ? { overrideLevel: one(body, 'overrideLevel') } : {}),
          ...(one(body, 'overrideReason') ? { overrideReason: one(body, 'overrideReason') } : {}),
          changeReason: one(body, 'changeReason'),
          ...(next ? { nextReviewOn: next } : {}),
          expectedVersion: Number(one(body, 'expectedVersion') || 0),
        });
        return reply.redirect(`/las/${encodeURIComponent(id)}/risk?done=assessed`, 303);
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED', 'CONFLICT'], {
          defaultField: 'changeReason',
        });
        reply.status(r.status);
        // "rating.x" and "justification.x" name the form's rating_x and justification_x.
        problems.push(...r.problems.map((p) => ({ ...p, field: p.field?.replace('.', '_') })));
      }
    } else reply.status(400);
    return reply.render('risk/assess.njk', await renderAssess(request, id, body, problems));
  });

  app.get('/risk/regional', async (request, reply) => {
    const region = (request.query as { region?: string }).region;
    const view = await getRegionalRiskView(useCaseContext(request, ctx), region ? { region } : {});
    return reply.render('risk/regional.njk', {
      ...view,
      ...labels,
      regions: ofstedRegions,
      breadcrumbs: [{ text: 'Home', href: '/home' }],
    });
  });

  app.get('/risk/national', async (request, reply) => {
    const q = NationalQuery.parse(request.query);
    const filters = {
      ...(q.region ? { region: q.region as (typeof ofstedRegions)[number] } : {}),
      ...(q.level ? { level: q.level } : {}),
      ...(q.grade ? { grade: q.grade as 'good' } : {}),
    };
    const view = await getNationalRiskView(useCaseContext(request, ctx), filters);
    const qs = queryString({ region: q.region, level: q.level, grade: q.grade });
    const sorted = [...view.rows].sort((a, b) => compareKeys(laKey(a), laKey(b)));
    const at = q.after ? decodeSeek(q.after, 2) : null;
    const page = seekSlice(sorted, NATIONAL_PAGE, at, laKey);
    const paged = seekPagination(
      page,
      (token) =>
        `/risk/national?${queryString({ region: q.region, level: q.level, grade: q.grade, after: token })}`,
      { one: 'local authority', many: 'local authorities' },
      'Pages of the national list',
      NATIONAL_PAGE,
    );
    return reply.render('risk/national.njk', {
      ...view,
      charts: nationalRiskCharts(view),
      rows: page.items,
      matching: view.rows.length,
      showing: paged.showing,
      pagination: paged.pagination,
      ...labels,
      q,
      regions: ofstedRegions,
      csvHref: `/risk/national/export?${queryString({ ...filters, format: 'csv' })}`,
      xlsxHref: `/risk/national/export?${queryString({ ...filters, format: 'xlsx' })}`,
      filtered: qs !== '',
      breadcrumbs: [{ text: 'Home', href: '/home' }],
    });
  });

  app.get('/risk/national/export', async (request, reply) => {
    const q = NationalQuery.parse(request.query);
    const file = await exportNationalRisk(
      useCaseContext(request, ctx),
      {
        ...(q.region ? { region: q.region as (typeof ofstedRegions)[number] } : {}),
        ...(q.level ? { level: q.level } : {}),
        ...(q.grade ? { grade: q.grade as 'good' } : {}),
      },
      q.format,
    );
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .send(file.body);
  });
};

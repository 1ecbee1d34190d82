// The Annex A data profile page: candidate lines of enquiry (accept, reword, dismiss), the
// indicators against England, the region and statistical neighbours (charts as inline SVG with
// the same data as tables, so no JavaScript is needed), the self-evaluation's claims, and per
// list counts, breakdowns and distributions. Downloads as CSV and JSON.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { profileCsv } from '../../../domain/annex-a-profile/export.js';
import { indicatorDefinitions } from '../../../domain/annex-a-profile/indicators.js';
import { isAppError } from '../../../errors.js';
import { decideCandidate } from '../../../usecases/annex-a-profile/decide-candidate.js';
import {
  figuresText,
  getAnnexAProfile,
  profileJson,
  type AnnexAProfileView,
} from '../../../usecases/annex-a-profile/get-annex-a-profile.js';
import { recordSefClaim } from '../../../usecases/annex-a-profile/record-sef-claim.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { chartOf, comparisonChart } from './annex-a-profile-charts.js';

const IdParams = z.object({ id: z.string().max(200) });
const PageQuery = z.object({ done: z.enum(['accepted', 'dismissed', 'claim']).optional() });
const DownloadQuery = z.object({ format: z.enum(['csv', 'json']).default('csv') });
const DecisionForm = z.object({
  indicatorKey: z.string().max(100).default(''),
  decision: z.enum(['accept', 'dismiss']).default('accept'),
  title: z.string().max(300).optional(),
  description: z.string().max(10_000).optional(),
  reason: z.string().max(2000).optional(),
});
const ClaimForm = z.object({
  indicatorKey: z.string().max(100).default(''),
  claim: z.enum(['strong', 'improving', 'weak', 'none']).default('none'),
  note: z.string().max(2000).optional(),
});

interface PageErrors {
  errors?: { text: string; href: string }[];
  fieldErrors?: Record<string, { text: string }>;
}

const doneText = {
  accepted: 'The candidate was accepted: it is now a line of enquiry in the evidence base.',
  dismissed: 'The candidate was dismissed. The reason is recorded.',
  claim: 'The self-evaluation’s claim was recorded.',
};

function render(
  reply: FastifyReply,
  v: AnnexAProfileView,
  extra: PageErrors & { done?: keyof typeof doneText } = {},
): FastifyReply {
  const benchmarked = v.indicators.filter((i) => i.comparison);
  return reply.render('annex-a/profile.njk', {
    title: `Annex A data profile – ${v.activityTitle}`,
    v,
    done: extra.done ? doneText[extra.done] : null,
    errors: extra.errors,
    fieldErrors: extra.fieldErrors ?? {},
    candidates: v.candidates.map((c) => ({ ...c, figures: figuresText(c) })),
    benchmarked: benchmarked.map((i) => ({ ...i, chart: comparisonChart(i, v.laName) })),
    lists: (v.profile?.lists ?? []).map((l) => ({
      ...l,
      indicators: v.indicators.filter((i) => i.list === l.list),
      charts: l.distributions.map((d) => chartOf(d)),
    })),
    claimIndicators: indicatorDefinitions
      .filter((d) => d.polarity !== 'neither')
      .map((d) => ({ value: d.key, text: `List ${d.list}: ${d.title}` })),
    breadcrumbs: [
      { text: 'Home', href: '/home' },
      { text: v.activityTitle, href: `/activities/${v.activityId}` },
      { text: 'Annex A', href: `/activities/${v.activityId}/annex-a` },
    ],
  });
}

export const registerAnnexAProfileRoutes: RouteModule = (app, ctx) => {
  app.get('/activities/:id/annex-a/profile', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { done } = PageQuery.parse(request.query);
    const v = await getAnnexAProfile(useCaseContext(request, ctx), id);
    return render(reply, v, done ? { done } : {});
  });

  app.get('/activities/:id/annex-a/profile/download', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { format } = DownloadQuery.parse(request.query);
    const v = await getAnnexAProfile(useCaseContext(request, ctx), id);
    const name = `annex-a-profile-${v.activityId.slice(0, 8)}.${format}`;
    reply.header('content-disposition', `attachment; filename="${name}"`);
    if (format === 'json') {
      reply.type('application/json; charset=utf-8');
      return JSON.stringify(profileJson(v), null, 2);
    }
    reply.type('text/csv; charset=utf-8');
    return profileCsv(v.indicators);
  });

  app.post('/activities/:id/annex-a/profile/candidates', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const form = DecisionForm.parse(request.body ?? {});
    const uc = useCaseContext(request, ctx);
    const field = `${form.decision}-${form.indicatorKey}`.replace(/[^A-Za-z0-9_-]/g, '-');
    try {
      const base = { activityId: id, indicatorKey: form.indicatorKey };
      const r = await decideCandidate(
        uc,
        form.decision === 'accept'
          ? { ...base, decision: 'accept', title: form.title, description: form.description }
          : { ...base, decision: 'dismiss', reason: form.reason ?? '' },
      );
      return reply.redirect(`/activities/${id}/annex-a/profile?done=${r.decision}#candidates`, 303);
    } catch (err) {
      const message =
        isAppError(err) && ['ALREADY_EXISTS'].includes(err.code)
          ? err.message
          : err instanceof z.ZodError
            ? (err.issues[0]?.message ?? 'Check the form')
            : null;
      if (!message) throw err;
      reply.status(isAppError(err) ? err.status : 400);
      return render(reply, await getAnnexAProfile(uc, id), {
        errors: [{ text: message, href: `#${field}` }],
        fieldErrors: { [field]: { text: message } },
      });
    }
  });

  app.post('/activities/:id/annex-a/profile/claims', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const form = ClaimForm.parse(request.body ?? {});
    const uc = useCaseContext(request, ctx);
    try {
      await recordSefClaim(uc, {
        activityId: id,
        indicatorKey: form.indicatorKey,
        claim: form.claim === 'none' ? null : form.claim,
        note: form.note,
      });
      return reply.redirect(`/activities/${id}/annex-a/profile?done=claim#self-evaluation`, 303);
    } catch (err) {
      if (!isAppError(err) || err.code !== 'VALIDATION_FAILED') throw err;
      reply.status(400);
      return render(reply, await getAnnexAProfile(uc, id), {
        errors: [{ text: 'Select an indicator', href: '#indicatorKey' }],
        fieldErrors: { indicatorKey: { text: 'Select an indicator' } },
      });
    }
  });
};

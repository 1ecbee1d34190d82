// Matching the sample to the LA's own child IDs in the browser: the team (the lead, its
// inspectors and analyst; never the QAM, shadows, researchers or the LA) pastes the LA's child
// IDs (one a line, or the ID column copied from its list); the page shows each sampled case's
// pseudonym beside the LA's ID that matches it, or downloads the same as CSV (cells neutralised
// against spreadsheet formulas). Nothing is stored: the IDs live only in the answer, and each
// look or download is audited (which sampled cases were revealed, never an ID).
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../errors.js';
import { tableCsv } from '../../../domain/exports/table.js';
import { cohortDefs, type CohortId } from '../../../domain/sampling/population.js';
import { getSample, type SampleView } from '../../../usecases/sampling/get-sample.js';
import { splitChildIds } from '../../../usecases/sampling/record-la-audits.js';
import {
  revealSampleIdentifiers,
  type RevealedIdentifiers,
} from '../../../usecases/sampling/reveal-sample-identifiers.js';
import { formErrors, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const IdParams = z.object({ id: z.string().max(200) });
const Body = z
  .object({
    identifiers: z.string().max(2_000_000).default(''),
    format: z.enum(['page', 'csv']).default('page'),
  })
  .passthrough();

const cohortLabel = (c: string) => cohortDefs[c as CohortId]?.label ?? c;

function render(
  reply: FastifyReply,
  view: SampleView,
  extra: { result?: RevealedIdentifiers; problems?: Problem[]; identifiers?: string } = {},
): FastifyReply {
  return reply.render('sampling/identifiers.njk', {
    title: `Match the sample to the LA’s child IDs – ${view.activityTitle}`,
    view,
    result: extra.result
      ? {
          ...extra.result,
          rows: extra.result.cases.map((c) => ({ ...c, cohortLabel: cohortLabel(c.cohort) })),
        }
      : null,
    values: { identifiers: extra.identifiers ?? '' },
    ...formErrors(extra.problems ?? []),
    breadcrumbs: [
      { text: 'Home', href: '/home' },
      { text: view.activityTitle, href: `/activities/${view.activityId}` },
      { text: 'Case sample', href: `/activities/${view.activityId}/sample` },
    ],
  });
}

/** The sample as the matching page needs it; FORBIDDEN to readers who may not see the IDs. */
async function viewFor(uc: ReturnType<typeof useCaseContext>, id: string): Promise<SampleView> {
  const view = await getSample(uc, { activityId: id });
  if (!view.can.revealIdentifiers)
    throw new AppError('FORBIDDEN', {
      message:
        'Only the lead inspector, the team’s inspectors and its analyst can see the LA’s child identifiers.',
    });
  return view;
}

export const registerSampleIdentifierRoutes: RouteModule = (app, ctx) => {
  app.get('/activities/:id/sample/identifiers', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    return render(reply, await viewFor(useCaseContext(request, ctx), id));
  });

  app.post('/activities/:id/sample/identifiers', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const view = await viewFor(uc, id);
    const body = Body.parse(request.body ?? {});
    const identifiers = splitChildIds(body.identifiers);
    if (identifiers.length === 0)
      return render(reply.status(400), view, {
        problems: [{ field: 'identifiers', reason: 'Paste the LA’s child IDs, one a line' }],
      });
    try {
      const result = await revealSampleIdentifiers(uc, {
        activityId: id,
        identifiers,
        purpose: body.format === 'csv' ? 'export' : 'view',
      });
      if (body.format === 'csv') {
        reply.header(
          'content-disposition',
          `attachment; filename="sample-la-child-ids-${id.slice(0, 8)}.csv"`,
        );
        reply.header('cache-control', 'no-store');
        reply.type('text/csv; charset=utf-8');
        return tableCsv(
          [
            { header: 'Reference', value: (c) => c.childRef },
            { header: 'LA child ID', value: (c) => c.laIdentifier ?? '' },
            { header: 'Cohort', value: (c) => cohortLabel(c.cohort) },
          ],
          result.cases,
        );
      }
      reply.header('cache-control', 'no-store');
      return render(reply, view, { result, identifiers: body.identifiers });
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED', 'CONFLICT'], {
        defaultField: 'identifiers',
        fields: { identifiers: 'identifiers' },
      });
      return render(reply.status(r.status), view, {
        problems: r.problems,
        identifiers: body.identifiers,
      });
    }
  });
};

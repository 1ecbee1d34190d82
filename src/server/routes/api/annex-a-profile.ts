// JSON API of the Annex A data profile: the profile with its benchmarks, the candidate lines of
// enquiry and decisions on them, the self-evaluation's claims, the population used for rates,
// and what data prompted a line of enquiry.
import { z } from 'zod';
import { CoverageSchema } from './annex-a.js';
import { sefClaims } from '../../../domain/annex-a-profile/candidates.js';
import { decideCandidate } from '../../../usecases/annex-a-profile/decide-candidate.js';
import {
  getAnnexAProfile,
  profileJson,
} from '../../../usecases/annex-a-profile/get-annex-a-profile.js';
import { getLineDataPrompt } from '../../../usecases/annex-a-profile/get-line-data-prompt.js';
import { recordSefClaim } from '../../../usecases/annex-a-profile/record-sef-claim.js';
import { setProfilePopulation } from '../../../usecases/annex-a-profile/set-profile-population.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const n = z.number().nullable();
const Comparison = z
  .object({
    year: n,
    england: n,
    region: n,
    regionName: z.string().nullable(),
    snAverage: n,
    snMin: n,
    snMax: n,
    snCount: z.number(),
    laPublished: n,
    laPublishedPrevious: n,
    differenceFromEngland: n,
    differenceFromSn: n,
  })
  .nullable();
const Claim = z.object({
  indicatorKey: z.string(),
  claim: z.enum(sefClaims),
  note: z.string().nullable(),
  recordedByLabel: z.string(),
  recordedAt: z.string(),
});
const Decision = z.object({
  id: z.string(),
  indicatorKey: z.string(),
  decision: z.enum(['accepted', 'dismissed']),
  title: z.string().nullable(),
  reason: z.string().nullable(),
  lineOfEnquiryId: z.string().nullable(),
  figures: z.record(z.string(), z.unknown()),
  decidedByLabel: z.string(),
  decidedAt: z.string(),
});
const Indicator = z.object({
  key: z.string(),
  list: z.number(),
  title: z.string(),
  unit: z.enum(['count', 'percent', 'rate', 'days']),
  polarity: z.enum(['higher', 'lower', 'neither']),
  value: n,
  numerator: n,
  denominator: n,
  definition: z.object({
    numerator: z.string(),
    denominator: z.string(),
    period: z.string(),
    source: z.string(),
  }),
  benchmark: z.string().nullable(),
  comparison: Comparison,
  claim: Claim.nullable(),
});
const Candidate = z.object({
  indicatorKey: z.string(),
  title: z.string(),
  reasons: z.array(z.enum(['worse_than_benchmarks', 'unusual', 'sef_contradiction'])),
  because: z.array(z.string()),
  suggestedTitle: z.string(),
  value: z.number(),
  unit: z.string(),
  numerator: n,
  denominator: n,
  comparison: Comparison,
  claim: z.enum(sefClaims).nullable(),
  decision: Decision.nullable(),
  warning: z.string().nullable(),
});
const Bins = z.array(z.object({ label: z.string(), count: z.number() }));
export const ProfileSchema = z.object({
  activityId: z.string(),
  laName: z.string(),
  laCode: z.string().nullable(),
  import: z
    .object({
      id: z.string(),
      fileName: z.string(),
      referenceDate: z.string(),
      importedAt: z.string(),
    })
    .nullable(),
  population: z.object({
    value: n,
    source: z.enum(['entered', 'ons', 'none']),
    note: z.string().nullable(),
  }),
  coverage: CoverageSchema.nullable(),
  lists: z.array(
    z.object({
      list: z.number(),
      title: z.string(),
      rows: z.number(),
      children: z.number(),
      breakdowns: z.array(
        z.object({
          dimension: z.string(),
          title: z.string(),
          rows: z.array(z.object({ label: z.string(), count: z.number(), percent: z.number() })),
        }),
      ),
      workers: z
        .object({ count: z.number(), medianRows: z.number(), maxRows: z.number() })
        .nullable(),
      distributions: z.array(z.object({ key: z.string(), title: z.string(), bins: Bins })),
    }),
  ),
  indicators: z.array(Indicator),
  candidates: z.array(Candidate),
  benchmarkSources: z.array(
    z.object({ file: z.string(), publisher: z.string(), indicators: z.array(z.string()) }),
  ),
  can: z.object({ decide: z.boolean(), setPopulation: z.boolean() }),
});

export const registerAnnexAProfileApi: RouteModule = (app, ctx) => {
  const root = '/api/v1/activities/:id/annex-a';
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: `${root}/profile`,
      summary:
        'The data profile of the current Annex A: per-list counts, rates, breakdowns, indicators with England, region and statistical-neighbour benchmarks, and candidate lines of enquiry (docs/annex-a-profile.md)',
      tag: 'annex-a',
      response: ProfileSchema,
      handler: async ({ request, params }) =>
        profileJson(await getAnnexAProfile(useCaseContext(request, ctx), params.id ?? '')),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${root}/candidates/:indicatorKey`,
      summary:
        'Decide a candidate line of enquiry: accept (optionally reworded; creates the line of enquiry) or dismiss (with a reason)',
      tag: 'annex-a',
      body: z.object({
        decision: z.enum(['accept', 'dismiss']),
        title: z.string().max(300).nullish(),
        description: z.string().max(10_000).nullish(),
        reason: z.string().max(2000).nullish(),
      }),
      response: z.object({
        decisionId: z.string(),
        decision: z.enum(['accepted', 'dismissed']),
        lineOfEnquiryId: z.string().nullable(),
      }),
      handler: async ({ request, params, body, reply }) => {
        const base = { activityId: params.id ?? '', indicatorKey: params.indicatorKey ?? '' };
        const r = await decideCandidate(
          useCaseContext(request, ctx),
          body.decision === 'accept'
            ? { ...base, decision: 'accept', title: body.title, description: body.description }
            : { ...base, decision: 'dismiss', reason: body.reason ?? '' },
        );
        reply.status(201);
        return r;
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${root}/sef-claims`,
      summary:
        'Record what the LA’s self-evaluation says about an indicator (strong, improving, weak; null clears it)',
      tag: 'annex-a',
      body: z.object({
        indicatorKey: z.string().max(100),
        claim: z.enum(sefClaims).nullable(),
        note: z.string().max(2000).nullish(),
      }),
      response: z.object({ ok: z.literal(true) }),
      handler: async ({ request, params, body }) => {
        await recordSefClaim(useCaseContext(request, ctx), {
          ...body,
          activityId: params.id ?? '',
        });
        return { ok: true as const };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${root}/population`,
      summary:
        'Enter the 0-17 population the profile’s rates use (null goes back to the ONS estimate)',
      tag: 'annex-a',
      body: z.object({
        population: z.number().int().positive().nullable(),
        source: z.string().max(300).nullish(),
      }),
      response: z.object({ ok: z.literal(true) }),
      handler: async ({ request, params, body }) => {
        await setProfilePopulation(useCaseContext(request, ctx), {
          ...body,
          activityId: params.id ?? '',
        });
        return { ok: true as const };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/lines-of-enquiry/:lineId/data-prompt',
      summary:
        'The data that prompted a line of enquiry (indicator, value and benchmarks when accepted), or null',
      tag: 'lines-of-enquiry',
      response: z.object({
        promptedByData: z
          .object({
            indicatorKey: z.string(),
            text: z.string(),
            figures: z.record(z.string(), z.unknown()),
            decidedByLabel: z.string(),
            decidedAt: z.string(),
          })
          .nullable(),
      }),
      handler: async ({ request, params }) => {
        const p = await getLineDataPrompt(useCaseContext(request, ctx), {
          activityId: params.id ?? '',
          lineOfEnquiryId: params.lineId ?? '',
        });
        return {
          promptedByData: p
            ? {
                indicatorKey: p.indicatorKey,
                text: p.text,
                figures: p.figures,
                decidedByLabel: p.decidedByLabel,
                decidedAt: p.decidedAt.toISOString(),
              }
            : null,
        };
      },
    }),
  ]);
};

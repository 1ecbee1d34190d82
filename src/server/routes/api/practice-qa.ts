// JSON API of practice QA (issue 17): observations of inspectors' practice (record, read one,
// the activity's list, one's own development record and response), the national patterns
// (suppressed, never per person), and the strengths fed back tracked to the report draft.
import { z } from 'zod';
import { getActivityPracticeQa } from '../../../usecases/practice-qa/get-activity-practice-qa.js';
import { getDevelopmentRecord } from '../../../usecases/practice-qa/get-development-record.js';
import { getPracticeObservation } from '../../../usecases/practice-qa/get-practice-observation.js';
import { getPracticePatterns } from '../../../usecases/practice-qa/get-practice-patterns.js';
import { recordPracticeObservation } from '../../../usecases/practice-qa/record-practice-observation.js';
import { respondToPracticeObservation } from '../../../usecases/practice-qa/respond-to-practice-observation.js';
import { accountForStrength } from '../../../usecases/reports/account-for-strength.js';
import { listFedBackStrengths } from '../../../usecases/reports/list-fed-back-strengths.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const Rating = z.object({ promptKey: z.string(), rating: z.string(), comment: z.string() });
const Observation = z.object({
  id: z.string(),
  activityId: z.string(),
  activityTitle: z.string(),
  inspector: z.object({ id: z.string(), label: z.string() }),
  observer: z.object({ id: z.string().nullable(), label: z.string(), role: z.string() }),
  promptSetId: z.string(),
  observedOn: z.string(),
  setting: z.string(),
  ratings: z.array(Rating),
  developmentPoints: z.string(),
  response: z.string().nullable(),
  acknowledgedAt: z.date().nullable(),
  recordedAt: z.date(),
});
const RecordBody = z.object({
  inspector: z.string().max(320),
  observedOn: z.string().max(10),
  setting: z.string().max(500),
  ratings: z
    .array(
      z.object({
        promptKey: z.string(),
        rating: z.string(),
        comment: z.string().max(4000).optional(),
      }),
    )
    .max(20),
  developmentPoints: z.string().max(8000).optional(),
});
const Paragraph = z.object({
  sectionKey: z.string(),
  index: z.number(),
  heading: z.string().nullable(),
  text: z.string(),
});
const Strength = z.object({
  key: z.string(),
  heldOn: z.string(),
  judgementKey: z.string(),
  text: z.string(),
  status: z.enum(['found', 'linked', 'explained', 'missing', 'no_draft']),
  statusLabel: z.string(),
  appearsIn: Paragraph.extend({ score: z.number() }).nullable(),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
});
const StrengthsView = z.object({
  report: z.object({ id: z.string(), state: z.string(), currentVersion: z.number() }).nullable(),
  strengths: z.array(Strength),
  unaccounted: z.number(),
  can: z.object({ decide: z.boolean() }),
});
const AccountBody = z.object({
  strengthKey: z.string().max(200),
  paragraph: z.string().max(220).optional(),
  reason: z.string().max(5000).optional(),
});

export const registerPracticeQaApi: RouteModule = (app, ctx) => {
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/practice-qa',
      summary: 'Observations of inspectors’ practice on an activity that the caller may read',
      tag: 'practice-qa',
      response: z.object({
        observations: z.array(Observation),
        can: z.object({ record: z.boolean() }),
      }),
      handler: async ({ request, params }) =>
        getActivityPracticeQa(useCaseContext(request, ctx), { activityId: params.id ?? '' }),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/practice-qa',
      summary: 'Record an observation of an inspector’s practice (the activity’s QAM, or its lead)',
      tag: 'practice-qa',
      body: RecordBody,
      response: z.object({ id: z.string() }),
      handler: async ({ request, params, body }) =>
        recordPracticeObservation(useCaseContext(request, ctx), {
          ...body,
          activityId: params.id ?? '',
        }),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/practice-qa/observations/:id',
      summary: 'One observation (the inspector observed, its author and national staff only)',
      tag: 'practice-qa',
      response: Observation,
      handler: async ({ request, params }) =>
        getPracticeObservation(useCaseContext(request, ctx), { observationId: params.id ?? '' }),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/practice-qa/observations/:id/response',
      summary: 'Acknowledge an observation of your practice, with your response',
      tag: 'practice-qa',
      body: z.object({ response: z.string().max(8000).optional() }),
      response: z.object({ ok: z.boolean() }),
      handler: async ({ request, params, body }) => {
        await respondToPracticeObservation(useCaseContext(request, ctx), {
          observationId: params.id ?? '',
          response: body.response ?? '',
        });
        return { ok: true };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/me/development',
      summary: 'Your development record: every observation of your practice',
      tag: 'practice-qa',
      response: z.object({ observations: z.array(Observation), awaitingResponse: z.number() }),
      handler: async ({ request }) => getDevelopmentRecord(useCaseContext(request, ctx)),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/national/practice-qa',
      summary:
        'Ratings per prompt by region, year or activity type (small numbers suppressed; never per person)',
      tag: 'practice-qa',
      query: z.object({
        groupBy: z.string().max(40).optional(),
        region: z.string().max(100).optional(),
        year: z.coerce.number().int().optional(),
        activityType: z.string().max(100).optional(),
      }),
      response: z.object({
        groupBy: z.string(),
        rows: z.array(
          z.object({
            group: z.string(),
            promptKey: z.string(),
            observations: z.number().nullable(),
            suppressed: z.boolean(),
            counts: z.record(z.string(), z.number().nullable()),
          }),
        ),
        rules: z.object({
          minObservations: z.number(),
          minInspectors: z.number(),
          minCell: z.number(),
        }),
      }),
      handler: async ({ request, query }) =>
        getPracticePatterns(useCaseContext(request, ctx), query),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/report/strengths',
      summary: 'Strengths fed back at keeping-in-touch meetings and where each is in the draft',
      tag: 'reports',
      response: StrengthsView,
      handler: async ({ request, params }) =>
        listFedBackStrengths(useCaseContext(request, ctx), { activityId: params.id ?? '' }),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/report/strengths',
      summary:
        'Link a fed-back strength to a paragraph ("sectionKey:index"), or say why it is not in the report (the lead)',
      tag: 'reports',
      body: AccountBody,
      response: StrengthsView,
      handler: async ({ request, params, body }) => {
        const c = useCaseContext(request, ctx);
        const activityId = params.id ?? '';
        await accountForStrength(
          c,
          body.paragraph
            ? { how: 'link', activityId, strengthKey: body.strengthKey, paragraph: body.paragraph }
            : {
                how: 'explain',
                activityId,
                strengthKey: body.strengthKey,
                reason: body.reason ?? '',
              },
        );
        return listFedBackStrengths(c, { activityId });
      },
    }),
  ]);
};

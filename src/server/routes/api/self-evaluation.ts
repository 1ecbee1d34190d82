// The LA's self-evaluation and the annual engagement meeting over JSON. Access as the pages
// (policies.ts): LA users submit their own and read released notes; the region acknowledges and
// records meetings; national staff read.
import { z } from 'zod';
import {
  acknowledgeSelfEvaluation,
  AcknowledgeSelfEvaluationInput,
} from '../../../usecases/self-evaluation/acknowledge-self-evaluation.js';
import { getEngagementMeeting } from '../../../usecases/self-evaluation/get-engagement-meeting.js';
import { getSelfEvaluationVersion } from '../../../usecases/self-evaluation/get-self-evaluation-version.js';
import { getSelfEvaluations } from '../../../usecases/self-evaluation/get-self-evaluations.js';
import { listEngagementMeetings } from '../../../usecases/self-evaluation/list-engagement-meetings.js';
import { listSelfEvaluationStatus } from '../../../usecases/self-evaluation/list-self-evaluation-status.js';
import {
  recordEngagementMeeting,
  RecordEngagementMeetingInput,
} from '../../../usecases/self-evaluation/record-engagement-meeting.js';
import {
  releaseEngagementNotes,
  ReleaseEngagementNotesInput,
} from '../../../usecases/self-evaluation/release-engagement-notes.js';
import {
  submitSelfEvaluation,
  SubmitSelfEvaluationInput,
} from '../../../usecases/self-evaluation/submit-self-evaluation.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const Obj = z.record(z.string(), z.unknown());
const asObj = (v: unknown) => v as Record<string, unknown>;
const TAG = 'self-evaluation';

export const registerSelfEvaluationApi: RouteModule = (app, ctx) => {
  const uc = (actor: Parameters<typeof getSelfEvaluations>[0]['actor']) => ({
    db: ctx.database.db,
    actor,
    catalog: ctx.catalog,
    attachments: ctx.attachments,
  });
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/las/:id/self-evaluations',
      summary:
        "An LA's submitted self-evaluations, newest first, and whether it has submitted in 12 months",
      tag: TAG,
      response: Obj,
      handler: async ({ actor, params }) =>
        asObj(await getSelfEvaluations(uc(actor), { laId: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/las/:id/self-evaluations',
      summary: "Submit the LA's self-evaluation (its own users): answers in the framework's order",
      tag: TAG,
      body: SubmitSelfEvaluationInput.omit({ laId: true, submittedOn: true }),
      response: Obj,
      handler: async ({ actor, params, body }) =>
        asObj(await submitSelfEvaluation(uc(actor), { ...body, laId: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/las/:id/self-evaluations/:version',
      summary: 'One submitted version with its documents',
      tag: TAG,
      response: Obj,
      handler: async ({ actor, params }) =>
        asObj(
          await getSelfEvaluationVersion(uc(actor), {
            laId: params.id ?? '',
            version: params.version ?? '',
          }),
        ),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/las/:id/self-evaluations/:version/acknowledgement',
      summary: 'Acknowledge receipt of a version (regional staff, their region)',
      tag: TAG,
      body: AcknowledgeSelfEvaluationInput.pick({ note: true }),
      response: Obj,
      handler: async ({ actor, params, body }) =>
        asObj(
          await acknowledgeSelfEvaluation(uc(actor), {
            ...body,
            laId: params.id ?? '',
            version: params.version ?? '',
          }),
        ),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/self-evaluations/status',
      summary: 'Which LAs have not submitted a self-evaluation in the last 12 months (by region)',
      tag: TAG,
      query: z.object({
        region: z.string().max(100).optional(),
        all: z.enum(['true', 'false']).optional(),
      }),
      response: Obj,
      handler: async ({ actor, query }) =>
        asObj(
          await listSelfEvaluationStatus(uc(actor), {
            ...(query.region ? { region: query.region } : {}),
            notSubmittedOnly: query.all !== 'true',
          }),
        ),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/las/:id/engagement-meetings',
      summary: "An LA's engagement meetings (LA users: the released notes only)",
      tag: TAG,
      response: Obj,
      handler: async ({ actor, params }) =>
        asObj(await listEngagementMeetings(uc(actor), { laId: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/las/:id/engagement-meetings',
      summary:
        'Record a year’s engagement meeting (regional staff); the agenda is proposed when absent',
      tag: TAG,
      body: RecordEngagementMeetingInput.omit({ laId: true }),
      response: Obj,
      handler: async ({ actor, params, body }) =>
        asObj(await recordEngagementMeeting(uc(actor), { ...body, laId: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/las/:id/engagement-meetings/:year',
      summary: 'One meeting (LA users: the released version only)',
      tag: TAG,
      response: Obj,
      handler: async ({ actor, params }) =>
        asObj(
          await getEngagementMeeting(uc(actor), { laId: params.id ?? '', year: params.year ?? '' }),
        ),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/las/:id/engagement-meetings/:year/release',
      summary: 'Release a version of the notes to the LA (regional staff, their region)',
      tag: TAG,
      body: ReleaseEngagementNotesInput.omit({ laId: true, year: true }),
      response: Obj,
      handler: async ({ actor, params, body }) =>
        asObj(
          await releaseEngagementNotes(uc(actor), {
            ...body,
            laId: params.id ?? '',
            year: params.year ?? '',
          }),
        ),
    }),
  ]);
};

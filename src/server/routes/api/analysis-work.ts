// JSON API for the analysis work of a team: what a line of enquiry or hypothesis is about, the
// evidence linked to it, its challenging evidence and their reviews, its status; vignettes with
// the anonymisation check; team meetings and the view of what arrived since the last one.
import { z } from 'zod';
import type { Actor } from '../../../domain/access/actor.js';
import { anonymisationSummary, findIdentifiers } from '../../../domain/analysis/anonymisation.js';
import {
  changeEnquiryStatus,
  ChangeEnquiryStatusInput,
} from '../../../usecases/analysis/change-enquiry-status.js';
import { getEnquiryChallenges } from '../../../usecases/analysis/get-enquiry-challenges.js';
import { getTeamMeetingView } from '../../../usecases/analysis/get-team-meeting-view.js';
import {
  linkEnquiryEvidence,
  LinkEnquiryEvidenceInput,
} from '../../../usecases/analysis/link-enquiry-evidence.js';
import { listVignettes, ListVignettesInput } from '../../../usecases/analysis/list-vignettes.js';
import { markVignette, MarkVignetteInput } from '../../../usecases/analysis/mark-vignette.js';
import {
  recordTeamMeeting,
  RecordTeamMeetingInput,
} from '../../../usecases/analysis/record-team-meeting.js';
import {
  reviewChallenges,
  ReviewChallengesInput,
} from '../../../usecases/analysis/review-challenges.js';
import {
  setEnquiryFocus,
  SetEnquiryFocusInput,
} from '../../../usecases/analysis/set-enquiry-focus.js';
import { unlinkEnquiryEvidence } from '../../../usecases/analysis/unlink-enquiry-evidence.js';
import { unmarkVignette } from '../../../usecases/analysis/unmark-vignette.js';
import { updateVignette, UpdateVignetteInput } from '../../../usecases/analysis/update-vignette.js';
import type { ServerContext } from '../../app.js';
import { defineApiRoute, type ApiRoute } from '../../api-registry.js';
import {
  AnonymisationSchema,
  ChallengesSchema,
  FocusSchema,
  iso,
  MeetingSchema,
  TeamMeetingViewSchema,
  VignetteSchema,
} from './analysis-schemas.js';
import { LineOfEnquirySchema, presentLine } from './evidence-schemas.js';
import { Ok } from './schemas.js';

const line = '/api/v1/activities/:id/lines-of-enquiry/:lineId';
const root = '/api/v1/activities/:id';

export function evidenceAnalysisWorkRoutes(ctx: ServerContext): ApiRoute[] {
  const uc = (actor: Actor) => ({ db: ctx.database.db, actor, catalog: ctx.catalog });
  /** The line of enquiry in the path; the use case checks it belongs to the activity in it. */
  const lineIn = (p: Record<string, string>) => ({
    lineOfEnquiryId: p.lineId ?? '',
    activityId: p.id ?? '',
  });
  const vignetteIn = (p: Record<string, string>) => ({
    vignetteId: p.vignetteId ?? '',
    activityId: p.id ?? '',
  });

  const routes = [
    defineApiRoute({
      method: 'GET',
      path: `${line}/challenges`,
      summary:
        'A line of enquiry or hypothesis with its linked evidence and the challenging evidence found (each with its review)',
      tag: 'hypotheses',
      response: ChallengesSchema,
      handler: async ({ actor, params }) => {
        const v = await getEnquiryChallenges(uc(actor), lineIn(params));
        return { ...iso(v), line: presentLine(v.line) };
      },
    }),
    defineApiRoute({
      method: 'PATCH',
      path: `${line}/focus`,
      summary:
        'Say what it is about: hypothesis or line of enquiry, direction, criteria (codes), search terms, cases',
      tag: 'hypotheses',
      body: SetEnquiryFocusInput.omit({ lineOfEnquiryId: true, activityId: true }),
      response: FocusSchema,
      handler: async ({ actor, params, body }) =>
        iso(await setEnquiryFocus(uc(actor), { ...body, ...lineIn(params) })),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${line}/evidence`,
      summary: 'Link a record or a passage to it as supporting or challenging',
      tag: 'hypotheses',
      body: LinkEnquiryEvidenceInput.omit({ lineOfEnquiryId: true, activityId: true }),
      response: z.object({ id: z.string() }),
      handler: async ({ actor, params, body, reply }) => {
        const r = await linkEnquiryEvidence(uc(actor), {
          ...body,
          ...lineIn(params),
        });
        reply.status(201);
        return r;
      },
    }),
    defineApiRoute({
      method: 'DELETE',
      path: `${line}/evidence/:linkId`,
      summary: 'Unlink evidence',
      tag: 'hypotheses',
      response: Ok,
      handler: async ({ actor, params }) => {
        await unlinkEnquiryEvidence(uc(actor), { linkId: params.linkId ?? '', ...lineIn(params) });
        return { ok: true as const };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${line}/reviews`,
      summary: 'Record that challenging evidence was looked at (outcome and a note)',
      tag: 'hypotheses',
      body: ReviewChallengesInput.omit({ lineOfEnquiryId: true, activityId: true }),
      response: z.object({ reviewed: z.number() }),
      handler: async ({ actor, params, body }) =>
        reviewChallenges(uc(actor), { ...body, ...lineIn(params) }),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${line}/status`,
      summary:
        'Open, explore or close (with a conclusion; refused with the list of unreviewed challenges) or reopen (with a reason)',
      tag: 'hypotheses',
      body: ChangeEnquiryStatusInput.omit({ lineOfEnquiryId: true, activityId: true }),
      response: LineOfEnquirySchema,
      handler: async ({ actor, params, body }) =>
        presentLine(await changeEnquiryStatus(uc(actor), { ...body, ...lineIn(params) })),
    }),
    defineApiRoute({
      method: 'GET',
      path: `${root}/vignettes`,
      summary: 'Candidate report illustrations, each with a fresh anonymisation check',
      tag: 'vignettes',
      query: ListVignettesInput.omit({ activityId: true }),
      response: z.object({ vignettes: z.array(VignetteSchema) }),
      handler: async ({ actor, params, query }) => ({
        vignettes: iso(await listVignettes(uc(actor), { ...query, activityId: params.id ?? '' })),
      }),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${root}/vignettes`,
      summary: 'Mark a passage as a candidate illustration (runs the anonymisation check)',
      tag: 'vignettes',
      body: MarkVignetteInput.omit({ activityId: true }),
      response: VignetteSchema,
      handler: async ({ actor, params, body, reply }) => {
        const v = await markVignette(uc(actor), { ...body, activityId: params.id ?? '' });
        reply.status(201);
        return iso(v);
      },
    }),
    defineApiRoute({
      method: 'PATCH',
      path: `${root}/vignettes/:vignetteId`,
      summary:
        'Change a vignette: status, title, report wording, note; confirm the wording is anonymised',
      tag: 'vignettes',
      body: UpdateVignetteInput.omit({ vignetteId: true, activityId: true }),
      response: VignetteSchema,
      handler: async ({ actor, params, body }) =>
        iso(await updateVignette(uc(actor), { ...body, ...vignetteIn(params) })),
    }),
    defineApiRoute({
      method: 'DELETE',
      path: `${root}/vignettes/:vignetteId`,
      summary: 'No longer a candidate illustration',
      tag: 'vignettes',
      response: Ok,
      handler: async ({ actor, params }) => {
        await unmarkVignette(uc(actor), vignetteIn(params));
        return { ok: true as const };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/anonymisation-check',
      summary:
        'Check a text for names, dates of birth, addresses, postcodes, phone numbers, emails (positions in code points)',
      tag: 'vignettes',
      body: z.object({ text: z.string().max(20_000) }),
      response: AnonymisationSchema,
      handler: async ({ body }) => {
        const findings = findIdentifiers(body.text);
        return { findings, summary: anonymisationSummary(findings) };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${root}/meetings`,
      summary: 'Record a team meeting (morning, evening)',
      tag: 'team meetings',
      body: RecordTeamMeetingInput.omit({ activityId: true }),
      response: MeetingSchema,
      handler: async ({ actor, params, body, reply }) => {
        const m = await recordTeamMeeting(uc(actor), { ...body, activityId: params.id ?? '' });
        reply.status(201);
        return iso(m);
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: `${root}/meetings/view`,
      summary: 'What was recorded since the last team meeting, by judgement area',
      tag: 'team meetings',
      query: z.object({ since: z.string().optional(), at: z.string().optional() }),
      response: TeamMeetingViewSchema,
      handler: async ({ actor, params, query }) =>
        iso(
          await getTeamMeetingView(uc(actor), {
            activityId: params.id ?? '',
            ...(query.since ? { since: query.since } : {}),
            ...(query.at ? { at: query.at } : {}),
          }),
        ),
    }),
  ];
  return routes as unknown as ApiRoute[];
}

// JSON API for judgements: overview, edits, provisional views, stages, panel, feedback log,
// divergence, history, moderation record and the report contract. Thin: one use case per route.
import { z } from 'zod';
import {
  addFeedbackEntry,
  AddFeedbackEntryInput,
} from '../../../usecases/judgements/add-feedback-entry.js';
import {
  addPanelComment,
  AddPanelCommentInput,
} from '../../../usecases/judgements/add-panel-comment.js';
import {
  advanceJudgements,
  AdvanceJudgementsInput,
} from '../../../usecases/judgements/advance-judgements.js';
import {
  assignPanelMember,
  AssignPanelMemberInput,
} from '../../../usecases/judgements/assign-panel-member.js';
import {
  explainDivergence,
  ExplainDivergenceInput,
} from '../../../usecases/judgements/explain-divergence.js';
import { getJudgementHistory } from '../../../usecases/judgements/get-judgement-history.js';
import { getJudgementsForReport } from '../../../usecases/judgements/get-judgements-for-report.js';
import { getJudgementsOverview } from '../../../usecases/judgements/get-judgements-overview.js';
import { getModerationRecord } from '../../../usecases/judgements/get-moderation-record.js';
import { getProvisionalViews } from '../../../usecases/judgements/get-provisional-views.js';
import {
  recordProvisionalView,
  RecordProvisionalViewInput,
} from '../../../usecases/judgements/record-provisional-view.js';
import { removePanelMember } from '../../../usecases/judgements/remove-panel-member.js';
import {
  respondToPanelComment,
  RespondToPanelCommentInput,
} from '../../../usecases/judgements/respond-to-panel-comment.js';
import { setJudgement, SetJudgementInput } from '../../../usecases/judgements/set-judgement.js';
import { getFeedbackLog } from '../../../usecases/judgements/get-feedback-log.js';
import type { Actor } from '../../../domain/access/actor.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';
import {
  JudgementSchema,
  OverviewSchema,
  presentJudgement,
  presentOverview,
} from './judgement-schemas.js';
import { Ok } from './schemas.js';

const BASE = '/api/v1/activities/:id';
const TAG = 'judgements';
const iso = (d: Date) => d.toISOString();

export const registerJudgementApi: RouteModule = (app, ctx) => {
  const uc = (actor: Actor) => ({ db: ctx.database.db, actor, catalog: ctx.catalog });
  const id = (p: Record<string, string>) => p.id ?? '';
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: `${BASE}/judgements`,
      summary: 'The activity’s judgements: grades, stage, aggregation check, panel, divergence',
      tag: TAG,
      response: OverviewSchema,
      handler: async ({ actor, params }) =>
        presentOverview(await getJudgementsOverview(uc(actor), id(params))),
    }),
    defineApiRoute({
      method: 'PATCH',
      path: `${BASE}/judgements/:key`,
      summary:
        'Record or change a judgement (optimistic concurrency; reason after team provisional)',
      tag: TAG,
      body: SetJudgementInput.omit({ activityId: true, judgementKey: true }),
      response: z.object({ changed: z.boolean(), judgement: JudgementSchema }),
      handler: async ({ actor, params, body }) => {
        const r = await setJudgement(uc(actor), {
          ...body,
          activityId: id(params),
          judgementKey: params.key ?? '',
        });
        return { changed: r.changed, judgement: presentJudgement(r.record) };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${BASE}/judgements/stage`,
      summary:
        'Move the judgements to another stage (team_provisional, consistency_panel, quality_assurance, final)',
      tag: TAG,
      body: AdvanceJudgementsInput.omit({ activityId: true }),
      response: z.object({ stage: z.string() }),
      handler: async ({ actor, params, body }) =>
        advanceJudgements(uc(actor), { ...body, activityId: id(params) }),
    }),
    defineApiRoute({
      method: 'GET',
      path: `${BASE}/judgements/history`,
      summary:
        'Every change to grades, positions and narratives (who, when, stage, from, to, reason)',
      tag: TAG,
      query: z.object({ judgement: z.string().optional() }),
      response: z.object({
        changes: z.array(
          z.object({
            judgementKey: z.string(),
            stage: z.string(),
            field: z.string(),
            from: z.string().nullable(),
            to: z.string().nullable(),
            reason: z.string().nullable(),
            links: z.array(z.object({ kind: z.string(), id: z.string(), direction: z.string() })),
            changedBy: z.string(),
            changedAt: z.string(),
          }),
        ),
        stageChanges: z.array(
          z.object({
            fromStage: z.string().nullable(),
            toStage: z.string(),
            reason: z.string().nullable(),
            changedBy: z.string(),
            changedAt: z.string(),
          }),
        ),
      }),
      handler: async ({ actor, params, query }) => {
        const h = await getJudgementHistory(uc(actor), id(params), query.judgement);
        return {
          changes: h.entries.map((e) => ({
            judgementKey: e.judgementKey,
            stage: e.stage,
            field: e.field,
            from: e.fromValue,
            to: e.toValue,
            reason: e.reason,
            links: e.links,
            changedBy: e.changedBy,
            changedAt: iso(e.changedAt),
          })),
          stageChanges: h.stageChanges.map((s) => ({ ...s, changedAt: iso(s.changedAt) })),
        };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: `${BASE}/judgements/provisional-views`,
      summary: 'Team members’ provisional views side by side, with the spread per judgement',
      tag: TAG,
      response: z.object({
        judgements: z.array(
          z.object({
            key: z.string(),
            hidden: z.boolean(),
            spread: z.number().nullable(),
            decided: z.string().nullable(),
            views: z.array(
              z.object({
                userLabel: z.string(),
                grade: z.string(),
                position: z.string(),
                note: z.string(),
              }),
            ),
          }),
        ),
      }),
      handler: async ({ actor, params }) => {
        const p = await getProvisionalViews(uc(actor), id(params));
        return {
          judgements: p.judgements.map((j) => ({
            key: j.key,
            hidden: j.hidden,
            spread: j.spread,
            decided: j.decided,
            views: j.views.map((v) => ({
              userLabel: v.userLabel,
              grade: v.grade,
              position: v.position,
              note: v.note,
            })),
          })),
        };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${BASE}/judgements/:key/provisional-view`,
      summary: 'Record my own provisional view of a judgement (before the team decision)',
      tag: TAG,
      body: RecordProvisionalViewInput.omit({ activityId: true, judgementKey: true }),
      response: Ok,
      handler: async ({ actor, params, body }) => {
        await recordProvisionalView(uc(actor), {
          ...body,
          activityId: id(params),
          judgementKey: params.key ?? '',
        });
        return { ok: true as const };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${BASE}/judgements/panel`,
      summary: 'Assign an inspector who is not on the team to the consistency panel',
      tag: TAG,
      body: AssignPanelMemberInput.omit({ activityId: true }),
      response: z.object({ userId: z.string(), added: z.boolean() }),
      handler: async ({ actor, params, body }) =>
        assignPanelMember(uc(actor), { ...body, activityId: id(params) }),
    }),
    defineApiRoute({
      method: 'DELETE',
      path: `${BASE}/judgements/panel/:userId`,
      summary: 'Remove an inspector from the consistency panel',
      tag: TAG,
      response: Ok,
      handler: async ({ actor, params }) => {
        await removePanelMember(uc(actor), { activityId: id(params), userId: params.userId ?? '' });
        return { ok: true as const };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${BASE}/judgements/panel/comments`,
      summary: 'Comment on or challenge the judgements (consistency panel members)',
      tag: TAG,
      body: AddPanelCommentInput.omit({ activityId: true }),
      response: z.object({ id: z.string() }),
      handler: async ({ actor, params, body, reply }) => {
        const c = await addPanelComment(uc(actor), { ...body, activityId: id(params) });
        reply.status(201);
        return { id: c.id };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${BASE}/judgements/panel/comments/:commentId/response`,
      summary: 'Answer a panel comment or challenge (lead inspector)',
      tag: TAG,
      body: RespondToPanelCommentInput.pick({ response: true }),
      response: Ok,
      handler: async ({ actor, params, body }) => {
        await respondToPanelComment(uc(actor), {
          ...body,
          activityId: id(params),
          commentId: params.commentId ?? '',
        });
        return { ok: true as const };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: `${BASE}/feedback-log`,
      summary: 'What was said to the LA on site, and where it diverges from the grades now',
      tag: TAG,
      response: z.object({
        entries: z.array(
          z.object({
            id: z.string(),
            kind: z.string(),
            heldOn: z.string(),
            present: z.string(),
            summary: z.string(),
            themes: z.array(
              z.object({
                judgementKey: z.string(),
                direction: z.string(),
                text: z.string(),
                indicatedGrade: z.string().nullable(),
              }),
            ),
          }),
        ),
        divergence: z.array(
          z.object({ key: z.string(), message: z.string(), explanation: z.string().nullable() }),
        ),
      }),
      handler: async ({ actor, params }) => {
        const s = (await getFeedbackLog(uc(actor), id(params))).state;
        return {
          entries: s.feedback.map((f) => ({
            id: f.id,
            kind: f.kind,
            heldOn: f.heldOn,
            present: f.present,
            summary: f.summary,
            themes: f.themes,
          })),
          divergence: s.flags.map((f) => ({
            key: f.key,
            message: f.message,
            explanation: f.explanation?.explanation ?? null,
          })),
        };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${BASE}/feedback-log`,
      summary: 'Record a keeping-in-touch meeting or the final feedback',
      tag: TAG,
      body: AddFeedbackEntryInput.omit({ activityId: true }),
      response: z.object({ id: z.string() }),
      handler: async ({ actor, params, body, reply }) => {
        const r = await addFeedbackEntry(uc(actor), { ...body, activityId: id(params) });
        reply.status(201);
        return r;
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${BASE}/judgements/divergence`,
      summary: 'Explain a difference between on-site feedback and the grades (lead or QAM)',
      tag: TAG,
      body: ExplainDivergenceInput.omit({ activityId: true }),
      response: Ok,
      handler: async ({ actor, params, body }) => {
        await explainDivergence(uc(actor), { ...body, activityId: id(params) });
        return { ok: true as const };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: `${BASE}/moderation-record`,
      summary: 'What changed after the on-site feedback and why (the LA reads it once published)',
      tag: TAG,
      response: z.object({
        stage: z.string(),
        feedbackDay: z.string().nullable(),
        judgements: z.array(
          z.object({
            key: z.string(),
            title: z.string(),
            saidOnSite: z.array(z.string()),
            gradeAtFeedback: z.string().nullable(),
            finalGrade: z.string().nullable(),
            changes: z.array(
              z.object({
                stage: z.string(),
                when: z.string(),
                field: z.string(),
                from: z.string(),
                to: z.string(),
                reason: z.string().nullable(),
              }),
            ),
            challenges: z.array(z.object({ text: z.string(), response: z.string().nullable() })),
            explanations: z.array(z.object({ message: z.string(), explanation: z.string() })),
          }),
        ),
        caseRatings: z.array(
          z.object({ title: z.string(), sentence: z.string(), byCohort: z.array(z.string()) }),
        ),
        consistency: z.array(
          z.object({
            panelTitle: z.string(),
            summary: z.string(),
            queries: z.array(
              z.object({
                judgement: z.string().nullable(),
                reasons: z.string(),
                response: z.string().nullable(),
              }),
            ),
          }),
        ),
      }),
      handler: async ({ actor, params }) => {
        const m = await getModerationRecord(uc(actor), id(params));
        return {
          stage: m.stage,
          feedbackDay: m.feedbackDay,
          caseRatings: m.caseRatings,
          consistency: m.consistency,
          judgements: m.judgements.map((j) => ({
            ...j,
            changes: j.changes.map((c) => ({ ...c, when: iso(c.when) })),
          })),
        };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: `${BASE}/judgements/report-input`,
      summary: 'The judgements as a report takes them (framework order)',
      tag: TAG,
      response: z.object({
        judgements: z.array(
          z.object({
            judgementKey: z.string(),
            title: z.string(),
            grade: z.string().nullable(),
            gradeLabel: z.string().nullable(),
            position: z.string().nullable(),
            nearness: z.string(),
            context: z.string(),
            narrative: z.string(),
            criteriaMet: z.array(z.string()),
            criteriaNotMet: z.array(z.string()),
            state: z.string(),
          }),
        ),
      }),
      handler: async ({ actor, params }) => ({
        judgements: await getJudgementsForReport(uc(actor), { activityId: id(params) }),
      }),
    }),
  ]);
};

// Response shapes of the judgements API, and the functions that present use-case results in them.
import { z } from 'zod';
import type { JudgementRecord } from '../../../domain/judgements/records.js';
import type { JudgementsOverview } from '../../../usecases/judgements/get-judgements-overview.js';

const Link = z.object({
  kind: z.enum(['coding', 'evidence', 'line_of_enquiry']),
  id: z.string(),
  direction: z.enum(['strength', 'weakness']),
});

export const JudgementSchema = z.object({
  judgementKey: z.string(),
  grade: z.string().nullable(),
  position: z.string().nullable(),
  nearness: z.string(),
  context: z.string(),
  narrative: z.string(),
  criteriaMet: z.array(z.string()),
  criteriaNotMet: z.array(z.string()),
  links: z.array(Link),
  aggregationReason: z.string().nullable(),
  aggregationRules: z.array(z.string()),
  version: z.number(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});

export function presentJudgement(r: JudgementRecord): z.infer<typeof JudgementSchema> {
  return { ...r, updatedAt: r.updatedAt.toISOString() };
}

const Rule = z.object({ ruleId: z.string(), title: z.string(), explanation: z.string() });

export const OverviewSchema = z.object({
  activityId: z.string(),
  frameworkId: z.string(),
  stage: z.string(),
  version: z.number(),
  judgements: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      headline: z.boolean(),
      gradeLabel: z.string().nullable(),
      record: JudgementSchema.nullable(),
    }),
  ),
  aggregation: z.object({
    hard: z.array(Rule),
    soft: z.array(Rule.extend({ explained: z.boolean() })),
  }),
  blockers: z.record(z.string(), z.array(z.string())),
  panel: z.array(z.object({ userId: z.string(), displayName: z.string() })),
  comments: z.array(
    z.object({
      id: z.string(),
      judgementKey: z.string().nullable(),
      kind: z.string(),
      text: z.string(),
      createdBy: z.string(),
      response: z.string().nullable(),
    }),
  ),
  divergence: z.array(
    z.object({
      key: z.string(),
      rule: z.string(),
      judgementKey: z.string(),
      message: z.string(),
      explanation: z.string().nullable(),
    }),
  ),
  can: z.record(z.string(), z.boolean()),
});

export function presentOverview(o: JudgementsOverview): z.infer<typeof OverviewSchema> {
  const unexplained = new Set(o.state.aggregation.unexplainedSoft.map((s) => s.ruleId));
  const rule = (r: { ruleId: string; title: string; explanation: string }) => ({
    ruleId: r.ruleId,
    title: r.title,
    explanation: r.explanation,
  });
  return {
    activityId: o.scope.activity.id,
    frameworkId: o.scope.fw.id,
    stage: o.state.set.stage,
    version: o.state.set.version,
    judgements: o.state.rows.map((r, i) => ({
      key: r.key,
      title: r.shortTitle,
      headline: r.headline,
      gradeLabel: o.rows[i]?.gradeLabel ?? null,
      record: r.record ? presentJudgement(r.record) : null,
    })),
    aggregation: {
      hard: o.state.aggregation.hard.map(rule),
      soft: o.state.aggregation.result.soft.map((s) => ({
        ...rule(s),
        explained: !unexplained.has(s.ruleId),
      })),
    },
    blockers: Object.fromEntries(o.moves.map((m) => [m.stage, m.problems])),
    panel: o.state.panel.map((p) => ({ userId: p.userId, displayName: p.displayName })),
    comments: o.state.comments.map((c) => ({
      id: c.id,
      judgementKey: c.judgementKey,
      kind: c.kind,
      text: c.text,
      createdBy: c.createdBy,
      response: c.response,
    })),
    divergence: o.state.flags.map((f) => ({
      key: f.key,
      rule: f.rule,
      judgementKey: f.judgementKey,
      message: f.message,
      explanation: f.explanation?.explanation ?? null,
    })),
    can: o.can,
  };
}

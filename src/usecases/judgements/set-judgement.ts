// Record or change one judgement: grade, position within the grade, nearness, context, narrative,
// criteria met and not met, and the evidence cited. Optimistic concurrency on the judgement's
// version; after the team's provisional stage every change needs a reason. The headline judgement
// (overall effectiveness) is checked against the framework's aggregation rules: hard rules block,
// soft rules need a written reason stored with it.
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../data/schema.js';
import { writeAudit } from '../../data/audit-log.js';
import { listEvidenceOptions } from '../../data/repositories/judgement-evidence.js';
import {
  findJudgement,
  insertChanges,
  listJudgements,
  lockJudgementSet,
  saveJudgement,
  type JudgementRecord,
  type NewChange,
} from '../../data/repositories/judgements.js';
import {
  checkAggregation,
  checkContent,
  evidenceLinkKinds,
  gradePositions,
  linkDirections,
  type JudgementContent,
} from '../../domain/judgements/judgement-rules.js';
import { policies } from '../../domain/access/policies.js';
import {
  changeNeedsReason,
  stageLabels,
  type JudgementStage,
} from '../../domain/judgements/stages.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { whenText } from '../../domain/calendar/format.js';
import { assertOpen, judgementOf, judgementScope } from './judgement-access.js';

const longText = z.string().max(20_000).optional();

export const SetJudgementInput = z.object({
  activityId: z.string(),
  judgementKey: z.string(),
  /** The version the editor started from (0 for a judgement never recorded). */
  expectedVersion: z.number().int().min(0),
  /** Fields left out keep their current value; null (or '') clears one. */
  grade: z.string().nullable().optional(),
  position: z.enum(gradePositions).nullable().optional(),
  nearness: longText,
  context: longText,
  narrative: longText,
  criteriaMet: z.array(z.string()).max(100).optional(),
  criteriaNotMet: z.array(z.string()).max(100).optional(),
  links: z
    .array(
      z.object({
        kind: z.enum(evidenceLinkKinds),
        id: z.uuid(),
        direction: z.enum(linkDirections),
      }),
    )
    .max(200)
    .optional(),
  /** Why the change was made; required after the team's provisional stage. */
  reason: z.string().max(5000).nullish(),
  /** A written reason for departing from a soft aggregation rule (headline judgement only). */
  aggregationReason: z.string().max(5000).nullish(),
});
export type SetJudgementInput = z.input<typeof SetJudgementInput>;

const TRACKED = ['grade', 'position', 'nearness', 'context', 'narrative'] as const;

type Input = z.output<typeof SetJudgementInput>;
type Scope = Awaited<ReturnType<typeof judgementScope>>;
type Trx = Transaction<DB>;

export async function setJudgement(
  ctx: UseCaseContext,
  raw: SetJudgementInput,
): Promise<{ record: JudgementRecord; changed: boolean }> {
  const input = SetJudgementInput.parse(raw);
  const scope = await judgementScope(ctx, input.activityId);
  const j = judgementOf(scope, input.judgementKey);
  assertOpen(scope);
  const reason = input.reason?.trim() || null;
  const by = actorRef(ctx.actor);
  const activityId = scope.activity.id;
  return ctx.db.transaction().execute(async (trx) => {
    const set = await lockJudgementSet(trx, activityId);
    if (!policies.editJudgements(ctx.actor, scope.facts, scope.panelMember, set.stage))
      throw new AppError('FORBIDDEN', { message: mayNotEditMessage(set.stage) });
    const current = await findJudgement(trx, activityId, j.key);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== input.expectedVersion)
      throw staleEdit(j.shortTitle, current, input.expectedVersion);

    const content = contentAfter(input, current);
    const problems: ErrorDetail[] = [
      ...checkContent(scope.fw, j.key, content),
      ...(await citationProblems(trx, activityId, content)),
    ];
    if (problems.length) throw new AppError('VALIDATION_FAILED', { details: problems });
    const aggregation =
      j.key === scope.headline
        ? await checkHeadline(trx, scope, j.key, content, input, current)
        : {
            aggregationReason: current?.aggregationReason ?? null,
            aggregationRules: current?.aggregationRules ?? [],
          };

    const { before, after, fields, otherChanged } = differences(
      current,
      content,
      aggregation.aggregationReason,
    );
    if (fields.length === 0 && !otherChanged && current) return { record: current, changed: false };
    if (fields.length > 0 && changeNeedsReason(set.stage) && !reason)
      throw reasonRequired(set.stage);

    await saveJudgement(
      trx,
      activityId,
      j.key,
      { ...content, ...aggregation },
      by,
      current ? current.version : null,
    );
    const changes: NewChange[] = fields.map((f) => ({
      judgementKey: j.key,
      stage: set.stage,
      field: f,
      fromValue: before[f] || null,
      toValue: after[f] || null,
      reason,
      links: content.links,
    }));
    await insertChanges(trx, activityId, changes, by);
    await writeAudit(trx, ctx.actor, {
      action: 'judgement.updated',
      entityType: 'judgement',
      entityId: `${activityId}:${j.key}`,
      activityId,
      laId: scope.activity.laId,
      before: Object.fromEntries(fields.map((f) => [f, before[f]])),
      after: {
        version: currentVersion + 1,
        stage: set.stage,
        ...Object.fromEntries(fields.map((f) => [f, after[f]])),
      },
      reason,
    });
    const record = await findJudgement(trx, activityId, j.key);
    if (!record) throw new AppError('INTERNAL');
    return { record, changed: true };
  });
}

/** Someone else saved the judgement since the editor opened it. */
function staleEdit(title: string, current: JudgementRecord | null, expected: number): AppError {
  const version = current?.version ?? 0;
  return new AppError('CONFLICT', {
    message: `${title} was changed by ${current?.updatedBy ?? 'someone'} at ${current ? whenText(current.updatedAt) : 'a moment ago'} (now version ${version}; you started from version ${expected}). Reload it to see their changes, then make yours again.`,
  });
}

/** After the team's provisional stage a change needs its reason. */
function reasonRequired(stage: JudgementStage): AppError {
  return new AppError('VALIDATION_FAILED', {
    details: [
      {
        field: 'reason',
        reason: `Give the reason for this change (judgements are at ${stageLabels[stage].toLowerCase()})`,
      },
    ],
  });
}

/** Why the actor may not change judgements at this stage, in the stage's words. */
function mayNotEditMessage(stage: JudgementStage): string {
  if (stage === 'final') return 'The judgements are final and can no longer change.';
  const who =
    stage === 'team_provisional'
      ? 'the inspecting team'
      : stage === 'consistency_panel'
        ? 'the lead inspector'
        : 'the quality assurance manager';
  return `At ${stageLabels[stage].toLowerCase()} only ${who} can change judgements.`;
}

/** The judgement's content after the change: fields left out keep their current value. */
function contentAfter(input: Input, current: JudgementRecord | null): JudgementContent {
  const grade = input.grade === undefined ? (current?.grade ?? null) : input.grade || null;
  const text = (v: string | undefined, was: string | undefined) => (v ?? was ?? '').trim();
  return {
    grade,
    position: grade
      ? input.position === undefined
        ? (current?.position ?? null)
        : input.position
      : null,
    nearness: text(input.nearness, current?.nearness),
    context: text(input.context, current?.context),
    narrative: text(input.narrative, current?.narrative),
    criteriaMet: [...new Set(input.criteriaMet ?? current?.criteriaMet ?? [])],
    criteriaNotMet: [...new Set(input.criteriaNotMet ?? current?.criteriaNotMet ?? [])],
    links: input.links ?? current?.links ?? [],
  };
}

/** Citations of anything that is not this activity's evidence (of the kind said). */
async function citationProblems(
  trx: Trx,
  activityId: string,
  content: JudgementContent,
): Promise<ErrorDetail[]> {
  const known = new Map(
    (await listEvidenceOptions(trx, activityId, { ids: content.links.map((l) => l.id) })).map(
      (o) => [o.id, o.kind],
    ),
  );
  return content.links
    .filter((l) => known.get(l.id) !== l.kind)
    .map((l) => ({ field: 'links', value: l.id, reason: 'Cite evidence of this activity' }));
}

/**
 * The headline judgement against the framework's aggregation rules: hard rules block, soft rules
 * need a written reason (a new one, or the stored one if it answers the same rules).
 */
async function checkHeadline(
  trx: Trx,
  scope: Scope,
  key: string,
  content: JudgementContent,
  input: Input,
  current: JudgementRecord | null,
): Promise<{ aggregationReason: string | null; aggregationRules: string[] }> {
  const stored = {
    aggregationReason: current?.aggregationReason ?? null,
    aggregationRules: current?.aggregationRules ?? [],
  };
  const grades = Object.fromEntries(
    [...(await listJudgements(trx, scope.activity.id))].map(([k, r]) => [k, r.grade]),
  );
  for (const o of scope.judgements) grades[o.key] ??= null;
  grades[key] = content.grade;
  const newReason = input.aggregationReason?.trim() || null;
  const check = checkAggregation(scope.fw, grades, newReason ? [] : stored.aggregationRules);
  if (check.hard.length)
    throw new AppError('VALIDATION_FAILED', {
      message: 'This grade breaks the framework’s aggregation rules.',
      details: check.hard.map((h) => ({
        field: 'grade',
        reason: `${h.title}: ${h.explanation}`,
      })),
    });
  if (newReason)
    return {
      aggregationReason: newReason,
      aggregationRules: check.result.soft.map((s) => s.ruleId),
    };
  if (check.unexplainedSoft.length)
    throw new AppError('VALIDATION_FAILED', {
      message: 'This grade departs from the framework’s usual aggregation: give a reason.',
      details: check.unexplainedSoft.map((s) => ({
        field: 'aggregationReason',
        reason: `${s.title}: ${s.explanation} Give a written reason to record it.`,
      })),
    });
  return stored;
}

/** The tracked fields before and after, which of them changed, and whether anything else did. */
function differences(
  current: JudgementRecord | null,
  content: JudgementContent,
  aggregationReason: string | null,
) {
  const before: Record<string, string | null> = {
    grade: current?.grade ?? null,
    position: current?.position ?? null,
    nearness: current?.nearness ?? '',
    context: current?.context ?? '',
    narrative: current?.narrative ?? '',
    aggregation_reason: current?.aggregationReason ?? null,
  };
  const after: Record<string, string | null> = {
    grade: content.grade,
    position: content.position,
    nearness: content.nearness,
    context: content.context,
    narrative: content.narrative,
    aggregation_reason: aggregationReason,
  };
  const fields = [...TRACKED, 'aggregation_reason'].filter(
    (f) => (before[f] ?? '') !== (after[f] ?? ''),
  );
  const otherChanged =
    !current ||
    JSON.stringify([current.criteriaMet, current.criteriaNotMet, current.links]) !==
      JSON.stringify([content.criteriaMet, content.criteriaNotMet, content.links]);
  return { before, after, fields, otherChanged };
}

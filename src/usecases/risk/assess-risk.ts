// Record a risk assessment of an LA: a new version rating every domain of the model in force,
// each with a justification and the intelligence it rests on. The overall level follows the
// model's rule; a different level needs a reason. Regional staff, for their region.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findIntelligence } from '../../data/repositories/intelligence.js';
import {
  insertRiskAssessment,
  type RiskAssessment,
} from '../../data/repositories/risk-assessments.js';
import { combineRatings, defaultNextReview, ratingProblems } from '../../domain/risk/combine.js';
import { riskModel } from '../../domain/risk/installed.js';
import type { RiskModel } from '../../domain/risk/model.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import { todayInEngland } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { riskScope, validationError } from './risk-scope.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD');

export const AssessRiskInput = z.object({
  laId: z.string().trim().min(1).max(200),
  ratings: z
    .array(
      z.object({
        domain: z.string().max(100),
        rating: z.string().max(50),
        justification: z.string().trim().max(10_000).default(''),
        evidence: z.array(z.string().max(100)).max(100).default([]),
      }),
    )
    .max(50),
  overrideLevel: z.string().max(50).optional(),
  overrideReason: z.string().trim().max(5_000).optional(),
  changeReason: z
    .string()
    .trim()
    .min(1, 'Say why the assessment is being made or changed')
    .max(5_000),
  nextReviewOn: isoDate.optional(),
  /** The day the assessment was made (default today): an earlier one records a paper assessment. */
  assessedOn: isoDate.optional(),
  /** The version this change is made on (the current one); refused with CONFLICT if stale. */
  expectedVersion: z.number().int().min(0).optional(),
});
export type AssessRiskInput = z.input<typeof AssessRiskInput>;

function problemsOf(
  model: RiskModel,
  input: z.output<typeof AssessRiskInput>,
  computed: string,
  today: string,
  assessedOn: string,
): ErrorDetail[] {
  const byDomain = Object.fromEntries(input.ratings.map((r) => [r.domain, r.rating]));
  const problems: ErrorDetail[] = ratingProblems(model, byDomain);
  for (const r of input.ratings)
    if (!r.justification && model.domains.some((d) => d.key === r.domain))
      problems.push({ field: `justification.${r.domain}`, reason: 'Explain the rating' });
  if (input.overrideLevel && !model.levels.some((l) => l.key === input.overrideLevel))
    problems.push({ field: 'overrideLevel', reason: 'Select a risk level from the list' });
  if (input.overrideLevel && input.overrideLevel !== computed && !input.overrideReason)
    problems.push({
      field: 'overrideReason',
      reason: 'Give the reason for a level other than the rule gives',
    });
  if (assessedOn > today)
    problems.push({ field: 'assessedOn', reason: 'The assessment date must be today or earlier' });
  if (input.nextReviewOn && input.nextReviewOn <= assessedOn)
    problems.push({
      field: 'nextReviewOn',
      reason: 'The next review must be after the day of the assessment',
    });
  return problems;
}

export async function assessRisk(
  ctx: UseCaseContext,
  raw: AssessRiskInput,
): Promise<RiskAssessment> {
  // Who may act comes first: someone who may not see the LA learns nothing from a bad form.
  const scope = await riskScope(ctx, String(raw.laId ?? ''));
  if (!scope.canWrite) throw new AppError('FORBIDDEN');
  const parsed = AssessRiskInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const today = todayInEngland();
  const assessedOn = input.assessedOn ?? today;
  const model = riskModel({ onDate: assessedOn });
  const byDomain = Object.fromEntries(input.ratings.map((r) => [r.domain, r.rating]));
  const computed = combineRatings(model, byDomain);
  const problems = problemsOf(model, input, computed, today, assessedOn);
  const evidenceIds = [...new Set(input.ratings.flatMap((r) => r.evidence))];
  const found = new Set(
    (await findIntelligence(ctx.db, scope.la.id, evidenceIds)).map((e) => e.id),
  );
  for (const id of evidenceIds)
    if (!found.has(id))
      problems.push({ field: 'evidence', value: id, reason: `No intelligence entry ${id} here` });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { details: problems });
  const overall = input.overrideLevel ?? computed;
  const overridden = overall !== computed;
  return ctx.db.transaction().execute(async (trx) => {
    const saved = await insertRiskAssessment(
      trx,
      {
        laId: scope.la.id,
        modelId: model.id,
        assessedOn,
        author: { userId: actorRef(ctx.actor).id, label: actorRef(ctx.actor).label },
        // In the model's domain order, whatever order they came in.
        ratings: model.domains.map((d) => {
          const r = input.ratings.find((x) => x.domain === d.key)!;
          return {
            domain: d.key,
            rating: r.rating,
            justification: r.justification,
            evidence: [...new Set(r.evidence)],
          };
        }),
        computedLevel: computed,
        overallLevel: overall,
        overrideReason: overridden ? (input.overrideReason ?? null) : null,
        changeReason: input.changeReason,
        nextReviewOn: input.nextReviewOn ?? defaultNextReview(model, overall, assessedOn),
      },
      input.expectedVersion,
    );
    if (!saved) throw new AppError('CONFLICT');
    await writeAudit(trx, ctx.actor, {
      action: 'risk.assessed',
      entityType: 'risk_assessment',
      entityId: saved.id,
      laId: scope.la.id,
      after: {
        version: saved.version,
        overallLevel: overall,
        computedLevel: computed,
        ratings: byDomain,
      },
      reason: overridden
        ? `${input.changeReason} (override: ${input.overrideReason})`
        : input.changeReason,
    });
    return saved;
  });
}

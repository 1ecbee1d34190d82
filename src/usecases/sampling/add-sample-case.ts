// Adds a case to the sample by a route other than the random draw: chosen on site against
// criteria, chosen by the social worker, or taken from the LA's audits. The child is given by the
// LA's own ID (pseudonymised like Annex A) or by its reference; when the child is in the Annex A
// cohort its stratifier values are recorded, so the statement can compare it with the population.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findLineOfEnquiry } from '../../data/repositories/lines-of-enquiry.js';
import {
  ensureChildCase,
  findSampleCase,
  insertSampleCases,
  listSampleCases,
  lockSample,
  type SampleCase,
} from '../../data/repositories/sampling.js';
import { caseAttributesOf, cohortIds } from '../../domain/sampling/population.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { childRefsOf, loadPopulation, sampleScope } from './sample-scope.js';

export const AddSampleCaseInput = z.object({
  activityId: z.string(),
  childId: z.string().trim().min(1, 'Enter the child’s ID or reference').max(100),
  cohort: z.enum(cohortIds, { message: 'Choose the cohort' }),
  route: z.enum(['on_site', 'social_worker', 'la_audit'], { message: 'Choose how it was chosen' }),
  criteria: z.string().trim().max(2000).optional(),
  remote: z.boolean().default(false),
  lineOfEnquiryId: z.string().uuid().nullish(),
  /** Whether a child already in the sample may be added again (another cohort or line). */
  allowSameChild: z.boolean().default(false),
});
export type AddSampleCaseInput = z.input<typeof AddSampleCaseInput>;

export async function addSampleCase(
  ctx: UseCaseContext,
  raw: AddSampleCaseInput,
): Promise<SampleCase> {
  const { activity } = await sampleScope(ctx, String(raw.activityId), 'edit');
  const input = await checkedInput(ctx, activity.id, raw);
  const [childRef] = await childRefsOf(ctx.db, activity.id, [input.childId]);
  const population = await loadPopulation(ctx.db, activity.id);
  const found = population?.cases.find((c) => c.cohort === input.cohort && c.childRef === childRef);
  const by = actorRef(ctx.actor);
  const id = await ctx.db.transaction().execute(async (trx) => {
    await lockSample(trx, activity.id);
    const current = await listSampleCases(trx, activity.id);
    const same = current.filter((c) => c.childRef === childRef);
    if (
      same.some(
        (c) => c.cohort === input.cohort && c.lineOfEnquiryId === (input.lineOfEnquiryId ?? null),
      ) ||
      (same.length && !input.allowSameChild)
    )
      throw new AppError('ALREADY_EXISTS', {
        message: `${childRef} is already in the sample (${same.map((c) => c.cohort).join(', ')}).`,
        details: [{ field: 'childId', reason: 'This child is already in the sample' }],
      });
    const values = found?.values ?? {};
    const linked = await ensureChildCase(
      trx,
      activity.id,
      childRef!,
      caseAttributesOf({ cohort: input.cohort, values }),
      by,
    );
    const [sampleId] = await insertSampleCases(
      trx,
      activity.id,
      [
        {
          drawId: null,
          cohort: input.cohort,
          childRef: childRef!,
          caseId: linked.id,
          caseCreated: linked.created,
          lineOfEnquiryId: input.lineOfEnquiryId ?? null,
          route: input.route,
          stratum: null,
          criteria: input.criteria || null,
          remote: input.remote,
          attributes: found ? { ...found.values, locality: found.locality } : {},
        },
      ],
      by,
    );
    await writeAudit(trx, ctx.actor, {
      action: 'sample.case_added',
      entityType: 'sample_case',
      entityId: sampleId!,
      activityId: activity.id,
      laId: activity.laId,
      after: {
        childRef,
        cohort: input.cohort,
        route: input.route,
        criteria: input.criteria ?? null,
        remote: input.remote,
        inAnnexA: !!found,
        caseId: linked.id,
      },
    });
    return sampleId!;
  });
  const c = await findSampleCase(ctx.db, id);
  if (!c) throw new AppError('INTERNAL');
  return c;
}

/** The input, parsed and checked against the activity (after access, so outsiders learn nothing). */
async function checkedInput(
  ctx: UseCaseContext,
  activityId: string,
  raw: AddSampleCaseInput,
): Promise<z.output<typeof AddSampleCaseInput>> {
  const parsed = AddSampleCaseInput.safeParse(raw);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
    });
  const input = parsed.data;
  if (input.route === 'on_site' && !input.criteria)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'criteria', reason: 'Say which criteria the case was chosen against' }],
    });
  if (input.lineOfEnquiryId) {
    const line = await findLineOfEnquiry(ctx.db, input.lineOfEnquiryId);
    if (!line || line.activityId !== activityId)
      throw new AppError('VALIDATION_FAILED', {
        details: [{ field: 'lineOfEnquiryId', reason: 'No such line of enquiry.' }],
      });
  }
  return input;
}

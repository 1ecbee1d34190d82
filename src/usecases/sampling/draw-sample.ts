// Draws (or redraws) an activity's case sample from its current Annex A: seeded, stratified,
// with the LA's audited cases as their own stratum. A redraw replaces the previous draw in one
// transaction: its cases are taken out with the reason recorded, child cases it created that
// have no evidence yet are deleted, and cases added on site stay (their children are never
// drawn again unless the spec allows it). Every drawn child gets (or is linked to) a child case
// in the evidence base, with cohort, legal status, age band, ethnicity and disability.
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  deleteUnusedSampleCases,
  ensureChildCase,
  findCurrentDraw,
  insertDraw,
  insertSampleCases,
  listLaAudits,
  listSampleCases,
  lockSample,
  markSampleCasesRemoved,
  replaceCurrentDraw,
  type NewSampleCase,
  type SampleCase,
  type SampleDraw,
} from '../../data/repositories/sampling.js';
import type { DB } from '../../data/schema.js';
import type { PersonRef } from '../../data/repositories/evidence.js';
import { findLineOfEnquiry } from '../../data/repositories/lines-of-enquiry.js';
import { drawSample as draw, type DrawResult } from '../../domain/sampling/draw.js';
import { caseAttributesOf } from '../../domain/sampling/population.js';
import { defaultSampleSpec, SampleSpec } from '../../domain/sampling/spec.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { loadPopulation, sampleScope } from './sample-scope.js';

export const DrawSampleInput = z.object({
  activityId: z.string(),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  /** Omitted: the default spec (defaultSampleSpec). */
  spec: SampleSpec.optional(),
  reason: z.string().trim().max(2000).optional(),
});
export type DrawSampleInput = z.input<typeof DrawSampleInput>;

export interface DrawSampleOutcome {
  drawId: string;
  seed: number;
  status: 'drawn' | 'redrawn';
  cases: number;
  entries: DrawResult['entries'];
  replacedCases: number;
}

export async function drawSample(
  ctx: UseCaseContext,
  raw: DrawSampleInput,
): Promise<DrawSampleOutcome> {
  const { activity } = await sampleScope(ctx, String(raw.activityId), 'draw');
  const { input, spec, population } = await prepareDraw(ctx, activity.id, raw);
  const by = actorRef(ctx.actor);

  return ctx.db.transaction().execute(async (trx) => {
    await lockSample(trx, activity.id);
    const previous = await findCurrentDraw(trx, activity.id);
    const existing = await listSampleCases(trx, activity.id);
    const fromDraw = existing.filter((c) => c.drawId !== null);
    const kept = existing.filter((c) => c.drawId === null);
    const audited = new Set(await listLaAudits(trx, activity.id));
    const result = draw({
      population: population.cases,
      spec,
      seed: input.seed,
      audited,
      alreadySampled: new Set(kept.map((c) => c.childRef)),
    });

    if (previous) {
      await markSampleCasesRemoved(
        trx,
        fromDraw.map((c) => c.id),
        by,
        input.reason ? `Redrawn: ${input.reason}` : 'Redrawn',
      );
      await replaceCurrentDraw(trx, activity.id);
    }
    const drawId = await insertDraw(trx, {
      activityId: activity.id,
      importId: population.importId,
      referenceDate: population.referenceDate,
      seed: input.seed,
      spec: spec as unknown as Record<string, unknown>,
      population: result.population as unknown as Record<string, unknown>,
      outcome: result.entries,
      by,
    });
    const rows = await sampleRows(trx, activity.id, { drawId, result, spec, fromDraw, by });
    await insertSampleCases(trx, activity.id, rows, by);
    const deleted = await deleteUnusedSampleCases(
      trx,
      fromDraw.filter((c) => c.caseCreated && c.caseId).map((c) => c.caseId!),
    );
    await writeAudit(trx, ctx.actor, {
      action: 'sample.drawn',
      entityType: 'sample_draw',
      entityId: drawId,
      activityId: activity.id,
      laId: activity.laId,
      before: previous
        ? { ...replaced(previous, fromDraw), caseRecordsDeleted: deleted.length }
        : null,
      after: {
        drawId,
        seed: input.seed,
        importId: population.importId,
        spec,
        cases: rows.length,
        childRefs: rows.map((r) => r.childRef),
      },
      reason: previous ? (input.reason ?? 'Redrawn') : null,
    });
    return {
      drawId,
      seed: input.seed,
      status: previous ? ('redrawn' as const) : ('drawn' as const),
      cases: rows.length,
      entries: result.entries,
      replacedCases: previous ? fromDraw.length : 0,
    };
  });
}

/** The input parsed, its spec checked against the activity, and the population to draw from. */
async function prepareDraw(ctx: UseCaseContext, activityId: string, raw: DrawSampleInput) {
  const parsed = DrawSampleInput.safeParse(raw);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
    });
  const input = parsed.data;
  const spec = input.spec ?? defaultSampleSpec();
  for (const e of spec.entries) {
    if (!e.lineOfEnquiryId) continue;
    const line = await findLineOfEnquiry(ctx.db, e.lineOfEnquiryId);
    if (!line || line.activityId !== activityId)
      throw new AppError('VALIDATION_FAILED', {
        details: [{ field: 'spec.entries.lineOfEnquiryId', reason: 'No such line of enquiry.' }],
      });
  }
  const population = await loadPopulation(ctx.db, activityId);
  if (!population)
    throw new AppError('VALIDATION_FAILED', {
      message: 'Import Annex A before drawing the sample: the sample is drawn from its lists.',
      details: [{ field: 'annexA', reason: 'No Annex A has been imported for this activity.' }],
    });
  return { input, spec, population };
}

/** The sample cases of a draw, each linked to its child's case (created when new). */
async function sampleRows(
  trx: Transaction<DB>,
  activityId: string,
  d: {
    drawId: string;
    result: DrawResult;
    spec: SampleSpec;
    fromDraw: SampleCase[];
    by: PersonRef;
  },
): Promise<NewSampleCase[]> {
  const rows: NewSampleCase[] = [];
  for (const c of d.result.cases) {
    const linked = await ensureChildCase(trx, activityId, c.childRef, caseAttributesOf(c), d.by);
    rows.push({
      drawId: d.drawId,
      cohort: c.cohort,
      childRef: c.childRef,
      caseId: linked.id,
      caseCreated: linked.created,
      lineOfEnquiryId: c.lineOfEnquiryId,
      route: c.route,
      stratum: c.stratum,
      criteria: null,
      remote: d.spec.remote,
      attributes: { ...c.values, locality: c.locality },
    });
  }
  // A child drawn again keeps the case its earlier draw created (still "created by the sample").
  const createdBefore = new Set(d.fromDraw.filter((c) => c.caseCreated).map((c) => c.caseId));
  for (const r of rows) if (createdBefore.has(r.caseId)) r.caseCreated = true;
  return rows;
}

/** What a redraw replaced, for the audit event. */
function replaced(previous: SampleDraw, fromDraw: SampleCase[]) {
  return {
    drawId: previous.id,
    seed: previous.seed,
    cases: fromDraw.length,
    childRefs: fromDraw.map((c) => c.childRef),
  };
}

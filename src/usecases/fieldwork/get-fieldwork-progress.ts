import { z } from 'zod';
import {
  countVoiceRecordsByArea,
  listCaseVisits,
  listConversations,
  listLinesWithEvidence,
  listObservations,
} from '../../data/repositories/fieldwork.js';
import { listSampleCases } from '../../data/repositories/sampling.js';
import type { Activity } from '../../data/repositories/activities.js';
import { consentMethods } from '../../domain/evidence/vocabulary.js';
import { gapStatements } from '../../domain/fieldwork/gaps.js';
import { computeProgress, type FieldworkProgress } from '../../domain/fieldwork/progress.js';
import { now } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { expectationsOf, fieldworkScope } from './fieldwork-scope.js';

export const GetFieldworkProgressInput = z.object({ activityId: z.string() });
export type GetFieldworkProgressInput = z.input<typeof GetFieldworkProgressInput>;

export interface FieldworkProgressView {
  activity: Activity;
  at: Date;
  progress: FieldworkProgress;
  /** The plan's gaps in plain words, for the team meeting. */
  gaps: string[];
  designatedObserver: string | null;
}

/** Progress against the fieldwork plan, with its gaps in plain words (morning and evening). */
export async function getFieldworkProgress(
  ctx: UseCaseContext,
  raw: GetFieldworkProgressInput,
): Promise<FieldworkProgressView> {
  const input = GetFieldworkProgressInput.parse(raw);
  const scope = await fieldworkScope(ctx, input.activityId, 'read');
  const id = scope.activity.id;
  const [expectations, sample, visits, conversations, observations, voices, lines] =
    await Promise.all([
      expectationsOf(ctx, scope),
      listSampleCases(ctx.db, id),
      listCaseVisits(ctx.db, id),
      listConversations(ctx.db, id),
      listObservations(ctx.db, id),
      countVoiceRecordsByArea(ctx.db, id, consentMethods),
      listLinesWithEvidence(ctx.db, id),
    ]);
  const progress = computeProgress({
    expectations,
    serviceAreas: scope.rules.serviceAreas,
    minEvidencePerLine: scope.rules.minEvidencePerLine,
    inspectors: scope.inspectors,
    sampleCases: sample.map((c) => ({ id: c.id, childRef: c.childRef, caseId: c.caseId })),
    visits,
    conversations,
    observations,
    voiceRecordsByArea: voices,
    casesWithEvidence: new Set(
      sample.filter((c) => c.caseId !== null && c.evidenceCount > 0).map((c) => c.caseId ?? ''),
    ),
    lines,
  });
  return {
    activity: scope.activity,
    at: now(),
    progress,
    gaps: gapStatements(progress),
    designatedObserver:
      scope.inspectors.find((i) => i.id === expectations.designatedObserverId)?.label ?? null,
  };
}

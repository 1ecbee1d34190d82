import { z } from 'zod';
import {
  listCaseVisits,
  listConversations,
  listObservations,
  type CaseVisit,
  type PlannedConversation,
  type PlannedObservation,
} from '../../data/repositories/fieldwork.js';
import { listSampleCases } from '../../data/repositories/sampling.js';
import type { Activity } from '../../data/repositories/activities.js';
import type { Expectations } from '../../domain/fieldwork/progress.js';
import type { ServiceArea } from '../../domain/fieldwork/vocabulary.js';
import type { UseCaseContext } from '../context.js';
import { expectationsOf, fieldworkScope } from './fieldwork-scope.js';

export const GetFieldworkPlanInput = z.object({ activityId: z.string() });
export type GetFieldworkPlanInput = z.input<typeof GetFieldworkPlanInput>;

export interface FieldworkPlan {
  activity: Activity;
  canEdit: boolean;
  expectations: Expectations & { set: boolean };
  inspectors: Array<{ id: string; label: string }>;
  serviceAreas: ServiceArea[];
  sampleCases: Array<{ id: string; childRef: string; cohort: string; allocatedTo: string[] }>;
  visits: CaseVisit[];
  conversations: PlannedConversation[];
  observations: PlannedObservation[];
}

/** The fieldwork plan: expectations, case visits by inspector, conversations and observations. */
export async function getFieldworkPlan(
  ctx: UseCaseContext,
  raw: GetFieldworkPlanInput,
): Promise<FieldworkPlan> {
  const input = GetFieldworkPlanInput.parse(raw);
  const scope = await fieldworkScope(ctx, input.activityId, 'read');
  const id = scope.activity.id;
  const [expectations, sample, visits, conversations, observations] = await Promise.all([
    expectationsOf(ctx, scope),
    listSampleCases(ctx.db, id),
    listCaseVisits(ctx.db, id),
    listConversations(ctx.db, id),
    listObservations(ctx.db, id),
  ]);
  return {
    activity: scope.activity,
    canEdit: scope.canEdit,
    expectations,
    inspectors: scope.inspectors,
    serviceAreas: scope.rules.serviceAreas,
    sampleCases: sample.map((c) => ({
      id: c.id,
      childRef: c.childRef,
      cohort: c.cohort,
      allocatedTo: [
        ...new Set(
          visits
            .filter((v) => v.sampleCaseId === c.id && v.status !== 'cancelled')
            .map((v) => v.inspectorLabel),
        ),
      ],
    })),
    visits,
    conversations,
    observations,
  };
}

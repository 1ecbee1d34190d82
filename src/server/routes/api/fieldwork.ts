// JSON API for the fieldwork plan (issue 17): the plan, progress against it with its gaps in plain
// words, and the lead's changes (allocate a case, plan a conversation or an observation, mark an
// item done). The same use cases and access rules as the pages.
import { z } from 'zod';
import {
  consentStates,
  conversationWith,
  infoSheetStates,
  observationKinds,
  observationModes,
  planStatuses,
  visitModes,
} from '../../../domain/fieldwork/vocabulary.js';
import { allocateCase } from '../../../usecases/fieldwork/allocate-case.js';
import { getFieldworkPlan } from '../../../usecases/fieldwork/get-fieldwork-plan.js';
import { getFieldworkProgress } from '../../../usecases/fieldwork/get-fieldwork-progress.js';
import { markFieldworkItem } from '../../../usecases/fieldwork/mark-fieldwork-item.js';
import { planConversation } from '../../../usecases/fieldwork/plan-conversation.js';
import { planObservation } from '../../../usecases/fieldwork/plan-observation.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const Status = z.enum(planStatuses);
const Visit = z.object({
  id: z.string(),
  sampleCaseId: z.string(),
  childRef: z.string(),
  cohort: z.string(),
  inspectorId: z.string(),
  inspectorLabel: z.string(),
  socialWorkerRef: z.string().nullable(),
  socialWorkerRole: z.string().nullable(),
  plannedAt: z.date().nullable(),
  mode: z.enum(visitModes),
  status: Status,
  minutesSpent: z.number().nullable(),
  plannedJoint: z.boolean(),
});
const Conversation = z.object({
  id: z.string(),
  withWhom: z.enum(conversationWith),
  serviceArea: z.string(),
  sampleCaseId: z.string().nullable(),
  childRef: z.string().nullable(),
  inspectorId: z.string(),
  inspectorLabel: z.string(),
  plannedOn: z.string().nullable(),
  infoSheet: z.enum(infoSheetStates),
  consent: z.enum(consentStates),
  status: Status,
});
const Observation = z.object({
  id: z.string(),
  kind: z.enum(observationKinds),
  description: z.string().nullable(),
  observerId: z.string(),
  observerLabel: z.string(),
  plannedOn: z.string().nullable(),
  status: Status,
});
const Expectations = z.object({
  remoteShareMaxPercent: z.number(),
  minutesPerCase: z.number(),
  observationMode: z.enum(observationModes),
  designatedObserverId: z.string().nullable(),
  set: z.boolean(),
});
const Person = z.object({ id: z.string(), label: z.string() });
const ServiceArea = z.object({
  key: z.string(),
  label: z.string(),
  who: z.string(),
  judgements: z.array(z.string()),
});
const Plan = z.object({
  activity: z.object({ id: z.string(), title: z.string(), laName: z.string() }),
  canEdit: z.boolean(),
  expectations: Expectations,
  inspectors: z.array(Person),
  serviceAreas: z.array(ServiceArea),
  sampleCases: z.array(
    z.object({
      id: z.string(),
      childRef: z.string(),
      cohort: z.string(),
      allocatedTo: z.array(z.string()),
    }),
  ),
  visits: z.array(Visit),
  conversations: z.array(Conversation),
  observations: z.array(Observation),
});
const Progress = z.object({
  activity: z.object({ id: z.string(), title: z.string(), laName: z.string() }),
  at: z.date(),
  gaps: z.array(z.string()),
  designatedObserver: z.string().nullable(),
  progress: z.object({
    sampleSize: z.number(),
    casesPlanned: z.number(),
    casesSeen: z.number(),
    casesUnallocated: z.number(),
    visitsDone: z.number(),
    remoteDone: z.number(),
    remoteSharePercent: z.number().nullable(),
    plannedRemoteSharePercent: z.number().nullable(),
    remoteShareMaxPercent: z.number(),
    minutesPerCaseSeen: z.number().nullable(),
    minutesPerCaseExpected: z.number(),
    voices: z.array(
      z.object({
        serviceArea: ServiceArea,
        conversationsPlanned: z.number(),
        conversationsDone: z.number(),
        evidenceRecords: z.number(),
        heard: z.number(),
      }),
    ),
    observationsPlanned: z.number(),
    observationsDone: z.number(),
    observationMode: z.enum(observationModes),
    designatedObserverId: z.string().nullable(),
    thinLines: z.array(z.object({ id: z.string(), title: z.string(), evidenceCount: z.number() })),
    minEvidencePerLine: z.number(),
    inspectors: z.array(
      z.object({
        inspectorId: z.string(),
        label: z.string(),
        casesAllocated: z.number(),
        casesSeen: z.number(),
        observationsPlanned: z.number(),
        observationsDone: z.number(),
        casesWithoutEvidence: z.array(z.object({ sampleCaseId: z.string(), childRef: z.string() })),
      }),
    ),
  }),
});
const AllocateBody = z.object({
  sampleCaseId: z.string(),
  inspectorId: z.string(),
  socialWorkerRef: z.string().nullish(),
  socialWorkerRole: z.string().nullish(),
  plannedAt: z.string().nullish(),
  mode: z.enum(visitModes),
  plannedJoint: z.boolean().optional(),
});
const ConversationBody = z.object({
  withWhom: z.enum(conversationWith),
  serviceArea: z.string(),
  sampleCaseId: z.string().nullish(),
  inspectorId: z.string(),
  plannedOn: z.string().nullish(),
  infoSheet: z.enum(infoSheetStates).optional(),
  consent: z.enum(consentStates).optional(),
});
const ObservationBody = z.object({
  kind: z.enum(observationKinds),
  description: z.string().nullish(),
  observerId: z.string(),
  plannedOn: z.string().nullish(),
});
const MarkBody = z.object({
  status: Status,
  minutesSpent: z.number().int().nullish(),
  consent: z.enum(consentStates).optional(),
  infoSheet: z.enum(infoSheetStates).optional(),
});

export const registerFieldworkApi: RouteModule = (app, ctx) => {
  const activityId = (params: Record<string, string | undefined>) => params.id ?? '';
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/fieldwork',
      summary: 'The fieldwork plan: expectations, case visits, conversations, observations',
      tag: 'fieldwork',
      response: Plan,
      handler: async ({ request, params }) =>
        getFieldworkPlan(useCaseContext(request, ctx), { activityId: activityId(params) }),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/fieldwork/progress',
      summary: 'Progress against the fieldwork plan, with its gaps in plain words',
      tag: 'fieldwork',
      response: Progress,
      handler: async ({ request, params }) =>
        getFieldworkProgress(useCaseContext(request, ctx), { activityId: activityId(params) }),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/fieldwork/visits',
      summary: 'Allocate a sampled case to an inspector (refused if another has it, unless joint)',
      tag: 'fieldwork',
      body: AllocateBody,
      response: Visit,
      handler: async ({ request, params, body }) =>
        allocateCase(useCaseContext(request, ctx), { ...body, activityId: activityId(params) }),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/fieldwork/conversations',
      summary: 'Plan a conversation with a child, young person, parent or carer',
      tag: 'fieldwork',
      body: ConversationBody,
      response: Conversation,
      handler: async ({ request, params, body }) =>
        planConversation(useCaseContext(request, ctx), { ...body, activityId: activityId(params) }),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/fieldwork/observations',
      summary: 'Plan an observation of practice',
      tag: 'fieldwork',
      body: ObservationBody,
      response: Observation,
      handler: async ({ request, params, body }) =>
        planObservation(useCaseContext(request, ctx), { ...body, activityId: activityId(params) }),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/fieldwork/items/:kind/:itemId',
      summary: 'Mark a case visit, conversation or observation done, cancelled or planned',
      tag: 'fieldwork',
      body: MarkBody,
      response: z.object({ kind: z.string(), id: z.string(), status: z.string() }),
      handler: async ({ request, params, body }) =>
        markFieldworkItem(useCaseContext(request, ctx), {
          ...body,
          activityId: activityId(params),
          kind: (params.kind ?? '') as 'visit',
          itemId: params.itemId ?? '',
        }),
    }),
  ]);
};

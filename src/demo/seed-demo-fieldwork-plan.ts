// The demo inspection's fieldwork plan (issue 17): the lead's expectations, the first eight
// sampled cases allocated between the lead and the team inspector (two remote), four of them seen;
// conversations planned in each service area (two held, with consent) and three observations of
// practice (one done). Through the use cases, as the lead and the inspector themselves.
import type { UserActor } from '../domain/access/actor.js';
import type { UseCaseContext } from '../usecases/context.js';
import { allocateCase } from '../usecases/fieldwork/allocate-case.js';
import { getFieldworkPlan } from '../usecases/fieldwork/get-fieldwork-plan.js';
import { markFieldworkItem } from '../usecases/fieldwork/mark-fieldwork-item.js';
import { planConversation } from '../usecases/fieldwork/plan-conversation.js';
import { planObservation } from '../usecases/fieldwork/plan-observation.js';
import { setFieldworkExpectations } from '../usecases/fieldwork/set-fieldwork-expectations.js';

/** Counts other tests may rely on. */
export const DEMO_FIELDWORK_PLAN = {
  visits: 8,
  visitsDone: 4,
  conversations: 4,
  conversationsDone: 2,
  observations: 3,
  observationsDone: 1,
};

export async function seedDemoFieldworkPlan(
  db: UseCaseContext['db'],
  activityId: string,
  day: string,
  people: { lead: UserActor; inspector: UserActor },
): Promise<void> {
  const lead: UseCaseContext = { db, actor: people.lead };
  const inspector: UseCaseContext = { db, actor: people.inspector };
  await setFieldworkExpectations(lead, {
    activityId,
    remoteShareMaxPercent: 30,
    minutesPerCase: 60,
    observationMode: 'day_per_inspector',
  });
  const plan = await getFieldworkPlan(lead, { activityId });
  const cases = plan.sampleCases.slice(0, DEMO_FIELDWORK_PLAN.visits);
  const who = [people.lead, people.inspector];
  const minutes = [45, 60, 30, 50];
  for (const [i, c] of cases.entries()) {
    const by = who[i % 2]!;
    const visit = await allocateCase(lead, {
      activityId,
      sampleCaseId: c.id,
      inspectorId: by.userId,
      socialWorkerRef: `SW-${String(11 + i).padStart(2, '0')}`,
      socialWorkerRole: i % 3 === 0 ? 'Team manager' : 'Social worker',
      plannedAt: `${day}T${String(9 + Math.floor(i / 2)).padStart(2, '0')}:30:00Z`,
      mode: i === 3 || i === 6 ? 'remote' : 'in_person',
    });
    if (i < DEMO_FIELDWORK_PLAN.visitsDone)
      await markFieldworkItem(by === people.lead ? lead : inspector, {
        activityId,
        kind: 'visit',
        itemId: visit.id,
        status: 'done',
        minutesSpent: minutes[i],
      });
  }
  const conversations = [
    { withWhom: 'child', serviceArea: 'children_in_care', by: people.inspector, done: true },
    { withWhom: 'parent', serviceArea: 'help_and_protection', by: people.lead, done: true },
    { withWhom: 'young_person', serviceArea: 'care_leavers', by: people.inspector, done: false },
    { withWhom: 'carer', serviceArea: 'early_help', by: people.lead, done: false },
  ] as const;
  for (const c of conversations) {
    const planned = await planConversation(lead, {
      activityId,
      withWhom: c.withWhom,
      serviceArea: c.serviceArea,
      inspectorId: c.by.userId,
      plannedOn: day,
      infoSheet: c.done ? 'given' : 'not_given',
      consent: c.done ? 'given' : 'not_asked',
    });
    if (c.done)
      await markFieldworkItem(c.by === people.lead ? lead : inspector, {
        activityId,
        kind: 'conversation',
        itemId: planned.id,
        status: 'done',
      });
  }
  const observations = [
    {
      kind: 'home_visit',
      by: people.inspector,
      done: true,
      description: 'Visit with a social worker in the east locality',
    },
    {
      kind: 'conference',
      by: people.lead,
      done: false,
      description: 'Initial child protection conference',
    },
    {
      kind: 'supervision',
      by: people.inspector,
      done: false,
      description: 'A team manager’s supervision of a newly qualified social worker',
    },
  ] as const;
  for (const o of observations) {
    const planned = await planObservation(lead, {
      activityId,
      kind: o.kind,
      observerId: o.by.userId,
      plannedOn: day,
      description: o.description,
    });
    if (o.done)
      await markFieldworkItem(inspector, {
        activityId,
        kind: 'observation',
        itemId: planned.id,
        status: 'done',
      });
  }
}

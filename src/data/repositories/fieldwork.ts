// The fieldwork plan of an activity (issue 17): expectations, case visits, planned conversations
// and observations, and the slim summaries of the evidence its progress view needs.
import { sql, type Kysely, type Transaction } from 'kysely';
import { now } from '../../clock.js';
import type { DB } from '../schema.js';
import type { PersonRef } from './evidence.js';
import { isUuid } from './users.js';
import type {
  ConsentState,
  ConversationWith,
  InfoSheetState,
  ObservationKind,
  ObservationMode,
  PlanStatus,
  VisitMode,
} from '../../domain/fieldwork/vocabulary.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface FieldworkExpectations {
  remoteShareMaxPercent: number;
  minutesPerCase: number;
  observationMode: ObservationMode;
  designatedObserverId: string | null;
  updatedBy: string;
  updatedAt: Date;
}

export interface CaseVisit {
  id: string;
  activityId: string;
  sampleCaseId: string;
  childRef: string;
  cohort: string;
  inspectorId: string;
  inspectorLabel: string;
  socialWorkerRef: string | null;
  socialWorkerRole: string | null;
  plannedAt: Date | null;
  mode: VisitMode;
  status: PlanStatus;
  minutesSpent: number | null;
  plannedJoint: boolean;
}

export interface PlannedConversation {
  id: string;
  activityId: string;
  withWhom: ConversationWith;
  serviceArea: string;
  sampleCaseId: string | null;
  childRef: string | null;
  inspectorId: string;
  inspectorLabel: string;
  plannedOn: string | null;
  infoSheet: InfoSheetState;
  consent: ConsentState;
  status: PlanStatus;
}

export interface PlannedObservation {
  id: string;
  activityId: string;
  kind: ObservationKind;
  description: string | null;
  observerId: string;
  observerLabel: string;
  plannedOn: string | null;
  status: PlanStatus;
}

export type PlanItemKind = 'visit' | 'conversation' | 'observation';
const TABLES = {
  visit: 'fieldwork_case_visits',
  conversation: 'fieldwork_conversations',
  observation: 'fieldwork_observations',
} as const;

export async function findExpectations(
  db: Db,
  activityId: string,
): Promise<FieldworkExpectations | null> {
  const r = await db
    .selectFrom('fieldwork_expectations')
    .selectAll()
    .where('activity_id', '=', activityId)
    .executeTakeFirst();
  return r
    ? {
        remoteShareMaxPercent: r.remote_share_max_percent,
        minutesPerCase: r.minutes_per_case,
        observationMode: r.observation_mode,
        designatedObserverId: r.designated_observer_id,
        updatedBy: r.updated_by_label,
        updatedAt: r.updated_at,
      }
    : null;
}

export async function saveExpectations(
  trx: Transaction<DB>,
  activityId: string,
  e: Omit<FieldworkExpectations, 'updatedBy' | 'updatedAt'>,
  by: PersonRef,
): Promise<void> {
  const values = {
    remote_share_max_percent: e.remoteShareMaxPercent,
    minutes_per_case: e.minutesPerCase,
    observation_mode: e.observationMode,
    designated_observer_id: e.designatedObserverId,
    updated_by: by.id,
    updated_by_label: by.label,
    updated_at: now(),
  };
  await trx
    .insertInto('fieldwork_expectations')
    .values({ activity_id: activityId, ...values })
    .onConflict((oc) => oc.column('activity_id').doUpdateSet(values))
    .execute();
}

function visitQuery(db: Db) {
  return db
    .selectFrom('fieldwork_case_visits as v')
    .innerJoin('sample_cases as s', 's.id', 'v.sample_case_id')
    .innerJoin('users as u', 'u.id', 'v.inspector_id')
    .selectAll('v')
    .select(['s.child_ref', 's.cohort', 'u.display_name']);
}

type VisitRow = Awaited<ReturnType<ReturnType<typeof visitQuery>['executeTakeFirstOrThrow']>>;

function toVisit(r: VisitRow): CaseVisit {
  return {
    id: r.id,
    activityId: r.activity_id,
    sampleCaseId: r.sample_case_id,
    childRef: r.child_ref,
    cohort: r.cohort,
    inspectorId: r.inspector_id,
    inspectorLabel: r.display_name,
    socialWorkerRef: r.social_worker_ref,
    socialWorkerRole: r.social_worker_role,
    plannedAt: r.planned_at,
    mode: r.mode,
    status: r.status,
    minutesSpent: r.minutes_spent,
    plannedJoint: r.planned_joint,
  };
}

export async function listCaseVisits(
  db: Db,
  activityId: string,
  sampleCaseId?: string,
): Promise<CaseVisit[]> {
  let q = visitQuery(db).where('v.activity_id', '=', activityId);
  if (sampleCaseId) q = q.where('v.sample_case_id', '=', sampleCaseId);
  const rows = await q
    .orderBy('u.display_name')
    .orderBy('v.planned_at')
    .orderBy('s.child_ref')
    .orderBy('v.id')
    .execute();
  return rows.map(toVisit);
}

/** Who created a plan item and when: the columns every item carries. */
function createdColumns(by: PersonRef) {
  const at = now();
  return { created_by: by.id, created_by_label: by.label, created_at: at, updated_at: at };
}

export interface NewCaseVisit {
  sampleCaseId: string;
  inspectorId: string;
  socialWorkerRef: string | null;
  socialWorkerRole: string | null;
  plannedAt: Date | null;
  mode: VisitMode;
  plannedJoint: boolean;
}

export async function insertCaseVisit(
  trx: Transaction<DB>,
  activityId: string,
  v: NewCaseVisit,
  by: PersonRef,
): Promise<string> {
  const r = await trx
    .insertInto('fieldwork_case_visits')
    .values({
      activity_id: activityId,
      sample_case_id: v.sampleCaseId,
      inspector_id: v.inspectorId,
      social_worker_ref: v.socialWorkerRef,
      social_worker_role: v.socialWorkerRole,
      planned_at: v.plannedAt,
      mode: v.mode,
      planned_joint: v.plannedJoint,
      ...createdColumns(by),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Serialises allocations of one case, so that two leads' clicks cannot both pass the rule. */
export async function lockSampleCase(trx: Transaction<DB>, sampleCaseId: string): Promise<void> {
  await trx
    .selectFrom('sample_cases')
    .select('id')
    .where('id', '=', sampleCaseId)
    .forUpdate()
    .execute();
}

function conversationQuery(db: Db) {
  return db
    .selectFrom('fieldwork_conversations as c')
    .innerJoin('users as u', 'u.id', 'c.inspector_id')
    .leftJoin('sample_cases as s', 's.id', 'c.sample_case_id')
    .selectAll('c')
    .select(['u.display_name', 's.child_ref']);
}

export async function listConversations(
  db: Db,
  activityId: string,
): Promise<PlannedConversation[]> {
  const rows = await conversationQuery(db)
    .where('c.activity_id', '=', activityId)
    .orderBy('c.service_area')
    .orderBy('c.planned_on')
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    activityId: r.activity_id,
    withWhom: r.with_whom,
    serviceArea: r.service_area,
    sampleCaseId: r.sample_case_id,
    childRef: r.child_ref,
    inspectorId: r.inspector_id,
    inspectorLabel: r.display_name,
    plannedOn: r.planned_on,
    infoSheet: r.info_sheet,
    consent: r.consent,
    status: r.status,
  }));
}

export interface NewConversation {
  withWhom: ConversationWith;
  serviceArea: string;
  sampleCaseId: string | null;
  inspectorId: string;
  plannedOn: string | null;
  infoSheet: InfoSheetState;
  consent: ConsentState;
}

export async function insertConversation(
  trx: Transaction<DB>,
  activityId: string,
  c: NewConversation,
  by: PersonRef,
): Promise<string> {
  const r = await trx
    .insertInto('fieldwork_conversations')
    .values({
      activity_id: activityId,
      with_whom: c.withWhom,
      service_area: c.serviceArea,
      sample_case_id: c.sampleCaseId,
      inspector_id: c.inspectorId,
      planned_on: c.plannedOn,
      info_sheet: c.infoSheet,
      consent: c.consent,
      ...createdColumns(by),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function listObservations(db: Db, activityId: string): Promise<PlannedObservation[]> {
  const rows = await db
    .selectFrom('fieldwork_observations as o')
    .innerJoin('users as u', 'u.id', 'o.observer_id')
    .selectAll('o')
    .select('u.display_name')
    .where('o.activity_id', '=', activityId)
    .orderBy('o.planned_on')
    .orderBy('u.display_name')
    .orderBy('o.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    activityId: r.activity_id,
    kind: r.kind,
    description: r.description,
    observerId: r.observer_id,
    observerLabel: r.display_name,
    plannedOn: r.planned_on,
    status: r.status,
  }));
}

export interface NewObservation {
  kind: ObservationKind;
  description: string | null;
  observerId: string;
  plannedOn: string | null;
}

export async function insertObservation(
  trx: Transaction<DB>,
  activityId: string,
  o: NewObservation,
  by: PersonRef,
): Promise<string> {
  const r = await trx
    .insertInto('fieldwork_observations')
    .values({
      activity_id: activityId,
      kind: o.kind,
      description: o.description,
      observer_id: o.observerId,
      planned_on: o.plannedOn,
      ...createdColumns(by),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** A plan item's activity, who it is allocated to and its status (null when there is none). */
export async function findPlanItem(
  db: Db,
  kind: PlanItemKind,
  id: string,
): Promise<{ activityId: string; allocatedTo: string; status: PlanStatus } | null> {
  if (!isUuid(id)) return null;
  const table = TABLES[kind];
  const person = kind === 'observation' ? 'observer_id' : 'inspector_id';
  const r = await db
    .selectFrom(table)
    .select(['activity_id', sql<string>`${sql.ref(person)}`.as('person'), 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? { activityId: r.activity_id, allocatedTo: r.person, status: r.status } : null;
}

/** Marks a plan item done or cancelled (minutes spent for a case visit). */
export async function markPlanItem(
  trx: Transaction<DB>,
  kind: PlanItemKind,
  id: string,
  status: PlanStatus,
  extra: { minutesSpent?: number | null; consent?: ConsentState; infoSheet?: InfoSheetState },
): Promise<void> {
  const at = now();
  if (kind === 'visit') {
    await trx
      .updateTable('fieldwork_case_visits')
      .set({
        status,
        updated_at: at,
        ...(extra.minutesSpent !== undefined ? { minutes_spent: extra.minutesSpent } : {}),
      })
      .where('id', '=', id)
      .execute();
  } else if (kind === 'conversation') {
    await trx
      .updateTable('fieldwork_conversations')
      .set({
        status,
        updated_at: at,
        ...(extra.consent ? { consent: extra.consent } : {}),
        ...(extra.infoSheet ? { info_sheet: extra.infoSheet } : {}),
      })
      .where('id', '=', id)
      .execute();
  } else {
    await trx
      .updateTable('fieldwork_observations')
      .set({ status, updated_at: at })
      .where('id', '=', id)
      .execute();
  }
}

/**
 * Evidence records carrying a child's or family's voice (the voice flag, or a conversation
 * method), counted per judgement area they are filed under.
 */
export async function countVoiceRecordsByArea(
  db: Db,
  activityId: string,
  voiceMethods: readonly string[],
): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('evidence_records as e')
    // Areas only (no id): the partial index evidence_records_voice answers it on its own.
    .select(sql<string>`unnest(e.judgement_areas)`.as('area'))
    .where('e.activity_id', '=', activityId)
    .where('e.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('e.child_voice', '=', true),
        eb('e.lived_experience', '=', true),
        ...(voiceMethods.length ? [eb('e.method', 'in', [...voiceMethods])] : []),
      ]),
    )
    .as('v');
  const counted = await db
    .selectFrom(rows)
    .select(['v.area', sql<number>`count(*)::int`.as('n')])
    .groupBy('v.area')
    .execute();
  return Object.fromEntries(counted.map((r) => [r.area, r.n]));
}

/**
 * The activity's lines of enquiry with the evidence linked to each: records filed under the line
 * and passages linked to it, each record counted once.
 */
export async function listLinesWithEvidence(
  db: Db,
  activityId: string,
): Promise<Array<{ id: string; title: string; status: string; evidenceCount: number }>> {
  const rows = await db
    .selectFrom('lines_of_enquiry as l')
    .select(['l.id', 'l.title', 'l.status'])
    .select(
      sql<number>`(select count(*)::int from (
        select e.id from evidence_records e
          where e.line_of_enquiry_id = l.id and e.deleted_at is null
        union
        select x.evidence_id from enquiry_evidence x
          join evidence_records e2 on e2.id = x.evidence_id and e2.deleted_at is null
          where x.line_of_enquiry_id = l.id
      ) linked)`.as('evidence_count'),
    )
    .where('l.activity_id', '=', activityId)
    .orderBy('l.created_at')
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    evidenceCount: r.evidence_count,
  }));
}

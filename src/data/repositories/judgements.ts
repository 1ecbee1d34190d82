// Judgements of an activity: the set's stage, one row per judgement, the change history and
// stage changes. Returns shaped objects.
import type { Kysely } from 'kysely';
import type { JudgementStage } from '../../domain/judgements/stages.js';
import type { EvidenceLink, JudgementContent } from '../../domain/judgements/judgement-rules.js';
import type { GradePosition } from '../../domain/judgements/report-input.js';
import type { DB } from '../schema.js';
import type { PersonRef } from './evidence.js';
import { now } from '../../clock.js';
import type { JudgementRecord } from '../../domain/judgements/records.js';

export type { JudgementRecord };

export interface JudgementSet {
  activityId: string;
  stage: JudgementStage;
  version: number;
}

export interface JudgementChange {
  id: string;
  judgementKey: string;
  stage: JudgementStage;
  field: string;
  fromValue: string | null;
  toValue: string | null;
  reason: string | null;
  links: EvidenceLink[];
  changedBy: string;
  changedAt: Date;
}

export interface StageChange {
  fromStage: JudgementStage | null;
  toStage: JudgementStage;
  reason: string | null;
  changedBy: string;
  changedAt: Date;
}

/** The set's stage; a set that was never touched is at team_provisional, version 0. */
export async function findJudgementSet(
  db: Kysely<DB>,
  activityId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<JudgementSet> {
  let q = db
    .selectFrom('judgement_sets')
    .select(['stage', 'version'])
    .where('activity_id', '=', activityId);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return {
    activityId,
    stage: (row?.stage as JudgementStage | undefined) ?? 'team_provisional',
    version: row?.version ?? 0,
  };
}

/** Creates the set row if missing and locks it, so concurrent writers serialise on it. */
export async function lockJudgementSet(db: Kysely<DB>, activityId: string): Promise<JudgementSet> {
  await db
    .insertInto('judgement_sets')
    .values({ activity_id: activityId })
    .onConflict((oc) => oc.column('activity_id').doNothing())
    .execute();
  return findJudgementSet(db, activityId, { forUpdate: true });
}

export async function setStage(
  db: Kysely<DB>,
  activityId: string,
  from: JudgementStage,
  to: JudgementStage,
  reason: string | null,
  by: PersonRef,
): Promise<void> {
  await db
    .updateTable('judgement_sets')
    .set((eb) => ({ stage: to, version: eb('version', '+', 1), updated_at: now() }))
    .where('activity_id', '=', activityId)
    .execute();
  await db
    .insertInto('judgement_stage_changes')
    .values({
      changed_at: now(),
      activity_id: activityId,
      from_stage: from,
      to_stage: to,
      reason,
      changed_by: by.id,
      changed_by_label: by.label,
    })
    .execute();
}

export async function listStageChanges(db: Kysely<DB>, activityId: string): Promise<StageChange[]> {
  const rows = await db
    .selectFrom('judgement_stage_changes')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    fromStage: r.from_stage as JudgementStage | null,
    toStage: r.to_stage as JudgementStage,
    reason: r.reason,
    changedBy: r.changed_by_label,
    changedAt: r.changed_at,
  }));
}

function judgementQuery(db: Kysely<DB>, activityId: string) {
  return db.selectFrom('judgements').selectAll().where('activity_id', '=', activityId);
}
type Row = Awaited<ReturnType<ReturnType<typeof judgementQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: Row): JudgementRecord {
  return {
    judgementKey: r.judgement_key,
    grade: r.grade,
    position: r.position as GradePosition | null,
    nearness: r.nearness,
    context: r.context,
    narrative: r.narrative,
    criteriaMet: r.criteria_met,
    criteriaNotMet: r.criteria_not_met,
    links: r.evidence_links,
    aggregationReason: r.aggregation_reason,
    aggregationRules: r.aggregation_rules,
    version: r.version,
    updatedBy: r.updated_by_label,
    updatedAt: r.updated_at,
  };
}

/** Every recorded judgement of an activity, by judgement key. */
export async function listJudgements(
  db: Kysely<DB>,
  activityId: string,
): Promise<Map<string, JudgementRecord>> {
  const rows = await judgementQuery(db, activityId).execute();
  return new Map(rows.map((r) => [r.judgement_key, toRecord(r)]));
}

export async function findJudgement(
  db: Kysely<DB>,
  activityId: string,
  key: string,
): Promise<JudgementRecord | null> {
  const row = await judgementQuery(db, activityId)
    .where('judgement_key', '=', key)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Writes a judgement's content, creating it at version 1 or bumping its version. */
export async function saveJudgement(
  db: Kysely<DB>,
  activityId: string,
  key: string,
  c: JudgementContent & { aggregationReason: string | null; aggregationRules: string[] },
  by: PersonRef,
  currentVersion: number | null,
): Promise<void> {
  const values = {
    grade: c.grade,
    position: c.position,
    nearness: c.nearness,
    context: c.context,
    narrative: c.narrative,
    criteria_met: c.criteriaMet,
    criteria_not_met: c.criteriaNotMet,
    evidence_links: JSON.stringify(c.links),
    aggregation_reason: c.aggregationReason,
    aggregation_rules: c.aggregationRules,
    updated_by: by.id,
    updated_by_label: by.label,
    updated_at: now(),
  };
  if (currentVersion === null) {
    await db
      .insertInto('judgements')
      .values({ activity_id: activityId, judgement_key: key, ...values })
      .execute();
  } else {
    await db
      .updateTable('judgements')
      .set({ ...values, version: currentVersion + 1 })
      .where('activity_id', '=', activityId)
      .where('judgement_key', '=', key)
      .execute();
  }
}

export interface NewChange {
  judgementKey: string;
  stage: JudgementStage;
  field: string;
  fromValue: string | null;
  toValue: string | null;
  reason: string | null;
  links: EvidenceLink[];
}

export async function insertChanges(
  db: Kysely<DB>,
  activityId: string,
  changes: NewChange[],
  by: PersonRef,
): Promise<void> {
  if (changes.length === 0) return;
  await db
    .insertInto('judgement_changes')
    .values(
      changes.map((c) => ({
        changed_at: now(),
        activity_id: activityId,
        judgement_key: c.judgementKey,
        stage: c.stage,
        field: c.field,
        from_value: c.fromValue,
        to_value: c.toValue,
        reason: c.reason,
        evidence_links: JSON.stringify(c.links),
        changed_by: by.id,
        changed_by_label: by.label,
      })),
    )
    .execute();
}

/** The change history, oldest first; one judgement's when a key is given. */
export async function listChanges(
  db: Kysely<DB>,
  activityId: string,
  judgementKey?: string,
): Promise<JudgementChange[]> {
  let q = db
    .selectFrom('judgement_changes')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('id');
  if (judgementKey) q = q.where('judgement_key', '=', judgementKey);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: String(r.id),
    judgementKey: r.judgement_key,
    stage: r.stage as JudgementStage,
    field: r.field,
    fromValue: r.from_value,
    toValue: r.to_value,
    reason: r.reason,
    links: r.evidence_links,
    changedBy: r.changed_by_label,
    changedAt: r.changed_at,
  }));
}

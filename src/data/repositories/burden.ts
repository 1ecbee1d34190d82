// The burden of an inspection: the LA's recorded effort (la_burden_efforts) and what inspectors'
// own records say about their working time (evidence records written and edited, with their
// minutes spent).
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';
import type { EffortKind, EffortLine } from '../../domain/burden/la-effort.js';
import type { WorkAction } from '../../domain/burden/working-time.js';

type Db = Kysely<DB>;

export interface StoredEffortLine extends EffortLine {
  recordedByLabel: string;
  recordedAt: Date;
}

export async function listEffortLines(db: Db, activityId: string): Promise<StoredEffortLine[]> {
  const rows = await db
    .selectFrom('la_burden_efforts')
    .where('activity_id', '=', activityId)
    .selectAll()
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    linkPersonHours: r.link_person_hours,
    staffDays: r.staff_days,
    note: r.note,
    recordedByLabel: r.recorded_by_label,
    recordedAt: r.recorded_at,
  }));
}

/** Replaces the activity's line of one kind (the LA corrects its figures; the audit keeps both). */
export async function upsertEffortLine(
  db: Db,
  activityId: string,
  line: EffortLine,
  by: { id: string | null; label: string; at: Date },
): Promise<void> {
  const values = {
    link_person_hours: line.linkPersonHours,
    staff_days: line.staffDays,
    note: line.note,
    recorded_by: by.id,
    recorded_by_label: by.label,
    recorded_at: by.at,
  };
  await db
    .insertInto('la_burden_efforts')
    .values({ activity_id: activityId, kind: line.kind, ...values })
    .onConflict((oc) => oc.columns(['activity_id', 'kind']).doUpdateSet(values))
    .execute();
}

export async function deleteEffortLine(db: Db, activityId: string, kind: EffortKind) {
  await db
    .deleteFrom('la_burden_efforts')
    .where('activity_id', '=', activityId)
    .where('kind', '=', kind)
    .execute();
}

/** Every activity with recorded effort: its type, the LA's 0-17 population and its totals. */
export async function listEffortByActivity(db: Db) {
  const rows = await db
    .selectFrom('la_burden_efforts as b')
    .innerJoin('activities as a', 'a.id', 'b.activity_id')
    .innerJoin('local_authorities as la', 'la.id', 'a.la_id')
    .groupBy(['a.id', 'a.activity_type', 'la.population_0_17'])
    .select((eb) => [
      'a.id',
      'a.activity_type',
      'la.population_0_17',
      eb.fn.sum<number | string>('b.link_person_hours').as('hours'),
      eb.fn.sum<number | string>('b.staff_days').as('days'),
    ])
    .execute();
  return rows.map((r) => ({
    activityId: r.id,
    activityType: r.activity_type,
    population0to17: r.population_0_17,
    totals: { linkPersonHours: Number(r.hours), staffDays: Number(r.days) },
  }));
}

/**
 * What inspectors did in the evidence base: each record's writing (with its minutes spent) and
 * each later edit, with the person's role on the team. One activity, or (null) every activity.
 * Imported records are left out: their time is the import's, not the writing's.
 */
export async function listWorkActions(db: Db, activityId: string | null): Promise<WorkAction[]> {
  let recorded = db
    .selectFrom('evidence_records as e')
    .leftJoin('team_members as tm', (j) =>
      j.onRef('tm.activity_id', '=', 'e.activity_id').onRef('tm.user_id', '=', 'e.recorded_by'),
    )
    .where('e.recorded_by', 'is not', null)
    .where('e.source_kind', '!=', 'imported')
    .select([
      'e.id',
      'e.recorded_by as user_id',
      'e.recorded_by_label as label',
      'tm.team_role',
      'e.recorded_at as at',
      'e.minutes_spent',
      'e.child_case_id',
      'e.practitioner_case_id',
      'e.team_case_id',
    ]);
  let edits = db
    .selectFrom('evidence_versions as v')
    .innerJoin('evidence_records as e', 'e.id', 'v.evidence_id')
    .leftJoin('team_members as tm', (j) =>
      j.onRef('tm.activity_id', '=', 'e.activity_id').onRef('tm.user_id', '=', 'v.created_by'),
    )
    .where('v.version', '>', 1)
    .where('v.created_by', 'is not', null)
    .select([
      'e.id',
      'v.created_by as user_id',
      'v.created_by_label as label',
      'tm.team_role',
      'v.created_at as at',
      'e.child_case_id',
      'e.practitioner_case_id',
      'e.team_case_id',
    ]);
  if (activityId) {
    recorded = recorded.where('e.activity_id', '=', activityId);
    edits = edits.where('e.activity_id', '=', activityId);
  }
  const [r, e] = await Promise.all([recorded.execute(), edits.execute()]);
  const caseOf = (x: {
    child_case_id: string | null;
    practitioner_case_id: string | null;
    team_case_id: string | null;
  }) => x.child_case_id ?? x.practitioner_case_id ?? x.team_case_id;
  return [
    ...r.map((x) => ({
      userId: x.user_id!,
      label: x.label,
      teamRole: x.team_role,
      at: x.at,
      kind: 'recorded' as const,
      evidenceId: x.id,
      minutesSpent: x.minutes_spent,
      caseId: caseOf(x),
    })),
    ...e.map((x) => ({
      userId: x.user_id!,
      label: x.label,
      teamRole: x.team_role,
      at: x.at,
      kind: 'edited' as const,
      evidenceId: x.id,
      minutesSpent: null,
      caseId: caseOf(x),
    })),
  ];
}

// Case sampling storage: the population read from the current Annex A import, the LA's audited
// children, draws and sampled cases, and the child cases they create in the evidence base.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { PersonRef } from './evidence.js';
import type { DB } from '../schema.js';
import { populationFields, type PopulationRow } from '../../domain/sampling/population.js';
import { isUuid } from './users.js';
import { now } from '../../clock.js';
import type { EntryRouteName, SampleCase } from '../../domain/sampling/records.js';

export type { EntryRouteName, SampleCase };

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The rows of the sampled lists (1, 3, 6-9) of an import, only the fields sampling reads. They
 * come back as one JSON array of arrays: on the embedded engine that is about four times faster
 * than 100,000 row objects (measured on a 150,000-row import, BENCHMARKS.md).
 */
export async function loadPopulationRows(db: Db, importId: string): Promise<PopulationRow[]> {
  const cols = sql.join(populationFields.map((f) => sql`r.data->>${sql.lit(f)}`));
  const r = await sql<{ j: string | null }>`
    select json_agg(json_build_array(r.list_no, r.row_no, r.child_ref, ${cols})
      order by r.list_no, r.row_no)::text as j
    from annex_a_rows r
    where r.import_id = ${importId} and r.list_no in (1, 3, 6, 7, 8, 9) and r.child_ref is not null`.execute(
    db,
  );
  const rows = JSON.parse(r.rows[0]?.j ?? '[]') as (string | number | null)[][];
  return rows.map((x) => {
    const fields: Record<string, string | null> = {};
    populationFields.forEach((f, i) => (fields[f] = (x[i + 3] as string | null) ?? null));
    return { list: Number(x[0]), row: Number(x[1]), childRef: String(x[2]), fields };
  });
}

/** Serialises changes to one activity's sample (two draws at once would both replace the same one). */
export async function lockSample(trx: Transaction<DB>, activityId: string): Promise<void> {
  await sql`select id from activities where id = ${activityId} for update`.execute(trx);
}

export async function listLaAudits(db: Db, activityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('sample_la_audits')
    .select('child_ref')
    .where('activity_id', '=', activityId)
    .orderBy('child_ref')
    .execute();
  return rows.map((r) => r.child_ref);
}

/** Replaces the activity's audit list; returns how many references it had before. */
export async function replaceLaAudits(
  trx: Transaction<DB>,
  activityId: string,
  refs: string[],
  by: PersonRef,
): Promise<number> {
  const removed = await trx
    .deleteFrom('sample_la_audits')
    .where('activity_id', '=', activityId)
    .executeTakeFirst();
  if (refs.length)
    await trx
      .insertInto('sample_la_audits')
      .values(
        refs.map((child_ref) => ({
          activity_id: activityId,
          child_ref,
          added_by: by.id,
          added_by_label: by.label,
        })),
      )
      .execute();
  return Number(removed.numDeletedRows);
}

export interface SampleDraw {
  id: string;
  activityId: string;
  importId: string | null;
  referenceDate: string;
  seed: number;
  spec: Record<string, unknown>;
  population: Record<string, unknown>;
  outcome: unknown[];
  drawnBy: string;
  drawnAt: Date;
}

export async function findCurrentDraw(db: Db, activityId: string): Promise<SampleDraw | null> {
  const r = await db
    .selectFrom('sample_draws')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('status', '=', 'current')
    .executeTakeFirst();
  return r
    ? {
        id: r.id,
        activityId: r.activity_id,
        importId: r.import_id,
        referenceDate: r.reference_date,
        seed: Number(r.seed),
        spec: r.spec,
        population: r.population,
        outcome: r.outcome,
        drawnBy: r.drawn_by_label,
        drawnAt: r.drawn_at,
      }
    : null;
}

export async function replaceCurrentDraw(trx: Transaction<DB>, activityId: string): Promise<void> {
  await trx
    .updateTable('sample_draws')
    .set({ status: 'replaced', replaced_at: now() })
    .where('activity_id', '=', activityId)
    .where('status', '=', 'current')
    .execute();
}

export async function insertDraw(
  trx: Transaction<DB>,
  v: Omit<SampleDraw, 'id' | 'drawnAt' | 'drawnBy'> & { by: PersonRef },
): Promise<string> {
  const r = await trx
    .insertInto('sample_draws')
    .values({
      activity_id: v.activityId,
      import_id: v.importId,
      reference_date: v.referenceDate,
      seed: v.seed,
      spec: JSON.stringify(v.spec),
      population: JSON.stringify(v.population),
      outcome: JSON.stringify(v.outcome),
      status: 'current',
      drawn_by: v.by.id,
      drawn_by_label: v.by.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

function caseQuery(db: Db) {
  return db
    .selectFrom('sample_cases as s')
    .leftJoin('lines_of_enquiry as l', 'l.id', 's.line_of_enquiry_id')
    .selectAll('s')
    .select('l.title as line_title')
    .select((eb) =>
      eb
        .selectFrom('evidence_records as e')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('e.child_case_id', '=', 's.case_id')
        .where('e.deleted_at', 'is', null)
        .as('evidence_count'),
    );
}
type CaseRow = Awaited<ReturnType<ReturnType<typeof caseQuery>['executeTakeFirstOrThrow']>>;

function toSampleCase(r: CaseRow): SampleCase {
  return {
    id: r.id,
    activityId: r.activity_id,
    drawId: r.draw_id,
    cohort: r.cohort,
    childRef: r.child_ref,
    caseId: r.case_id,
    caseCreated: r.case_created,
    lineOfEnquiryId: r.line_of_enquiry_id,
    lineOfEnquiryTitle: r.line_title,
    route: r.entry_route,
    stratum: r.stratum,
    criteria: r.criteria,
    remote: r.remote,
    attributes: r.attributes,
    addedBy: r.added_by_label,
    addedAt: r.added_at,
    evidenceCount: r.evidence_count ?? 0,
    removedAt: r.removed_at,
    removedBy: r.removed_by_label,
    removalReason: r.removal_reason,
  };
}

/** The cases in an activity's sample (removed ones too when asked), in cohort and child order. */
export async function listSampleCases(
  db: Db,
  activityId: string,
  opts: { includeRemoved?: boolean } = {},
): Promise<SampleCase[]> {
  let q = caseQuery(db).where('s.activity_id', '=', activityId);
  if (!opts.includeRemoved) q = q.where('s.removed_at', 'is', null);
  const rows = await q.orderBy('s.added_at').orderBy('s.cohort').orderBy('s.child_ref').execute();
  return rows.map(toSampleCase);
}

export async function findSampleCase(db: Db, id: string): Promise<SampleCase | null> {
  if (!isUuid(id)) return null;
  const r = await caseQuery(db).where('s.id', '=', id).executeTakeFirst();
  return r ? toSampleCase(r) : null;
}

export interface NewSampleCase {
  drawId: string | null;
  cohort: string;
  childRef: string;
  caseId: string;
  caseCreated: boolean;
  lineOfEnquiryId: string | null;
  route: EntryRouteName;
  stratum: string | null;
  criteria: string | null;
  remote: boolean;
  attributes: Record<string, string>;
}

export async function insertSampleCases(
  trx: Transaction<DB>,
  activityId: string,
  rows: NewSampleCase[],
  by: PersonRef,
): Promise<string[]> {
  if (!rows.length) return [];
  const out = await trx
    .insertInto('sample_cases')
    .values(
      rows.map((r) => ({
        activity_id: activityId,
        draw_id: r.drawId,
        cohort: r.cohort,
        child_ref: r.childRef,
        case_id: r.caseId,
        case_created: r.caseCreated,
        line_of_enquiry_id: r.lineOfEnquiryId,
        entry_route: r.route,
        stratum: r.stratum,
        criteria: r.criteria,
        remote: r.remote,
        attributes: JSON.stringify(r.attributes),
        added_by: by.id,
        added_by_label: by.label,
      })),
    )
    .returning('id')
    .execute();
  return out.map((r) => r.id);
}

/** Marks cases removed (kept for the record) and returns them. */
export async function markSampleCasesRemoved(
  trx: Transaction<DB>,
  ids: string[],
  by: PersonRef,
  reason: string,
): Promise<void> {
  if (!ids.length) return;
  await trx
    .updateTable('sample_cases')
    .set({ removed_at: now(), removed_by_label: by.label, removal_reason: reason })
    .where('id', 'in', ids)
    .where('removed_at', 'is', null)
    .execute();
}

/** The child case of a reference, created with the attributes when there is none yet. */
export async function ensureChildCase(
  trx: Transaction<DB>,
  activityId: string,
  reference: string,
  attributes: Record<string, string | boolean>,
  by: PersonRef,
): Promise<{ id: string; created: boolean }> {
  const existing = await trx
    .selectFrom('cases')
    .select('id')
    .where('activity_id', '=', activityId)
    .where('kind', '=', 'child')
    .where(sql<boolean>`lower(reference) = lower(${reference})`)
    .executeTakeFirst();
  if (existing) return { id: existing.id, created: false };
  const row = await trx
    .insertInto('cases')
    .values({
      activity_id: activityId,
      kind: 'child',
      reference,
      description: 'Sampled from Annex A',
      attributes: JSON.stringify(attributes),
      created_by: by.id,
      created_by_label: by.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, created: true };
}

/**
 * Deletes child cases the sample created once no sampled case and no evidence refers to them, so
 * that "sampled cases with no evidence yet" stops listing children taken out of the sample.
 * Returns the ids deleted.
 */
export async function deleteUnusedSampleCases(
  trx: Transaction<DB>,
  caseIds: string[],
): Promise<string[]> {
  if (!caseIds.length) return [];
  const r = await sql<{ id: string }>`
    delete from cases c
    where c.id in (${sql.join(caseIds)})
      and not exists (select 1 from evidence_records e
        where e.child_case_id = c.id or e.practitioner_case_id = c.id or e.team_case_id = c.id)
      and not exists (select 1 from memos m where m.target_type = 'case' and m.target_id = c.id)
      and not exists (select 1 from sample_cases s where s.case_id = c.id and s.removed_at is null)
    returning c.id`.execute(trx);
  return r.rows.map((x) => x.id);
}

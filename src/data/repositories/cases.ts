// Cases of an activity (children, practitioners, teams) with their typed attributes and how
// much evidence refers to each (REFI-QDA Cases with VariableValues and SourceRefs).
import { sql, type Kysely, type Transaction } from 'kysely';
import { now } from '../../clock.js';
import type { DB } from '../schema.js';
import { isUuid } from './users.js';
import type { CaseKindName, Case, PersonRef } from '../../domain/evidence/records.js';

export type { CaseKindName, Case };

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('cases as cs')
    .selectAll('cs')
    .select((eb) =>
      eb
        .selectFrom('evidence_records as e')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('e.deleted_at', 'is', null)
        .where((w) =>
          w.or([
            w('e.child_case_id', '=', w.ref('cs.id')),
            w('e.practitioner_case_id', '=', w.ref('cs.id')),
            w('e.team_case_id', '=', w.ref('cs.id')),
          ]),
        )
        .as('evidence_count'),
    );
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toCase(r: Row): Case {
  return {
    id: r.id,
    guid: r.guid,
    activityId: r.activity_id,
    kind: r.kind,
    reference: r.reference,
    description: r.description,
    attributes: r.attributes,
    version: r.version,
    createdBy: { id: r.created_by, label: r.created_by_label },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    evidenceCount: r.evidence_count ?? 0,
  };
}

export async function findCase(db: Kysely<DB>, id: string): Promise<Case | null> {
  if (!isUuid(id)) return null;
  const row = await baseQuery(db).where('cs.id', '=', id).executeTakeFirst();
  return row ? toCase(row) : null;
}

export async function findCaseByReference(
  db: Kysely<DB>,
  activityId: string,
  kind: CaseKindName,
  reference: string,
): Promise<Case | null> {
  const row = await baseQuery(db)
    .where('cs.activity_id', '=', activityId)
    .where('cs.kind', '=', kind)
    .where(sql<boolean>`lower(cs.reference) = lower(${reference})`)
    .executeTakeFirst();
  return row ? toCase(row) : null;
}

export interface CaseFilter {
  activityId: string;
  kind?: CaseKindName;
  /** Attribute equality (all must hold). */
  attributes?: Record<string, string | number | boolean>;
  limit?: number;
  offset?: number;
}

export async function listCases(db: Kysely<DB>, f: CaseFilter): Promise<Case[]> {
  let q = baseQuery(db).where('cs.activity_id', '=', f.activityId);
  if (f.kind) q = q.where('cs.kind', '=', f.kind);
  if (f.attributes && Object.keys(f.attributes).length > 0)
    q = q.where(sql<boolean>`cs.attributes @> ${JSON.stringify(f.attributes)}::jsonb`);
  const rows = await q
    .orderBy('cs.kind')
    .orderBy(sql`lower(cs.reference)`)
    .limit(f.limit ?? 10_000)
    .offset(f.offset ?? 0)
    .execute();
  return rows.map(toCase);
}

/** The id of the activity's case of this kind and reference (any letter case), if there is one. */
export async function findCaseId(
  db: Kysely<DB>,
  activityId: string,
  kind: CaseKindName,
  reference: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('cases')
    .select('id')
    .where('activity_id', '=', activityId)
    .where('kind', '=', kind)
    .where((eb) => eb(eb.fn('lower', ['reference']), '=', reference.toLowerCase()))
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The ids of the activity's cases of a kind with these references (by lower-case reference). */
export async function findCaseIds(
  db: Kysely<DB>,
  activityId: string,
  kind: CaseKindName,
  references: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const lower = [...new Set(references.map((r) => r.toLowerCase()))];
  if (lower.length === 0) return found;
  const rows = await db
    .selectFrom('cases')
    .select(['id', 'reference'])
    .where('activity_id', '=', activityId)
    .where('kind', '=', kind)
    .where((eb) => eb(eb.fn('lower', ['reference']), 'in', lower))
    .execute();
  for (const r of rows) found.set(r.reference.toLowerCase(), r.id);
  return found;
}

export interface NewCase {
  activityId: string;
  kind: CaseKindName;
  reference: string;
  description: string | null;
  attributes: Case['attributes'];
  createdBy: PersonRef;
}

/** Inserts a case; returns its id (a duplicate reference fails with the unique violation). */
export async function insertCase(trx: Transaction<DB>, c: NewCase): Promise<string> {
  const row = await trx
    .insertInto('cases')
    .values(caseValues(c))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts a case unless one with the reference exists already; null when it did. */
export async function insertCaseIfNew(trx: Transaction<DB>, c: NewCase): Promise<string | null> {
  const row = await trx
    .insertInto('cases')
    .values(caseValues(c))
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

function caseValues(c: NewCase) {
  return {
    activity_id: c.activityId,
    kind: c.kind,
    reference: c.reference,
    description: c.description,
    attributes: JSON.stringify(c.attributes),
    created_by: c.createdBy.id,
    created_by_label: c.createdBy.label,
  };
}

/** Changes a case if it is still at `expectedVersion`; false when someone changed it since. */
export async function updateCaseIfVersion(
  trx: Transaction<DB>,
  id: string,
  expectedVersion: number,
  c: Pick<Case, 'reference' | 'description' | 'attributes'>,
): Promise<boolean> {
  const updated = await trx
    .updateTable('cases')
    .set({
      reference: c.reference,
      description: c.description,
      attributes: JSON.stringify(c.attributes),
      version: expectedVersion + 1,
      updated_at: now(),
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/** A child case the evidence form offers: its reference and, when sampled, its cohort. */
export interface ChildCaseChoice {
  reference: string;
  /** The cohort it was sampled from (null: a known case not in the current sample). */
  sampledCohort: string | null;
}

/** The activity's child cases, the sampled ones first (cohort, then reference), then the rest. */
export async function listChildCaseChoices(
  db: Kysely<DB>,
  activityId: string,
): Promise<ChildCaseChoice[]> {
  const rows = await db
    .selectFrom('cases as cs')
    .select('cs.reference')
    .select((eb) =>
      eb
        .selectFrom('sample_cases as s')
        .select(sql<string>`min(s.cohort)`.as('c'))
        .whereRef('s.case_id', '=', 'cs.id')
        .where('s.removed_at', 'is', null)
        .as('cohort'),
    )
    .where('cs.activity_id', '=', activityId)
    .where('cs.kind', '=', 'child')
    .execute();
  return rows
    .map((r) => ({ reference: r.reference, sampledCohort: r.cohort ?? null }))
    .sort(
      (a, b) =>
        Number(a.sampledCohort === null) - Number(b.sampledCohort === null) ||
        (a.sampledCohort ?? '').localeCompare(b.sampledCohort ?? '') ||
        a.reference.localeCompare(b.reference, 'en', { numeric: true }),
    );
}

// Cases of an activity (children, practitioners, teams) with their typed attributes and how
// much evidence refers to each (REFI-QDA Cases with VariableValues and SourceRefs).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';
import { isUuid } from './users.js';
import type { CaseKindName, Case } from '../../domain/evidence/records.js';

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

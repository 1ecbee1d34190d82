// The filters every analysis query shares (text search, coding query, matrix, balance views), as
// SQL conditions over `evidence_records as e` and `codings as k`. Values are always parameters.
import { sql, type RawBuilder } from 'kysely';
import type { AttributeCondition } from './codings.js';
import { isUuid } from './users.js';

export type { AttributeCondition };

export interface EvidenceConditions {
  activityId: string;
  methods?: string[];
  directions?: Array<string | null>;
  /** Records filed under any of these judgement areas. */
  judgementAreas?: string[];
  observedFrom?: string;
  observedTo?: string;
  /** Inspectors who recorded the evidence (user ids). */
  recordedBy?: string[];
  /** Attributes of the record's cases (all must hold). */
  attributes?: AttributeCondition[];
}

export interface CodingConditions {
  /** Who applied the coding (user ids). */
  coderIds?: string[];
  codedFrom?: Date;
  codedTo?: Date;
}

const caseColumn = {
  child: sql.ref('e.child_case_id'),
  practitioner: sql.ref('e.practitioner_case_id'),
  team: sql.ref('e.team_case_id'),
} as const;

const NO_ROWS = sql<boolean>`false`;

/** Conditions on `e` (evidence not deleted, of the activity, matching every filter given). */
export function evidenceWhere(f: EvidenceConditions): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [
    sql`e.activity_id = ${f.activityId}`,
    sql`e.deleted_at is null`,
  ];
  if (f.methods?.length) parts.push(sql`e.method in (${sql.join(f.methods)})`);
  if (f.directions?.length) {
    const values = f.directions.filter((d): d is string => d !== null);
    const unset = f.directions.includes(null);
    const known = values.length > 0 ? sql`e.direction in (${sql.join(values)})` : sql`false`;
    parts.push(unset ? sql`(${known} or e.direction is null)` : known);
  }
  if (f.judgementAreas?.length)
    parts.push(sql`e.judgement_areas && array[${sql.join(f.judgementAreas)}]::text[]`);
  if (f.observedFrom) parts.push(sql`e.observed_on >= ${f.observedFrom}`);
  if (f.observedTo) parts.push(sql`e.observed_on <= ${f.observedTo}`);
  if (f.recordedBy?.length) {
    const ids = f.recordedBy.filter(isUuid);
    if (ids.length === 0) return NO_ROWS;
    parts.push(sql`e.recorded_by in (${sql.join(ids)})`);
  }
  for (const a of f.attributes ?? []) {
    const match = JSON.stringify({ [a.name]: a.value });
    parts.push(
      sql`exists (select 1 from cases cs where cs.id = ${caseColumn[a.kind]} and cs.attributes @> ${match}::jsonb)`,
    );
  }
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** Conditions on `k` (codings whose text still exists, by the coders and dates given). */
export function codingWhere(f: CodingConditions): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`k.anchor_status <> 'lost'`];
  if (f.coderIds?.length) {
    const ids = f.coderIds.filter(isUuid);
    if (ids.length === 0) return NO_ROWS;
    parts.push(sql`k.coder_id in (${sql.join(ids)})`);
  }
  if (f.codedFrom) parts.push(sql`k.created_at >= ${f.codedFrom}`);
  if (f.codedTo) parts.push(sql`k.created_at < ${f.codedTo}`);
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** `jsonb_to_recordset` input: rows of values passed as one JSON parameter (both engines). */
export function jsonRows(rows: unknown[]): RawBuilder<unknown> {
  return sql`${JSON.stringify(rows)}::jsonb`;
}

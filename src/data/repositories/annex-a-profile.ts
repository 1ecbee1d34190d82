// Storage of the Annex A data profile: the rows of an import read page by page in primary-key
// order (keyset paging, so memory stays flat for a 150,000-row import), the population entered
// for an activity, the self-evaluation's claims and the decisions on candidate lines of enquiry.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.js';
import { isUuid } from './users.js';
import { now } from '../../clock.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface ProfileSourceRow {
  childRef: string | null;
  data: Record<string, string | number | boolean | null>;
}

/**
 * Calls `onPage` with the rows of one list of an import, `pageSize` at a time, in row order. Each
 * page is a separate short query: on the embedded engine other requests run between pages.
 */
export async function forEachAnnexARowPage(
  db: Db,
  importId: string,
  list: number,
  pageSize: number,
  onPage: (rows: ProfileSourceRow[]) => void,
): Promise<void> {
  let after = -1;
  for (;;) {
    const rows = await db
      .selectFrom('annex_a_rows')
      .select(['row_no', 'child_ref', 'data'])
      .where('import_id', '=', importId)
      .where('list_no', '=', list)
      .where('row_no', '>', after)
      .orderBy('row_no')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    onPage(
      rows.map((r) => ({
        childRef: r.child_ref,
        data: r.data as ProfileSourceRow['data'],
      })),
    );
    after = rows[rows.length - 1]?.row_no ?? after;
    if (rows.length < pageSize) return;
  }
}

export interface ProfileSettings {
  population: number | null;
  populationSource: string | null;
  updatedByLabel: string;
  updatedAt: Date;
}

export async function findProfileSettings(
  db: Db,
  activityId: string,
): Promise<ProfileSettings | null> {
  const r = await db
    .selectFrom('annex_a_profile_settings')
    .selectAll()
    .where('activity_id', '=', activityId)
    .executeTakeFirst();
  return r
    ? {
        population: r.population_0_17,
        populationSource: r.population_source,
        updatedByLabel: r.updated_by_label,
        updatedAt: r.updated_at,
      }
    : null;
}

export async function saveProfileSettings(
  db: Db,
  activityId: string,
  s: { population: number | null; populationSource: string | null; byLabel: string },
): Promise<void> {
  const values = {
    population_0_17: s.population,
    population_source: s.populationSource,
    updated_by_label: s.byLabel,
    updated_at: now(),
  };
  await db
    .insertInto('annex_a_profile_settings')
    .values({ activity_id: activityId, ...values })
    .onConflict((oc) => oc.column('activity_id').doUpdateSet(values))
    .execute();
}

export interface SefClaim {
  indicatorKey: string;
  claim: 'strong' | 'improving' | 'weak';
  note: string | null;
  recordedByLabel: string;
  recordedAt: Date;
}

export async function listSefClaims(db: Db, activityId: string): Promise<SefClaim[]> {
  const rows = await db
    .selectFrom('annex_a_sef_claims')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('indicator_key')
    .execute();
  return rows.map((r) => ({
    indicatorKey: r.indicator_key,
    claim: r.claim,
    note: r.note,
    recordedByLabel: r.recorded_by_label,
    recordedAt: r.recorded_at,
  }));
}

export async function saveSefClaim(
  db: Db,
  activityId: string,
  c: { indicatorKey: string; claim: SefClaim['claim']; note: string | null },
  by: { id: string | null; label: string },
): Promise<void> {
  const values = {
    claim: c.claim,
    note: c.note,
    recorded_by: by.id,
    recorded_by_label: by.label,
    recorded_at: now(),
  };
  await db
    .insertInto('annex_a_sef_claims')
    .values({ activity_id: activityId, indicator_key: c.indicatorKey, ...values })
    .onConflict((oc) => oc.columns(['activity_id', 'indicator_key']).doUpdateSet(values))
    .execute();
}

export async function deleteSefClaim(
  db: Db,
  activityId: string,
  indicatorKey: string,
): Promise<boolean> {
  const r = await db
    .deleteFrom('annex_a_sef_claims')
    .where('activity_id', '=', activityId)
    .where('indicator_key', '=', indicatorKey)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export interface CandidateDecision {
  id: string;
  activityId: string;
  indicatorKey: string;
  decision: 'accepted' | 'dismissed';
  title: string | null;
  reason: string | null;
  lineOfEnquiryId: string | null;
  importId: string | null;
  figures: Record<string, unknown>;
  decidedByLabel: string;
  decidedAt: Date;
}

type DecisionRow = Awaited<ReturnType<ReturnType<typeof decisionBase>['executeTakeFirstOrThrow']>>;
const decisionBase = (db: Db) => db.selectFrom('annex_a_candidate_decisions').selectAll();
const toDecision = (r: DecisionRow): CandidateDecision => ({
  id: r.id,
  activityId: r.activity_id,
  indicatorKey: r.indicator_key,
  decision: r.decision,
  title: r.title,
  reason: r.reason,
  lineOfEnquiryId: r.line_of_enquiry_id,
  importId: r.import_id,
  figures: r.figures,
  decidedByLabel: r.decided_by_label,
  decidedAt: r.decided_at,
});

export async function listCandidateDecisions(
  db: Db,
  activityId: string,
): Promise<CandidateDecision[]> {
  const rows = await decisionBase(db)
    .where('activity_id', '=', activityId)
    .orderBy('decided_at')
    .orderBy('id')
    .execute();
  return rows.map(toDecision);
}

export async function findDecisionForLine(
  db: Db,
  lineOfEnquiryId: string,
): Promise<CandidateDecision | null> {
  if (!isUuid(lineOfEnquiryId)) return null;
  const r = await decisionBase(db)
    .where('line_of_enquiry_id', '=', lineOfEnquiryId)
    .executeTakeFirst();
  return r ? toDecision(r) : null;
}

export async function insertCandidateDecision(
  db: Db,
  d: Omit<CandidateDecision, 'id' | 'decidedAt' | 'decidedByLabel'> & {
    decidedBy: { id: string | null; label: string };
  },
): Promise<string> {
  const r = await db
    .insertInto('annex_a_candidate_decisions')
    .values({
      activity_id: d.activityId,
      indicator_key: d.indicatorKey,
      decision: d.decision,
      title: d.title,
      reason: d.reason,
      line_of_enquiry_id: d.lineOfEnquiryId,
      import_id: d.importId,
      figures: JSON.stringify(d.figures),
      decided_by: d.decidedBy.id,
      decided_by_label: d.decidedBy.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

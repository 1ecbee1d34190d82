// What the "data used" statement is counted from: the data profile's view log, the lines of
// enquiry raised from indicators and documents, the sample, the evidence base and the judgements'
// citations of one activity; and which activities are published (the national view).
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';
import type { DataUsedFacts, RequestedDocument } from '../../domain/data-used/statement.js';

type Db = Kysely<DB>;

/** Records that a person looked at these indicators today (one row a person, indicator and day). */
export async function recordIndicatorViews(
  db: Db,
  v: { activityId: string; userId: string; indicatorKeys: string[]; day: string; at: Date },
): Promise<void> {
  if (v.indicatorKeys.length === 0) return;
  await db
    .insertInto('annex_a_indicator_views')
    .values(
      v.indicatorKeys.map((k) => ({
        activity_id: v.activityId,
        user_id: v.userId,
        indicator_key: k,
        viewed_on: v.day,
        first_viewed_at: v.at,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

const lineSourceDocument: Record<string, RequestedDocument> = {
  self_evaluation: 'self_evaluation',
  improvement: 'self_evaluation',
};

export async function loadDataUsedFacts(db: Db, activityId: string): Promise<DataUsedFacts> {
  const [rows, views, claims, decisions, sources, selfEvalLines, sample, evidence, judgements] =
    await Promise.all([
      db
        .selectFrom('annex_a_rows as r')
        .innerJoin('annex_a_imports as i', 'i.id', 'r.import_id')
        .where('i.activity_id', '=', activityId)
        .where('i.status', '=', 'current')
        .select(['r.list_no', (eb) => eb.fn.countAll<string>().as('n')])
        .groupBy('r.list_no')
        .execute(),
      db
        .selectFrom('annex_a_indicator_views')
        .where('activity_id', '=', activityId)
        .select(['indicator_key', (eb) => eb.fn.countAll<string>().as('n')])
        .groupBy('indicator_key')
        .execute(),
      db
        .selectFrom('annex_a_sef_claims')
        .where('activity_id', '=', activityId)
        .select('indicator_key')
        .execute(),
      db
        .selectFrom('annex_a_candidate_decisions')
        .where('activity_id', '=', activityId)
        .where('decision', '=', 'accepted')
        .where('line_of_enquiry_id', 'is not', null)
        .select(['indicator_key', 'line_of_enquiry_id'])
        .execute(),
      db
        .selectFrom('line_of_enquiry_sources')
        .where('activity_id', '=', activityId)
        .where('source_kind', 'in', Object.keys(lineSourceDocument))
        .select(['line_of_enquiry_id', 'source_kind'])
        .execute(),
      db
        .selectFrom('lines_of_enquiry')
        .where('activity_id', '=', activityId)
        .where('source', '=', 'self_evaluation')
        .select('id')
        .execute(),
      db
        .selectFrom('sample_cases')
        .where('activity_id', '=', activityId)
        .where('removed_at', 'is', null)
        .select(['case_id', 'cohort', 'stratum', 'entry_route'])
        .execute(),
      db
        .selectFrom('evidence_records')
        .where('activity_id', '=', activityId)
        .where('deleted_at', 'is', null)
        .select(['id', 'method', 'child_case_id', 'line_of_enquiry_id'])
        .execute(),
      db
        .selectFrom('judgements')
        .where('activity_id', '=', activityId)
        .select(['judgement_key', 'evidence_links'])
        .execute(),
    ]);
  const codingIds = judgements.flatMap((j) =>
    j.evidence_links.filter((l) => l.kind === 'coding').map((l) => l.id),
  );
  const codingEvidence = new Map(
    codingIds.length
      ? (
          await db
            .selectFrom('codings')
            .where('activity_id', '=', activityId)
            .where('id', 'in', codingIds)
            .select(['id', 'evidence_id'])
            .execute()
        ).map((c) => [c.id, c.evidence_id])
      : [],
  );
  return {
    listRows: Object.fromEntries(rows.map((r) => [r.list_no, Number(r.n)])),
    indicatorViews: views.map((v) => ({ indicatorKey: v.indicator_key, personDays: Number(v.n) })),
    sefClaims: claims.map((c) => c.indicator_key),
    dataLines: decisions.map((d) => ({
      lineId: d.line_of_enquiry_id!,
      indicatorKey: d.indicator_key,
    })),
    documentLines: [
      ...sources.map((s) => ({
        lineId: s.line_of_enquiry_id,
        document: lineSourceDocument[s.source_kind]!,
      })),
      ...selfEvalLines.map((l) => ({ lineId: l.id, document: 'self_evaluation' as const })),
    ],
    sampleCases: sample.map((s) => ({
      caseId: s.case_id,
      cohort: s.cohort,
      stratum: s.stratum,
      entryRoute: s.entry_route,
    })),
    evidence: evidence.map((e) => ({
      id: e.id,
      method: e.method,
      caseId: e.child_case_id,
      lineOfEnquiryId: e.line_of_enquiry_id,
    })),
    judgements: judgements.map((j) => ({
      judgementKey: j.judgement_key,
      evidenceIds: j.evidence_links.flatMap((l) =>
        l.kind === 'evidence'
          ? [l.id]
          : l.kind === 'coding' && codingEvidence.has(l.id)
            ? [codingEvidence.get(l.id)!]
            : [],
      ),
      lineIds: j.evidence_links.filter((l) => l.kind === 'line_of_enquiry').map((l) => l.id),
    })),
  };
}

/** The published activities (the national views are over published work only). */
export async function listPublishedActivityIds(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('activities')
    .where('state', '=', 'published')
    .select('id')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

// The evidence a judgement can cite: coded passages (codings), evidence records and lines of
// enquiry of the activity, each with a short label for pickers and summaries.
import type { Kysely } from 'kysely';
import type { EvidenceLinkKind } from '../../domain/judgements/judgement-rules.js';
import type { DB } from '../schema.js';

export interface EvidenceOption {
  kind: EvidenceLinkKind;
  id: string;
  /** "E12 · Front door: “The MASH manager reviewed…”" */
  label: string;
  /** Judgement areas the evidence is filed under (to offer the relevant ones first). */
  areas: string[];
}

const excerpt = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** Every citable item of an activity (codings first, then evidence, then lines of enquiry). */
export async function listEvidenceOptions(
  db: Kysely<DB>,
  activityId: string,
  opts: { ids?: string[] } = {},
): Promise<EvidenceOption[]> {
  if (opts.ids && opts.ids.length === 0) return [];
  let codings = db
    .selectFrom('codings as c')
    .innerJoin('codes as k', 'k.id', 'c.code_id')
    .innerJoin('evidence_records as e', 'e.id', 'c.evidence_id')
    .select(['c.id', 'k.name', 'c.span_text', 'e.ref_no', 'e.judgement_areas'])
    .where('c.activity_id', '=', activityId)
    .where('e.deleted_at', 'is', null)
    .orderBy('e.ref_no')
    .orderBy('c.start_pos')
    .limit(1000);
  let records = db
    .selectFrom('evidence_records')
    .select(['id', 'ref_no', 'text', 'judgement_areas'])
    .where('activity_id', '=', activityId)
    .where('deleted_at', 'is', null)
    .orderBy('ref_no')
    .limit(1000);
  let lines = db
    .selectFrom('lines_of_enquiry')
    .select(['id', 'title', 'judgement_areas'])
    .where('activity_id', '=', activityId)
    .orderBy('created_at')
    .limit(500);
  if (opts.ids) {
    codings = codings.where('c.id', 'in', opts.ids);
    records = records.where('id', 'in', opts.ids);
    lines = lines.where('id', 'in', opts.ids);
  }
  // One after another: inside a transaction on PGlite there is a single connection.
  const c = await codings.execute();
  const r = await records.execute();
  const l = await lines.execute();
  return [
    ...c.map((x) => ({
      kind: 'coding' as const,
      id: x.id,
      label: `E${x.ref_no} · ${x.name}: “${excerpt(x.span_text)}”`,
      areas: x.judgement_areas,
    })),
    ...r.map((x) => ({
      kind: 'evidence' as const,
      id: x.id,
      label: `E${x.ref_no}: ${excerpt(x.text)}`,
      areas: x.judgement_areas,
    })),
    ...l.map((x) => ({
      kind: 'line_of_enquiry' as const,
      id: x.id,
      label: `Line of enquiry: ${excerpt(x.title)}`,
      areas: x.judgement_areas,
    })),
  ];
}

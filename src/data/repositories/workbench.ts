// The coding workbench's reads, narrow on purpose: the page is opened for every record a person
// codes, at the scale of a whole inspection (6,000 records, 30,000 codings, 250 codes), so each
// query selects only the columns the page shows and the list reads one page of records.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';
import type { PersonRef } from './evidence.js';
import type { Memo } from '../../domain/evidence/records.js';
import { isUuid } from './users.js';

export interface WorkbenchListFilter {
  activityId: string;
  judgementArea?: string;
  method?: string;
  /** A child's case reference (case-insensitive, exact). */
  caseReference?: string;
  limit: number;
  offset: number;
}

export interface WorkbenchListItem {
  id: string;
  reference: string;
  method: string;
  observedOn: string;
  /** The first 100 characters. */
  excerpt: string;
  childCaseReference: string | null;
  codingCount: number;
}

function filteredRecords(db: Kysely<DB>, f: WorkbenchListFilter) {
  let q = db
    .selectFrom('evidence_records as e')
    .where('e.activity_id', '=', f.activityId)
    .where('e.deleted_at', 'is', null);
  if (f.judgementArea)
    q = q.where(sql<boolean>`e.judgement_areas @> array[${f.judgementArea}]::text[]`);
  if (f.method) q = q.where('e.method', '=', f.method);
  if (f.caseReference) {
    const reference = f.caseReference.trim();
    q = q.where('e.child_case_id', 'in', (eb) =>
      eb
        .selectFrom('cases')
        .select('id')
        .where('activity_id', '=', f.activityId)
        .where(sql<boolean>`lower(reference) = lower(${reference})`),
    );
  }
  return q;
}

/**
 * One page of an activity's live records (day, then E-number), and whether there are more. The
 * query walks the list index and stops after the page: it reads the same few rows whether the
 * activity has 60 records or 6,000 (an exact total would cost a pass over every record).
 */
export async function listWorkbenchEvidence(
  db: Kysely<DB>,
  f: WorkbenchListFilter,
): Promise<{ hasMore: boolean; items: WorkbenchListItem[] }> {
  const page = filteredRecords(db, f)
    .leftJoin('cases as c', 'c.id', 'e.child_case_id')
    .select([
      'e.id',
      'e.ref_no',
      'e.method',
      'e.observed_on',
      sql<string>`left(e.text, 100)`.as('excerpt'),
      'c.reference as case_reference',
    ])
    .orderBy('e.observed_on')
    .orderBy('e.ref_no')
    .limit(f.limit + 1)
    .offset(f.offset);
  // Coding counts only for the page's records (after the limit), not for every match.
  const rows = await db
    .selectFrom(page.as('p'))
    .selectAll('p')
    .select((eb) =>
      eb
        .selectFrom('codings as k')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('k.evidence_id', '=', 'p.id')
        .as('coding_count'),
    )
    .orderBy('p.observed_on')
    .orderBy('p.ref_no')
    .execute();
  return {
    hasMore: rows.length > f.limit,
    items: rows.slice(0, f.limit).map((r) => ({
      id: r.id,
      reference: `E${r.ref_no}`,
      method: r.method,
      observedOn: r.observed_on,
      excerpt: r.excerpt,
      childCaseReference: r.case_reference,
      codingCount: r.coding_count ?? 0,
    })),
  };
}

export interface WorkbenchCode {
  id: string;
  parentId: string | null;
  name: string;
  description: string | null;
  colour: string | null;
  isCodable: boolean;
  source: 'framework' | 'emergent' | 'imported';
  sortOrder: number;
  /** Codings on live evidence (a column kept by triggers). */
  codingCount: number;
}

/** The live codes of an activity (not merged), unordered: the caller builds the tree. */
export async function listWorkbenchCodes(
  db: Kysely<DB>,
  activityId: string,
): Promise<WorkbenchCode[]> {
  const rows = await db
    .selectFrom('codes')
    .select([
      'id',
      'parent_id',
      'name',
      'description',
      'colour',
      'is_codable',
      'source',
      'sort_order',
      'coding_count',
    ])
    .where('activity_id', '=', activityId)
    .where('merged_into_id', 'is', null)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    description: r.description,
    colour: r.colour,
    isCodable: r.is_codable,
    source: r.source,
    sortOrder: r.sort_order,
    codingCount: r.coding_count,
  }));
}

export interface WorkbenchCoding {
  id: string;
  codeId: string;
  codeName: string;
  codeColour: string | null;
  start: number;
  end: number;
  spanText: string;
  anchorStatus: 'ok' | 'moved' | 'lost';
  coder: PersonRef;
  createdAt: Date;
}

/** The codings of one record with their code's name and colour, in text order. */
export async function listRecordCodings(
  db: Kysely<DB>,
  evidenceId: string,
): Promise<WorkbenchCoding[]> {
  if (!isUuid(evidenceId)) return [];
  const rows = await db
    .selectFrom('codings as k')
    .innerJoin('codes as c', 'c.id', 'k.code_id')
    .select([
      'k.id',
      'k.code_id',
      'c.name',
      'c.colour',
      'k.start_pos',
      'k.end_pos',
      'k.span_text',
      'k.anchor_status',
      'k.coder_id',
      'k.coder_label',
      'k.created_at',
    ])
    .where('k.evidence_id', '=', evidenceId)
    .orderBy('k.start_pos')
    .orderBy('k.end_pos')
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    codeId: r.code_id,
    codeName: r.name,
    codeColour: r.colour,
    start: r.start_pos,
    end: r.end_pos,
    spanText: r.span_text,
    anchorStatus: r.anchor_status,
    coder: { id: r.coder_id, label: r.coder_label },
    createdAt: r.created_at,
  }));
}

/** A memo as the workbench shows it: the stored memo without its exchange GUID and activity. */
export type WorkbenchMemo = Omit<Memo, 'guid' | 'activityId'>;

/**
 * In one query: the memos on a record, on every coding of that record, and on one code (the
 * code picked in the codebook, if any).
 */
export async function listWorkbenchMemos(
  db: Kysely<DB>,
  f: { activityId: string; evidenceId: string | null; codeId: string | null },
): Promise<WorkbenchMemo[]> {
  const evidenceId = f.evidenceId && isUuid(f.evidenceId) ? f.evidenceId : null;
  const codeId = f.codeId && isUuid(f.codeId) ? f.codeId : null;
  if (!evidenceId && !codeId) return [];
  const rows = await db
    .selectFrom('memos')
    .select([
      'id',
      'target_type',
      'target_id',
      'title',
      'text',
      'version',
      'created_by',
      'created_by_label',
      'created_at',
      'updated_at',
    ])
    .where('activity_id', '=', f.activityId)
    .where((eb) =>
      eb.or([
        ...(evidenceId
          ? [
              eb.and([eb('target_type', '=', 'evidence'), eb('target_id', '=', evidenceId)]),
              eb.and([
                eb('target_type', '=', 'coding'),
                eb(
                  'target_id',
                  'in',
                  eb.selectFrom('codings').select('id').where('evidence_id', '=', evidenceId),
                ),
              ]),
            ]
          : []),
        ...(codeId ? [eb.and([eb('target_type', '=', 'code'), eb('target_id', '=', codeId)])] : []),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    targetType: r.target_type,
    targetId: r.target_id,
    title: r.title,
    text: r.text,
    version: r.version,
    createdBy: { id: r.created_by, label: r.created_by_label },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** The codes a coder applied most recently in an activity (live, codable), newest first. */
export async function recentCodeIds(
  db: Kysely<DB>,
  activityId: string,
  coderId: string,
  limit: number,
): Promise<string[]> {
  if (!isUuid(coderId)) return [];
  const rows = await db
    .selectFrom('codings as k')
    .innerJoin('codes as c', 'c.id', 'k.code_id')
    .select(['k.code_id', sql<Date>`max(k.created_at)`.as('last')])
    .where('k.activity_id', '=', activityId)
    .where('k.coder_id', '=', coderId)
    .where('c.merged_into_id', 'is', null)
    .groupBy('k.code_id')
    .orderBy('last', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.code_id);
}

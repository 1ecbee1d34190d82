// The week-zero item each line of enquiry was made from (an intelligence entry, a risk rating, an
// area for improvement of the last report...), so the report and the moderation record can say
// what informed the inspection. Also finds the last report published about the LA before.
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';
import type { PersonRef } from './evidence.js';
import { findReportVersion } from './reports.js';
import type { ReportDocument } from '../../domain/reports/types.js';
import { now } from '../../clock.js';

export interface EnquirySource {
  lineOfEnquiryId: string;
  lineTitle: string;
  kind: string;
  ref: string;
  intelligenceEntryId: string | null;
  label: string;
  createdBy: string;
}

export interface NewEnquirySource {
  lineOfEnquiryId: string;
  activityId: string;
  kind: string;
  ref: string;
  intelligenceEntryId: string | null;
  label: string;
  by: PersonRef;
}

export async function insertEnquirySource(db: Kysely<DB>, s: NewEnquirySource): Promise<string> {
  const row = await db
    .insertInto('line_of_enquiry_sources')
    .values({
      line_of_enquiry_id: s.lineOfEnquiryId,
      activity_id: s.activityId,
      source_kind: s.kind,
      source_ref: s.ref,
      intelligence_entry_id: s.intelligenceEntryId,
      label: s.label,
      created_by: s.by.id,
      created_by_label: s.by.label,
      created_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every linked source of an activity's lines of enquiry, oldest first. */
export async function listEnquirySources(
  db: Kysely<DB>,
  activityId: string,
): Promise<EnquirySource[]> {
  const rows = await db
    .selectFrom('line_of_enquiry_sources as s')
    .innerJoin('lines_of_enquiry as l', 'l.id', 's.line_of_enquiry_id')
    .select([
      's.line_of_enquiry_id',
      'l.title',
      's.source_kind',
      's.source_ref',
      's.intelligence_entry_id',
      's.label',
      's.created_by_label',
    ])
    .where('s.activity_id', '=', activityId)
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    lineOfEnquiryId: r.line_of_enquiry_id,
    lineTitle: r.title,
    kind: r.source_kind,
    ref: r.source_ref,
    intelligenceEntryId: r.intelligence_entry_id,
    label: r.label,
    createdBy: r.created_by_label,
  }));
}

export interface PreviousReport {
  activityId: string;
  activityTitle: string;
  publishedAt: Date;
  document: ReportDocument;
}

/** The report last published about the LA by another activity, as published. */
export async function findPreviousPublishedReport(
  db: Kysely<DB>,
  laId: string,
  exceptActivityId: string,
): Promise<PreviousReport | null> {
  const r = await db
    .selectFrom('reports as r')
    .innerJoin('activities as a', 'a.id', 'r.activity_id')
    .select(['r.id', 'r.published_version', 'r.published_at', 'a.id as activity_id', 'a.title'])
    .where('a.la_id', '=', laId)
    .where('a.id', '<>', exceptActivityId)
    .where('r.published_version', 'is not', null)
    .orderBy('r.published_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!r || r.published_version === null || r.published_at === null) return null;
  const version = await findReportVersion(db, r.id, r.published_version);
  if (!version) return null;
  return {
    activityId: r.activity_id,
    activityTitle: r.title,
    publishedAt: r.published_at,
    document: version.document,
  };
}

// Reports: the report of an activity and its versions (report-reviews.ts: the factual accuracy
// rounds, sign-offs and comments). Writes take the caller's transaction; versions are only ever
// inserted.
import type { Kysely } from 'kysely';
import type { ReportDocument } from '../../domain/reports/types.js';
import type { ReportState, ReportVersionKind } from '../schema/reports.js';
import type { DB } from '../schema.js';
import type { PersonRef } from './evidence.js';
import { now } from '../../clock.js';

export interface Report {
  id: string;
  activityId: string;
  frameworkId: string;
  templateKey: string;
  currentVersion: number;
  state: ReportState;
  publishedVersion: number | null;
  published: { by: PersonRef; at: Date } | null;
  createdBy: PersonRef;
  createdAt: Date;
  updatedAt: Date;
}

export interface ReportVersionSummary {
  number: number;
  kind: ReportVersionKind;
  sectionKey: string | null;
  restoredFrom: number | null;
  commentId: string | null;
  note: string | null;
  createdBy: PersonRef;
  createdAt: Date;
}

export interface ReportVersion extends ReportVersionSummary {
  document: ReportDocument;
}

export async function findReportByActivity(
  db: Kysely<DB>,
  activityId: string,
): Promise<Report | null> {
  const r = await db
    .selectFrom('reports')
    .selectAll()
    .where('activity_id', '=', activityId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    activityId: r.activity_id,
    frameworkId: r.framework_id,
    templateKey: r.template_key,
    currentVersion: r.current_version,
    state: r.state,
    publishedVersion: r.published_version,
    published:
      r.published_at && r.published_by_label
        ? { by: { id: r.published_by, label: r.published_by_label }, at: r.published_at }
        : null,
    createdBy: { id: r.created_by, label: r.created_by_label },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const versionColumns = [
  'number',
  'kind',
  'section_key',
  'restored_from',
  'comment_id',
  'note',
  'created_by',
  'created_by_label',
  'created_at',
] as const;

type VersionRow = {
  number: number;
  kind: ReportVersionKind;
  section_key: string | null;
  restored_from: number | null;
  comment_id: string | null;
  note: string | null;
  created_by: string | null;
  created_by_label: string;
  created_at: Date;
};

function toSummary(r: VersionRow): ReportVersionSummary {
  return {
    number: r.number,
    kind: r.kind,
    sectionKey: r.section_key,
    restoredFrom: r.restored_from,
    commentId: r.comment_id,
    note: r.note,
    createdBy: { id: r.created_by, label: r.created_by_label },
    createdAt: r.created_at,
  };
}

export async function listReportVersions(
  db: Kysely<DB>,
  reportId: string,
): Promise<ReportVersionSummary[]> {
  const rows = await db
    .selectFrom('report_versions')
    .select(versionColumns)
    .where('report_id', '=', reportId)
    .orderBy('number', 'desc')
    .execute();
  return rows.map(toSummary);
}

export async function findReportVersion(
  db: Kysely<DB>,
  reportId: string,
  number: number,
): Promise<ReportVersion | null> {
  const r = await db
    .selectFrom('report_versions')
    .select([...versionColumns, 'document'])
    .where('report_id', '=', reportId)
    .where('number', '=', number)
    .executeTakeFirst();
  return r ? { ...toSummary(r), document: r.document } : null;
}

export async function insertReportVersion(
  db: Kysely<DB>,
  v: {
    reportId: string;
    number: number;
    document: ReportDocument;
    kind: ReportVersionKind;
    sectionKey?: string | null;
    restoredFrom?: number | null;
    commentId?: string | null;
    note?: string | null;
    by: PersonRef;
  },
): Promise<void> {
  await db
    .insertInto('report_versions')
    .values({
      report_id: v.reportId,
      number: v.number,
      document: JSON.stringify(v.document),
      kind: v.kind,
      section_key: v.sectionKey ?? null,
      restored_from: v.restoredFrom ?? null,
      comment_id: v.commentId ?? null,
      note: v.note ?? null,
      created_by: v.by.id,
      created_by_label: v.by.label,
    })
    .execute();
}

/** Moves the report to a new current version if nobody else did first; false on a conflict. */
export async function advanceReportVersion(
  db: Kysely<DB>,
  reportId: string,
  from: number,
  to: number,
): Promise<boolean> {
  const r = await db
    .updateTable('reports')
    .set({ current_version: to, updated_at: now() })
    .where('id', '=', reportId)
    .where('current_version', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Starts an activity's report; null when the activity already has one. */
export async function insertReport(
  db: Kysely<DB>,
  r: { activityId: string; frameworkId: string; templateKey: string; by: PersonRef },
): Promise<string | null> {
  const created = await db
    .insertInto('reports')
    .values({
      activity_id: r.activityId,
      framework_id: r.frameworkId,
      template_key: r.templateKey,
      created_by: r.by.id,
      created_by_label: r.by.label,
    })
    .onConflict((oc) => oc.column('activity_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return created?.id ?? null;
}

/**
 * Moves the report to the LA's factual accuracy check, only if still at the version the caller
 * saw; false on a conflict.
 */
export async function markReportReleased(
  db: Kysely<DB>,
  reportId: string,
  currentVersion: number,
  at: Date,
): Promise<boolean> {
  const moved = await db
    .updateTable('reports')
    .set({ state: 'factual_accuracy', updated_at: at })
    .where('id', '=', reportId)
    .where('current_version', '=', currentVersion)
    .executeTakeFirst();
  return Number(moved.numUpdatedRows) === 1;
}

/** Publishes the current version, only if still the one the caller saw; false on a conflict. */
export async function markReportPublished(
  db: Kysely<DB>,
  reportId: string,
  currentVersion: number,
  by: PersonRef,
): Promise<boolean> {
  const published = await db
    .updateTable('reports')
    .set({
      state: 'published',
      published_version: currentVersion,
      published_at: now(),
      published_by: by.id,
      published_by_label: by.label,
      updated_at: now(),
    })
    .where('id', '=', reportId)
    .where('current_version', '=', currentVersion)
    .executeTakeFirst();
  return Number(published.numUpdatedRows) === 1;
}

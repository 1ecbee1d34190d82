// Reports: the report of an activity, its versions, factual accuracy rounds and comments.
// Writes take the caller's transaction; versions are only ever inserted.
import type { Kysely } from 'kysely';
import type { ReportDocument } from '../../domain/reports/types.js';
import type { ReportState, ReportVersionKind } from '../schema/reports.js';
import type { DB } from '../schema.js';
import type { PersonRef } from './evidence.js';
import { isUuid } from './users.js';
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

export interface ReportRelease {
  id: string;
  round: number;
  versionNumber: number;
  windowDays: number;
  releasedOn: string;
  deadline: string;
  releasedBy: PersonRef;
  releasedAt: Date;
  closedAt: Date | null;
  /** The LA said it has no more comments (the window may then close early). */
  laConfirmed: { by: PersonRef; at: Date } | null;
}

export interface ReportSignoff {
  versionNumber: number;
  purpose: 'release' | 'publication';
  signedBy: PersonRef;
  signedAt: Date;
}

export interface ReportComment {
  id: string;
  releaseId: string;
  round: number;
  sectionKey: string;
  paragraph: number | null;
  text: string;
  createdBy: PersonRef;
  createdAt: Date;
  response: {
    outcome: 'accepted' | 'not_accepted';
    text: string | null;
    version: number | null;
    by: PersonRef;
    at: Date;
  } | null;
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

export async function listReleases(db: Kysely<DB>, reportId: string): Promise<ReportRelease[]> {
  const rows = await db
    .selectFrom('report_releases')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('round')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    round: r.round,
    versionNumber: r.version_number,
    windowDays: r.window_days,
    releasedOn: r.released_on,
    deadline: r.deadline,
    releasedBy: { id: r.released_by, label: r.released_by_label },
    releasedAt: r.released_at,
    closedAt: r.closed_at,
    laConfirmed: r.la_confirmed_at
      ? {
          by: { id: r.la_confirmed_by, label: r.la_confirmed_by_label ?? '' },
          at: r.la_confirmed_at,
        }
      : null,
  }));
}

/** The QAM's sign-offs of exact versions, oldest first. */
export async function listSignoffs(db: Kysely<DB>, reportId: string): Promise<ReportSignoff[]> {
  const rows = await db
    .selectFrom('report_signoffs')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('signed_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    versionNumber: r.version_number,
    purpose: r.purpose,
    signedBy: { id: r.signed_by, label: r.signed_by_label },
    signedAt: r.signed_at,
  }));
}

export async function insertSignoff(
  db: Kysely<DB>,
  s: { reportId: string; versionNumber: number; purpose: 'release' | 'publication'; by: PersonRef },
): Promise<void> {
  await db
    .insertInto('report_signoffs')
    .values({
      report_id: s.reportId,
      version_number: s.versionNumber,
      purpose: s.purpose,
      signed_by: s.by.id,
      signed_by_label: s.by.label,
      // The application's clock, like the release it is compared with (TRIANGULATE_NOW in demos).
      signed_at: now(),
    })
    .execute();
}

/** Records that the LA has no more comments on the open round. */
export async function confirmRelease(
  db: Kysely<DB>,
  releaseId: string,
  by: PersonRef,
): Promise<void> {
  await db
    .updateTable('report_releases')
    .set({ la_confirmed_at: now(), la_confirmed_by: by.id, la_confirmed_by_label: by.label })
    .where('id', '=', releaseId)
    .where('la_confirmed_at', 'is', null)
    .execute();
}

export async function listComments(db: Kysely<DB>, reportId: string): Promise<ReportComment[]> {
  const rows = await db
    .selectFrom('report_comments as c')
    .innerJoin('report_releases as r', 'r.id', 'c.release_id')
    .selectAll('c')
    .select('r.round')
    .where('c.report_id', '=', reportId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    releaseId: r.release_id,
    round: r.round,
    sectionKey: r.section_key,
    paragraph: r.paragraph,
    text: r.text,
    createdBy: { id: r.created_by, label: r.created_by_label },
    createdAt: r.created_at,
    response:
      r.response && r.responded_at
        ? {
            outcome: r.response,
            text: r.response_text,
            version: r.response_version,
            by: { id: r.responded_by, label: r.responded_by_label ?? '' },
            at: r.responded_at,
          }
        : null,
  }));
}

export async function findComment(
  db: Kysely<DB>,
  reportId: string,
  commentId: string,
): Promise<ReportComment | null> {
  if (!isUuid(commentId)) return null;
  return (await listComments(db, reportId)).find((c) => c.id === commentId) ?? null;
}

// The LA's review of a report: factual accuracy rounds (releases), the QAM's sign-offs of exact
// versions, and the LA's comments with the team's answers. Writes take the caller's transaction.
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';
import type { PersonRef } from './evidence.js';
import { isUuid } from './users.js';
import { now } from '../../clock.js';

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

/** Opens a factual accuracy round for an exact version; returns the round's id. */
export async function insertRelease(
  db: Kysely<DB>,
  r: {
    reportId: string;
    round: number;
    versionNumber: number;
    windowDays: number;
    releasedOn: string;
    deadline: string;
    by: PersonRef;
    at: Date;
  },
): Promise<string> {
  const released = await db
    .insertInto('report_releases')
    .values({
      released_at: r.at,
      report_id: r.reportId,
      round: r.round,
      version_number: r.versionNumber,
      window_days: r.windowDays,
      released_on: r.releasedOn,
      deadline: r.deadline,
      released_by: r.by.id,
      released_by_label: r.by.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return released.id;
}

/** Closes the report's open factual accuracy round, if any. */
export async function closeOpenReleases(db: Kysely<DB>, reportId: string, at: Date): Promise<void> {
  await db
    .updateTable('report_releases')
    .set({ closed_at: at })
    .where('report_id', '=', reportId)
    .where('closed_at', 'is', null)
    .execute();
}

/** The LA's comment on a paragraph (or a whole section) of a released version; returns its id. */
export async function insertComment(
  db: Kysely<DB>,
  c: {
    reportId: string;
    releaseId: string;
    sectionKey: string;
    paragraph: number | null;
    text: string;
    by: PersonRef;
  },
): Promise<string> {
  const row = await db
    .insertInto('report_comments')
    .values({
      created_at: now(),
      report_id: c.reportId,
      release_id: c.releaseId,
      section_key: c.sectionKey,
      paragraph: c.paragraph,
      text: c.text,
      created_by: c.by.id,
      created_by_label: c.by.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records the team's answer to a comment not yet answered; false if someone answered first. */
export async function answerComment(
  db: Kysely<DB>,
  commentId: string,
  answer: {
    outcome: 'accepted' | 'not_accepted';
    text: string | null;
    version: number | null;
    by: PersonRef;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('report_comments')
    .set({
      response: answer.outcome,
      response_text: answer.text,
      response_version: answer.version,
      responded_by: answer.by.id,
      responded_by_label: answer.by.label,
      responded_at: now(),
    })
    .where('id', '=', commentId)
    .where('response', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

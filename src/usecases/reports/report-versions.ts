// How a use case adds a version to a report: only on top of the version its writer started from
// (a save by someone else since then is a CONFLICT), inside the caller's transaction.
import type { Kysely } from 'kysely';
import {
  advanceReportVersion,
  insertReportVersion,
  type Report,
} from '../../data/repositories/reports.js';
import type { DB } from '../../data/schema.js';
import type { ReportDocument, ReportSection } from '../../domain/reports/types.js';
import { AppError } from '../../errors.js';

type NewVersion = Omit<Parameters<typeof insertReportVersion>[1], 'reportId' | 'number'>;

/** Saves the report's next version; returns its number. */
export async function appendReportVersion(
  trx: Kysely<DB>,
  report: Report,
  version: NewVersion,
): Promise<number> {
  const next = report.currentVersion + 1;
  if (!(await advanceReportVersion(trx, report.id, report.currentVersion, next)))
    throw conflict(report.currentVersion);
  await insertReportVersion(trx, { ...version, reportId: report.id, number: next });
  return next;
}

/** The document with one section's paragraphs replaced. */
export function withSectionText(
  document: ReportDocument,
  sectionKey: string,
  paragraphs: ReportSection['paragraphs'],
): ReportDocument {
  return {
    ...document,
    // Saving a section is reading it again: a review flag set by a grade change is cleared.
    sections: document.sections.map((s) =>
      s.key === sectionKey ? { ...s, paragraphs, reviewNeeded: null } : s,
    ),
  };
}

export function conflict(current: number): AppError {
  return new AppError('CONFLICT', {
    message: `Someone saved version ${current} of this report after you opened it. Your text is below: reload the section, then apply your change again.`,
    details: [{ field: 'text', reason: `The report is now at version ${current}` }],
  });
}

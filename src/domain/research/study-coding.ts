// Coding inside a study: how a researcher refers to a record without its real id (a reference
// derived from the study and the record, meaningless outside the study), and the keyset cursor of
// the study's record list (inspection pseudonym number and record number, nothing identifying).
import { uuidV5 } from '../refi/guid.js';

/** "r-" and 12 hex digits: stable for a study and a record, different in every study. */
export function studyRecordRef(studyId: string, evidenceId: string): string {
  return `r-${uuidV5(`research-study:${studyId}:record:${evidenceId}`).replace(/-/g, '').slice(0, 12)}`;
}

export function isStudyRecordRef(s: string): boolean {
  return /^r-[0-9a-f]{12}$/.test(s);
}

export interface StudyRecordCursor {
  rank: number;
  refNo: number;
}

export function encodeCursor(c: StudyRecordCursor): string {
  return `${c.rank}.${c.refNo}`;
}

/** The cursor from a query parameter; null when absent or malformed (the first page). */
export function decodeCursor(s: string | undefined): StudyRecordCursor | null {
  const m = /^(\d{1,9})\.(\d{1,9})$/.exec(s ?? '');
  return m ? { rank: Number(m[1]), refNo: Number(m[2]) } : null;
}

// Everything of an activity's evidence base that a REFI-QDA export carries, read page by page:
// live evidence (deleted records stay behind, with their codings and memos), the live codebook,
// codings, cases and memos.
import type { Kysely } from 'kysely';
import type { Activity } from '../../data/repositories/activities.js';
import { listCases, type Case } from '../../data/repositories/cases.js';
import { listCodes } from '../../data/repositories/codes.js';
import {
  exportPage,
  type ExportCoding,
  type ExportRecord,
} from '../../data/repositories/refi-export.js';
import { listMemos } from '../../data/repositories/memos.js';
import type { DB } from '../../data/schema.js';
import type { EvidenceBaseSnapshot } from '../../domain/refi/to-refi.js';
import type { OriginalsForExport } from '../../domain/refi/restore-originals.js';
import { listRefiFiles, listRefiOriginals } from '../../data/repositories/refi-originals.js';
import { now } from '../../clock.js';

const PAGE = 2_000;
/** Records a read (some 3 MB of text with their codings). */
const RECORD_PAGE = 2_000;

async function all<T>(page: (offset: number) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const rows = await page(offset);
    out.push(...rows);
    if (rows.length < PAGE) return out;
  }
}

export interface SnapshotExtras {
  /** Memos left out because what they were about is deleted. */
  memosOnDeleted: number;
}

export async function evidenceBaseSnapshot(
  db: Kysely<DB>,
  activity: Activity,
  origin: string,
): Promise<EvidenceBaseSnapshot & SnapshotExtras> {
  // Everything is held for the file anyway: the live records and their codings a page of
  // records at a time by number (never OFFSET), each page one JSON text (issue 19: rows by the
  // ten thousand cost the engine a copy a field).
  const evidence: ExportRecord[] = [];
  const codings: ExportCoding[] = [];
  for (let after = 0; ;) {
    const page = await exportPage(db, activity.id, after, RECORD_PAGE);
    evidence.push(...page.records);
    codings.push(...page.codings);
    if (page.lastRefNo === null || page.records.length < RECORD_PAGE) break;
    after = page.lastRefNo;
  }
  const codes = await listCodes(db, activity.id);
  const cases: Case[] = await all((offset) =>
    listCases(db, { activityId: activity.id, limit: PAGE, offset }),
  );
  const memos = await listMemos(db, { activityId: activity.id });
  const live = new Set([
    ...evidence.map((e) => e.id),
    ...codings.map((k) => k.id),
    ...codes.map((c) => c.id),
    ...cases.map((c) => c.id),
  ]);
  const kept = memos.filter(
    (m) =>
      m.targetType === 'activity' ||
      m.targetType === 'line_of_enquiry' ||
      live.has(m.targetId ?? ''),
  );
  return {
    title: activity.title,
    origin,
    exportedAt: now(),
    evidence,
    codes,
    codings,
    cases,
    memos: kept,
    memosOnDeleted: memos.length - kept.length,
  };
}

/** The originals kept by imports into the activity, with the GUIDs their rows have today. */
export async function originalsForExport(
  db: Kysely<DB>,
  activityId: string,
  snapshot: EvidenceBaseSnapshot,
): Promise<OriginalsForExport> {
  const elements = await listRefiOriginals(db, activityId);
  if (elements.length === 0) return { elements: [], files: [] };
  const guidOf = new Map<string, string>();
  for (const list of [
    snapshot.evidence,
    snapshot.codes,
    snapshot.codings,
    snapshot.cases,
    snapshot.memos,
  ])
    for (const r of list) guidOf.set(r.id, r.guid);
  return {
    elements: elements.map((e) => ({
      kind: e.kind,
      guid: e.guid,
      hadRow: e.localId !== null,
      current: e.localId ? (guidOf.get(e.localId) ?? null) : null,
      data: e.data,
      xml: e.xml,
    })),
    files: await listRefiFiles(db, activityId),
  };
}

// Writes an import plan into an activity inside the caller's transaction. Codes are matched to
// the codebook by GUID, then by name under the same parent (so a re-imported Triangulate export
// lands on the framework's codes); cases by kind and reference; evidence already in the activity
// (same GUID: the same file imported before) is left as it is, with its codings and memos. Every
// GUID that is already taken in the activity is replaced by a new one.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Activity } from './activities.js';
import { nextEvidenceRefNo, type EvidenceFields, type PersonRef } from './evidence.js';
import { fieldColumns } from './evidence-writes.js';
import type { DB } from '../schema.js';
import type { ImportPlan } from '../../domain/refi/plan-import.js';
import { now as clockNow } from '../../clock.js';
import { insertRowsAsJson } from './bulk-insert.js';

export interface ImportCounts {
  evidence: number;
  codes: number;
  codesMatched: number;
  codings: number;
  cases: number;
  casesMatched: number;
  memos: number;
  /** Already in the activity from an earlier import of the same file: left as they were. */
  alreadyPresent: { evidence: number; codings: number; memos: number };
}

/** The row each planned element became, by kind and planned GUID. */
export interface ImportedRows {
  code: Map<string, string>;
  case: Map<string, string>;
  evidence: Map<string, string>;
  coding: Map<string, string>;
  memo: Map<string, string>;
}

/** Writes one table's rows of the import (as JSON batches: bulk-insert.ts), reporting progress. */
async function insertAll(
  w: Writing,
  table: 'codes' | 'cases' | 'evidence_records' | 'evidence_versions' | 'codings' | 'memos',
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  await insertRowsAsJson(w.trx, table, rows, {
    onBatch: (n) => {
      w.written += n;
      w.onRows(w.written);
    },
  });
}

async function takenGuids(
  trx: Transaction<DB>,
  table: 'codes' | 'cases' | 'evidence_records' | 'codings' | 'memos',
  activityId: string,
): Promise<Set<string>> {
  const rows = await trx
    .selectFrom(table)
    .select('guid')
    .where('activity_id', '=', activityId)
    .execute();
  return new Set(rows.map((r) => r.guid));
}

function freshGuid(taken: Set<string>, guid: string): string {
  const g = taken.has(guid) ? randomUUID() : guid;
  taken.add(g);
  return g;
}

/** What the steps of one import share: where it writes, and the rows made so far. */
interface Writing {
  trx: Transaction<DB>;
  activity: Activity;
  importer: PersonRef;
  now: Date;
  counts: ImportCounts;
  rows: ImportedRows;
  /** Rows written so far, reported after each batch. */
  written: number;
  onRows: (written: number) => void;
}

export async function writeImportPlan(
  trx: Transaction<DB>,
  activity: Activity,
  plan: ImportPlan,
  importer: PersonRef,
  sourceFile: string,
  onRows: (written: number) => void = () => undefined,
): Promise<{ counts: ImportCounts; refNos: Map<string, number>; rows: ImportedRows }> {
  const w: Writing = {
    trx,
    written: 0,
    onRows,
    activity,
    importer,
    now: clockNow(),
    counts: {
      evidence: 0,
      codes: 0,
      codesMatched: 0,
      codings: 0,
      cases: 0,
      casesMatched: 0,
      memos: 0,
      alreadyPresent: { evidence: 0, codings: 0, memos: 0 },
    },
    rows: {
      code: new Map(),
      case: new Map(),
      evidence: new Map(),
      coding: new Map(),
      memo: new Map(),
    },
  };
  await writeCodes(w, plan.codes);
  await writeCases(w, plan.cases);
  const refNos = await writeEvidence(w, plan.evidence, sourceFile);
  await writeCodings(w, plan.codings);
  await writeMemos(w, plan.memos);
  return { counts: w.counts, refNos, rows: w.rows };
}

/** Codes, parents first: matched by GUID, then by name under the same parent. */
async function writeCodes(w: Writing, codes: ImportPlan['codes']): Promise<void> {
  const { trx, activity, importer, counts } = w;
  const codeId = w.rows.code;
  const existingCodes = await trx
    .selectFrom('codes')
    .select(['id', 'guid', 'parent_id', 'name', 'is_codable', 'merged_into_id'])
    .where('activity_id', '=', activity.id)
    .execute();
  const codeByGuid = new Map(existingCodes.map((c) => [c.guid, c]));
  const siblingKey = (parent: string | null, name: string) =>
    `${parent ?? ''}/${name.toLowerCase()}`;
  const liveByName = new Map(
    existingCodes
      .filter((c) => c.merged_into_id === null)
      .map((c) => [siblingKey(c.parent_id, c.name), c]),
  );
  const codeTaken = new Set(existingCodes.map((c) => c.guid));
  const newCodes: Array<Record<string, unknown>> = [];
  for (const c of codes) {
    const parentId = c.parentGuid ? (codeId.get(c.parentGuid) ?? null) : null;
    const byGuid = codeByGuid.get(c.guid);
    const match = byGuid
      ? (byGuid.merged_into_id ?? byGuid.id)
      : liveByName.get(siblingKey(parentId, c.name));
    const matched =
      typeof match === 'string'
        ? match
        : match && match.is_codable === c.isCodable
          ? match.id
          : null;
    if (matched) {
      codeId.set(c.guid, matched);
      counts.codesMatched++;
      continue;
    }
    let name = c.name;
    for (let n = 2; liveByName.has(siblingKey(parentId, name)); n++)
      name = `${c.name.slice(0, 190)} (${n})`;
    const id = randomUUID();
    const row = {
      id,
      guid: freshGuid(codeTaken, c.guid),
      parent_id: parentId,
      name,
      is_codable: c.isCodable,
      merged_into_id: null,
    };
    liveByName.set(siblingKey(parentId, name), row);
    codeId.set(c.guid, id);
    newCodes.push({
      id,
      guid: row.guid,
      activity_id: activity.id,
      parent_id: parentId,
      name,
      description: c.description,
      colour: c.colour,
      is_codable: c.isCodable,
      source: 'imported',
      sort_order: 1000 + c.sortOrder,
      created_by: importer.id,
      created_by_label: importer.label,
    });
  }
  await insertAll(w, 'codes', newCodes);
  counts.codes = newCodes.length;
}

/** Cases, matched by kind and reference. */
async function writeCases(w: Writing, cases: ImportPlan['cases']): Promise<void> {
  const { trx, activity, importer, counts } = w;
  const caseId = w.rows.case;
  const existingCases = await trx
    .selectFrom('cases')
    .select(['id', 'guid', 'kind', 'reference'])
    .where('activity_id', '=', activity.id)
    .execute();
  const caseByRef = new Map(
    existingCases.map((c) => [`${c.kind}:${c.reference.toLowerCase()}`, c.id]),
  );
  const caseTaken = new Set(existingCases.map((c) => c.guid));
  const newCases: Array<Record<string, unknown>> = [];
  for (const c of cases) {
    const existing = caseByRef.get(`${c.kind}:${c.reference.toLowerCase()}`);
    if (existing) {
      caseId.set(c.guid, existing);
      counts.casesMatched++;
      continue;
    }
    const id = randomUUID();
    caseId.set(c.guid, id);
    caseByRef.set(`${c.kind}:${c.reference.toLowerCase()}`, id);
    newCases.push({
      id,
      guid: freshGuid(caseTaken, c.guid),
      activity_id: activity.id,
      kind: c.kind,
      reference: c.reference,
      description: c.description,
      attributes: c.attributes,
      created_by: importer.id,
      created_by_label: importer.label,
    });
  }
  await insertAll(w, 'cases', newCases);
  counts.cases = newCases.length;
}

/** Evidence records and their first versions; evidence already there (same GUID) stays. */
async function writeEvidence(
  w: Writing,
  evidence: ImportPlan['evidence'],
  sourceFile: string,
): Promise<Map<string, number>> {
  const { trx, activity, counts, now } = w;
  const caseId = w.rows.case;
  const evidenceId = w.rows.evidence;
  const evidenceTaken = await takenGuids(trx, 'evidence_records', activity.id);
  const refNos = new Map<string, number>();
  let refNo = await nextEvidenceRefNo(trx, activity.id);
  const newEvidence: Array<Record<string, unknown>> = [];
  const versions: Array<{ id: string; text: string; fields: EvidenceFields; by: PersonRef }> = [];
  for (const e of evidence) {
    if (evidenceTaken.has(e.guid)) {
      counts.alreadyPresent.evidence++;
      continue;
    }
    evidenceTaken.add(e.guid);
    const id = randomUUID();
    evidenceId.set(e.guid, id);
    refNos.set(e.guid, refNo);
    const fields: EvidenceFields = {
      method: e.method,
      observedOn: e.observedOn,
      childCaseId: e.cases.child ? (caseId.get(e.cases.child) ?? null) : null,
      practitionerCaseId: e.cases.practitioner ? (caseId.get(e.cases.practitioner) ?? null) : null,
      teamCaseId: e.cases.team ? (caseId.get(e.cases.team) ?? null) : null,
      locality: e.locality,
      lineOfEnquiryId: null,
      judgementAreas: e.judgementAreas,
      minutesSpent: e.minutesSpent,
      childVoice: e.childVoice,
      livedExperience: e.livedExperience,
      direction: e.direction,
      consent: e.consent,
    };
    const by: PersonRef = { id: null, label: e.recordedByLabel };
    const at = e.recordedAt ?? now;
    newEvidence.push({
      id,
      guid: e.guid,
      activity_id: activity.id,
      ref_no: refNo++,
      text: e.text,
      ...fieldColumns(fields),
      source_kind: 'imported',
      source_file: `${sourceFile}: ${e.name}`.slice(0, 1000),
      recorded_by: null,
      recorded_by_label: by.label,
      recorded_at: at,
      updated_by: null,
      updated_by_label: by.label,
      updated_at: at,
    });
    versions.push({ id, text: e.text, fields, by });
  }
  await insertAll(w, 'evidence_records', newEvidence);
  await insertAll(
    w,
    'evidence_versions',
    versions.map((v) => ({
      evidence_id: v.id,
      version: 1,
      text: v.text,
      fields: v.fields,
      created_by: v.by.id,
      created_by_label: v.by.label,
    })),
  );
  counts.evidence = newEvidence.length;

  return refNos;
}

/** Codings of the evidence and codes this import wrote. */
async function writeCodings(w: Writing, codings: ImportPlan['codings']): Promise<void> {
  const { trx, activity, counts, now } = w;
  const codeId = w.rows.code;
  const evidenceId = w.rows.evidence;
  const codingId = w.rows.coding;
  const codingTaken = await takenGuids(trx, 'codings', activity.id);
  const newCodings: Array<Record<string, unknown>> = [];
  for (const k of codings) {
    const ev = evidenceId.get(k.evidenceGuid);
    const code = codeId.get(k.codeGuid);
    if (!ev || !code) {
      counts.alreadyPresent.codings++;
      continue;
    }
    const id = randomUUID();
    codingId.set(k.guid, id);
    newCodings.push({
      id,
      guid: freshGuid(codingTaken, k.guid),
      activity_id: activity.id,
      evidence_id: ev,
      evidence_version: 1,
      code_id: code,
      start_pos: k.start,
      end_pos: k.end,
      span_text: k.spanText,
      coder_id: null,
      coder_label: k.coderLabel,
      created_at: k.createdAt ?? now,
    });
  }
  await insertAll(w, 'codings', newCodings);
  counts.codings = newCodings.length;
}

/** Memos whose target this import wrote (or the activity); memos already there stay. */
async function writeMemos(w: Writing, memos: ImportPlan['memos']): Promise<void> {
  const { trx, activity, counts, now } = w;
  const { code: codeId, case: caseId, evidence: evidenceId, coding: codingId } = w.rows;
  const memoId = w.rows.memo;
  const memoTaken = await takenGuids(trx, 'memos', activity.id);
  const targetOf = (type: string, guid: string | null): string | null | undefined => {
    if (type === 'activity') return null;
    if (guid === null) return undefined;
    return (
      type === 'code'
        ? codeId
        : type === 'case'
          ? caseId
          : type === 'evidence'
            ? evidenceId
            : codingId
    ).get(guid);
  };
  const newMemos: Array<Record<string, unknown>> = [];
  for (const m of memos) {
    const target = targetOf(m.targetType, m.targetGuid);
    if (target === undefined || memoTaken.has(m.guid)) {
      counts.alreadyPresent.memos++;
      continue;
    }
    memoTaken.add(m.guid);
    const id = randomUUID();
    memoId.set(m.guid, id);
    newMemos.push({
      id,
      guid: m.guid,
      activity_id: activity.id,
      target_type: m.targetType,
      target_id: target,
      title: m.title,
      text: m.text,
      created_by: null,
      created_by_label: m.createdByLabel,
      created_at: m.createdAt ?? now,
      updated_at: m.updatedAt ?? m.createdAt ?? now,
    });
  }
  await insertAll(w, 'memos', newMemos);
  counts.memos = newMemos.length;
}

/** The memo that lists what someone should check after an import. */
export async function insertImportReviewMemo(
  trx: Transaction<DB>,
  activityId: string,
  importer: PersonRef,
  file: string,
  lines: string[],
): Promise<void> {
  await trx
    .insertInto('memos')
    .values({
      activity_id: activityId,
      target_type: 'activity',
      target_id: null,
      title: `Check after importing ${file}`.slice(0, 300),
      text: lines.join('\n\n'),
      created_by: importer.id,
      created_by_label: importer.label,
    })
    .execute();
}

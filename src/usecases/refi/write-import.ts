// Writes an import plan into an activity inside the caller's transaction. Codes are matched to
// the codebook by GUID, then by name under the same parent (so a re-imported Triangulate export
// lands on the framework's codes); cases by kind and reference; evidence already in the activity
// (same GUID: the same file imported before) is left as it is, with its codings and memos. Every
// GUID that is already taken in the activity is replaced by a new one.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Activity } from '../../data/repositories/activities.js';
import { nextEvidenceRefNo, type EvidenceFields } from '../../data/repositories/evidence.js';
import type { DB } from '../../data/schema.js';
import type { ImportPlan } from '../../domain/refi/plan-import.js';
import type { PersonRef } from '../../data/repositories/evidence.js';
import { now as clockNow } from '../../clock.js';

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

const BATCH = 500;

async function insertAll<T extends Record<string, unknown>>(
  trx: Transaction<DB>,
  table: 'codes' | 'cases' | 'evidence_records' | 'evidence_versions' | 'codings' | 'memos',
  rows: T[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH)
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
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

export async function writeImportPlan(
  trx: Transaction<DB>,
  activity: Activity,
  plan: ImportPlan,
  importer: PersonRef,
  sourceFile: string,
): Promise<{ counts: ImportCounts; refNos: Map<string, number>; rows: ImportedRows }> {
  const counts: ImportCounts = {
    evidence: 0,
    codes: 0,
    codesMatched: 0,
    codings: 0,
    cases: 0,
    casesMatched: 0,
    memos: 0,
    alreadyPresent: { evidence: 0, codings: 0, memos: 0 },
  };
  const now = clockNow();

  // Codes, parents first.
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
  const codeId = new Map<string, string>();
  const newCodes: Array<Record<string, unknown>> = [];
  for (const c of plan.codes) {
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
  await insertAll(trx, 'codes', newCodes);
  counts.codes = newCodes.length;

  // Cases.
  const existingCases = await trx
    .selectFrom('cases')
    .select(['id', 'guid', 'kind', 'reference'])
    .where('activity_id', '=', activity.id)
    .execute();
  const caseByRef = new Map(
    existingCases.map((c) => [`${c.kind}:${c.reference.toLowerCase()}`, c.id]),
  );
  const caseTaken = new Set(existingCases.map((c) => c.guid));
  const caseId = new Map<string, string>();
  const newCases: Array<Record<string, unknown>> = [];
  for (const c of plan.cases) {
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
      attributes: JSON.stringify(c.attributes),
      created_by: importer.id,
      created_by_label: importer.label,
    });
  }
  await insertAll(trx, 'cases', newCases);
  counts.cases = newCases.length;

  // Evidence records and their first versions.
  const evidenceTaken = await takenGuids(trx, 'evidence_records', activity.id);
  const evidenceId = new Map<string, string>();
  const refNos = new Map<string, number>();
  let refNo = await nextEvidenceRefNo(trx, activity.id);
  const newEvidence: Array<Record<string, unknown>> = [];
  const versions: Array<{ id: string; text: string; fields: EvidenceFields; by: PersonRef }> = [];
  for (const e of plan.evidence) {
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
      method: fields.method,
      observed_on: fields.observedOn,
      child_case_id: fields.childCaseId,
      practitioner_case_id: fields.practitionerCaseId,
      team_case_id: fields.teamCaseId,
      locality: fields.locality,
      judgement_areas: fields.judgementAreas,
      minutes_spent: fields.minutesSpent,
      child_voice: fields.childVoice,
      lived_experience: fields.livedExperience,
      direction: fields.direction,
      consent_info_sheet_given: e.consent?.infoSheetGiven ?? null,
      consent_given: e.consent?.consentGiven ?? null,
      consent_given_by: e.consent?.givenBy ?? null,
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
  await insertAll(trx, 'evidence_records', newEvidence);
  await insertAll(
    trx,
    'evidence_versions',
    versions.map((v) => ({
      evidence_id: v.id,
      version: 1,
      text: v.text,
      fields: JSON.stringify(v.fields),
      created_by: v.by.id,
      created_by_label: v.by.label,
    })),
  );
  counts.evidence = newEvidence.length;

  // Codings.
  const codingTaken = await takenGuids(trx, 'codings', activity.id);
  const codingId = new Map<string, string>();
  const newCodings: Array<Record<string, unknown>> = [];
  for (const k of plan.codings) {
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
  await insertAll(trx, 'codings', newCodings);
  counts.codings = newCodings.length;

  // Memos.
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
  const memoId = new Map<string, string>();
  for (const m of plan.memos) {
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
  await insertAll(trx, 'memos', newMemos);
  counts.memos = newMemos.length;
  return {
    counts,
    refNos,
    rows: { code: codeId, case: caseId, evidence: evidenceId, coding: codingId, memo: memoId },
  };
}

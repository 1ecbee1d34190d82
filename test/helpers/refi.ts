// An activity with a small but complete evidence base for REFI-QDA tests (accents, emoji and
// CRLF-free multi-line texts, nested emergent codes, two coders, cases with attributes, memos on
// everything), and a description of an evidence base that two activities can be compared by.
import type { Kysely } from 'kysely';
import { listCases } from '../../src/data/repositories/cases.js';
import { listCodes } from '../../src/data/repositories/codes.js';
import { listCodings } from '../../src/data/repositories/codings.js';
import { listEvidence } from '../../src/data/repositories/evidence.js';
import { listMemos } from '../../src/data/repositories/memos.js';
import type { DB } from '../../src/data/schema.js';
import { cpLength } from '../../src/domain/evidence/offsets.js';
import { createCase } from '../../src/usecases/cases/create-case.js';
import { codeSpan } from '../../src/usecases/coding/code-span.js';
import { createCode } from '../../src/usecases/coding/create-code.js';
import { seedCodebook } from '../../src/usecases/coding/seed-codebook.js';
import { recordEvidence } from '../../src/usecases/evidence/record-evidence.js';
import { createMemo } from '../../src/usecases/memos/create-memo.js';
import { contextFor, makeEvidenceTeam, type EvidenceTeam } from './evidence.js';

export const EMOJI_TEXT =
  'Zoë (12) said: “I feel safe with my foster carer 👩‍👧 now.”\nHer social worker, Siân Ó Briain, visits every 2 weeks 🏠.';

/** Offsets of `part` in text, in code points. */
export function cpRange(text: string, part: string): { start: number; end: number } {
  const i = text.indexOf(part);
  if (i < 0) throw new Error(`'${part}' is not in the text`);
  const start = cpLength(text.slice(0, i));
  return { start, end: start + cpLength(part) };
}

export async function seedRefiActivity(
  db: Kysely<DB>,
  key = 'refi',
): Promise<EvidenceTeam & { evidenceIds: string[] }> {
  const team = await makeEvidenceTeam(db, key);
  const lead = contextFor(db, team.lead);
  const member = contextFor(db, team.member);
  const activityId = team.activity.id;
  await seedCodebook(lead, { activityId });
  const parent = await createCode(lead, {
    activityId,
    name: 'Voice of the child — émergent',
    colour: '#D4351C',
    description: 'Children’s own words',
  });
  const child = await createCode(lead, {
    activityId,
    name: 'Feels safe 🛡️',
    parentId: parent.id,
    description: 'Says they feel safe',
  });
  await createCode(lead, { activityId, name: 'Empty folder', isCodable: false });
  const kase = await createCase(lead, {
    activityId,
    kind: 'child',
    reference: 'C-001 Zoë',
    attributes: { cohort: 'child_in_care', ageBand: '10_15', disability: false },
  });
  await createCase(lead, {
    activityId,
    kind: 'practitioner',
    reference: 'SW-7',
    attributes: { team: 'North – Locality 1', experienceBand: '2_5_years' },
  });
  const e1 = await recordEvidence(lead, {
    activityId,
    text: EMOJI_TEXT,
    method: 'child_conversation',
    observedOn: '2025-06-03',
    caseRef: 'C-001 Zoë',
    newCase: true,
    practitionerRef: 'SW-7',
    locality: 'North',
    judgementAreas: ['children_in_care'],
    minutesSpent: 45,
    childVoice: true,
    direction: 'strength',
    consent: { infoSheetGiven: true, consentGiven: true, givenBy: 'child' },
  });
  const e2 = await recordEvidence(member, {
    activityId,
    text: '=HYPERLINK("http://evil") Audit of 20 cases: plans <b>not</b> updated & "drift" in 6.\n\tSecond line.',
    method: 'la_audit',
    observedOn: '2025-06-04',
    judgementAreas: ['help_and_protection'],
    direction: 'area_for_improvement',
  });
  const safe = cpRange(EMOJI_TEXT, 'I feel safe with my foster carer 👩‍👧 now.');
  const visits = cpRange(EMOJI_TEXT, 'visits every 2 weeks 🏠');
  const a = await codeSpan(lead, {
    evidenceId: e1.id,
    codeIds: [child.id, parent.id],
    ...safe,
    evidenceVersion: 1,
  });
  await codeSpan(member, { evidenceId: e1.id, codeIds: [child.id], ...safe, evidenceVersion: 1 });
  await codeSpan(member, {
    evidenceId: e1.id,
    codeIds: [parent.id],
    ...visits,
    evidenceVersion: 1,
  });
  const drift = cpRange(e2.text, '"drift" in 6');
  await codeSpan(member, { evidenceId: e2.id, codeIds: [parent.id], ...drift, evidenceVersion: 1 });
  await createMemo(lead, {
    activityId,
    targetType: 'activity',
    title: 'Plan',
    text: 'Week one: focus on children in care ✅',
  });
  await createMemo(lead, {
    activityId,
    targetType: 'evidence',
    targetId: e1.id,
    text: 'Strong voice; check with the carer.',
  });
  await createMemo(lead, {
    activityId,
    targetType: 'code',
    targetId: child.id,
    title: 'Definition',
    text: 'Use when the child says so.',
  });
  await createMemo(lead, {
    activityId,
    targetType: 'coding',
    targetId: a.codings[0]!.id,
    text: 'Clear quote.',
  });
  await createMemo(member, {
    activityId,
    targetType: 'case',
    targetId: kase.id,
    title: 'Zoë',
    text: 'Placement stable since 2024.',
  });
  return { ...team, evidenceIds: [e1.id, e2.id] };
}

/** The evidence base of an activity in a form that does not depend on ids or GUIDs. */
export async function describeEvidenceBase(db: Kysely<DB>, activityId: string) {
  const evidence = await listEvidence(db, { activityId });
  const codes = await listCodes(db, activityId);
  const codings = await listCodings(db, { activityId });
  const cases = await listCases(db, { activityId });
  const memos = await listMemos(db, { activityId });
  const codePath = (id: string | null): string => {
    const c = codes.find((x) => x.id === id);
    return c ? `${c.parentId ? `${codePath(c.parentId)} / ` : ''}${c.name}` : '?';
  };
  const ev = (id: string | null) => evidence.find((e) => e.id === id)?.text.slice(0, 20) ?? '?';
  const caseRef = (id: string | null) => cases.find((c) => c.id === id)?.reference ?? null;
  return {
    evidence: evidence.map((e) => ({
      text: e.text,
      method: e.method,
      observedOn: e.observedOn,
      judgementAreas: e.judgementAreas,
      direction: e.direction,
      childVoice: e.childVoice,
      livedExperience: e.livedExperience,
      minutesSpent: e.minutesSpent,
      locality: e.locality,
      consent: e.consent,
      childCase: e.childCase?.reference ?? null,
      practitionerCase: e.practitionerCase?.reference ?? null,
      recordedBy: e.recordedBy.label,
    })),
    codes: codes
      .map((c) => ({
        path: codePath(c.id),
        colour: c.colour,
        description: c.description,
        isCodable: c.isCodable,
      }))
      .sort((a, b) => a.path.localeCompare(b.path)),
    codings: codings
      .map((k) => ({
        evidence: ev(k.evidenceId),
        code: codePath(k.codeId),
        start: k.start,
        end: k.end,
        spanText: k.spanText,
        coder: k.coder.label,
      }))
      .sort((a, b) =>
        `${a.evidence}${a.start}${a.code}${a.coder}`.localeCompare(
          `${b.evidence}${b.start}${b.code}${b.coder}`,
        ),
      ),
    cases: cases.map((c) => ({
      kind: c.kind,
      reference: c.reference,
      description: c.description,
      attributes: c.attributes,
    })),
    memos: memos
      .map((m) => ({
        targetType: m.targetType,
        target:
          m.targetType === 'evidence'
            ? ev(m.targetId)
            : m.targetType === 'code'
              ? codePath(m.targetId)
              : m.targetType === 'case'
                ? caseRef(m.targetId)
                : m.targetType === 'coding'
                  ? (codings.find((k) => k.id === m.targetId)?.spanText ?? '?')
                  : null,
        title: m.title,
        text: m.text,
      }))
      .sort((a, b) => `${a.targetType}${a.text}`.localeCompare(`${b.targetType}${b.text}`)),
  };
}

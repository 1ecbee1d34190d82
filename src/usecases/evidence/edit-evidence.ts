import type { Transaction } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import type { Activity } from '../../data/repositories/activities.js';
import { codingAnchors, updateCodingAnchor } from '../../data/repositories/codings.js';
import {
  fieldsOf,
  findEvidence,
  type EvidenceFields,
  type EvidenceRecord,
} from '../../data/repositories/evidence.js';
import { insertEvidenceVersion, updateEvidence } from '../../data/repositories/evidence-writes.js';
import type { DB } from '../../data/schema.js';
import type { Actor } from '../../domain/access/actor.js';
import { reanchor } from '../../domain/evidence/reanchor.js';
import {
  evidenceDirections,
  evidenceMethods,
  type EvidenceMethod,
} from '../../domain/evidence/vocabulary.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { foundInActivity, ActivityInPath } from '../shared/found-in-activity.js';
import { actorRef } from '../shared/actor-ref.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { whenText } from '../../domain/calendar/format.js';
import { checkEvidenceFields, checkLineOfEnquiry, resolveCase } from './evidence-fields.js';
import { ConsentInput, evidenceText } from './record-evidence.js';

const ref = z.string().trim().max(200).nullable().optional();

/** Only the fields given change; null clears a field. */
export const EditEvidenceInput = z.object({
  /** The activity in the URL: the item must belong to it. */
  activityId: ActivityInPath,
  evidenceId: z.string(),
  /** The version the editor started from: a newer one means someone else changed it. */
  expectedVersion: z.number().int().min(1),
  text: z.string().min(1).optional(),
  method: z.enum(evidenceMethods).optional(),
  observedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  caseRef: ref,
  /** The child's case is deliberately a new one (see RecordEvidenceInput). */
  newCase: z.boolean().optional(),
  practitionerRef: ref,
  teamRef: ref,
  locality: z.string().trim().max(200).nullable().optional(),
  lineOfEnquiryId: z.uuid().nullable().optional(),
  judgementAreas: z.array(z.string()).max(20).optional(),
  minutesSpent: z.number().int().min(0).max(1440).nullable().optional(),
  childVoice: z.boolean().optional(),
  livedExperience: z.boolean().optional(),
  direction: z.enum(evidenceDirections).nullable().optional(),
  consent: ConsentInput.nullable().optional(),
});
export type EditEvidenceInput = z.input<typeof EditEvidenceInput>;

export interface EditOutcome {
  record: EvidenceRecord;
  /** False when nothing differed (no new version was made). */
  changed: boolean;
  codings: { kept: number; moved: number; lost: number };
}

/** A CONFLICT that names who changed the record and when. */
export function staleVersion(current: EvidenceRecord, expected: number): AppError {
  return new AppError('CONFLICT', {
    message: `${current.reference} was changed by ${current.updatedBy.label} at ${whenText(current.updatedAt)} (now version ${current.version}; you started from version ${expected}). Reload it to see their changes, then make yours again.`,
    details: [
      {
        field: 'expectedVersion',
        value: String(expected),
        reason: `Current version is ${current.version}, changed by ${current.updatedBy.label} at ${current.updatedAt.toISOString()}`,
      },
    ],
  });
}

export async function editEvidence(
  ctx: UseCaseContext,
  raw: EditEvidenceInput,
): Promise<EditOutcome> {
  const input = EditEvidenceInput.parse(raw);
  const found = foundInActivity(await findEvidence(ctx.db, input.evidenceId), input.activityId);
  const { activity } = await evidenceScope(ctx, found.activityId, 'write');
  const text = input.text === undefined ? undefined : evidenceText(input.text);
  const by = actorRef(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findEvidence(trx, found.id, { forUpdate: true });
    if (!current) throw new AppError('NOT_FOUND');
    if (current.deleted)
      throw new AppError('CONFLICT', {
        message: `${current.reference} was deleted by ${current.deleted.by.label} at ${whenText(current.deleted.at)}. Restore it before editing.`,
      });
    if (current.version !== input.expectedVersion)
      throw staleVersion(current, input.expectedVersion);
    const next = await nextFields(trx, ctx.actor, activity, current, input);
    checkEvidenceFields(activity, { ...next, method: next.method as EvidenceMethod });
    if (next.lineOfEnquiryId !== current.lineOfEnquiryId)
      await checkLineOfEnquiry(trx, activity.id, next.lineOfEnquiryId);
    const before = fieldsOf(current);
    const changedFields = (Object.keys(next) as Array<keyof EvidenceFields>).filter(
      (k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]),
    );
    const textChanged = text !== undefined && text !== current.text;
    if (!textChanged && changedFields.length === 0)
      return { record: current, changed: false, codings: { kept: 0, moved: 0, lost: 0 } };
    const newText = textChanged ? text : current.text;
    const version = current.version + 1;
    await updateEvidence(trx, current.id, { text: newText, fields: next, version, by });
    await insertEvidenceVersion(trx, {
      evidenceId: current.id,
      version,
      text: newText,
      fields: next,
      by,
    });
    const codings = textChanged
      ? await reanchorCodings(trx, current, newText, version)
      : { kept: 0, moved: 0, lost: 0 };
    const pickOf = (f: EvidenceFields) =>
      Object.fromEntries(changedFields.map((k) => [k, f[k]])) as Record<string, unknown>;
    await writeAudit(trx, ctx.actor, {
      action: 'evidence.edited',
      entityType: 'evidence',
      entityId: current.id,
      activityId: activity.id,
      laId: activity.laId,
      before: {
        version: current.version,
        ...pickOf(before),
        ...(textChanged ? { text: current.text } : {}),
      },
      after: {
        version,
        ...pickOf(next),
        ...(textChanged ? { text: newText, codings } : {}),
      },
    });
    const record = await findEvidence(trx, current.id);
    if (!record) throw new AppError('INTERNAL');
    return { record, changed: true, codings };
  });
}

/** The fields after the edit: the input's where given (case references resolved), else the record's. */
async function nextFields(
  trx: Transaction<DB>,
  actor: Actor,
  activity: Activity,
  current: EvidenceRecord,
  input: z.output<typeof EditEvidenceInput>,
): Promise<EvidenceFields> {
  const pick = <K extends keyof EvidenceFields>(k: K, v: EvidenceFields[K] | undefined) =>
    v === undefined ? current[k] : v;
  const consent =
    input.consent === undefined
      ? current.consent
      : input.consent === null
        ? null
        : { ...input.consent, givenBy: input.consent.givenBy ?? null };
  return {
    method: pick('method', input.method),
    observedOn: pick('observedOn', input.observedOn),
    childCaseId:
      input.caseRef === undefined
        ? current.childCaseId
        : await resolveCase(trx, actor, activity, 'child', input.caseRef, {
            allowNew: input.newCase === true,
          }),
    practitionerCaseId:
      input.practitionerRef === undefined
        ? current.practitionerCaseId
        : await resolveCase(trx, actor, activity, 'practitioner', input.practitionerRef),
    teamCaseId:
      input.teamRef === undefined
        ? current.teamCaseId
        : await resolveCase(trx, actor, activity, 'team', input.teamRef),
    locality: input.locality === undefined ? current.locality : input.locality || null,
    lineOfEnquiryId: pick('lineOfEnquiryId', input.lineOfEnquiryId),
    judgementAreas:
      input.judgementAreas === undefined
        ? current.judgementAreas
        : [...new Set(input.judgementAreas)],
    minutesSpent: pick('minutesSpent', input.minutesSpent),
    childVoice: pick('childVoice', input.childVoice),
    livedExperience: pick('livedExperience', input.livedExperience),
    direction: pick('direction', input.direction),
    consent,
  };
}

/** Re-anchors the record's codings in its new text; counts how many kept, moved and were lost. */
export async function reanchorCodings(
  trx: Transaction<DB>,
  current: EvidenceRecord,
  newText: string,
  version: number,
): Promise<EditOutcome['codings']> {
  const codings = { kept: 0, moved: 0, lost: 0 };
  const anchors = await codingAnchors(trx, current.id);
  const placed = reanchor(
    current.text,
    newText,
    anchors.map((a) => ({ ...a, lost: a.status === 'lost' })),
  );
  for (const [i, a] of anchors.entries()) {
    const p = placed[i]!;
    codings[p.status === 'ok' ? 'kept' : p.status]++;
    await updateCodingAnchor(trx, a.id, {
      start: p.start,
      end: p.end,
      status: p.status,
      evidenceVersion: version,
    });
  }
  return codings;
}

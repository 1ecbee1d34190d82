import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Activity } from '../../data/repositories/activities.js';
import type { DB } from '../../data/schema.js';
import { writeAudit } from '../../data/audit-log.js';
import {
  findEvidence,
  nextEvidenceRefNo,
  type Consent,
  type EvidenceFields,
  type EvidenceRecord,
} from '../../data/repositories/evidence.js';
import type { Actor } from '../../domain/access/actor.js';
import { insertEvidence, insertEvidenceVersion } from '../../data/repositories/evidence-writes.js';
import { cpLength, normaliseText } from '../../domain/evidence/offsets.js';
import {
  consentGivers,
  evidenceDirections,
  evidenceMethods,
  type EvidenceSourceKind,
} from '../../domain/evidence/vocabulary.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { todayInEngland } from '../../clock.js';
import { actorRef } from '../shared/actor-ref.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import {
  checkEvidenceFields,
  checkLineOfEnquiry,
  resolveCase,
  type EvidenceLookups,
} from './evidence-fields.js';

/** Longest evidence text, in code points (a long imported document fits; a book does not). */
export const MAX_EVIDENCE_LENGTH = 500_000;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD');
const ref = z.string().trim().max(200).nullish();

export const ConsentInput = z.object({
  infoSheetGiven: z.boolean(),
  consentGiven: z.boolean(),
  givenBy: z.enum(consentGivers).nullish(),
});

/** The descriptive fields of a record (everything but its text). */
export const EvidenceFieldsInput = z.object({
  method: z.enum(evidenceMethods),
  observedOn: isoDate.optional(),
  /** The child's case: the pseudonymous reference of a case the activity knows (sampled, or
   * recorded before); an unknown one is refused unless `newCase` says it is a new case. */
  caseRef: ref,
  /** The child's case is deliberately a new one, not in the sample or the activity's cases. */
  newCase: z.boolean().default(false),
  practitionerRef: ref,
  teamRef: ref,
  locality: z.string().trim().max(200).nullish(),
  lineOfEnquiryId: z.uuid().nullish(),
  judgementAreas: z.array(z.string()).max(20).default([]),
  minutesSpent: z.number().int().min(0).max(1440).nullish(),
  childVoice: z.boolean().default(false),
  livedExperience: z.boolean().default(false),
  direction: z.enum(evidenceDirections).nullish(),
  consent: ConsentInput.nullish(),
});

export const RecordEvidenceInput = EvidenceFieldsInput.extend({
  activityId: z.string(),
  text: z.string().min(1, 'Enter the evidence'),
});
export type RecordEvidenceInput = z.input<typeof RecordEvidenceInput>;

/** Checks and normalises evidence text (NFC, LF, no NUL); throws when empty or too long. */
export function evidenceText(raw: string): string {
  const text = normaliseText(raw);
  if (text.trim() === '')
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'text', reason: 'Enter the evidence' }],
    });
  if (cpLength(text) > MAX_EVIDENCE_LENGTH)
    throw new AppError('VALIDATION_FAILED', {
      details: [
        { field: 'text', reason: `The text is longer than ${MAX_EVIDENCE_LENGTH} characters` },
      ],
    });
  return text;
}

export async function recordEvidence(
  ctx: UseCaseContext,
  raw: RecordEvidenceInput,
  source: { kind: EvidenceSourceKind; file: string | null } = { kind: 'typed', file: null },
  /** More to do in the same transaction once the record exists (the import keeps its file). */
  within?: (trx: Transaction<DB>, evidenceId: string, activity: Activity) => Promise<void>,
): Promise<EvidenceRecord> {
  const input = RecordEvidenceInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'write');
  const text = evidenceText(input.text);
  checkNewEvidence(activity, input); // refuse bad fields before a transaction is opened
  const by = actorRef(ctx.actor);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const fields = await newEvidenceFields(trx, ctx.actor, activity, input);
    const refNo = await nextEvidenceRefNo(trx, activity.id);
    const id = await insertEvidence(trx, {
      activityId: activity.id,
      refNo,
      text,
      fields,
      source,
      by,
    });
    await insertEvidenceVersion(trx, { evidenceId: id, version: 1, text, fields, by });
    await writeAudit(trx, ctx.actor, {
      action: 'evidence.recorded',
      entityType: 'evidence',
      entityId: id,
      activityId: activity.id,
      laId: activity.laId,
      after: {
        reference: `E${refNo}`,
        version: 1,
        text,
        ...fields,
        source: source.kind,
        file: source.file,
      },
    });
    if (within) await within(trx, id, activity);
    return id;
  });
  const record = await findEvidence(ctx.db, id);
  if (!record) throw new AppError('INTERNAL');
  return record;
}

/** The descriptive fields of a new record checked against the activity's framework (no I/O). */
export function checkNewEvidence(
  activity: Activity,
  input: z.output<typeof EvidenceFieldsInput>,
): { judgementAreas: string[]; consent: Consent | null } {
  const consent = input.consent
    ? {
        infoSheetGiven: input.consent.infoSheetGiven,
        consentGiven: input.consent.consentGiven,
        givenBy: input.consent.givenBy ?? null,
      }
    : null;
  const judgementAreas = [...new Set(input.judgementAreas)];
  checkEvidenceFields(activity, { method: input.method, judgementAreas, consent });
  return { judgementAreas, consent };
}

/**
 * A new record's fields, checked (checkNewEvidence, the line of enquiry) and with its case
 * references resolved in the transaction: for the typed record and for one synced from offline.
 */
export async function newEvidenceFields(
  trx: Transaction<DB>,
  actor: Actor,
  activity: Activity,
  input: z.output<typeof EvidenceFieldsInput>,
  lookups?: EvidenceLookups,
): Promise<EvidenceFields> {
  const { judgementAreas, consent } = checkNewEvidence(activity, input);
  await checkLineOfEnquiry(trx, activity.id, input.lineOfEnquiryId ?? null, lookups?.lines);
  const known = lookups?.cases;
  return {
    method: input.method,
    observedOn: input.observedOn ?? todayInEngland(),
    childCaseId: await resolveCase(trx, actor, activity, 'child', input.caseRef, {
      allowNew: input.newCase,
      known,
    }),
    practitionerCaseId: await resolveCase(
      trx,
      actor,
      activity,
      'practitioner',
      input.practitionerRef,
      { known },
    ),
    teamCaseId: await resolveCase(trx, actor, activity, 'team', input.teamRef, { known }),
    locality: input.locality || null,
    lineOfEnquiryId: input.lineOfEnquiryId ?? null,
    judgementAreas,
    minutesSpent: input.minutesSpent ?? null,
    childVoice: input.childVoice,
    livedExperience: input.livedExperience,
    direction: input.direction ?? null,
    consent,
  };
}

// Checking and resolving the descriptive fields of an evidence record, shared by record and
// edit: judgement areas must be the framework's, the line of enquiry the activity's, consent
// recorded for conversations with children and families, and case references turned into cases.
// A child's case must be one the activity knows (sampled, or recorded before) unless the caller
// says it is new (`newCase`): a typo never makes a case by itself. Practitioner and team
// references are still created on first use (no list of them exists to pick from).
import type { Transaction } from 'kysely';
import { writeAudit } from '../../data/audit-log.js';
import type { Activity } from '../../data/repositories/activities.js';
import { findCaseId, insertCaseIfNew } from '../../data/repositories/cases.js';
import { lineOfEnquiryInActivity } from '../../data/repositories/lines-of-enquiry.js';
import type { Consent } from '../../data/repositories/evidence.js';
import type { DB } from '../../data/schema.js';
import type { Actor } from '../../domain/access/actor.js';
import {
  consentMethods,
  type CaseKind,
  type EvidenceMethod,
} from '../../domain/evidence/vocabulary.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import { actorRef } from '../shared/actor-ref.js';
import { judgementAreasOf } from '../../domain/frameworks/installed.js';

export function checkEvidenceFields(
  activity: Activity,
  f: { method: EvidenceMethod; judgementAreas: string[]; consent: Consent | null },
): void {
  const details: ErrorDetail[] = [];
  const areas = judgementAreasOf(activity).map((a) => a.key);
  for (const key of f.judgementAreas) {
    if (!areas.includes(key))
      details.push({
        field: 'judgementAreas',
        value: key,
        reason: `Not a judgement area of ${activity.frameworkId} (use one of: ${areas.join(', ')})`,
      });
  }
  if (consentMethods.includes(f.method)) {
    if (!f.consent || f.consent.infoSheetGiven === null || f.consent.consentGiven === null) {
      details.push({
        field: 'consent',
        reason:
          'Record whether the information sheet was given and whether consent was given when a child or family member was spoken to',
      });
    } else if (f.consent.consentGiven === false) {
      details.push({
        field: 'consent.consentGiven',
        reason: 'Without consent the conversation cannot be recorded as evidence',
      });
    } else if (!f.consent.givenBy) {
      details.push({ field: 'consent.givenBy', reason: 'Say who gave consent' });
    }
  }
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', { details });
}

/**
 * What a batch of records (an offline sync) has already looked up in its transaction: case ids
 * by `kind:lower-case reference`, and lines of enquiry found in the activity.
 */
export interface EvidenceLookups {
  cases: Map<string, string>;
  lines: Set<string>;
}

export async function checkLineOfEnquiry(
  trx: Transaction<DB>,
  activityId: string,
  lineId: string | null,
  known?: Set<string>,
): Promise<void> {
  if (!lineId || known?.has(lineId)) return;
  if (await lineOfEnquiryInActivity(trx, activityId, lineId)) known?.add(lineId);
  else
    throw new AppError('VALIDATION_FAILED', {
      details: [
        { field: 'lineOfEnquiryId', value: lineId, reason: 'No such line of enquiry here' },
      ],
    });
}

/** The evidence field that names a case of each kind (where a refusal points). */
const caseFields: Record<CaseKind, string> = {
  child: 'caseRef',
  practitioner: 'practitionerRef',
  team: 'teamRef',
};

/**
 * The id of the case with this reference. An unknown child's case is created only when
 * `allowNew` says the caller means a new case; otherwise VALIDATION_FAILED names `caseRef`.
 * Practitioner and team cases are created on first use.
 */
export async function resolveCase(
  trx: Transaction<DB>,
  actor: Actor,
  activity: Activity,
  kind: CaseKind,
  reference: string | null | undefined,
  opts: { allowNew?: boolean; known?: Map<string, string> } = {},
): Promise<string | null> {
  const ref = reference?.trim();
  if (!ref) return null;
  const key = `${kind}:${ref.toLowerCase()}`;
  const known = opts.known?.get(key);
  if (known) return known;
  const found = await resolveCaseUncached(trx, actor, activity, kind, ref, opts);
  opts.known?.set(key, found);
  return found;
}

async function resolveCaseUncached(
  trx: Transaction<DB>,
  actor: Actor,
  activity: Activity,
  kind: CaseKind,
  ref: string,
  opts: { allowNew?: boolean },
): Promise<string> {
  const find = () => findCaseId(trx, activity.id, kind, ref);
  const existing = await find();
  if (existing) return existing;
  if (kind === 'child' && !opts.allowNew)
    throw new AppError('VALIDATION_FAILED', {
      message: `${ref} is not a child's case of this activity`,
      details: [
        {
          field: caseFields[kind],
          value: ref,
          reason: `${ref} is not in the sample or the activity's cases: pick a case from the list, or say it is a new case (newCase)`,
        },
      ],
    });
  // Someone else may create the same case at the same moment: theirs wins, ours is not made.
  const created = await insertCaseIfNew(trx, {
    activityId: activity.id,
    kind,
    reference: ref,
    description: null,
    attributes: {},
    createdBy: actorRef(actor),
  });
  if (!created) {
    const theirs = await find();
    if (!theirs) throw new AppError('CONFLICT');
    return theirs;
  }
  await writeAudit(trx, actor, {
    action: 'case.created',
    entityType: 'case',
    entityId: created,
    activityId: activity.id,
    laId: activity.laId,
    after: { kind, reference: ref, attributes: {}, via: 'evidence' },
  });
  return created;
}

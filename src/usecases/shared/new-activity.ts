// A new activity checked (access, framework, type, theme, dates, the authority still existing)
// and then inserted inside the caller's transaction with its first lifecycle step and audit
// event. Creating an activity and importing a REFI-QDA project into a new one both go this way.
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { insertActivity, insertStateChange } from '../../data/repositories/activities.js';
import {
  findLocalAuthority,
  type LocalAuthority,
} from '../../data/repositories/local-authorities.js';
import type { DB } from '../../data/schema.js';
import type { Actor } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import type { ActivityTypeInfo } from '../../domain/activities/activity-type.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import { requireCatalog, type UseCaseContext } from '../context.js';
import { checkScheduling, enforceScheduling } from './activity-rules.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD');

export const CreateActivityInput = z.object({
  laId: z.string().min(1, 'Select a local authority'),
  activityType: z.string().min(1, 'Select the type of activity'),
  frameworkId: z.string().optional(),
  title: z.string().trim().max(200).optional(),
  theme: z.string().trim().max(200).nullish(),
  sequenceNumber: z.coerce.number().int().min(1).max(99).nullish(),
  partnerInspectorates: z.array(z.string().trim().min(1)).default([]),
  plannedStart: isoDate,
  plannedEnd: isoDate.nullish(),
  /** Why a soft scheduling rule is set aside (asked for when one applies). */
  ruleReason: z.string().trim().max(2000).nullish(),
});
export type CreateActivityInput = z.input<typeof CreateActivityInput>;
type ParsedInput = z.output<typeof CreateActivityInput>;

/** A new activity that passed every check, ready to insert (see insertNewActivity). */
export interface CheckedActivity {
  input: ParsedInput;
  la: LocalAuthority;
  type: ActivityTypeInfo;
  frameworkId: string;
  title: string;
  /** The scheduling rules checked (absent for activities not planned by hand, e.g. imports). */
  scheduling?: ReturnType<typeof enforceScheduling>;
}

/** Checks access and the details of a new activity without writing anything. */
export async function checkNewActivity(
  ctx: UseCaseContext,
  raw: CreateActivityInput,
  opts: { schedulingRules: boolean } = { schedulingRules: true },
): Promise<CheckedActivity> {
  const input = CreateActivityInput.parse(raw);
  const la = await findLocalAuthority(ctx.db, input.laId);
  if (!la)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'laId', value: input.laId, reason: 'No local authority has this id' }],
    });
  if (!policies.createActivity(ctx.actor, { id: la.id, region: la.ofstedRegion }))
    throw new AppError('FORBIDDEN');

  const catalog = requireCatalog(ctx);
  const frameworkId =
    input.frameworkId ?? catalog.frameworkFor(input.plannedStart, input.activityType);
  const type = frameworkId ? catalog.activityType(frameworkId, input.activityType) : null;
  const problems = detailProblems(input, type ?? null, frameworkId ?? null, la);
  if (problems.length > 0 || !type || !frameworkId)
    throw new AppError('VALIDATION_FAILED', { details: problems });

  const title =
    input.title ||
    [type.label, input.sequenceNumber ? `${input.sequenceNumber}` : null, la.name]
      .filter(Boolean)
      .join(' ')
      .replace(/ (\d+) /, ' $1: ');
  if (!opts.schedulingRules) return { input, la, type, frameworkId, title };
  const check = await checkScheduling(ctx, {
    laId: la.id,
    frameworkId,
    activityType: type.id,
    start: input.plannedStart,
    end: input.plannedEnd ?? null,
  });
  const scheduling = enforceScheduling(check, input.ruleReason);
  return { input, la, type, frameworkId, title, scheduling };
}

/** What is wrong with the details of a new activity of this type (empty: nothing). */
function detailProblems(
  input: ParsedInput,
  type: ActivityTypeInfo | null,
  frameworkId: string | null,
  la: LocalAuthority,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!frameworkId || !type) {
    problems.push({
      field: 'activityType',
      value: input.activityType,
      reason:
        'This type of activity is not part of the framework in force on the planned start date',
    });
  }
  if (type?.hasTheme && !input.theme) problems.push({ field: 'theme', reason: 'Select the theme' });
  if (
    type?.hasTheme &&
    input.theme &&
    type.themes.length > 0 &&
    !type.themes.includes(input.theme)
  ) {
    problems.push({
      field: 'theme',
      value: input.theme,
      reason: `Theme must be one of: ${type.themes.join('; ')}`,
    });
  }
  if (type?.hasSequenceNumber && !input.sequenceNumber)
    problems.push({ field: 'sequenceNumber', reason: 'Enter the visit number' });
  if (input.plannedEnd && input.plannedEnd < input.plannedStart) {
    problems.push({
      field: 'plannedEnd',
      value: input.plannedEnd,
      reason: 'The end date must be on or after the start date',
    });
  }
  if (la.validTo && la.validTo < input.plannedStart) {
    problems.push({
      field: 'laId',
      value: la.id,
      reason: `${la.name} ceased to exist on ${la.validTo}`,
    });
  }
  return problems;
}

/** Inserts a checked activity inside the caller's transaction (audited); returns its id. */
export async function insertNewActivity(
  trx: Transaction<DB>,
  actor: Actor,
  { input, la, type, frameworkId, title, scheduling }: CheckedActivity,
): Promise<string> {
  const id = await insertActivity(trx, {
    laId: la.id,
    activityType: type.id,
    frameworkId,
    title,
    theme: type.hasTheme ? (input.theme ?? null) : null,
    sequenceNumber: type.hasSequenceNumber ? (input.sequenceNumber ?? null) : null,
    partnerInspectorates: type.hasPartnerInspectorates ? input.partnerInspectorates : [],
    plannedStart: input.plannedStart,
    plannedEnd: input.plannedEnd ?? null,
  });
  await insertStateChange(trx, {
    activityId: id,
    fromState: null,
    toState: 'planned',
    changedBy: actor.kind === 'user' ? actor.userId : null,
  });
  await writeAudit(trx, actor, {
    action: 'activity.created',
    entityType: 'activity',
    entityId: id,
    activityId: id,
    laId: la.id,
    after: { ...input, frameworkId, title, ...(scheduling ? { scheduling } : {}) },
  });
  return id;
}

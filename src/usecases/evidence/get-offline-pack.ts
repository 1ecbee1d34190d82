// What a device keeps of an activity to capture and code with no network: the activity's name,
// the codebook, the sampled cases and the person's own records (their drafts, with versions, so an
// edit made offline carries the version it started from). The browser encrypts it at rest with
// the session's device key (issue-device-key.ts).
import { listCodeChoices } from '../../data/repositories/codes.js';
import { listChildCaseChoices } from '../../data/repositories/cases.js';
import { listEvidence } from '../../data/repositories/evidence.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';

export interface OfflinePack {
  activity: { id: string; title: string };
  codes: Array<{ id: string; name: string; parentId: string | null; isCodable: boolean }>;
  cases: Array<{ reference: string; sampledCohort: string | null }>;
  ownRecords: Array<{ id: string; reference: string; version: number; text: string }>;
}

/** The most of one's own records a device keeps (the newest). */
export const OFFLINE_OWN_RECORDS = 200;

export async function getOfflinePack(
  ctx: UseCaseContext,
  activityId: string,
): Promise<OfflinePack> {
  const { activity } = await evidenceScope(ctx, activityId, 'write');
  if (ctx.actor.kind !== 'user') throw new AppError('FORBIDDEN');
  const [codes, cases, records] = await Promise.all([
    listCodeChoices(ctx.db, activity.id),
    listChildCaseChoices(ctx.db, activity.id),
    listEvidence(ctx.db, { activityId: activity.id, recordedBy: [ctx.actor.userId] }),
  ]);
  return {
    activity: { id: activity.id, title: activity.title },
    codes: codes.map((c) => ({
      id: c.id,
      name: c.name,
      parentId: c.parentId,
      isCodable: c.isCodable,
    })),
    cases,
    ownRecords: records
      .slice(-OFFLINE_OWN_RECORDS)
      .map((r) => ({ id: r.id, reference: r.reference, version: r.version, text: r.text })),
  };
}

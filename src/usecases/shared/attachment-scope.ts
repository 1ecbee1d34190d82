// The one access check of attachments (the attachments area, the upload plugin's early check):
// find the owner (an evidence record or an LA's
// factual-accuracy comment) in the activity named in the path, and decide what the actor may do
// with its attachments (domain/access/policies.ts). Reads the actor may not make answer NOT_FOUND;
// writes by people who may read answer FORBIDDEN, or REPORT_WINDOW_CLOSED/REPORT_PUBLISHED when
// the comment can no longer change.
import {
  factsOf,
  findActivity,
  teamRoleOf,
  type Activity,
} from '../../data/repositories/activities.js';
import type { AttachmentOwner } from '../../data/repositories/attachments.js';
import { findEvidence, findEvidenceByReference } from '../../data/repositories/evidence.js';
import { findComment, listReleases } from '../../data/repositories/report-reviews.js';
import { findReportByActivity } from '../../data/repositories/reports.js';
import { policies } from '../../domain/access/policies.js';
import { windowOpen } from '../../domain/reports/factual-accuracy.js';
import { formatIsoDate } from '../../domain/reports/text.js';
import { AppError } from '../../errors.js';
import { now } from '../../clock.js';
import type { UseCaseContext } from '../context.js';

export interface OwnerScope {
  activity: Activity;
  owner: AttachmentOwner;
  /** A short name of the owner for people: "E12", "comment 3". */
  label: string;
  canWrite: boolean;
  /** Why a write is refused (null when it is allowed). */
  writeRefusal: AppError | null;
}

async function activityFacts(ctx: UseCaseContext, activityId: string) {
  const activity = await findActivity(ctx.db, activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  return { activity, facts: factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor)) };
}

/** The record by id, or by its reference ("E12") as people and the CLI name it. */
async function findRecord(ctx: UseCaseContext, activityId: string, idOrReference: string) {
  const m = /^e?(\d{1,9})$/i.exec(idOrReference.trim());
  const id = m ? await findEvidenceByReference(ctx.db, activityId, Number(m[1])) : idOrReference;
  return id ? findEvidence(ctx.db, id) : null;
}

async function evidenceOwner(ctx: UseCaseContext, activityId: string, evidenceId: string) {
  const record = await findRecord(ctx, activityId, evidenceId);
  if (!record || record.activityId !== activityId) throw new AppError('NOT_FOUND');
  const { activity, facts } = await activityFacts(ctx, activityId);
  if (!policies.viewAttachment(ctx.actor, facts, 'evidence')) throw new AppError('NOT_FOUND');
  const canWrite = policies.attachToEvidence(ctx.actor, facts) && !record.deleted;
  const writeRefusal = canWrite
    ? null
    : record.deleted && policies.attachToEvidence(ctx.actor, facts)
      ? new AppError('CONFLICT', { message: `${record.reference} is deleted: restore it first.` })
      : new AppError('FORBIDDEN', {
          message: 'Only the activity’s team (not people shadowing) can change its evidence.',
        });
  return { activity, id: record.id, label: record.reference, canWrite, writeRefusal };
}

async function commentOwner(ctx: UseCaseContext, activityId: string, commentId: string) {
  const { activity, facts } = await activityFacts(ctx, activityId);
  const report = await findReportByActivity(ctx.db, activity.id);
  const comment = report ? await findComment(ctx.db, report.id, commentId) : null;
  if (!report || !comment || !policies.viewAttachment(ctx.actor, facts, 'report_comment'))
    throw new AppError('NOT_FOUND');
  let writeRefusal: AppError | null = null;
  const release = (await listReleases(ctx.db, report.id)).at(-1);
  if (!policies.attachToReportComment(ctx.actor, facts)) writeRefusal = new AppError('FORBIDDEN');
  else if (report.state === 'published') writeRefusal = new AppError('REPORT_PUBLISHED');
  else if (!release || release.id !== comment.releaseId || release.laConfirmed)
    writeRefusal = new AppError('REPORT_WINDOW_CLOSED', {
      message: 'This comment’s factual accuracy check is over: its documents can no longer change.',
    });
  else if (release.closedAt || !windowOpen(release.deadline, now()))
    writeRefusal = new AppError('REPORT_WINDOW_CLOSED', {
      message: `The factual accuracy window closed at the end of ${formatIsoDate(release.deadline)}: documents can no longer be added or removed.`,
    });
  return {
    activity,
    id: comment.id,
    label: 'the comment',
    canWrite: writeRefusal === null,
    writeRefusal,
  };
}

/** The owner in the activity named in the path, and what the actor may do with its files. */
export async function ownerScope(
  ctx: UseCaseContext,
  activityId: string,
  owner: AttachmentOwner,
): Promise<OwnerScope> {
  const { id, ...found } =
    owner.kind === 'evidence'
      ? await evidenceOwner(ctx, activityId, owner.id)
      : await commentOwner(ctx, activityId, owner.id);
  return { ...found, owner: { kind: owner.kind, id } };
}

/** The scope for a change: throws the refusal when the actor may not write. */
export async function ownerScopeForWrite(
  ctx: UseCaseContext,
  activityId: string,
  owner: AttachmentOwner,
): Promise<OwnerScope> {
  const scope = await ownerScope(ctx, activityId, owner);
  if (scope.writeRefusal) throw scope.writeRefusal;
  return scope;
}

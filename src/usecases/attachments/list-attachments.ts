import { z } from 'zod';
import { factsOf, findActivity, teamRoleOf } from '../../data/repositories/activities.js';
import {
  listActivityAttachments,
  listAttachments as listOwnerAttachments,
  type Attachment,
} from '../../data/repositories/attachments.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { AttachmentOwnerInput } from './attach-file.js';
import { ownerScope } from '../shared/attachment-scope.js';

export const ListAttachmentsInput = z.object({
  activityId: z.string().max(200),
  /** One record's or comment's files; without it, every file of the activity the actor may read. */
  owner: AttachmentOwnerInput.optional(),
});
export type ListAttachmentsInput = z.input<typeof ListAttachmentsInput>;

export interface AttachmentList {
  activity: { id: string; title: string };
  /** The owner for people ("E12", "the comment"); null for a whole activity's list. */
  ownerLabel: string | null;
  attachments: Attachment[];
  /** The actor may add files to (and remove them from) the owner named. */
  canWrite: boolean;
}

/** The files kept beside a record or comment, or every file of an activity the actor may read. */
export async function listAttachments(
  ctx: UseCaseContext,
  raw: ListAttachmentsInput,
): Promise<AttachmentList> {
  const input = ListAttachmentsInput.parse(raw);
  if (input.owner) {
    const scope = await ownerScope(ctx, input.activityId, input.owner);
    const attachments = await listOwnerAttachments(ctx.db, scope.owner.kind, [scope.owner.id]);
    return {
      activity: { id: scope.activity.id, title: scope.activity.title },
      ownerLabel: scope.label,
      attachments,
      canWrite: scope.canWrite,
    };
  }
  const activity = await findActivity(ctx.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  const evidence = policies.viewAttachment(ctx.actor, facts, 'evidence');
  const comments = policies.viewAttachment(ctx.actor, facts, 'report_comment');
  if (!evidence && !comments) throw new AppError('NOT_FOUND');
  const all = await listActivityAttachments(ctx.db, activity.id);
  return {
    activity: { id: activity.id, title: activity.title },
    ownerLabel: null,
    attachments: all.filter((a) => (a.owner.kind === 'evidence' ? evidence : comments)),
    canWrite: false,
  };
}

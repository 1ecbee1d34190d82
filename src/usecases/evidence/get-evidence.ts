import { z } from 'zod';
import { listAttachments, type Attachment } from '../../data/repositories/attachments.js';
import { listCodings, type Coding } from '../../data/repositories/codings.js';
import {
  findEvidence,
  listEvidenceVersions,
  type EvidenceRecord,
  type EvidenceVersion,
} from '../../data/repositories/evidence.js';
import { listMemos, type Memo } from '../../data/repositories/memos.js';
import type { UseCaseContext } from '../context.js';
import { foundInActivity, ActivityInPath } from '../shared/found-in-activity.js';
import { evidenceScope } from '../shared/evidence-scope.js';

export const GetEvidenceInput = z.object({
  /** The activity in the URL: the item must belong to it. */
  activityId: ActivityInPath,
  evidenceId: z.string(),
  /** Include every earlier version (text and fields). */
  versions: z.boolean().default(false),
});
export type GetEvidenceInput = z.input<typeof GetEvidenceInput>;

export interface EvidenceDetail {
  record: EvidenceRecord;
  /** Codings on the current text, by position (lost ones flagged for review). */
  codings: Coding[];
  memos: Memo[];
  versions: EvidenceVersion[] | null;
  /** Files kept beside the record: its original (when imported) and documents attached to it. */
  attachments: Attachment[];
  canWrite: boolean;
}

/** One record in full: text, codings, memos and (on request) its history. */
export async function getEvidence(
  ctx: UseCaseContext,
  raw: GetEvidenceInput,
): Promise<EvidenceDetail> {
  const input = GetEvidenceInput.parse(raw);
  const record = foundInActivity(await findEvidence(ctx.db, input.evidenceId), input.activityId);
  const { canWrite } = await evidenceScope(ctx, record.activityId, 'read');
  const [codings, memos, versions, attachments] = await Promise.all([
    listCodings(ctx.db, {
      activityId: record.activityId,
      evidenceId: record.id,
      includeDeleted: true,
    }),
    listMemos(ctx.db, {
      activityId: record.activityId,
      targetType: 'evidence',
      targetId: record.id,
    }),
    input.versions ? listEvidenceVersions(ctx.db, record.id) : Promise.resolve(null),
    listAttachments(ctx.db, 'evidence', [record.id]),
  ]);
  return { record, codings, memos, versions, attachments, canWrite };
}

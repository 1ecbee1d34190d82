import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../data/schema.js';
import { writeAudit } from '../../data/audit-log.js';
import { findReportVersion, type Report } from '../../data/repositories/reports.js';
import {
  answerComment,
  findComment,
  type ReportComment,
} from '../../data/repositories/report-reviews.js';
import { splitSectionText } from '../../domain/reports/text.js';
import { isEditable, type ReportDocument, type ReportSection } from '../../domain/reports/types.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { reportScope, requireWriter } from './report-scope.js';
import { appendReportVersion, conflict, withSectionText } from './report-versions.js';

export const RespondToReportCommentInput = z.object({
  activityId: z.string(),
  commentId: z.string().max(100),
  outcome: z.enum(['accepted', 'not_accepted'], { message: 'Say whether the comment is accepted' }),
  /** Accepted: the commented section's new text (a new version linked to the comment). */
  sectionText: z.string().max(100_000).optional(),
  /** Not accepted: why (shown to the LA). Accepted: an optional note. */
  reason: z.string().trim().max(5000).optional(),
  baseVersion: z.coerce.number().int().min(1),
});
export type RespondToReportCommentInput = z.input<typeof RespondToReportCommentInput>;

/**
 * The team answers one factual accuracy comment: accepted, with the change recorded as a new
 * version linked to the comment, or not accepted, with a reason the LA reads.
 */
export async function respondToReportComment(
  ctx: UseCaseContext,
  raw: RespondToReportCommentInput,
): Promise<{ version: number | null }> {
  const input = RespondToReportCommentInput.parse(raw);
  const scope = await reportScope(ctx, input.activityId);
  const report = requireWriter(scope);
  const comment = await findComment(ctx.db, report.id, input.commentId);
  if (!comment) throw new AppError('NOT_FOUND');
  if (comment.response)
    throw new AppError('CONFLICT', { message: 'This comment has already been answered.' });
  const by = actorRef(ctx.actor);
  const audit = {
    action: 'report.comment_answered' as const,
    entityType: 'report_comment',
    entityId: comment.id,
    activityId: scope.activity.id,
    laId: scope.activity.laId,
  };

  if (input.outcome === 'not_accepted') {
    if (!input.reason)
      throw new AppError('VALIDATION_FAILED', {
        details: [{ field: 'reason', reason: 'Give the reason the comment is not accepted' }],
      });
    await ctx.db.transaction().execute(async (trx) => {
      await answer(trx, comment.id, {
        outcome: 'not_accepted',
        text: input.reason ?? null,
        version: null,
        by,
      });
      await writeAudit(trx, ctx.actor, {
        ...audit,
        after: { outcome: 'not_accepted' },
        reason: input.reason ?? null,
      });
    });
    return { version: null };
  }

  if (input.baseVersion !== report.currentVersion) throw conflict(report.currentVersion);
  const { document, section } = await acceptedDocument(ctx, report, comment, input.sectionText);
  let next = 0;
  await ctx.db.transaction().execute(async (trx) => {
    next = await appendReportVersion(trx, report, {
      document,
      kind: 'response',
      sectionKey: section.key,
      commentId: comment.id,
      note: input.reason ?? null,
      by,
    });
    await answer(trx, comment.id, {
      outcome: 'accepted',
      text: input.reason ?? null,
      version: next,
      by,
    });
    await writeAudit(trx, ctx.actor, {
      ...audit,
      after: { outcome: 'accepted', version: next, section: section.key },
    });
  });
  return { version: next };
}

/** The current version with the commented section rewritten (which must change and be editable). */
async function acceptedDocument(
  ctx: UseCaseContext,
  report: Report,
  comment: ReportComment,
  sectionText: string | undefined,
): Promise<{ document: ReportDocument; section: ReportSection }> {
  const current = await findReportVersion(ctx.db, report.id, report.currentVersion);
  if (!current) throw new AppError('INTERNAL');
  const section = current.document.sections.find((s) => s.key === comment.sectionKey);
  if (!section || !isEditable(section))
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'sectionText',
          reason:
            'This section cannot be edited; answer “not accepted” with a reason, or correct the judgement it is made from',
        },
      ],
    });
  const paragraphs = splitSectionText(sectionText ?? '', section.list);
  if (JSON.stringify(paragraphs) === JSON.stringify(section.paragraphs))
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'sectionText',
          reason:
            'Change the section’s text to accept the comment, or do not accept it and say why',
        },
      ],
    });
  return { document: withSectionText(current.document, section.key, paragraphs), section };
}

/** Records the answer, or CONFLICT if someone answered first. */
async function answer(
  trx: Transaction<DB>,
  commentId: string,
  values: Parameters<typeof answerComment>[2],
): Promise<void> {
  if (!(await answerComment(trx, commentId, values)))
    throw new AppError('CONFLICT', { message: 'This comment has already been answered.' });
}

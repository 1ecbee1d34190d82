import { countOf } from '../../domain/wording/plural.js';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findReportVersion } from '../../data/repositories/reports.js';
import { insertComment, listReleases } from '../../data/repositories/report-reviews.js';
import { formatIsoDate } from '../../domain/reports/text.js';
import { windowOpen } from '../../domain/reports/factual-accuracy.js';
import { numberParagraphs } from '../../domain/reports/numbering.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { notifyTurn } from '../shared/turn-notifications.js';
import { reportScope } from './report-scope.js';
import { now as clockNow } from '../../clock.js';

export const AddReportCommentInput = z.object({
  activityId: z.string(),
  sectionKey: z.string().trim().min(1, 'Choose the section the comment is about').max(200),
  /** The printed paragraph number (numbered sections) or the item's position in the section. */
  paragraph: z.coerce.number().int().min(1).nullish(),
  text: z.string().trim().min(1, 'Enter your comment').max(5000),
});
export type AddReportCommentInput = z.input<typeof AddReportCommentInput>;

/** The LA comments on the factual accuracy of the released draft, within the window. */
export async function addReportComment(
  ctx: UseCaseContext,
  raw: AddReportCommentInput,
  now: Date = clockNow(),
): Promise<{ id: string }> {
  const input = AddReportCommentInput.parse(raw);
  const scope = await reportScope(ctx, input.activityId);
  const report = scope.report;
  const releases = report ? await listReleases(ctx.db, report.id) : [];
  const release = releases.at(-1);
  // Before a release the LA cannot know a draft exists.
  if (!scope.can.comment || !report || !release) {
    if (scope.can.viewDraft && report) throw new AppError('FORBIDDEN');
    throw new AppError('NOT_FOUND');
  }
  if (report.state === 'published') throw new AppError('REPORT_PUBLISHED');
  if (release.laConfirmed)
    throw new AppError('REPORT_WINDOW_CLOSED', {
      message: 'Your authority has confirmed it has no more comments on this draft.',
    });
  if (release.closedAt || !windowOpen(release.deadline, now))
    throw new AppError('REPORT_WINDOW_CLOSED', {
      message: `The factual accuracy window closed at the end of ${formatIsoDate(release.deadline)}: comments can no longer be added.`,
    });
  const version = await findReportVersion(ctx.db, report.id, release.versionNumber);
  if (!version) throw new AppError('INTERNAL');
  const index = version.document.sections.findIndex((s) => s.key === input.sectionKey);
  const section = version.document.sections[index];
  if (!section)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'sectionKey', reason: 'Choose a section of the released draft' }],
    });
  if (input.paragraph) {
    const numbers = numberParagraphs(version.document.sections)[index] ?? [];
    const valid = section.numbered
      ? numbers.includes(input.paragraph)
      : input.paragraph <= section.paragraphs.length;
    if (!valid)
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            field: 'paragraph',
            reason: section.numbered
              ? `Paragraph ${input.paragraph} is not in this section (it has paragraphs ${numbers[0] ?? '-'} to ${numbers.at(-1) ?? '-'})`
              : `This section has ${countOf(section.paragraphs.length, 'paragraph')}`,
          },
        ],
      });
  }
  const by = actorRef(ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertComment(trx, {
      reportId: report.id,
      releaseId: release.id,
      sectionKey: section.key,
      paragraph: input.paragraph ?? null,
      text: input.text,
      by,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'report.comment_added',
      entityType: 'report_comment',
      entityId: id,
      activityId: scope.activity.id,
      laId: scope.activity.laId,
      after: { round: release.round, section: section.key, paragraph: input.paragraph ?? null },
    });
    await notifyTurn(trx, ctx.actor, scope.activity, 'la_comment', ['lead']);
    return { id };
  });
}

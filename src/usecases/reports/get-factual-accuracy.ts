// The factual accuracy page: the released draft (the version frozen for the latest round), the
// deadline, every comment with its response. The inspected LA's users see it once released;
// the team sees it too. Before a release it does not exist for the LA (NOT_FOUND).
import { listAttachments, type Attachment } from '../../data/repositories/attachments.js';
import { findReportVersion } from '../../data/repositories/reports.js';
import {
  listComments,
  listReleases,
  type ReportComment,
  type ReportRelease,
} from '../../data/repositories/report-reviews.js';
import { windowOpen } from '../../domain/reports/factual-accuracy.js';
import { numberParagraphs } from '../../domain/reports/numbering.js';
import type { ReportDocument } from '../../domain/reports/types.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { reportScope } from './report-scope.js';
import { now as clockNow } from '../../clock.js';

export interface FactualAccuracyView {
  activityId: string;
  activityTitle: string;
  laName: string;
  release: ReportRelease;
  document: ReportDocument;
  numbers: (number | null)[][];
  comments: ReportComment[];
  /** Documents the LA sent with its comments, by comment id. */
  attachments: Record<string, Attachment[]>;
  open: boolean;
  published: boolean;
  can: { comment: boolean; respond: boolean; confirm: boolean };
}

export async function getFactualAccuracy(
  ctx: UseCaseContext,
  activityId: string,
  now: Date = clockNow(),
): Promise<FactualAccuracyView> {
  const scope = await reportScope(ctx, activityId);
  const report = scope.report;
  if (!report || (!scope.can.comment && !scope.can.viewDraft)) throw new AppError('NOT_FOUND');
  const releases = await listReleases(ctx.db, report.id);
  const release = releases.at(-1);
  if (!release) throw new AppError('NOT_FOUND');
  const [version, comments] = await Promise.all([
    findReportVersion(ctx.db, report.id, release.versionNumber),
    listComments(ctx.db, report.id),
  ]);
  if (!version) throw new AppError('INTERNAL');
  const attachments: Record<string, Attachment[]> = {};
  for (const a of await listAttachments(
    ctx.db,
    'report_comment',
    comments.map((c) => c.id),
  ))
    (attachments[a.owner.id] ??= []).push(a);
  const published = report.state === 'published';
  const open =
    !published && !release.closedAt && !release.laConfirmed && windowOpen(release.deadline, now);
  return {
    activityId: scope.activity.id,
    activityTitle: scope.activity.title,
    laName: scope.activity.laName,
    release,
    document: version.document,
    numbers: numberParagraphs(version.document.sections),
    comments,
    attachments,
    open,
    published,
    can: {
      comment: scope.can.comment && open,
      respond: scope.can.write && !published,
      // The LA closes its own check early once it has nothing more to say.
      confirm: scope.can.comment && open,
    },
  };
}

import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  findReportByActivity,
  insertReport,
  insertReportVersion,
  type Report,
} from '../../data/repositories/reports.js';
import { offeredTemplates } from '../../domain/reports/templates.js';
import { EXTENTS } from '../../domain/reports/types.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { notifyTurn } from '../shared/turn-notifications.js';
import { assembleFromSources } from './assemble-from-sources.js';
import { reportScope } from './report-scope.js';
import { todayInEngland } from '../../clock.js';

const Improvement = z.object({
  text: z.string().trim().min(1).max(2000),
  extent: z.enum(Object.keys(EXTENTS) as [keyof typeof EXTENTS]).nullish(),
  nationalFrameworkRef: z.string().trim().max(200).nullish(),
  priority: z.boolean().optional(),
});

export const CreateReportDraftInput = z.object({
  activityId: z.string(),
  /** A template the activity type lists; default: its first one in force. */
  templateKey: z.string().max(100).optional(),
  /** Areas to improve and areas for priority action known when the draft is assembled. */
  improvements: z.array(Improvement).max(50).default([]),
});
export type CreateReportDraftInput = z.input<typeof CreateReportDraftInput>;

const CLOSED = new Set(['published', 'cancelled']);

/** Assembles version 1 of the activity's report from the framework template and the inputs. */
export async function createReportDraft(
  ctx: UseCaseContext,
  raw: CreateReportDraftInput,
): Promise<Report> {
  const input = CreateReportDraftInput.parse(raw);
  const scope = await reportScope(ctx, input.activityId);
  if (!scope.can.viewDraft) throw new AppError('NOT_FOUND');
  if (!scope.can.write) throw new AppError('FORBIDDEN');
  if (scope.report)
    throw new AppError('ALREADY_EXISTS', { message: 'This activity already has a report draft.' });
  const { activity, framework } = scope;
  if (CLOSED.has(activity.state))
    throw new AppError('REPORT_NOT_READY', {
      message: `The activity is ${activity.state}: no draft can be started.`,
    });
  const day = activity.plannedStart ?? todayInEngland();
  const offered = offeredTemplates(framework, activity.activityType, day).map((t) => t.key);
  if (offered.length === 0)
    throw new AppError('VALIDATION_FAILED', {
      message: 'This kind of activity has no written report or letter.',
      details: [{ field: 'templateKey', reason: 'No report template applies to this activity' }],
    });
  const templateKey = input.templateKey ?? offered[0] ?? '';
  if (!offered.includes(templateKey))
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'templateKey', reason: `Choose one of: ${offered.join(', ')}` }],
    });
  const { document, counts } = await assembleFromSources(
    ctx,
    scope,
    templateKey,
    input.improvements,
  );
  const by = actorRef(ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    const reportId = await insertReport(trx, {
      activityId: activity.id,
      frameworkId: framework.id,
      templateKey,
      by,
    });
    if (!reportId)
      throw new AppError('ALREADY_EXISTS', {
        message: 'This activity already has a report draft.',
      });
    await insertReportVersion(trx, {
      reportId,
      number: 1,
      document,
      kind: 'assembled',
      by,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'report.drafted',
      entityType: 'report',
      entityId: reportId,
      activityId: activity.id,
      laId: activity.laId,
      after: {
        templateKey,
        version: 1,
        judgements: counts.judgements,
        vignettes: counts.vignettes,
        improvements: input.improvements.length,
        sampleStatement: counts.sampleStatement,
      },
    });
    await notifyTurn(trx, ctx.actor, activity, 'report_drafted', ['qam']);
  });
  const report = await findReportByActivity(ctx.db, activity.id);
  if (!report) throw new AppError('INTERNAL');
  return report;
}

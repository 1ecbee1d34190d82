// What every report use case does first: find the activity and its report, decide what the
// actor may do with them (and which of the activity's parts a draft may draw on), and know the
// framework. The one access check of every report use case; unauthorised reads answer NOT_FOUND.
import {
  factsOf,
  findActivity,
  listTeam,
  teamRoleOf,
  type Activity,
} from '../../data/repositories/activities.js';
import { isPanelMember } from '../../data/repositories/judgement-workflow.js';
import { findReportByActivity, type Report } from '../../data/repositories/reports.js';
import { actorUserId } from '../../domain/access/actor.js';
import type { ActivityFacts } from '../../domain/access/policies.js';
import { policies } from '../../domain/access/policies.js';
import type { Framework } from '../../domain/frameworks/index.js';
import { formatDateRange } from '../../domain/reports/text.js';
import type { ReportFacts } from '../../domain/reports/types.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { frameworkOf } from '../../domain/frameworks/installed.js';

export interface ReportScope {
  activity: Activity;
  facts: ActivityFacts;
  report: Report | null;
  framework: Framework;
  can: {
    viewDraft: boolean;
    write: boolean;
    release: boolean;
    comment: boolean;
    /** The draft may show the judgements (else it is assembled with none: "not yet graded"). */
    readJudgements: boolean;
    /** The draft may show the sample transparency statement. */
    readSample: boolean;
  };
}

export async function reportScope(ctx: UseCaseContext, activityId: string): Promise<ReportScope> {
  const activity = await findActivity(ctx.db, activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.viewActivity(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  const [report, panelMember] = await Promise.all([
    findReportByActivity(ctx.db, activity.id),
    isPanelMember(ctx.db, activity.id, actorUserId(ctx.actor)),
  ]);
  return {
    activity,
    facts,
    report,
    framework: frameworkOf(activity),
    can: {
      viewDraft: policies.viewReportDraft(ctx.actor, facts),
      write: policies.writeReportDraft(ctx.actor, facts),
      release: policies.releaseReport(ctx.actor, facts),
      comment: policies.commentOnReport(ctx.actor, facts),
      readJudgements: policies.viewReportInput(ctx.actor, facts, panelMember),
      readSample: policies.viewSample(ctx.actor, facts),
    },
  };
}

/** The report, for people who may read drafts; NOT_FOUND for everyone else. */
export function requireDraftReader(scope: ReportScope): Report {
  if (!scope.can.viewDraft || !scope.report) throw new AppError('NOT_FOUND');
  return scope.report;
}

/** The report for a change by the team: FORBIDDEN for readers who may not write. */
export function requireWriter(scope: ReportScope): Report {
  const report = requireDraftReader(scope);
  if (!scope.can.write) throw new AppError('FORBIDDEN');
  if (report.state === 'published') throw new AppError('REPORT_PUBLISHED');
  return report;
}

export async function reportFacts(ctx: UseCaseContext, activity: Activity): Promise<ReportFacts> {
  const team = await listTeam(ctx.db, activity.id);
  const lead = team.find((m) => m.teamRole === 'lead_inspector');
  const theme = activity.theme
    ? activity.theme.charAt(0).toLowerCase() + activity.theme.slice(1)
    : null;
  return {
    la: activity.laName,
    dates: formatDateRange(activity.plannedStart, activity.plannedEnd),
    // The person's name as printed: a role noted in brackets after an account's name is not
    // part of it; with no lead on the team a visible gap, never "the lead inspector".
    lead: lead ? lead.displayName.replace(/\s*\([^)]*\)\s*$/, '') : '[lead inspector’s name]',
    theme,
    visitNumber: activity.sequenceNumber,
  };
}

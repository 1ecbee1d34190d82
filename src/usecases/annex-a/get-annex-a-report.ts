// The Annex A report of an activity: the current import's summary and validation report, and the
// history of imports (replaced and purged ones keep their summaries).
import {
  annexAImportIssues,
  findAnnexASettings,
  listAnnexAImports,
  type AnnexAImport,
} from '../../data/repositories/annex-a.js';
import { factsOf, findActivity, teamRoleOf } from '../../data/repositories/activities.js';
import { policies } from '../../domain/access/policies.js';
import type { AnnexAIssue } from '../../domain/annex-a/parse.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface AnnexAReport {
  activityId: string;
  activityTitle: string;
  laName: string;
  current: AnnexAImport | null;
  issues: AnnexAIssue[];
  history: AnnexAImport[];
  retainUntil: string | null;
  purgedAt: Date | null;
  can: { import: boolean };
}

export async function getAnnexAReport(
  ctx: UseCaseContext,
  activityId: string,
): Promise<AnnexAReport> {
  const activity = await findActivity(ctx.db, activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.viewAnnexA(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  const [history, settings] = await Promise.all([
    listAnnexAImports(ctx.db, activity.id),
    findAnnexASettings(ctx.db, activity.id),
  ]);
  const current = history.find((h) => h.status === 'current') ?? null;
  const issues = current ? ((await annexAImportIssues(ctx.db, current.id)) as AnnexAIssue[]) : [];
  return {
    activityId: activity.id,
    activityTitle: activity.title,
    laName: activity.laName,
    current,
    issues,
    history,
    retainUntil: settings?.retainUntil ?? null,
    purgedAt: settings?.purgedAt ?? null,
    can: { import: policies.importAnnexA(ctx.actor, facts) },
  };
}

import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  factsOf,
  findActivity,
  hasOtherLead,
  teamRoleOf,
  teamRoleOfUser,
  upsertTeamMember,
} from '../../data/repositories/activities.js';
import {
  findInspector,
  listAbsences,
  listConflicts,
  listTeamAssignments,
} from '../../data/repositories/inspectors.js';
import { findUserById } from '../../data/repositories/users.js';
import { checkTeamMember } from '../../domain/scheduling/team-member-rules.js';
import { policies } from '../../domain/access/policies.js';
import { teamRoles } from '../../domain/access/roles.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export const AddTeamMemberInput = z.object({
  activityId: z.string(),
  userId: z.string().min(1, 'Select a person'),
  teamRole: z.enum(teamRoles),
  /** Why a soft rule (already on another team in those days) is set aside. */
  ruleReason: z.string().trim().max(2000).nullish(),
});
export type AddTeamMemberInput = z.input<typeof AddTeamMemberInput>;

export async function addTeamMember(ctx: UseCaseContext, raw: AddTeamMemberInput): Promise<void> {
  const input = AddTeamMemberInput.parse(raw);
  const activity = await findActivity(ctx.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.viewActivity(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  if (!policies.manageActivity(ctx.actor, facts)) throw new AppError('FORBIDDEN');
  const user = await findUserById(ctx.db, input.userId);
  if (!user || user.disabled) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'userId', value: input.userId, reason: 'No active account has this id' }],
    });
  }
  if (!policies.joinActivityTeam(user)) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'userId', reason: `${user.displayName} is not an inspector` }],
    });
  }
  const secondLead = async (db: Parameters<typeof hasOtherLead>[0]) => {
    if (input.teamRole === 'lead_inspector' && (await hasOtherLead(db, activity.id, user.id)))
      throw new AppError('VALIDATION_FAILED', {
        details: [{ field: 'teamRole', reason: 'This activity already has a lead inspector' }],
      });
  };
  // The team's own rule first: a second lead is refused whatever the inspector's diary says.
  await secondLead(ctx.db);
  const rules = await teamMemberRules(ctx, activity, user, input.ruleReason);
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await teamRoleOfUser(trx, activity.id, user.id);
    await secondLead(trx);
    await upsertTeamMember(trx, activity.id, user.id, input.teamRole);
    await writeAudit(trx, ctx.actor, {
      action: 'activity.team_member_added',
      entityType: 'activity',
      entityId: activity.id,
      activityId: activity.id,
      laId: activity.laId,
      before: existing ? { userId: user.id, teamRole: existing } : null,
      after: {
        userId: user.id,
        displayName: user.displayName,
        teamRole: input.teamRole,
        ...(rules.findings.length > 0 ? { rules: rules.findings } : {}),
      },
      reason: rules.reason,
    });
  });
}

/** Other teams count as a double booking while their work is to come or under way. */
const LIVE_STATES = new Set(['planned', 'notified', 'on_site']);

/**
 * Leave, conflicts of interest and other teams in the activity's days: a hard rule refuses with
 * the rule named, a soft one needs a reason; what was found goes into the audit event.
 */
async function teamMemberRules(
  ctx: UseCaseContext,
  activity: { id: string; laId: string; plannedStart: string | null; plannedEnd: string | null },
  user: { id: string; displayName: string },
  reason: string | null | undefined,
) {
  // The rules read an inspector's profile (leave, conflicts, load): none, nothing to check.
  if (!activity.plannedStart || !(await findInspector(ctx.db, user.id))?.profile)
    return { findings: [], reason: null };
  const start = activity.plannedStart;
  const end = activity.plannedEnd ?? start;
  const [absences, conflicts, teams] = await Promise.all([
    listAbsences(ctx.db, [user.id], { from: start, to: end }),
    listConflicts(ctx.db, [user.id]),
    listTeamAssignments(ctx.db, [user.id], { from: start, to: end }),
  ]);
  const findings = checkTeamMember({
    name: user.displayName,
    laId: activity.laId,
    start,
    end,
    absences,
    conflicts,
    otherActivities: teams
      .filter((t) => t.activityId !== activity.id && LIVE_STATES.has(t.state))
      .map((t) => ({ title: t.title, start: t.plannedStart, end: t.plannedEnd ?? t.plannedStart })),
  });
  const detail = (f: (typeof findings)[number]) => ({
    field: f.severity === 'hard' ? 'userId' : 'ruleReason',
    value: f.rule,
    reason: f.detail,
  });
  const hard = findings.filter((f) => f.severity === 'hard');
  if (hard.length > 0) throw new AppError('ACTIVITY_RULE_BROKEN', { details: hard.map(detail) });
  const given = reason?.trim() || null;
  const soft = findings.filter((f) => f.severity === 'soft');
  if (soft.length > 0 && !given)
    throw new AppError('ACTIVITY_RULE_REASON_NEEDED', { details: soft.map(detail) });
  return { findings, reason: soft.length > 0 ? given : null };
}

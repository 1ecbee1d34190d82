// The lead chooses evidence records and two or more of the team's inspectors to code them blind.
// Their codings go to the assignment's own layer, not the evidence base, until reconciled.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { listTeam } from '../../data/repositories/activities.js';
import { insertAssignment } from '../../data/repositories/double-coding.js';
import { findEvidence, findEvidenceByReference } from '../../data/repositories/evidence.js';
import { actorLabel, actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { activityScope, CODING_ROLES } from './double-coding-scope.js';

export const AssignDoubleCodingInput = z.object({
  activityId: z.string(),
  title: z.string().trim().min(1, 'Enter a title').max(200),
  /** Evidence records by id or reference (E-12). */
  records: z.array(z.string().trim().min(1)).min(1, 'Choose at least one record').max(100),
  /** Coders by e-mail address or account id: two or more of the team's inspectors. */
  coders: z.array(z.string().trim().min(1)).min(2, 'Choose two or more coders').max(20),
});
export type AssignDoubleCodingInput = z.input<typeof AssignDoubleCodingInput>;

export async function assignDoubleCoding(
  ctx: UseCaseContext,
  raw: AssignDoubleCodingInput,
): Promise<{ id: string }> {
  const input = AssignDoubleCodingInput.parse(raw);
  const { activity, facts } = await activityScope(ctx, input.activityId);
  if (!policies.leadDoubleCoding(ctx.actor, facts))
    throw new AppError('FORBIDDEN', { message: 'Only the lead inspector sets up double coding.' });
  const problems: ErrorDetail[] = [];
  const records: { evidenceId: string; version: number }[] = [];
  for (const ref of [...new Set(input.records)]) {
    const refNo = /^E-?(\d+)$/i.exec(ref)?.[1];
    const id = refNo ? await findEvidenceByReference(ctx.db, activity.id, Number(refNo)) : ref;
    const r = id ? await findEvidence(ctx.db, id) : null;
    if (!r || r.activityId !== activity.id || r.deleted)
      problems.push({
        field: 'records',
        value: ref,
        reason: 'not an evidence record of this activity',
      });
    else if (!records.some((x) => x.evidenceId === r.id))
      records.push({ evidenceId: r.id, version: r.version });
  }
  const team = await listTeam(ctx.db, activity.id);
  const coders: { userId: string; label: string }[] = [];
  for (const who of [...new Set(input.coders.map((c) => c.toLowerCase()))]) {
    const m = team.find((t) => t.email.toLowerCase() === who || t.userId === who);
    if (!m || !CODING_ROLES.has(m.teamRole))
      problems.push({ field: 'coders', value: who, reason: 'not an inspector on this team' });
    else coders.push({ userId: m.userId, label: m.displayName });
  }
  if (problems.length === 0 && coders.length < 2)
    problems.push({ field: 'coders', reason: 'Choose two or more coders' });
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', { message: problems[0]!.reason, details: problems });
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertAssignment(
      trx,
      { activityId: activity.id, title: input.title, records, coders },
      { id: actorUserId(ctx.actor), label: actorLabel(ctx.actor) },
    );
    await writeAudit(trx, ctx.actor, {
      action: 'double_coding.assigned',
      entityType: 'double_coding_assignment',
      entityId: id,
      activityId: activity.id,
      laId: activity.laId,
      after: { title: input.title, records: records.length, coders: coders.map((c) => c.label) },
    });
    return { id };
  });
}

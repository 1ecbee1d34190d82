// The national team assigns a pair of reviewers to one evidence base of a study. A reviewer with a
// link to the LA (on the original team or panel, in the LA's region, the LA's own staff) is
// refused, and the refusal is recorded with its reason (committed even though the pairing fails).
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findActivity } from '../../data/repositories/activities.js';
import {
  insertPair,
  insertRefusal,
  listEvidenceBases,
  listInspectedPlaces,
  listLaLinks,
  listPairs,
} from '../../data/repositories/reliability.js';
import { findUserByEmail, findUserById } from '../../data/repositories/users.js';
import type { User } from '../../domain/access/user.js';
import { reviewerConflict } from '../../domain/reliability/assignment.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { isUuid, managedStudy } from './study-scope.js';

export const AssignReviewerPairInput = z.object({
  studyId: z.string(),
  evidenceBaseId: z.string(),
  /** Two reviewers, by e-mail address or account id. */
  reviewers: z
    .array(z.string().trim().min(1, 'Choose a reviewer'))
    .length(2, 'Choose two reviewers'),
});
export type AssignReviewerPairInput = z.input<typeof AssignReviewerPairInput>;

const refuse = (reason: string) =>
  new AppError('VALIDATION_FAILED', { message: reason, details: [{ field: 'reviewers', reason }] });

export async function assignReviewerPair(
  ctx: UseCaseContext,
  raw: AssignReviewerPairInput,
): Promise<{ pairId: string; label: string }> {
  const input = AssignReviewerPairInput.parse(raw);
  const study = await managedStudy(ctx, input.studyId);
  const base = (await listEvidenceBases(ctx.db, study.id)).find(
    (b) => b.id === input.evidenceBaseId,
  );
  if (!base) throw new AppError('NOT_FOUND');
  const users: User[] = [];
  for (const who of input.reviewers) {
    const u = isUuid(who) ? await findUserById(ctx.db, who) : await findUserByEmail(ctx.db, who);
    if (!u || u.disabled) throw refuse(`There is no active account ${who}.`);
    users.push(u);
  }
  if (users[0]!.id === users[1]!.id) throw refuse('Choose two different reviewers.');
  const pairs = (await listPairs(ctx.db, study.id)).filter((p) => p.evidenceBaseId === base.id);
  const taken = users.find((u) => pairs.some((p) => p.reviewerIds.includes(u.id)));
  if (taken) throw refuse(`${taken.displayName} already reviews ${base.label}.`);
  const a = await findActivity(ctx.db, base.activityId);
  if (!a) throw new AppError('NOT_FOUND');
  const links = await listLaLinks(ctx.db, a.id, a.laId);
  const facts = { laId: a.laId, laRegion: a.laRegion, teamUserIds: links.teamUserIds };
  const places = await listInspectedPlaces(
    ctx.db,
    users.map((u) => u.id),
  );
  const conflicts = users
    .map((u) => ({
      u,
      reason: reviewerConflict(
        {
          ...u,
          userId: u.id,
          inspectedLaIds: places.get(u.id)?.laIds ?? [],
          inspectedRegions: places.get(u.id)?.regions ?? [],
        },
        facts,
      ),
    }))
    .filter((c): c is { u: User; reason: string } => c.reason !== null);
  const by = actorRef(ctx.actor);
  if (conflicts.length) {
    await ctx.db.transaction().execute(async (trx) => {
      for (const c of conflicts) {
        await insertRefusal(trx, {
          studyId: study.id,
          evidenceBaseId: base.id,
          userId: c.u.id,
          reason: c.reason,
        });
        await writeAudit(trx, ctx.actor, {
          action: 'study.pair_refused',
          entityType: 'reliability_study',
          entityId: study.id,
          after: { evidenceBase: base.label, reviewer: c.u.email, reason: c.reason },
        });
      }
    });
    throw refuse(conflicts.map((c) => c.reason).join(' '));
  }
  const label = `Pair ${pairs.length + 1}`;
  const pairId = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertPair(trx, {
      studyId: study.id,
      evidenceBaseId: base.id,
      label,
      reviewerIds: users.map((u) => u.id),
      assignedBy: by.label,
    });
    await writeAudit(trx, ctx.actor, {
      action: 'study.pair_assigned',
      entityType: 'reliability_study',
      entityId: study.id,
      after: { evidenceBase: base.label, pair: label, reviewers: users.map((u) => u.email) },
    });
    return id;
  });
  return { pairId, label };
}

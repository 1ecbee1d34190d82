// Whether the actor may send a file to an import, asked BEFORE the server reads the request body:
// uploads are large, so nobody who would be refused anyway gets to make the server store one.
// The import use cases ask the same policies again when they run.
import { factsOf, findActivity, teamRoleOf } from '../../data/repositories/activities.js';
import { findLocalAuthority } from '../../data/repositories/local-authorities.js';
import { isOnTeamAtLa } from '../../data/repositories/risk-assessments.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { ownerScopeForWrite } from '../shared/attachment-scope.js';

export type UploadTarget =
  | { kind: 'annex-a'; activityId: string }
  /** A REFI-QDA project or codebook imported into an activity's evidence base. */
  | { kind: 'evidence'; activityId: string }
  /** A .txt/.docx/.pdf file recorded as one piece of evidence. */
  | { kind: 'evidence-file'; activityId: string }
  /** A REFI-QDA project that creates a new activity in this local authority. */
  | { kind: 'new-activity'; laId: string }
  /** A file kept beside an evidence record or an LA's factual-accuracy comment. */
  | {
      kind: 'attachment';
      activityId: string;
      owner: 'evidence' | 'report_comment';
      ownerId: string;
    }
  /** A document added to an LA's self-evaluation draft (the LA's own users). */
  | { kind: 'self-evaluation-file'; laId: string }
  /** A document kept beside an entry of an LA's intelligence log (regional staff). */
  | { kind: 'intelligence-file'; laId: string; entryId: string };

export async function checkUploadAllowed(ctx: UseCaseContext, target: UploadTarget): Promise<void> {
  if (target.kind === 'new-activity') {
    const la = await findLocalAuthority(ctx.db, target.laId);
    if (!la)
      throw new AppError('VALIDATION_FAILED', {
        details: [{ field: 'laId', value: target.laId, reason: 'No local authority has this id' }],
      });
    if (!policies.createActivity(ctx.actor, { id: la.id, region: la.ofstedRegion }))
      throw new AppError('FORBIDDEN');
    return;
  }
  if (target.kind === 'self-evaluation-file') {
    // The same rule as the use case: the LA's own users write its draft; others learn nothing.
    const la = await findLocalAuthority(ctx.db, target.laId);
    const facts = la ? { id: la.id, region: la.ofstedRegion } : null;
    if (!facts) throw new AppError('NOT_FOUND');
    if (!policies.writeSelfEvaluation(ctx.actor, facts))
      throw new AppError(
        policies.viewSelfEvaluations(
          ctx.actor,
          facts,
          ctx.actor.kind === 'user' && (await isOnTeamAtLa(ctx.db, ctx.actor.userId, facts.id)),
        )
          ? 'FORBIDDEN'
          : 'NOT_FOUND',
      );
    return;
  }
  if (target.kind === 'intelligence-file') {
    // The same rule as the use case: regional staff record intelligence for their region.
    const la = await findLocalAuthority(ctx.db, target.laId);
    const facts = la ? { id: la.id, region: la.ofstedRegion } : null;
    if (!facts) throw new AppError('NOT_FOUND');
    if (policies.writeRiskPicture(ctx.actor, facts)) return;
    const onTeam =
      ctx.actor.kind === 'user' && (await isOnTeamAtLa(ctx.db, ctx.actor.userId, facts.id));
    const reads =
      policies.viewRiskPicture(ctx.actor, facts, onTeam) ||
      policies.viewSharedIntelligence(ctx.actor, facts);
    throw new AppError(reads ? 'FORBIDDEN' : 'NOT_FOUND');
  }
  if (target.kind === 'attachment') {
    // The same check as the use case: the owner in this activity, and who may add files to it.
    await ownerScopeForWrite(ctx, target.activityId, { kind: target.owner, id: target.ownerId });
    return;
  }
  const activity = await findActivity(ctx.db, target.activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (target.kind === 'annex-a') {
    if (!policies.viewAnnexA(ctx.actor, facts)) throw new AppError('NOT_FOUND');
    if (!policies.importAnnexA(ctx.actor, facts)) throw new AppError('FORBIDDEN');
    return;
  }
  if (target.kind === 'evidence-file') {
    if (!policies.viewActivity(ctx.actor, facts) || !policies.viewEvidence(ctx.actor, facts))
      throw new AppError('NOT_FOUND');
    if (!policies.writeEvidence(ctx.actor, facts)) throw new AppError('FORBIDDEN');
    return;
  }
  const visible =
    policies.viewActivity(ctx.actor, facts) &&
    (policies.viewEvidence(ctx.actor, facts) || policies.importEvidence(ctx.actor, facts));
  if (!visible) throw new AppError('NOT_FOUND');
  if (!policies.importEvidence(ctx.actor, facts)) throw new AppError('FORBIDDEN');
}

// The risk area's shared first step: find the LA (by id, or any code or name the register
// knows) and check what the actor may do with its risk picture.
import { type LocalAuthority } from '../../data/repositories/local-authorities.js';
import { isOnTeamAtLa } from '../../data/repositories/risk-assessments.js';
import type { LaFacts } from '../../domain/access/policies.js';
import { policies } from '../../domain/access/policies.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import type { z } from 'zod';
import type { UseCaseContext } from '../context.js';
import { findLa } from '../shared/find-la.js';

export interface RiskScope {
  la: LocalAuthority;
  facts: LaFacts;
  /** May read ratings and the whole log. */
  full: boolean;
  /** May only read entries shared with the LA (its own users). */
  sharedOnly: boolean;
  canWrite: boolean;
}

/** The LA and the actor's access to its risk picture; NOT_FOUND when they may read nothing. */
export async function riskScope(
  ctx: UseCaseContext,
  laId: string,
  opts: { allowShared?: boolean } = {},
): Promise<RiskScope> {
  const la = await findLa(ctx, laId);
  const facts = { id: la.id, region: la.ofstedRegion };
  const a = ctx.actor;
  const onTeam =
    a.kind === 'user' && a.role === 'inspector'
      ? await isOnTeamAtLa(ctx.db, a.userId, la.id)
      : false;
  const full = policies.viewRiskPicture(a, facts, onTeam);
  const sharedOnly =
    !full && opts.allowShared === true && policies.viewSharedIntelligence(a, facts);
  if (!full && !sharedOnly) throw new AppError('NOT_FOUND');
  return { la, facts, full, sharedOnly, canWrite: policies.writeRiskPicture(a, facts) };
}

/** zod issues as error details. */
export function validationError(issues: readonly z.core.$ZodIssue[]): AppError {
  const details: ErrorDetail[] = issues.map((i) => ({
    field: i.path.map(String).join('.'),
    reason: i.message,
  }));
  return new AppError('VALIDATION_FAILED', { details });
}

// The first step of every LA-level area (risk, self-evaluation, action plans, inspectors): the LA
// by id or by any code or name the register knows, and the facts the policies decide on.
import {
  findLocalAuthority,
  loadLaRegister,
  type LocalAuthority,
} from '../../data/repositories/local-authorities.js';
import { isOnTeamAtLa } from '../../data/repositories/risk-assessments.js';
import type { LaFacts } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

/** An LA by id, or any code or name the register knows; NOT_FOUND otherwise. */
export async function findLa(ctx: UseCaseContext, id: string): Promise<LocalAuthority> {
  const direct = await findLocalAuthority(ctx.db, id);
  if (direct) return direct;
  const found = (await loadLaRegister(ctx.db)).find(id);
  if (!found.ok) throw new AppError('NOT_FOUND');
  return found.la;
}

/** The LA (as findLa), its facts for the policies, and whether an inspector is on a team there. */
export async function laWithAccessFacts(
  ctx: UseCaseContext,
  laId: string,
): Promise<{ la: LocalAuthority; facts: LaFacts; onTeam: boolean }> {
  const la = await findLa(ctx, laId.slice(0, 200));
  const a = ctx.actor;
  const onTeam =
    a.kind === 'user' && a.role === 'inspector'
      ? await isOnTeamAtLa(ctx.db, a.userId, la.id)
      : false;
  return { la, facts: { id: la.id, region: la.ofstedRegion }, onTeam };
}

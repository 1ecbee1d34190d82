import { laNamesById } from '../../data/repositories/local-authorities.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface MyAccount {
  /** The name of the signed-in person's local authority, for LA accounts; never its id. */
  laName: string | null;
}

/** What the account page shows beyond the actor itself: names for the ids it carries. */
export async function getMyAccount(ctx: UseCaseContext): Promise<MyAccount> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN');
  if (!actor.laId) return { laName: null };
  const names = await laNamesById(ctx.db, [actor.laId]);
  return { laName: names.get(actor.laId) ?? null };
}

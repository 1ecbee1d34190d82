import { writeAudit } from '../../data/audit-log.js';
import { deleteSession } from '../../data/repositories/sessions.js';
import type { UseCaseContext } from '../context.js';

export async function signOut(ctx: UseCaseContext, sessionId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const deleted = await deleteSession(trx, sessionId);
    if (deleted) {
      await writeAudit(trx, ctx.actor, {
        action: 'user.signed_out',
        entityType: 'user',
        entityId: deleted.userId,
      });
    }
  });
}

// The demo inspects a synthetic local authority that is not in the register: added once, with
// the audit event a register load writes (marked synthetic).
import { writeAudit } from '../../data/audit-log.js';
import { insertSyntheticLa, type SyntheticLa } from '../../data/repositories/demo.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export async function addDemoLa(ctx: UseCaseContext, la: SyntheticLa): Promise<void> {
  if (!policies.seedDemo(ctx.actor)) throw new AppError('FORBIDDEN');
  await ctx.db.transaction().execute(async (trx) => {
    await insertSyntheticLa(trx, la);
    await writeAudit(trx, ctx.actor, {
      action: 'la.reference_loaded',
      entityType: 'local_authority',
      entityId: la.id,
      laId: la.id,
      after: { ...la, synthetic: true },
    });
  });
}

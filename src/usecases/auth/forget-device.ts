// "Forget this device": deletes the session's device key, so the offline copy on the device can
// no longer be decrypted (the page also wipes it). With `everyDevice`, every key of the person
// (a lost device: whatever it holds is unreadable even if its session cookie were stolen).
import { writeAudit } from '../../data/audit-log.js';
import { deleteDeviceKey, deleteDeviceKeysOfUser } from '../../data/repositories/offline-sync.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export async function forgetDevice(
  ctx: UseCaseContext,
  sessionId: string,
  opts: { everyDevice?: boolean } = {},
): Promise<number> {
  if (ctx.actor.kind !== 'user') throw new AppError('FORBIDDEN');
  const userId = ctx.actor.userId;
  return ctx.db.transaction().execute(async (trx) => {
    const forgotten = opts.everyDevice
      ? await deleteDeviceKeysOfUser(trx, userId)
      : Number(await deleteDeviceKey(trx, sessionId));
    await writeAudit(trx, ctx.actor, {
      action: 'offline.device_forgotten',
      entityType: 'user',
      entityId: userId,
      after: { keys: forgotten, everyDevice: opts.everyDevice === true },
    });
    return forgotten;
  });
}

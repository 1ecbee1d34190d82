// The key a signed-in page encrypts its offline copy with (AES-GCM, 256 bits). One per session,
// made on first ask and kept only while the session lives: signing out, the session expiring
// or "forget this device" deletes it, and then what the device holds cannot be decrypted. The
// browser keeps it only in memory and the tab's sessionStorage, never beside the data.
import { randomBytes } from 'node:crypto';
import { now } from '../../clock.js';
import { findDeviceKey, insertDeviceKey } from '../../data/repositories/offline-sync.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export async function issueDeviceKey(ctx: UseCaseContext, sessionId: string): Promise<string> {
  if (ctx.actor.kind !== 'user') throw new AppError('FORBIDDEN');
  const kept = await findDeviceKey(ctx.db, sessionId);
  const key =
    kept ??
    (await insertDeviceKey(ctx.db, {
      sessionId,
      userId: ctx.actor.userId,
      key: new Uint8Array(randomBytes(32)),
      at: now(),
    }));
  return Buffer.from(key).toString('base64');
}

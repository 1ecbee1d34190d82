// Session tokens are random; the database stores only a keyed hash of each, so a copy of the
// database cannot be used to take over live sessions.
import { createHmac, randomBytes } from 'node:crypto';

export const SESSION_IDLE_MINUTES = 240;
export const SESSION_ABSOLUTE_HOURS = 12;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionIdFor(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

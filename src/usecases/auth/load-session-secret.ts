// The secret that signs session tokens, read once when the server starts: SESSION_SECRET when
// configured, otherwise the one generated once and kept in the database, so every process sharing
// the database agrees on it. No actor: the server asks before anyone signs in.
import { getSessionSecret } from '../../data/repositories/secrets.js';
import type { UseCaseContext } from '../context.js';

export async function loadSessionSecret(
  deps: Pick<UseCaseContext, 'db'>,
  configured: string | undefined,
): Promise<string> {
  return getSessionSecret(deps.db, configured);
}

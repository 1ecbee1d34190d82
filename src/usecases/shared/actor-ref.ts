// Who is acting, as stored on rows beside what they did.
import type { PersonRef } from '../../data/repositories/evidence.js';
import type { Actor } from '../../domain/access/actor.js';

/** The user id (null for the CLI operator) and a label. */
export function actorRef(actor: Actor): PersonRef {
  return actor.kind === 'user'
    ? { id: actor.userId, label: actor.displayName }
    : { id: null, label: actor.label };
}

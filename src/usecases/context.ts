// What every use case receives. Use cases are one per file, verb-first
// (e.g. usecases/users/create-user.ts exports createUser(ctx, input)), check access through
// domain/access/policies.ts, run their writes in one transaction and write audit events
// explicitly with data/audit-log.ts#writeAudit.
import type { Kysely } from 'kysely';
import type { Actor } from '../domain/access/actor.js';
import type { DB } from '../data/schema.js';

export interface UseCaseContext {
  db: Kysely<DB>;
  actor: Actor;
}

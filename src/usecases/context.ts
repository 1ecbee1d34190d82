// What every use case receives. Use cases are one per file, verb-first
// (e.g. usecases/users/create-user.ts exports createUser(ctx, input)), check access through
// domain/access/policies.ts, run their writes in one transaction and write audit events
// explicitly with data/audit-log.ts#writeAudit.
import type { Kysely } from 'kysely';
import type { Actor } from '../domain/access/actor.js';
import type { ActivityTypeCatalog } from '../domain/activities/activity-type.js';
import type { DB } from '../data/schema.js';
import type { AttachmentSettings } from '../domain/files/attachment-check.js';

export interface UseCaseContext {
  db: Kysely<DB>;
  actor: Actor;
  /** Framework knowledge (activity types); loaded from the framework files. */
  catalog?: ActivityTypeCatalog;
  /** Attachment limits and the virus-scan hook (defaults when absent: no scanner). */
  attachments?: AttachmentSettings;
}

export function requireCatalog(ctx: UseCaseContext): ActivityTypeCatalog {
  if (!ctx.catalog) throw new Error('this use case needs the framework catalog');
  return ctx.catalog;
}

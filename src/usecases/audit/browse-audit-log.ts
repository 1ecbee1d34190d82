import {
  listAuditActors,
  listAuditEntityTypes,
  type AuditEventView,
} from '../../data/audit-log.js';
import { findActivity } from '../../data/repositories/activities.js';
import { policies } from '../../domain/access/policies.js';
import type { UseCaseContext } from '../context.js';
import {
  ListAuditInput,
  listAuditEventsForActor,
  type ListAuditInput as RawInput,
} from './list-audit-events.js';

export interface AuditPage {
  events: AuditEventView[];
  /** The seq to ask for older events with (`before`), when there are more. */
  olderBefore: number | null;
  /** The activity, when browsing one activity's trail. */
  activity: { id: string; title: string; laName: string } | null;
  /** Choices for the filters (whole-log browsing only). */
  options: { actors: { id: string; label: string }[]; entityTypes: string[] };
}

/** One page of the audit log, newest first, with what the filter form needs. */
export async function browseAuditLog(ctx: UseCaseContext, raw: RawInput): Promise<AuditPage> {
  const input = ListAuditInput.parse(raw);
  // Access is checked by listAuditEventsForActor; ask for one extra to know if there are more.
  const limit = Math.min(input.limit, 499);
  const rows = await listAuditEventsForActor(ctx, { ...input, limit: limit + 1 });
  const events = rows.slice(0, limit);
  const olderBefore = rows.length > limit ? (events.at(-1)?.seq ?? null) : null;

  let activity: AuditPage['activity'] = null;
  if (input.activityId) {
    const a = await findActivity(ctx.db, input.activityId);
    if (a) activity = { id: a.id, title: a.title, laName: a.laName };
  }
  const options: AuditPage['options'] = { actors: [], entityTypes: [] };
  if (!input.activityId && policies.viewAllAudit(ctx.actor)) {
    options.actors = await listAuditActors(ctx.db);
    options.entityTypes = await listAuditEntityTypes(ctx.db);
  }
  return { events, olderBefore, activity, options };
}

// Inspection and visit outcomes in the intelligence log (issue 13): every event of the inspection
// history becomes an entry (the history import, the bundled history, `intel sync-history`), and
// every publication in Triangulate adds one and makes the LA's risk assessment due for review.
// Shared by the history import, the publication of a report and the risk area.
import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from '../../data/audit-log.js';
import {
  findHistoryByIds,
  type InspectionHistoryEntry,
} from '../../data/repositories/inspection-history.js';
import { upsertOutcomeEntries } from '../../data/repositories/intelligence.js';
import {
  currentRiskVersion,
  insertReviewRequest,
} from '../../data/repositories/risk-assessments.js';
import type { DB } from '../../data/schema.js';
import type { Actor } from '../../domain/access/actor.js';
import { outcomeEntryOf, outcomeTitle } from '../../domain/risk/outcomes.js';

/** Makes (or brings up to date) the entry of each event; running it again changes nothing. */
export async function syncOutcomeEntries(
  db: Kysely<DB>,
  events: readonly InspectionHistoryEntry[],
): Promise<number> {
  const ids = await upsertOutcomeEntries(
    db,
    events.map((e) => ({
      ...outcomeEntryOf(e),
      historyId: e.id,
      activityId: null,
      laId: e.laId,
      recordedByLabel: 'Inspection history',
    })),
  );
  return ids.length;
}

export interface PublishedActivity {
  id: string;
  laId: string;
  title: string;
  activityType: string;
  theme: string | null;
  plannedStart: string | null;
}

/**
 * A publication in Triangulate: the outcome entry (linked to the history event the publication
 * wrote, when the history holds that kind of activity) and a request to review the LA's risk
 * assessment, each with its audit event, in the caller's transaction.
 */
export async function recordPublicationOutcome(
  trx: Transaction<DB>,
  actor: Actor,
  activity: PublishedActivity,
  historyId: string | null,
  publishedOn: string,
  grades: Record<string, string>,
): Promise<{ entryId: string; reviewRequestId: string }> {
  const event = historyId ? (await findHistoryByIds(trx, [historyId]))[0] : undefined;
  const base = event
    ? outcomeEntryOf(event)
    : {
        kind: 'inspection_outcome' as const,
        title: outcomeTitle(activity.activityType, activity.theme, grades),
        summary: `${activity.title}, published ${publishedOn}.`,
        receivedOn: publishedOn,
        source: 'Published in Triangulate',
      };
  const [entryId] = await upsertOutcomeEntries(trx, [
    {
      ...base,
      title: event ? base.title : `${activity.title}: published`,
      historyId: event?.id ?? null,
      activityId: activity.id,
      laId: activity.laId,
      recordedByLabel: 'Publication in Triangulate',
    },
  ]);
  await writeAudit(trx, actor, {
    action: 'intelligence.outcome_recorded',
    entityType: 'intelligence_entry',
    entityId: entryId!,
    activityId: activity.id,
    laId: activity.laId,
    after: { kind: base.kind, title: base.title, receivedOn: base.receivedOn, historyId },
  });
  const afterVersion = await currentRiskVersion(trx, activity.laId);
  const reason = `${activity.title} was published on ${publishedOn}`;
  const reviewRequestId = await insertReviewRequest(trx, {
    laId: activity.laId,
    requestedOn: publishedOn,
    reason,
    activityId: activity.id,
    intelligenceEntryId: entryId ?? null,
    afterVersion,
  });
  await writeAudit(trx, actor, {
    action: 'risk.review_requested',
    entityType: 'risk_review_request',
    entityId: reviewRequestId,
    activityId: activity.id,
    laId: activity.laId,
    after: { requestedOn: publishedOn, afterVersion, reason },
  });
  return { entryId: entryId!, reviewRequestId };
}

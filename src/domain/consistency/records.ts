// The shapes of consistency panels as stored (the repository returns them; use cases, routes and
// the CLI name them from here, never from the data layer).
import type { PeriodKind, ViewOutcome } from './panels.js';

export interface ConsistencyPanel {
  id: string;
  title: string;
  /** Null: a national panel. */
  region: string | null;
  periodKind: PeriodKind;
  periodStart: string;
  periodEnd: string;
  convenedBy: string;
  convenedAt: Date;
}

export interface ConsistencyPanelMember {
  userId: string;
  displayName: string;
  role: string;
}

export interface ConsistencyView {
  id: string;
  panelId: string;
  panelTitle: string;
  activityId: string;
  /** The judgement a query is about; null: the inspection's judgements as a whole. */
  judgementKey: string | null;
  outcome: ViewOutcome;
  reasons: string;
  recordedById: string;
  recordedBy: string;
  recordedAt: Date;
  /** The challenge this query became in the activity's own panel workflow. */
  panelCommentId: string | null;
  /** The lead's answer to that challenge, once given. */
  response: string | null;
  respondedBy: string | null;
}

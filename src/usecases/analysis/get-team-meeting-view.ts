import { z } from 'zod';
import {
  ARRIVED_LIMIT,
  countEvidenceRecordedBetween,
  evidenceRecordedBetween,
  lastMeetingBefore,
  listMeetings,
  otherActivityBetween,
  type ArrivedEvidence,
  type OtherActivity,
  type TeamMeeting,
} from '../../data/repositories/team-meetings.js';
import { methodFamily, type EvidenceMethod } from '../../domain/evidence/vocabulary.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { judgementAreasOf } from '../../domain/frameworks/installed.js';
import { now } from '../../clock.js';

export const GetTeamMeetingViewInput = z.object({
  activityId: z.string(),
  /** Show what arrived after this moment (default: the last meeting before `at`). */
  since: z.coerce.date().optional(),
  /** The moment the view is for (default: now). */
  at: z.coerce.date().optional(),
});
export type GetTeamMeetingViewInput = z.input<typeof GetTeamMeetingViewInput>;

export interface AreaSince {
  area: { key: string; title: string };
  records: number;
  byDirection: Record<string, number>;
  byMethodFamily: Record<string, number>;
  byInspector: Array<{ label: string; records: number }>;
  items: ArrivedEvidence[];
}

export interface TeamMeetingView {
  /** Since when: the last meeting (or `since`), null for everything so far. */
  since: Date | null;
  lastMeeting: TeamMeeting | null;
  at: Date;
  /** Every record recorded since then. */
  total: number;
  /** The records summarised below (the first 2,000 recorded when there are more). */
  shown: number;
  /** True when `shown` is less than `total`: the evidence list has every record. */
  limited: boolean;
  areas: AreaSince[];
  /** Evidence not filed under any judgement area. */
  unfiled: AreaSince;
  other: OtherActivity;
  recentMeetings: TeamMeeting[];
}

function group(area: { key: string; title: string }, items: ArrivedEvidence[]): AreaSince {
  const byDirection: Record<string, number> = {};
  const byMethodFamily: Record<string, number> = {};
  const inspectors = new Map<string, number>();
  for (const i of items) {
    const d = i.direction ?? 'unset';
    byDirection[d] = (byDirection[d] ?? 0) + 1;
    const f = methodFamily(i.method as EvidenceMethod);
    byMethodFamily[f] = (byMethodFamily[f] ?? 0) + 1;
    inspectors.set(i.recordedBy.label, (inspectors.get(i.recordedBy.label) ?? 0) + 1);
  }
  return {
    area,
    records: items.length,
    byDirection,
    byMethodFamily,
    byInspector: [...inspectors]
      .map(([label, records]) => ({ label, records }))
      .sort((a, b) => b.records - a.records || a.label.localeCompare(b.label)),
    items,
  };
}

/**
 * For the morning and evening team meetings: what was recorded since the last meeting, by
 * judgement area (with direction, method mix and who recorded it), and what else moved.
 */
export async function getTeamMeetingView(
  ctx: UseCaseContext,
  raw: GetTeamMeetingViewInput,
): Promise<TeamMeetingView> {
  const input = GetTeamMeetingViewInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const at = input.at ?? now();
  const lastMeeting = await lastMeetingBefore(ctx.db, activity.id, at);
  const since = input.since ?? lastMeeting?.heldAt ?? null;
  const [items, other, recentMeetings] = await Promise.all([
    evidenceRecordedBetween(ctx.db, activity.id, since, at),
    otherActivityBetween(ctx.db, activity.id, since, at),
    listMeetings(ctx.db, activity.id, 10),
  ]);
  // Only a full list may have been cut short: then count them all.
  const total =
    items.length < ARRIVED_LIMIT
      ? items.length
      : await countEvidenceRecordedBetween(ctx.db, activity.id, since, at);
  return {
    since,
    lastMeeting,
    at,
    total,
    shown: items.length,
    limited: items.length < total,
    areas: judgementAreasOf(activity).map((a) =>
      group(
        a,
        items.filter((i) => i.judgementAreas.includes(a.key)),
      ),
    ),
    unfiled: group(
      { key: 'unfiled', title: 'Not filed under a judgement area' },
      items.filter((i) => i.judgementAreas.length === 0),
    ),
    other,
    recentMeetings,
  };
}

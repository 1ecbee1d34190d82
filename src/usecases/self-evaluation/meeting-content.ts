// What recording and editing a meeting share: the form's fields as a contract, and the agenda
// proposed from the LA's latest self-evaluation and the intelligence that came in since the last
// meeting (or in the last 12 months), history outcomes included.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { listIntelligence } from '../../data/repositories/intelligence.js';
import { latestVersions } from '../../data/repositories/self-evaluations.js';
import type { DB } from '../../data/schema.js';
import { proposeAgenda, type AgendaItem } from '../../domain/self-evaluation/engagement.js';
import {
  submissionStatus,
  twelveMonthsBefore,
} from '../../domain/self-evaluation/self-evaluation.js';
import { isoDate, questionsInForce } from './scope.js';

const line = (max: number, what: string) =>
  z.string().trim().min(1, `Enter the ${what}`).max(max, `Keep the ${what} to ${max} characters`);

export const MeetingContentInput = z.object({
  meetingOn: isoDate,
  attendees: z.array(line(200, 'attendee')).min(1, 'Enter who attended').max(50),
  /** Absent: the proposed agenda. */
  agenda: z
    .array(
      z.object({
        text: line(500, 'agenda item'),
        ref: z
          .string()
          .regex(/^(self_evaluation|intelligence):[A-Za-z0-9:-]{1,100}$/)
          .nullable()
          .default(null),
      }),
    )
    .max(100)
    .optional(),
  notes: z.string().trim().max(100_000).default(''),
  actions: z
    .array(
      z.object({
        action: line(1000, 'action'),
        owner: line(200, 'action’s owner'),
        dueOn: isoDate.nullable().default(null),
      }),
    )
    .max(100)
    .default([]),
});
export type MeetingContentInput = z.input<typeof MeetingContentInput>;

/** Up to this many intelligence entries are proposed (newest first). */
const PROPOSED_ENTRIES = 20;

export async function proposedAgenda(
  db: Kysely<DB>,
  laId: string,
  today: string,
  lastMeetingOn: string | null,
): Promise<{ items: AgendaItem[]; selfEvaluationId: string | null }> {
  const latest = (await latestVersions(db, [laId])).get(laId) ?? null;
  const se = latest && submissionStatus(latest.submittedOn, today) === 'submitted' ? latest : null;
  const from = lastMeetingOn ?? twelveMonthsBefore(today);
  const { entries } = await listIntelligence(
    db,
    { laId, from, to: today, limit: PROPOSED_ENTRIES },
    false,
  );
  const items = proposeAgenda({
    selfEvaluation: se
      ? {
          id: se.id,
          version: se.version,
          submittedOn: se.submittedOn,
          questions: se.answers.length
            ? se.answers.map((a) => a.question)
            : questionsInForce(today).questions,
        }
      : null,
    // The self-evaluation is proposed on its own; its log entry would say it twice.
    intelligence: entries
      .filter((e) => e.kind !== 'self_evaluation' && e.kind !== 'engagement_meeting')
      .map((e) => ({ id: e.id, kind: e.kind, title: e.title, receivedOn: e.receivedOn })),
  });
  return { items, selfEvaluationId: se?.id ?? null };
}

// Annual engagement meetings: one per LA per year, with the version of the notes released to the
// LA. Writes take the caller's transaction.
import type { Kysely, Selectable } from 'kysely';
import type {
  AgendaItem,
  AgreedAction,
  EngagementMeeting,
} from '../../domain/self-evaluation/engagement.js';
import type { PersonRef } from '../../domain/evidence/records.js';
import type { DB } from '../schema.js';
import type { EngagementMeetingTable } from '../schema/self-evaluation.js';

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

function shape(r: Selectable<EngagementMeetingTable>): EngagementMeeting {
  return {
    id: r.id,
    laId: r.la_id,
    year: r.year,
    meetingOn: r.meeting_on,
    attendees: r.attendees,
    agenda: parseJson<AgendaItem[]>(r.agenda),
    notes: r.notes,
    actions: parseJson<AgreedAction[]>(r.actions),
    selfEvaluationId: r.self_evaluation_id,
    intelligenceEntryId: r.intelligence_entry_id,
    recordedBy: { id: r.recorded_by, label: r.recorded_by_label },
    updatedAt: r.updated_at,
    released:
      r.released_at && r.released_notes !== null
        ? {
            notes: r.released_notes,
            actions: parseJson<AgreedAction[] | null>(r.released_actions) ?? [],
            at: r.released_at,
            byLabel: r.released_by_label ?? '',
            count: r.release_count,
          }
        : null,
  };
}

export interface MeetingContent {
  meetingOn: string;
  attendees: string[];
  agenda: AgendaItem[];
  notes: string;
  actions: AgreedAction[];
}

/** An LA's meetings, newest first. */
export async function listMeetings(db: Kysely<DB>, laId: string): Promise<EngagementMeeting[]> {
  const rows = await db
    .selectFrom('engagement_meetings')
    .selectAll()
    .where('la_id', '=', laId)
    .orderBy('year', 'desc')
    .execute();
  return rows.map(shape);
}

export async function findMeeting(
  db: Kysely<DB>,
  laId: string,
  year: number,
  opts: { lock?: boolean } = {},
): Promise<EngagementMeeting | null> {
  let q = db
    .selectFrom('engagement_meetings')
    .selectAll()
    .where('la_id', '=', laId)
    .where('year', '=', year);
  if (opts.lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? shape(r) : null;
}

export async function insertMeeting(
  db: Kysely<DB>,
  m: MeetingContent & {
    laId: string;
    year: number;
    selfEvaluationId: string | null;
    intelligenceEntryId: string | null;
    by: PersonRef;
    at: Date;
  },
): Promise<EngagementMeeting> {
  const r = await db
    .insertInto('engagement_meetings')
    .values({
      la_id: m.laId,
      year: m.year,
      meeting_on: m.meetingOn,
      attendees: m.attendees,
      agenda: JSON.stringify(m.agenda),
      notes: m.notes,
      actions: JSON.stringify(m.actions),
      self_evaluation_id: m.selfEvaluationId,
      intelligence_entry_id: m.intelligenceEntryId,
      recorded_by: m.by.id,
      recorded_by_label: m.by.label,
      updated_at: m.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return shape(r);
}

export async function updateMeeting(
  db: Kysely<DB>,
  id: string,
  m: MeetingContent & { at: Date },
): Promise<EngagementMeeting> {
  const r = await db
    .updateTable('engagement_meetings')
    .set({
      meeting_on: m.meetingOn,
      attendees: m.attendees,
      agenda: JSON.stringify(m.agenda),
      notes: m.notes,
      actions: JSON.stringify(m.actions),
      updated_at: m.at,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return shape(r);
}

export async function releaseMeetingNotes(
  db: Kysely<DB>,
  id: string,
  r: { notes: string; actions: AgreedAction[]; at: Date; byLabel: string },
): Promise<EngagementMeeting> {
  const row = await db
    .updateTable('engagement_meetings')
    .set((eb) => ({
      released_notes: r.notes,
      released_actions: JSON.stringify(r.actions),
      released_at: r.at,
      released_by_label: r.byLabel,
      release_count: eb('release_count', '+', 1),
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return shape(row);
}

/** Per LA: the day of its latest meeting held on or before `today` (the regional risk view). */
export async function latestMeetingDays(
  db: Kysely<DB>,
  laIds: readonly string[],
  today: string,
): Promise<Map<string, string>> {
  if (laIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('engagement_meetings')
    .select(['la_id', (eb) => eb.fn.max('meeting_on').as('latest')])
    .where('la_id', 'in', [...laIds])
    .where('meeting_on', '<=', today)
    .groupBy('la_id')
    .execute();
  return new Map(
    rows.map((r) => {
      const d = r.latest as string | Date;
      return [r.la_id, typeof d === 'string' ? d : d.toISOString().slice(0, 10)];
    }),
  );
}

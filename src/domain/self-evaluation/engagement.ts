// The annual engagement meeting: its shapes, the agenda proposed from the latest self-evaluation
// and the open intelligence, and what the LA is shown (only the released version: never the
// internal notes, the agenda drawn from intelligence, or anything about risk).
import type { PersonRef } from '../evidence/records.js';
import { intelligenceKindLabels, type IntelligenceKind } from '../risk/intelligence.js';

export interface AgendaItem {
  text: string;
  /** What the item was drawn from: `self_evaluation:<id>` or `intelligence:<id>`; null if typed. */
  ref: string | null;
}

export interface AgreedAction {
  action: string;
  owner: string;
  dueOn: string | null;
}

export interface EngagementMeeting {
  id: string;
  laId: string;
  year: number;
  meetingOn: string;
  attendees: string[];
  agenda: AgendaItem[];
  notes: string;
  actions: AgreedAction[];
  selfEvaluationId: string | null;
  intelligenceEntryId: string | null;
  recordedBy: PersonRef;
  updatedAt: Date;
  released: ReleasedNotes | null;
}

export interface ReleasedNotes {
  notes: string;
  actions: AgreedAction[];
  at: Date;
  byLabel: string;
  /** How many times the notes have been released (a re-release replaces the LA's copy). */
  count: number;
}

/** What an LA user reads of a meeting: the date, who came and the released notes only. */
export interface ReleasedMeeting {
  id: string;
  laId: string;
  year: number;
  meetingOn: string;
  attendees: string[];
  released: ReleasedNotes;
}

export function releasedView(m: EngagementMeeting): ReleasedMeeting | null {
  if (!m.released) return null;
  return {
    id: m.id,
    laId: m.laId,
    year: m.year,
    meetingOn: m.meetingOn,
    attendees: m.attendees,
    released: m.released,
  };
}

export interface AgendaSource {
  selfEvaluation: { id: string; version: number; submittedOn: string; questions: string[] } | null;
  /** Open intelligence: what has come in since the last meeting (history outcomes included). */
  intelligence: { id: string; kind: IntelligenceKind; title: string; receivedOn: string }[];
}

/** The proposed agenda: the self-evaluation's questions and plans, then each open entry. */
export function proposeAgenda(src: AgendaSource): AgendaItem[] {
  const items: AgendaItem[] = [];
  const se = src.selfEvaluation;
  if (se) {
    const ref = `self_evaluation:${se.id}`;
    const heading = `Self-evaluation (version ${se.version}, submitted ${se.submittedOn})`;
    for (const q of se.questions) items.push({ text: `${heading}: ${q}`, ref });
    items.push({ text: `${heading}: improvement plan and reform programme`, ref });
  } else items.push({ text: 'No self-evaluation submitted in the last 12 months', ref: null });
  for (const e of src.intelligence)
    items.push({
      text: `${intelligenceKindLabels[e.kind]}: ${e.title} (received ${e.receivedOn})`,
      ref: `intelligence:${e.id}`,
    });
  return items;
}

/** The year a meeting belongs to: the calendar year of its date. */
export const meetingYear = (meetingOn: string): number => Number(meetingOn.slice(0, 4));

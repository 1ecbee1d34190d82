// The week-zero sections drawn from the LA's own side of the risk picture: its latest submitted
// self-evaluation (each answer, the improvement plan, the reform programme) and the last annual
// engagement meeting whose notes were released to the LA (the released notes and each agreed
// action). Both follow the risk picture's read rule (viewSelfEvaluations and
// viewEngagementMeetings are wider than viewRiskPicture only for the LA's own users).
import { isoDayText } from '../../domain/calendar/format.js';
import { listMeetings } from '../../data/repositories/engagement-meetings.js';
import { latestVersions } from '../../data/repositories/self-evaluations.js';
import type { SectionContext, WeekZeroItem, WeekZeroSection } from './week-zero-sections.js';

const oneLine = (s: string, max = 200): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export async function selfEvaluationSection(c: SectionContext): Promise<WeekZeroSection | null> {
  if (!c.risk) return null;
  const base = {
    key: 'self_evaluation',
    heading: 'The LA’s latest self-evaluation',
    empty: 'The LA has not submitted a self-evaluation in Triangulate.',
  };
  const latest = (await latestVersions(c.db, [c.activity.laId])).get(c.activity.laId);
  if (!latest) return { ...base, lead: null, items: [] };
  const item = (ref: string, label: string, detail: string): WeekZeroItem => ({
    kind: 'self_evaluation',
    ref: `${latest.id}:${ref}`,
    label,
    detail: detail.trim() || null,
    date: latest.submittedOn,
    intelligenceEntryId: latest.intelligenceEntryId,
  });
  const items = latest.answers
    .filter((a) => a.answer.trim() !== '')
    .map((a, i) => item(`q${i + 1}`, oneLine(a.question), a.answer));
  if (latest.improvementPlan.trim())
    items.push(item('improvement_plan', 'Improvement plan', latest.improvementPlan));
  if (latest.reformProgramme.trim())
    items.push(item('reform_programme', 'Reform programme', latest.reformProgramme));
  const ack = latest.acknowledgement
    ? `acknowledged by ${latest.acknowledgement.by.label}`
    : 'not yet acknowledged by the region';
  const files = latest.fileIds.length
    ? ` It carries ${latest.fileIds.length} document${latest.fileIds.length === 1 ? '' : 's'}.`
    : '';
  return {
    ...base,
    lead: `Version ${latest.version}, submitted ${isoDayText(latest.submittedOn)} by ${latest.submittedBy.label}; ${ack}.${files}`,
    items,
  };
}

export async function engagementMeetingSection(c: SectionContext): Promise<WeekZeroSection | null> {
  if (!c.risk) return null;
  const base = {
    key: 'engagement_meeting',
    heading: 'The last annual engagement meeting',
    empty: 'No annual engagement meeting with released notes is held for the LA.',
  };
  const meetings = await listMeetings(c.db, c.activity.laId);
  const released = meetings.find((m) => m.released !== null);
  const newer = meetings.filter(
    (m) => m.released === null && (!released || m.year > released.year),
  );
  const pending = newer.length
    ? ` The notes of the ${newer.map((m) => isoDayText(m.meetingOn)).join(' and ')} meeting are not yet released, so they are not shown.`
    : '';
  if (!released || !released.released) return { ...base, lead: pending.trim() || null, items: [] };
  const notes = released.released;
  const items: WeekZeroItem[] = [];
  if (notes.notes.trim())
    items.push({
      kind: 'engagement_meeting',
      ref: `${released.id}:notes`,
      label: `Notes of the meeting of ${isoDayText(released.meetingOn)}`,
      detail: notes.notes,
      date: released.meetingOn,
      intelligenceEntryId: released.intelligenceEntryId,
    });
  notes.actions.forEach((a, i) =>
    items.push({
      kind: 'engagement_meeting',
      ref: `${released.id}:action${i + 1}`,
      label: `Agreed action: ${oneLine(a.action)}`,
      detail: `Owner: ${a.owner}${a.dueOn ? `; due ${isoDayText(a.dueOn)}` : ''}.`,
      date: released.meetingOn,
      intelligenceEntryId: released.intelligenceEntryId,
    }),
  );
  return {
    ...base,
    lead: `The meeting of ${isoDayText(released.meetingOn)} (${released.attendees.length} attending): the notes and agreed actions as released to the LA by ${notes.byLabel}.${pending}`,
    items,
  };
}

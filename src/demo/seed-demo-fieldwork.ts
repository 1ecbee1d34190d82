// A first day of fieldwork in the demo inspection, so that the evidence and analysis pages have
// something to show: records by the lead and the team inspector under each judgement area (with
// cases, directions and a conversation with consent), a few codings against the framework's
// criteria, a hypothesis with its focus, a candidate vignette and the morning team meeting.
// Everything goes through the use cases, as the people themselves, so the audit log tells it.
import type { UserActor } from '../domain/access/actor.js';
import type { Activity } from '../domain/activities/activity.js';
import type { ActivityTypeCatalog } from '../domain/activities/activity-type.js';
import { cpLength } from '../domain/evidence/offsets.js';
import { codeSpan } from '../usecases/coding/code-span.js';
import { listCodes } from '../usecases/coding/list-codes.js';
import type { UseCaseContext } from '../usecases/context.js';
import { markVignette } from '../usecases/analysis/mark-vignette.js';
import { recordTeamMeeting } from '../usecases/analysis/record-team-meeting.js';
import { setEnquiryFocus } from '../usecases/analysis/set-enquiry-focus.js';
import { judgementAreasOf } from '../domain/frameworks/installed.js';
import { recordEvidence, type RecordEvidenceInput } from '../usecases/evidence/record-evidence.js';
import { createLineOfEnquiry } from '../usecases/analysis/create-line-of-enquiry.js';
import { now } from '../clock.js';

type Entry = Omit<RecordEvidenceInput, 'activityId'> & {
  by: 'lead' | 'inspector';
  /** A phrase of the text to code with the area's first criterion. */
  code?: string;
};

const consent = { infoSheetGiven: true, consentGiven: true, givenBy: 'child' as const };

function entries(areas: string[], day: string): Entry[] {
  const [leaders = '', help = '', care = '', leavers = care] = areas;
  return [
    {
      by: 'lead',
      method: 'manager_leader_meeting',
      judgementAreas: [leaders],
      direction: 'strength',
      text: 'The director described a clear improvement plan; leaders know that supervision is not yet regular in the east locality and have a date to fix it.',
      code: 'leaders know that supervision is not yet regular',
    },
    {
      by: 'lead',
      method: 'la_audit',
      judgementAreas: [leaders],
      direction: 'mixed',
      text: 'The audit programme is new: twelve audits graded practice good, but moderation downgraded four of them.',
      code: 'moderation downgraded four of them',
    },
    {
      by: 'inspector',
      method: 'social_worker_discussion',
      judgementAreas: [help],
      direction: 'strength',
      caseRef: 'C-104',
      practitionerRef: 'SW-07',
      teamRef: 'Assessment East',
      locality: 'East',
      minutesSpent: 45,
      childVoice: true,
      text: "The social worker knows the child well; visits are purposeful and the child's wishes shape the plan. Strategy discussion was timely.",
      code: "the child's wishes shape the plan",
    },
    {
      by: 'inspector',
      method: 'case_file_reading',
      judgementAreas: [help],
      direction: 'area_for_improvement',
      caseRef: 'C-117',
      teamRef: 'Assessment East',
      locality: 'East',
      minutesSpent: 30,
      text: 'The child protection plan drifted for months; visits were not recorded and the plan was not reviewed when risks increased.',
      code: 'the plan was not reviewed when risks increased',
    },
    {
      by: 'lead',
      method: 'case_file_reading',
      judgementAreas: [help],
      direction: 'area_for_improvement',
      caseRef: 'C-121',
      teamRef: 'Front door',
      locality: 'West',
      text: 'Contacts at the front door waited three days for a decision; management oversight is not evident on the file.',
      code: 'management oversight is not evident',
    },
    {
      by: 'inspector',
      method: 'practice_observation',
      judgementAreas: [help],
      direction: 'strength',
      teamRef: 'Front door',
      locality: 'West',
      minutesSpent: 60,
      text: 'Observed the multi-agency front door: police and health share information quickly and thresholds are applied consistently.',
    },
    {
      by: 'inspector',
      method: 'child_conversation',
      judgementAreas: [care],
      direction: 'strength',
      caseRef: 'C-130',
      childVoice: true,
      livedExperience: true,
      consent,
      minutesSpent: 40,
      text: 'The young person said her foster carer listens and she knows why she is in care; she has the same social worker as last year.',
      code: 'she knows why she is in care',
    },
    {
      by: 'lead',
      method: 'case_file_reading',
      judgementAreas: [care],
      direction: 'area_for_improvement',
      caseRef: 'C-133',
      text: 'Permanence planning drifted: no permanence decision at the second review and life-story work has not started.',
    },
    {
      by: 'inspector',
      method: 'meeting_observed',
      judgementAreas: [leavers],
      direction: 'mixed',
      text: 'Pathway planning meeting: the personal adviser knew the young person well, but the plan does not address housing after eighteen.',
    },
    {
      by: 'lead',
      method: 'performance_data',
      judgementAreas: [],
      direction: 'context',
      text: 'Re-referrals within twelve months are 24%, above statistical neighbours (21%).',
    },
  ].map((e) => ({ ...e, observedOn: day })) as Entry[];
}

/**
 * 08:30 in England on the first day (08:30 BST is 07:30 UTC; GMT is UTC), or now if that has not
 * come yet (a demo seeded before 08:30 on its first day): a meeting cannot be recorded ahead.
 */
function morningOf(day: string): Date {
  const utc = Date.parse(`${day}T08:30:00Z`);
  const london = new Date(utc).toLocaleString('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    hour12: false,
  });
  const at = new Date(utc - (Number(london) - 8) * 3_600_000);
  const current = now();
  return at < current ? at : current;
}

export async function seedDemoFieldwork(
  db: UseCaseContext['db'],
  catalog: ActivityTypeCatalog,
  activity: Activity,
  people: { lead: UserActor; inspector: UserActor },
): Promise<void> {
  const as = (actor: UserActor): UseCaseContext => ({ db, actor, catalog });
  const activityId = activity.id;
  const areas = judgementAreasOf(activity).map((a) => a.key);
  const { codes } = await listCodes(as(people.lead), { activityId });
  const firstCriterion = (area: string) =>
    codes.find(
      (c) =>
        c.isCodable && c.parentId && codes.find((p) => p.id === c.parentId)?.frameworkKey === area,
    );
  if (!activity.plannedStart) return;
  const day = activity.plannedStart;
  const recorded: Array<{ id: string; text: string; entry: Entry }> = [];
  for (const { by, code: _code, ...entry } of entries(areas, day)) {
    // Fieldwork's first day comes before the demo's sample is drawn: the children's cases named
    // here are new, made deliberately by the record that names each.
    const record = await recordEvidence(as(people[by]), {
      ...entry,
      newCase: Boolean(entry.caseRef),
      activityId,
    });
    recorded.push({
      id: record.id,
      text: record.text,
      entry: { by, ...entry, ...(_code ? { code: _code } : {}) },
    });
  }
  for (const r of recorded) {
    const phrase = r.entry.code;
    const area = r.entry.judgementAreas?.[0];
    const code = area ? firstCriterion(area) : undefined;
    if (!phrase || !code) continue;
    const i = r.text.indexOf(phrase);
    if (i < 0) continue;
    const start = cpLength(r.text.slice(0, i));
    await codeSpan(as(people[r.entry.by]), {
      evidenceId: r.id,
      codeIds: [code.id],
      start,
      end: start + cpLength(phrase),
      evidenceVersion: 1,
    });
  }
  const help = areas[1] ?? areas[0] ?? '';
  const line = await createLineOfEnquiry(as(people.lead), {
    activityId,
    title: 'Help and protection: plans are reviewed when risks change',
    description:
      'From the self-evaluation: the LA says child protection plans are reviewed promptly.',
    source: 'self_evaluation',
    judgementAreas: [help],
  });
  const criterion = firstCriterion(help);
  await setEnquiryFocus(as(people.lead), {
    lineOfEnquiryId: line.id,
    kind: 'hypothesis',
    direction: 'strength',
    codeIds: criterion ? [criterion.id] : [],
    searchTerms: 'plan AND (drift* OR reviewed)',
  });
  const conversation = recorded.find((r) => r.entry.method === 'child_conversation');
  if (conversation)
    await markVignette(as(people.inspector), {
      activityId,
      evidenceId: conversation.id,
      start: 0,
      end: cpLength(conversation.text),
      title: 'Children know why they are in care',
    });
  await recordTeamMeeting(as(people.lead), {
    activityId,
    kind: 'morning',
    heldAt: morningOf(day),
    note: 'Plan for the day: front door and children in care case discussions.',
  });
}

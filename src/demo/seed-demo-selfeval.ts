// The demo's self-evaluations and engagement meetings: three years of each for Northfield and the
// other current LAs of its region, through the same use cases people use and dated back from the
// demo inspection's first day. Submissions are recorded by the system (as the CLI records one
// received another way: only it may date a submission in the past). A few LAs have not
// submitted in the last 12 months, so the region's list has something to show. All synthetic.
import { addDays } from '../clock.js';
import { systemActor, type UserActor } from '../domain/access/actor.js';
import type { UseCaseContext } from '../usecases/context.js';
import { acknowledgeSelfEvaluation } from '../usecases/self-evaluation/acknowledge-self-evaluation.js';
import { listSelfEvaluationStatus } from '../usecases/self-evaluation/list-self-evaluation-status.js';
import { recordEngagementMeeting } from '../usecases/self-evaluation/record-engagement-meeting.js';
import { releaseEngagementNotes } from '../usecases/self-evaluation/release-engagement-notes.js';
import { submitSelfEvaluation } from '../usecases/self-evaluation/submit-self-evaluation.js';

const ANSWERS = [
  (y: number) =>
    `${y}: audits of 120 case files found most assessments timely and child-focused; plans for children in need vary in quality; re-referrals remain above statistical neighbours.`,
  (y: number) =>
    `${y}: monthly practice audits moderated by an independent reviewer, feedback from families, supervision records and the performance scorecard.`,
  (y: number) =>
    `${y}: strengthen the front door, reduce caseloads in assessment teams, and embed the practice model through the academy.`,
];

/** Seeds three yearly self-evaluations and meetings for each LA; `start` is the inspection's day. */
export async function seedDemoSelfEvaluations(
  db: UseCaseContext['db'],
  regionalActor: UserActor,
  northfieldId: string,
  start: string,
): Promise<void> {
  const regional: UseCaseContext = { db, actor: regionalActor };
  const system: UseCaseContext = { db, actor: systemActor('demo-seed') };
  const region = await listSelfEvaluationStatus(regional, {});
  const las = region.rows.map((r) => r.la.id);
  for (const [i, laId] of las.entries()) {
    const own = laId === northfieldId;
    // Every fifth other LA stopped submitting two years ago: the "not submitted" list.
    const years = own ? [3, 2, 1] : i % 5 === 4 ? [3, 2] : [3, 2, 1];
    for (const back of years) {
      const y = Number(start.slice(0, 4)) - back + 1;
      const submittedOn = addDays(start, -back * 365 + 120 + (i % 9));
      const se = await submitSelfEvaluation(system, {
        laId,
        submittedOn,
        answers: ANSWERS.map((a) => a(y)),
        improvementPlan: `Improvement plan ${y}: priorities, owners and measures agreed with the improvement board.`,
        reformProgramme: `Reform programme ${y}: family help teams in every locality by the end of the year.`,
      });
      if (back > 1 || i % 3 !== 1)
        await acknowledgeSelfEvaluation(regional, { laId, version: se.version });
      const meetingOn = addDays(submittedOn, 30);
      // The other LAs carry only their latest meeting: the seed stays fast.
      if (meetingOn >= start || (!own && back > 1)) continue;
      const m = await recordEngagementMeeting(regional, {
        laId,
        meetingOn,
        attendees: [
          'Director of children’s services',
          'Regional senior HMI',
          'Head of quality assurance',
        ],
        notes: `We discussed the self-evaluation of ${y}, what the audits show and the improvement plan.`,
        actions: [
          {
            action: 'Share the audit moderation summary',
            owner: 'Head of quality assurance',
            dueOn: addDays(meetingOn, 60),
          },
        ],
      });
      if (own)
        await releaseEngagementNotes(regional, {
          laId,
          year: m.year,
          notes: `Thank you for the meeting on ${meetingOn}. We discussed your self-evaluation and the improvement plan.`,
        });
    }
  }
}

// "Your work": what waits for the signed-in person across their activities, with due dates, each
// item linking to the page where the work is done. Derived from recorded facts (judgement stages,
// report states, comments, the factual accuracy window); nothing is stored for it.
import { todayInEngland } from '../../clock.js';
import { listWorkFacts } from '../../data/repositories/work.js';
import { listExercises } from '../../data/repositories/calibration.js';
import { listStudyWorkFacts } from '../../data/repositories/reliability.js';
import { listDoubleCodingWorkFacts } from '../../data/repositories/double-coding.js';
import { calibrationWorkItem } from '../../domain/calibration/work.js';
import { studyWorkItem } from '../../domain/reliability/assignment.js';
import { EVIDENCE_CLOSED_STATES, policies } from '../../domain/access/policies.js';
import {
  doubleCodingWorkItem,
  sortWork,
  workItemsOf,
  type WorkItem,
  type WorkRole,
} from '../../domain/activities/work.js';
import type { UseCaseContext } from '../context.js';

const teamRoleOf = (roles: WorkRole[]) =>
  roles.includes('lead') ? 'lead_inspector' : roles.includes('qam') ? 'qam' : null;

export async function listMyWork(ctx: UseCaseContext): Promise<WorkItem[]> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') return [];
  const who =
    actor.role === 'la_user'
      ? actor.laId
        ? { laId: actor.laId }
        : null
      : actor.role === 'inspector' || actor.role === 'admin'
        ? { userId: actor.userId }
        : null;
  if (!who) return [];
  const facts = await listWorkFacts(ctx.db, who);
  const today = todayInEngland();
  const visible = facts.filter((f) =>
    policies.viewWorkItem(actor, {
      laId: f.laId,
      laRegion: f.laRegion,
      state: f.state,
      notifiedAt: f.notifiedAt,
      teamRole: teamRoleOf(f.roles),
      panelMember: f.roles.includes('panel'),
    }),
  );
  // Blind reviews in reliability studies: by pair membership, never naming the LA.
  const reviews =
    actor.role === 'inspector'
      ? (await listStudyWorkFacts(ctx.db, actor.userId)).filter((f) => !f.recorded)
      : [];
  // Blind double codings the person has still to code and finish, while the evidence is open.
  const coding =
    actor.role === 'inspector'
      ? (await listDoubleCodingWorkFacts(ctx.db, actor.userId)).filter(
          (f) => !EVIDENCE_CLOSED_STATES.has(f.state),
        )
      : [];
  // Calibration exercises the inspector was invited to and has not submitted yet.
  const calibration =
    actor.role === 'inspector'
      ? (await listExercises(ctx.db, actor.userId)).filter((e) =>
          e.participants.some((p) => p.userId === actor.userId && !p.submittedAt),
        )
      : [];
  return sortWork([
    ...visible.flatMap((f) => workItemsOf(f, today)),
    ...reviews.map(studyWorkItem),
    ...coding.map(doubleCodingWorkItem),
    ...calibration.map(calibrationWorkItem),
  ]);
}

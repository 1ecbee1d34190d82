// The double codings of an activity as the viewer may see them: the lead (and admins, national
// staff) every assignment, a coder the ones they code. The lead is also given what the form to
// set one up offers: the activity's evidence records and the team's inspectors.
import { z } from 'zod';
import { listTeam } from '../../data/repositories/activities.js';
import { listAssignments } from '../../data/repositories/double-coding.js';
import { listEvidence } from '../../data/repositories/evidence.js';
import { actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import type { UseCaseContext } from '../context.js';
import { activityScope, CODING_ROLES } from './double-coding-scope.js';

export const ListDoubleCodingsInput = z.object({ activityId: z.string() });

export interface DoubleCodingSummary {
  id: string;
  title: string;
  createdBy: string;
  createdAt: Date;
  records: number;
  reconciled: number;
  coders: { label: string; finished: boolean }[];
  blind: boolean;
  /** The viewer codes in it, and whether they have finished. */
  mine: boolean;
  myFinished: boolean;
}

export interface DoubleCodingList {
  activity: { id: string; title: string; laName: string };
  mayAssign: boolean;
  assignments: DoubleCodingSummary[];
  /** For the set-up form (the lead only). */
  choices: {
    records: { id: string; reference: string; excerpt: string }[];
    coders: { email: string; label: string }[];
  } | null;
}

export async function listDoubleCodings(
  ctx: UseCaseContext,
  raw: z.input<typeof ListDoubleCodingsInput>,
): Promise<DoubleCodingList> {
  const input = ListDoubleCodingsInput.parse(raw);
  const { activity, facts } = await activityScope(ctx, input.activityId);
  const me = actorUserId(ctx.actor);
  const mayAssign = policies.leadDoubleCoding(ctx.actor, facts);
  const all = await listAssignments(ctx.db, activity.id);
  const assignments = all
    .map((a) => ({ a, mine: a.coders.some((c) => c.userId === me) }))
    .filter(({ mine }) => policies.viewDoubleCoding(ctx.actor, facts, mine))
    .map(({ a, mine }) => ({
      id: a.id,
      title: a.title,
      createdBy: a.createdBy,
      createdAt: a.createdAt,
      records: a.records.length,
      reconciled: a.records.filter((r) => r.reconciledAt !== null).length,
      coders: a.coders.map((c) => ({ label: c.label, finished: c.finishedAt !== null })),
      blind: a.coders.some((c) => c.finishedAt === null),
      mine,
      myFinished: a.coders.some((c) => c.userId === me && c.finishedAt !== null),
    }));
  let choices: DoubleCodingList['choices'] = null;
  if (mayAssign) {
    const [records, team] = await Promise.all([
      listEvidence(ctx.db, { activityId: activity.id, excerptOnly: true }),
      listTeam(ctx.db, activity.id),
    ]);
    choices = {
      records: records.map((r) => ({
        id: r.id,
        reference: r.reference,
        excerpt: r.text.length > 80 ? `${r.text.slice(0, 80)}…` : r.text,
      })),
      coders: team
        .filter((t) => CODING_ROLES.has(t.teamRole))
        .map((t) => ({ email: t.email, label: t.displayName })),
    };
  }
  return {
    activity: { id: activity.id, title: activity.title, laName: activity.laName },
    mayAssign,
    assignments,
    choices,
  };
}

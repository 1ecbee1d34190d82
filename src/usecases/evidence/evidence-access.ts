// What every evidence-base use case does first: find the activity, check the actor may read (or
// write) its evidence, and know which framework version files it. Unauthorised reads answer
// NOT_FOUND, revealing nothing; unauthorised writes by people who may read answer FORBIDDEN.
import {
  factsOf,
  findActivity,
  teamRoleOf,
  type Activity,
} from '../../data/repositories/activities.js';
import type { PersonRef } from '../../data/repositories/evidence.js';
import type { Actor } from '../../domain/access/actor.js';
import { EVIDENCE_CLOSED_STATES, policies } from '../../domain/access/policies.js';
import { evidenceAreas } from '../../domain/evidence/codebook-seed.js';
import {
  loadFrameworks,
  type Framework,
  type FrameworkRegistry,
} from '../../domain/frameworks/index.js';
import { AppError } from '../../errors.js';
import { frameworksDir } from '../../paths.js';
import type { UseCaseContext } from '../context.js';

export interface EvidenceScope {
  activity: Activity;
  canWrite: boolean;
}

export async function evidenceScope(
  ctx: UseCaseContext,
  activityId: string,
  need: 'read' | 'write',
): Promise<EvidenceScope> {
  const activity = await findActivity(ctx.db, activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.viewActivity(ctx.actor, facts) || !policies.viewEvidence(ctx.actor, facts))
    throw new AppError('NOT_FOUND');
  const canWrite = policies.writeEvidence(ctx.actor, facts);
  if (need === 'write' && !canWrite) {
    throw new AppError('FORBIDDEN', {
      message: EVIDENCE_CLOSED_STATES.has(activity.state)
        ? `The evidence base is read-only once the activity is ${activity.state}.`
        : 'Only the activity’s team (not people shadowing) can change its evidence.',
    });
  }
  return { activity, canWrite };
}

/** Who is acting, as stored on rows: the user id (null for the CLI operator) and a label. */
export function actorRef(actor: Actor): PersonRef {
  return actor.kind === 'user'
    ? { id: actor.userId, label: actor.displayName }
    : { id: null, label: actor.label };
}

let registry: FrameworkRegistry | null = null;

/** The framework registry (loaded once from frameworks/). Tests may supply their own. */
export function frameworkRegistry(override?: FrameworkRegistry): FrameworkRegistry {
  if (override) registry = override;
  registry ??= loadFrameworks(frameworksDir());
  return registry;
}

export function frameworkOf(activity: Activity): Framework {
  const fw = frameworkRegistry().get(activity.frameworkId);
  if (!fw) throw new AppError('INTERNAL', { message: `Unknown framework ${activity.frameworkId}` });
  return fw;
}

/** The judgement areas evidence of this activity can be filed under, in framework order. */
export function judgementAreasOf(activity: Activity): Array<{ key: string; title: string }> {
  return evidenceAreas(frameworkOf(activity));
}

/** Formats a time for conflict messages: "14:32 on 8 December 2026" (UK time). */
export function whenText(d: Date): string {
  const time = d.toLocaleTimeString('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
  });
  const day = d.toLocaleDateString('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return `${time} on ${day}`;
}

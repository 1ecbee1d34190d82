// An activity with a team for evidence-base tests: a lead, a team inspector and a shadow, plus
// people who must not see the evidence (an inspector elsewhere, an LA user, a researcher).
import type { Kysely } from 'kysely';
import type { Activity } from '../../src/data/repositories/activities.js';
import type { DB } from '../../src/data/schema.js';
import type { UserActor } from '../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { addTeamMember } from '../../src/usecases/activities/add-team-member.js';
import { changeActivityState } from '../../src/usecases/activities/change-activity-state.js';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { insertLa, makeUser } from './fixtures.js';

export interface EvidenceTeam {
  activity: Activity;
  regional: UserActor;
  lead: UserActor;
  member: UserActor;
  shadow: UserActor;
  outsider: UserActor;
  laUser: UserActor;
  researcher: UserActor;
  national: UserActor;
}

const catalog = loadActivityTypeCatalog();

export function contextFor(db: Kysely<DB>, actor: UseCaseContext['actor']): UseCaseContext {
  return { db, actor, catalog };
}

/** Creates an ILACS 2023 standard inspection, notified (so the LA user can see the activity). */
export async function makeEvidenceTeam(db: Kysely<DB>, key = 'ev'): Promise<EvidenceTeam> {
  const laId = `${key}-la`;
  await insertLa(db, laId, 'North West');
  const regional = await makeUser(db, `${key}-regional`, 'regional', { region: 'North West' });
  const lead = await makeUser(db, `${key}-lead`, 'inspector');
  const member = await makeUser(db, `${key}-member`, 'inspector');
  const shadow = await makeUser(db, `${key}-shadow`, 'inspector');
  const outsider = await makeUser(db, `${key}-outsider`, 'inspector');
  const laUser = await makeUser(db, `${key}-dcs`, 'la_user', { laId });
  const researcher = await makeUser(db, `${key}-researcher`, 'researcher');
  const national = await makeUser(db, `${key}-national`, 'national');
  const as = (actor: UserActor) => contextFor(db, actor);
  let activity = await createActivity(as(regional), {
    laId,
    activityType: 'standard_inspection',
    plannedStart: '2025-06-02',
    plannedEnd: '2025-06-13',
    frameworkId: 'ilacs-2023',
  });
  await addTeamMember(as(regional), {
    activityId: activity.id,
    userId: lead.userId,
    teamRole: 'lead_inspector',
  });
  await addTeamMember(as(lead), {
    activityId: activity.id,
    userId: member.userId,
    teamRole: 'team_inspector',
  });
  await addTeamMember(as(lead), {
    activityId: activity.id,
    userId: shadow.userId,
    teamRole: 'shadow',
  });
  activity = await changeActivityState(as(lead), { activityId: activity.id, toState: 'notified' });
  return { activity, regional, lead, member, shadow, outsider, laUser, researcher, national };
}

// The demo's inspector roster for Northfield's region (North West): twelve inspectors with roles,
// working days, limits, leave and training dated from the day of seeding, two conflicts of
// interest, and two of them on the team of the future focused visit. The region's senior HMI
// records it, so the audit log tells who did. Synthetic people; the LAs are the real register's.
import { randomBytes } from 'node:crypto';
import { systemActor, type UserActor } from '../domain/access/actor.js';
import type { ActivityTypeCatalog } from '../domain/activities/activity-type.js';
import type { InspectorRole, Weekday } from '../domain/scheduling/inspector-profile.js';
import { addTeamMember } from '../usecases/activities/add-team-member.js';
import type { UseCaseContext } from '../usecases/context.js';
import { addInspectorAbsence } from '../usecases/inspectors/add-inspector-absence.js';
import { addInspectorConflict } from '../usecases/inspectors/add-inspector-conflict.js';
import { setInspectorProfile } from '../usecases/inspectors/set-inspector-profile.js';
import { createUser } from '../usecases/users/create-user.js';
import { addDays, mondayOf, todayInEngland } from '../clock.js';

type Db = UseCaseContext['db'];

interface RosterEntry {
  /** An account the demo already has (by key), or a new one. */
  key: string;
  email?: string;
  displayName?: string;
  role: InspectorRole;
  region?: string;
  days?: Weekday[];
  lead?: boolean;
  maxSiteWeeks?: number;
  prepDays?: number;
  /** Leave or training, in days from the Monday of the seeding week (first, last). */
  away?: { kind: 'leave' | 'training'; from: number; to: number; note?: string }[];
}

const FULL: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
// National ILACS training days for the whole region, four weeks on (Tuesday and Wednesday).
const TRAINING = { kind: 'training' as const, from: 29, to: 30, note: 'ILACS update training' };

export const DEMO_ROSTER: RosterEntry[] = [
  {
    key: 'lead',
    role: 'hmi',
    lead: true,
    maxSiteWeeks: 5,
    away: [{ kind: 'leave', from: 14, to: 18 }, TRAINING],
  },
  // Away this week: the write-up of the inspection that just ended falls on it (flagged).
  {
    key: 'inspector',
    role: 'hmi',
    away: [
      { kind: 'leave', from: 2, to: 4, note: 'Booked before the inspection was planned' },
      TRAINING,
    ],
  },
  { key: 'qam', role: 'senior_hmi', lead: true, maxSiteWeeks: 3, away: [TRAINING] },
  { key: 'panel', role: 'hmi', lead: true, days: ['mon', 'tue', 'wed', 'thu'], away: [TRAINING] },
  { key: 'reviewer1', role: 'hmi', away: [{ kind: 'leave', from: 42, to: 53 }] },
  { key: 'reviewer2', role: 'hmi', lead: true, region: 'West Midlands' },
  { key: 'reviewer3', role: 'senior_hmi', lead: true, region: 'West Midlands' },
  {
    key: 'nw-hmi-1',
    email: 'hannah.okoro@triangulate.example',
    displayName: 'Hannah Okoro (HMI)',
    role: 'hmi',
    lead: true,
    away: [TRAINING],
  },
  {
    key: 'nw-hmi-2',
    email: 'dev.patel@triangulate.example',
    displayName: 'Dev Patel (HMI)',
    role: 'hmi',
    days: ['mon', 'tue', 'wed'],
    maxSiteWeeks: 3,
    prepDays: 3,
    away: [TRAINING],
  },
  {
    key: 'nw-hmi-3',
    email: 'grace.lindley@triangulate.example',
    displayName: 'Grace Lindley (HMI)',
    role: 'hmi',
    away: [{ kind: 'leave', from: 21, to: 32 }],
  },
  {
    key: 'nw-shmi',
    email: 'martin.doyle@triangulate.example',
    displayName: 'Martin Doyle (senior HMI)',
    role: 'senior_hmi',
    lead: true,
    maxSiteWeeks: 3,
  },
  {
    key: 'nw-scri',
    email: 'yasmin.clarke@triangulate.example',
    displayName: 'Yasmin Clarke (regulatory inspector)',
    role: 'regulatory_inspector',
    away: [{ kind: 'training', from: 8, to: 8, note: 'Fostering regulations' }],
  },
  {
    key: 'nw-edu',
    email: 'callum.reid@triangulate.example',
    displayName: 'Callum Reid (education HMI)',
    role: 'education_inspector',
    days: ['tue', 'wed', 'thu', 'fri'],
  },
  {
    key: 'nw-hmi-4',
    email: 'sara.nowak@triangulate.example',
    displayName: 'Sara Nowak (HMI, new)',
    role: 'hmi',
    maxSiteWeeks: 4,
    prepDays: 4,
  },
];

export async function seedDemoRoster(
  db: Db,
  catalog: ActivityTypeCatalog,
  ids: ReadonlyMap<string, string>,
  actors: { regional: UserActor; national: UserActor },
  visit: { northfieldId: string; focusedVisitId: string | null },
): Promise<Map<string, string>> {
  const system: UseCaseContext = { db, actor: systemActor('demo-seed'), catalog };
  const all = new Map(ids);
  for (const r of DEMO_ROSTER) {
    if (all.has(r.key) || !r.email) continue;
    const user = await createUser(system, {
      email: r.email,
      displayName: r.displayName!,
      role: 'inspector',
      region: null,
      laId: null,
      // Nobody signs in as them in the demo: a password no one is told.
      password: `roster-${randomBytes(12).toString('base64url')}`,
    });
    all.set(r.key, user.id);
  }
  const monday = mondayOf(todayInEngland());
  for (const r of DEMO_ROSTER) {
    const userId = all.get(r.key);
    if (!userId) continue;
    const region = r.region ?? 'North West';
    // Regional staff keep their own region's inspectors; the national team the others.
    const ctx: UseCaseContext = {
      db,
      actor: region === 'North West' ? actors.regional : actors.national,
      catalog,
    };
    await setInspectorProfile(ctx, {
      inspector: userId,
      inspectorRole: r.role,
      homeRegion: region as never,
      workingDays: r.days ?? FULL,
      leadQualified: r.lead === true,
      maxSiteWeeksPerQuarter: r.maxSiteWeeks ?? 6,
      preparationDays: r.prepDays ?? null,
    });
    for (const a of r.away ?? [])
      await addInspectorAbsence(ctx, {
        inspector: userId,
        kind: a.kind,
        startsOn: addDays(monday, a.from),
        endsOn: addDays(monday, a.to),
        note: a.note ?? null,
      });
  }
  const regional: UseCaseContext = { db, actor: actors.regional, catalog };
  await addInspectorConflict(regional, {
    inspector: all.get('nw-hmi-1')!,
    laId: visit.northfieldId,
    reason: 'worked_in',
    detail: 'Team manager in the front door service',
    from: addDays(monday, -365 * 6),
    to: addDays(monday, -365 * 3),
  });
  await addInspectorConflict(regional, {
    inspector: all.get('nw-hmi-2')!,
    laId: 'lancashire',
    reason: 'lives_in',
    detail: null,
    from: null,
    to: null,
  });
  // The future focused visit gets its team: a lead-qualified HMI and one more.
  if (visit.focusedVisitId) {
    await addTeamMember(regional, {
      activityId: visit.focusedVisitId,
      userId: all.get('nw-shmi')!,
      teamRole: 'lead_inspector',
    });
    await addTeamMember(regional, {
      activityId: visit.focusedVisitId,
      userId: all.get('nw-hmi-3')!,
      teamRole: 'team_inspector',
    });
  }
  return all;
}

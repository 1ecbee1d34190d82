// Published inspections with evidence for the research store's tests: each in an LA of a given
// region, with a lead inspector, a codebook seeded from the framework, an emergent code
// "Reflective supervision", records naming children and staff (so pseudonymisation can be
// checked) and codings on the framework's supervision criterion. Everything up to the fieldwork
// goes through the use cases; the moves after it (report, QA, publication) are written directly,
// as the whole report workflow is not what these tests are about.
import type { Kysely } from 'kysely';
import type { DB } from '../../src/data/schema.js';
import type { UserActor } from '../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { addTeamMember } from '../../src/usecases/activities/add-team-member.js';
import { changeActivityState } from '../../src/usecases/activities/change-activity-state.js';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import { codeSpan } from '../../src/usecases/coding/code-span.js';
import { createCode } from '../../src/usecases/coding/create-code.js';
import { seedCodebook } from '../../src/usecases/coding/seed-codebook.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { recordEvidence } from '../../src/usecases/evidence/record-evidence.js';
import { spanOf } from './analysis.js';
import { insertLa, makeUser } from './fixtures.js';

export const SUPERVISION = 'leaders.supervision_and_practice_model';
export const EMERGENT = 'Reflective supervision';

export interface PublishedSpec {
  key: string;
  region: string;
  grade: string;
  /** How many records to code with the supervision criterion. */
  records: number;
  population?: number;
  /** Leave it unpublished (on site): the store must not see it. */
  unpublished?: boolean;
}

export interface PublishedInspection {
  activityId: string;
  laId: string;
  laName: string;
  lead: UserActor;
}

const catalog = loadActivityTypeCatalog();

export const laNameOf = (key: string): string => `${key[0]!.toUpperCase()}${key.slice(1)}shire`;

export const passageFor = (key: string, i: number): string =>
  `Supervision of Jo Bloggs with child C${key.length}00${i}77 (LCS-${4000 + i}) was reflective and regular in ${laNameOf(key)}. Mrs Patel said the plan changed.`;

export async function makePublishedInspection(
  db: Kysely<DB>,
  spec: PublishedSpec,
  /** An LA of the register to inspect instead of a made-up one (kept as it is). */
  opts: { laId?: string } = {},
): Promise<PublishedInspection> {
  const as = (actor: UseCaseContext['actor']): UseCaseContext => ({ db, actor, catalog });
  const laId = opts.laId ?? `${spec.key}-la`;
  if (!opts.laId) {
    await insertLa(db, laId, spec.region);
    await db
      .updateTable('local_authorities')
      .set({ name: laNameOf(spec.key), population_0_17: spec.population ?? 60000 })
      .where('id', '=', laId)
      .execute();
  }
  const regional = await makeUser(db, `${spec.key}-regional`, 'regional', { region: spec.region });
  const lead = await makeUser(db, `${spec.key}-lead`, 'inspector');
  const activity = await createActivity(as(regional), {
    laId,
    activityType: 'standard_inspection',
    plannedStart: '2025-06-02',
    plannedEnd: '2025-06-13',
    frameworkId: 'ilacs-2023',
    ...(opts.laId ? { ruleReason: 'A test inspection at a real LA of the register' } : {}),
  });
  await addTeamMember(as(regional), {
    activityId: activity.id,
    userId: lead.userId,
    teamRole: 'lead_inspector',
  });
  await changeActivityState(as(lead), { activityId: activity.id, toState: 'notified' });
  await changeActivityState(as(lead), { activityId: activity.id, toState: 'on_site' });
  await seedCodebook(as(lead), { activityId: activity.id });
  const criterion = await db
    .selectFrom('codes')
    .select('id')
    .where('activity_id', '=', activity.id)
    .where('framework_key', '=', SUPERVISION)
    .executeTakeFirstOrThrow();
  const emergent = await createCode(as(lead), { activityId: activity.id, name: EMERGENT });
  for (let i = 0; i < spec.records; i++) {
    const text = passageFor(spec.key, i);
    const e = await recordEvidence(as(lead), {
      activityId: activity.id,
      method: 'case_file_reading',
      observedOn: '2025-06-03',
      caseRef: `C${spec.key.length}00${i}77`,
      newCase: true,
      text,
    });
    await codeSpan(as(lead), {
      activityId: activity.id,
      evidenceId: e.id,
      evidenceVersion: e.version,
      codeIds: [criterion.id, emergent.id],
      ...spanOf(text, text),
    });
  }
  if (!spec.unpublished) await publishDirectly(db, activity.id, spec.grade);
  const la = await db
    .selectFrom('local_authorities')
    .select('name')
    .where('id', '=', laId)
    .executeTakeFirstOrThrow();
  return { activityId: activity.id, laId, laName: la.name, lead };
}

/** The steps after fieldwork, written directly: published, with an overall grade. */
export async function publishDirectly(
  db: Kysely<DB>,
  activityId: string,
  grade: string,
): Promise<void> {
  await db
    .updateTable('activities')
    .set({ state: 'published' })
    .where('id', '=', activityId)
    .execute();
  await db
    .insertInto('activity_state_changes')
    .values({
      activity_id: activityId,
      from_state: 'on_site',
      to_state: 'published',
      changed_at: new Date('2026-03-02T10:00:00Z'),
    })
    .execute();
  await db
    .insertInto('judgements')
    .values({
      activity_id: activityId,
      judgement_key: 'overall_effectiveness',
      grade,
      updated_by_label: 'fixture',
    })
    .execute();
}

/** Five inspections: two in London, two in North West (one unpublished), one in the South West. */
export const STANDARD_SPECS: PublishedSpec[] = [
  { key: 'ash', region: 'London', grade: 'good', records: 4 },
  { key: 'birch', region: 'London', grade: 'outstanding', records: 3, population: 30000 },
  { key: 'cedar', region: 'North West', grade: 'good', records: 6 },
  { key: 'damson', region: 'North West', grade: 'inadequate', records: 5, unpublished: true },
  { key: 'elm', region: 'South West', grade: 'requires_improvement', records: 2 },
];

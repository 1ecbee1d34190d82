// A small inspection with known evidence, codes and codings for the analysis tests: five
// records over three days, a codebook with two folders and four codes, and codings placed on
// known phrases (offsets computed in code points, as the workbench sends them).
import { sql } from 'kysely';
import type { systemActor } from '../../src/domain/access/actor.js';
import { type UserActor } from '../../src/domain/access/actor.js';
import { cpLength } from '../../src/domain/evidence/offsets.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { addTeamMember } from '../../src/usecases/activities/add-team-member.js';
import { changeActivityState } from '../../src/usecases/activities/change-activity-state.js';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import {
  recordEvidence,
  type RecordEvidenceInput,
} from '../../src/usecases/evidence/record-evidence.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { insertLa, makeUser } from './fixtures.js';

export const TEXTS = {
  E1: 'The child protection plan drifted for months; visits were not recorded and the plan was not reviewed.',
  E2: "The social worker knows Amélie 👩‍👧 well; visits are purposeful and the child's wishes shape the plan.",
  E3: 'Observed a review: the independent reviewing officer challenged drift in permanence planning.',
  E4: 'The young person said her protection from harm feels weak and nobody explained the plan.',
  E5: 'Leaders know that protection plans drift; the audit programme is new.',
} as const;

export interface World {
  t: TestDatabase;
  activityId: string;
  laId: string;
  lead: UserActor;
  member: UserActor;
  outsider: UserActor;
  laUser: UserActor;
  researcher: UserActor;
  national: UserActor;
  as: (actor: UserActor | ReturnType<typeof systemActor>) => UseCaseContext;
  /** Evidence ids by E-number key. */
  e: Record<keyof typeof TEXTS, string>;
  /** Code ids. */
  codes: {
    hpFolder: string;
    cicFolder: string;
    frontDoor: string;
    harm: string;
    voice: string;
    permanence: string;
  };
  /** Case ids by reference. */
  cases: Record<string, string>;
  record: (actor: UserActor, input: Omit<RecordEvidenceInput, 'activityId'>) => Promise<string>;
  codeSpan: (
    evidenceId: string,
    codeId: string,
    phrase: string,
    coder: UserActor,
  ) => Promise<{ start: number; end: number }>;
}

/** Code-point offsets of `phrase` in `text` (throws when absent). */
export function spanOf(text: string, phrase: string): { start: number; end: number } {
  const i = text.indexOf(phrase);
  if (i < 0) throw new Error(`"${phrase}" is not in "${text}"`);
  const start = cpLength(text.slice(0, i));
  return { start, end: start + cpLength(phrase) };
}

export async function insertCode(
  w: Pick<World, 't' | 'activityId'>,
  name: string,
  opts: { parentId?: string; frameworkKey?: string; isCodable?: boolean } = {},
): Promise<string> {
  const row = await w.t.db
    .insertInto('codes')
    .values({
      activity_id: w.activityId,
      parent_id: opts.parentId ?? null,
      name,
      is_codable: opts.isCodable ?? true,
      source: opts.frameworkKey ? 'framework' : 'emergent',
      framework_key: opts.frameworkKey ?? null,
      created_by_label: 'fixture',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createWorld(): Promise<World> {
  const t = await createTestDatabase();
  const catalog = loadActivityTypeCatalog();
  const as = (actor: UserActor | ReturnType<typeof systemActor>): UseCaseContext => ({
    db: t.db,
    actor,
    catalog,
  });
  await insertLa(t.db, 'north-la', 'North West');
  const regional = await makeUser(t.db, 'regional', 'regional', { region: 'North West' });
  const lead = await makeUser(t.db, 'lead', 'inspector');
  const member = await makeUser(t.db, 'member', 'inspector');
  const outsider = await makeUser(t.db, 'outsider', 'inspector');
  const laUser = await makeUser(t.db, 'dcs', 'la_user', { laId: 'north-la' });
  const researcher = await makeUser(t.db, 'researcher', 'researcher');
  const national = await makeUser(t.db, 'national', 'national');
  const activity = await createActivity(as(regional), {
    laId: 'north-la',
    activityType: 'standard_inspection',
    plannedStart: '2026-12-07',
    plannedEnd: '2026-12-18',
  });
  await addTeamMember(as(regional), {
    activityId: activity.id,
    userId: lead.userId,
    teamRole: 'lead_inspector',
  });
  await addTeamMember(as(regional), {
    activityId: activity.id,
    userId: member.userId,
    teamRole: 'team_inspector',
  });
  // Notified: the LA can see the activity exists, never its evidence.
  await changeActivityState(as(regional), { activityId: activity.id, toState: 'notified' });
  const base = { t, activityId: activity.id };
  const record = async (actor: UserActor, input: Omit<RecordEvidenceInput, 'activityId'>) =>
    (await recordEvidence(as(actor), { ...input, activityId: activity.id })).id;
  const consent = { infoSheetGiven: true, consentGiven: true, givenBy: 'child' as const };
  const e = {
    E1: await record(lead, {
      text: TEXTS.E1,
      method: 'case_file_reading',
      observedOn: '2026-12-07',
      caseRef: 'C1',
      newCase: true,
      practitionerRef: 'P1',
      teamRef: 'Team East',
      locality: 'East',
      judgementAreas: ['help_and_protection'],
      direction: 'area_for_improvement',
    }),
    E2: await record(member, {
      text: TEXTS.E2,
      method: 'social_worker_discussion',
      observedOn: '2026-12-07',
      caseRef: 'C2',
      newCase: true,
      practitionerRef: 'P2',
      teamRef: 'Team West',
      locality: 'West',
      judgementAreas: ['help_and_protection'],
      direction: 'strength',
      childVoice: true,
    }),
    E3: await record(member, {
      text: TEXTS.E3,
      method: 'practice_observation',
      observedOn: '2026-12-08',
      caseRef: 'C3',
      newCase: true,
      judgementAreas: ['children_in_care'],
      direction: 'strength',
    }),
    E4: await record(lead, {
      text: TEXTS.E4,
      method: 'child_conversation',
      observedOn: '2026-12-08',
      caseRef: 'C3',
      newCase: true,
      judgementAreas: ['children_in_care'],
      direction: 'area_for_improvement',
      childVoice: true,
      consent,
    }),
    E5: await record(lead, {
      text: TEXTS.E5,
      method: 'manager_leader_meeting',
      observedOn: '2026-12-09',
      judgementAreas: ['impact_of_leaders'],
      direction: 'mixed',
    }),
  };
  const hpFolder = await insertCode(base, 'Help and protection', {
    frameworkKey: 'help_and_protection',
    isCodable: false,
  });
  const cicFolder = await insertCode(base, 'Children in care', {
    frameworkKey: 'children_in_care',
    isCodable: false,
  });
  const codes = {
    hpFolder,
    cicFolder,
    frontDoor: await insertCode(base, 'Front door', {
      parentId: hpFolder,
      frameworkKey: 'help_and_protection.front_door',
    }),
    harm: await insertCode(base, 'Significant harm', {
      parentId: hpFolder,
      frameworkKey: 'help_and_protection.significant_harm',
    }),
    voice: await insertCode(base, "Child's voice"),
    permanence: await insertCode(base, 'Permanence', {
      parentId: cicFolder,
      frameworkKey: 'children_in_care.permanence',
    }),
  };
  const texts = Object.fromEntries(Object.entries(e).map(([k, id]) => [id, TEXTS[k as 'E1']]));
  const codeSpan = async (evidenceId: string, codeId: string, phrase: string, coder: UserActor) => {
    const span = spanOf(texts[evidenceId]!, phrase);
    await t.db
      .insertInto('codings')
      .values({
        activity_id: activity.id,
        evidence_id: evidenceId,
        evidence_version: 1,
        code_id: codeId,
        start_pos: span.start,
        end_pos: span.end,
        span_text: phrase,
        coder_id: coder.userId,
        coder_label: coder.displayName,
      })
      .execute();
    return span;
  };
  await codeSpan(e.E1, codes.harm, 'child protection plan drifted for months', lead);
  await codeSpan(
    e.E1,
    codes.frontDoor,
    'plan drifted for months; visits were not recorded',
    member,
  );
  await codeSpan(e.E2, codes.frontDoor, 'visits are purposeful', member);
  await codeSpan(e.E2, codes.voice, "the child's wishes shape the plan", member);
  await codeSpan(
    e.E4,
    codes.voice,
    'The young person said her protection from harm feels weak',
    lead,
  );
  await codeSpan(e.E4, codes.harm, 'protection from harm feels weak', lead);
  await codeSpan(e.E3, codes.permanence, 'drift in permanence planning', member);
  // A sampled child with no evidence yet (added from the case sample, never visited).
  await t.db
    .insertInto('cases')
    .values({
      activity_id: activity.id,
      kind: 'child',
      reference: 'C9',
      attributes: JSON.stringify({ cohort: 'child_protection' }),
      created_by_label: 'sample',
    })
    .execute();
  await sql`update cases set attributes = '{"cohort":"child_protection"}' where activity_id = ${activity.id} and reference in ('C1','C2')`.execute(
    t.db,
  );
  await sql`update cases set attributes = '{"cohort":"child_in_care"}' where activity_id = ${activity.id} and reference = 'C3'`.execute(
    t.db,
  );
  const caseRows = await t.db
    .selectFrom('cases')
    .select(['id', 'reference', 'kind'])
    .where('activity_id', '=', activity.id)
    .execute();
  // The sample: the four children (C1-C3 visited, C9 not yet), added on site.
  const children = caseRows.filter((c) => c.kind === 'child');
  await t.db
    .insertInto('sample_cases')
    .values(
      children.map((c) => ({
        activity_id: activity.id,
        cohort: 'child_protection',
        child_ref: c.reference,
        case_id: c.id,
        entry_route: 'on_site',
        attributes: '{}',
        added_by_label: 'sample',
      })),
    )
    .execute();
  return {
    t,
    activityId: activity.id,
    laId: 'north-la',
    lead,
    member,
    outsider,
    laUser,
    researcher,
    national,
    as,
    e,
    codes,
    cases: Object.fromEntries(caseRows.map((c) => [c.reference, c.id])),
    record,
    codeSpan,
  };
}

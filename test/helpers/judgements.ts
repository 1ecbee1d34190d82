// An activity ready for judgements: the evidence team (lead, team inspector, shadow...) plus a
// QAM, an inspector for the consistency panel, one evidence record and one line of enquiry.
import type { Kysely } from 'kysely';
import type { DB } from '../../src/data/schema.js';
import type { UserActor } from '../../src/domain/access/actor.js';
import { addTeamMember } from '../../src/usecases/activities/add-team-member.js';
import { recordEvidence } from '../../src/usecases/evidence/record-evidence.js';
import { createLineOfEnquiry } from '../../src/usecases/analysis/create-line-of-enquiry.js';
import { contextFor, makeEvidenceTeam, type EvidenceTeam } from './evidence.js';
import { makeUser } from './fixtures.js';

export interface JudgementTeam extends EvidenceTeam {
  qam: UserActor;
  panel: UserActor;
  evidenceId: string;
  lineId: string;
}

export async function makeJudgementTeam(db: Kysely<DB>, key = 'jt'): Promise<JudgementTeam> {
  const team = await makeEvidenceTeam(db, key);
  const qam = await makeUser(db, `${key}-qam`, 'inspector');
  const panel = await makeUser(db, `${key}-panel`, 'inspector');
  await addTeamMember(contextFor(db, team.lead), {
    activityId: team.activity.id,
    userId: qam.userId,
    teamRole: 'qam',
  });
  const ev = await recordEvidence(contextFor(db, team.member), {
    activityId: team.activity.id,
    text: 'Strategy discussions were held promptly and included the police and health.',
    method: 'case_file_reading',
    judgementAreas: ['help_and_protection'],
    direction: 'strength',
    observedOn: '2025-06-03',
  });
  const line = await createLineOfEnquiry(contextFor(db, team.lead), {
    activityId: team.activity.id,
    title: 'Is management oversight of child protection plans effective?',
    judgementAreas: ['help_and_protection'],
  });
  return { ...team, qam, panel, evidenceId: ev.id, lineId: line.id };
}

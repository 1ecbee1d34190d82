// The judgement stage rules and the other rules moved here from use cases: who may edit, move,
// comment, answer and explain at each stage, and the small eligibility rules. The access matrix
// (test/integration/access-matrix.test.ts) proves the same rules route by route.
import { describe, expect, it } from 'vitest';
import type { Actor, UserActor } from './actor.js';
import { policies, type ActivityFacts } from './policies.js';
import type { Role, TeamRole } from './roles.js';

const user = (role: Role): UserActor => ({
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  email: 'x@example.org',
  displayName: 'X',
  role,
  region: 'North West',
  laId: 'demo-northfield',
});
const system: Actor = { kind: 'system', label: 'cli' };
const facts = (teamRole: TeamRole | null, state = 'on_site'): ActivityFacts => ({
  laId: 'demo-northfield',
  laRegion: 'North West',
  state,
  notifiedAt: new Date(0),
  teamRole,
});
const inspector = user('inspector');
const admin = user('admin');

describe('judgement stages', () => {
  // Each case: the actor's team role (or panel), the stage, and the expected answer.
  it('gives each stage its editors', () => {
    const edit = (
      teamRole: TeamRole | null,
      panel: boolean,
      stage: Parameters<typeof policies.editJudgements>[3],
    ) => policies.editJudgements(inspector, facts(teamRole), panel, stage);
    expect(edit('team_inspector', false, 'team_provisional')).toBe(true);
    expect(edit(null, true, 'consistency_panel')).toBe(false);
    expect(edit('qam', false, 'quality_assurance')).toBe(true);
    expect(edit('lead_inspector', false, 'quality_assurance')).toBe(false);
    expect(edit('lead_inspector', false, 'consistency_panel')).toBe(true);
    expect(policies.editJudgements(admin, facts(null), false, 'final')).toBe(false);
    expect(policies.editJudgements(admin, facts(null), false, 'quality_assurance')).toBe(true);
    // Closed activities: nobody edits.
    expect(
      policies.editJudgements(system, facts(null, 'published'), false, 'team_provisional'),
    ).toBe(false);
  });

  it('gives each stage the one who moves it on', () => {
    expect(
      policies.moveJudgements(inspector, facts('team_inspector'), false, 'team_provisional'),
    ).toBe(false);
    expect(
      policies.moveJudgements(inspector, facts('lead_inspector'), false, 'consistency_panel'),
    ).toBe(true);
    expect(policies.moveJudgements(inspector, facts('qam'), false, 'quality_assurance')).toBe(true);
    expect(
      policies.moveJudgements(inspector, facts('lead_inspector'), false, 'quality_assurance'),
    ).toBe(false);
    expect(policies.moveJudgements(system, facts(null), false, 'quality_assurance')).toBe(true);
    expect(
      policies.moveJudgements(system, facts(null, 'cancelled'), false, 'quality_assurance'),
    ).toBe(false);
  });

  it('lets the panel comment, the lead answer, and the lead or QAM explain divergence', () => {
    const panel = (fn: 'commentOnJudgements' | 'answerPanelComments' | 'explainDivergence') => ({
      panel: policies[fn](inspector, facts(null), true),
      lead: policies[fn](inspector, facts('lead_inspector'), false),
      qam: policies[fn](inspector, facts('qam'), false),
      team: policies[fn](inspector, facts('team_inspector'), false),
      admin: policies[fn](admin, facts(null), false),
      regional: policies[fn](user('regional'), facts(null), false),
    });
    expect(panel('commentOnJudgements')).toEqual({
      panel: true,
      lead: false,
      qam: false,
      team: false,
      admin: true,
      regional: false,
    });
    expect(panel('answerPanelComments')).toEqual({
      panel: false,
      lead: true,
      qam: false,
      team: false,
      admin: true,
      regional: false,
    });
    expect(panel('explainDivergence')).toEqual({
      panel: false,
      lead: true,
      qam: true,
      team: false,
      admin: true,
      regional: false,
    });
    expect(policies.explainDivergence(admin, facts(null, 'published'), false)).toBe(false);
  });

  it('keeps provisional views to the inspecting team, hidden from them until they record their own', () => {
    expect(policies.recordProvisionalView(inspector, facts('team_inspector'), false)).toBe(true);
    expect(policies.recordProvisionalView(inspector, facts('lead_inspector'), false)).toBe(true);
    expect(policies.recordProvisionalView(inspector, facts('qam'), false)).toBe(false);
    expect(policies.recordProvisionalView(admin, facts(null), false)).toBe(false);
    expect(policies.recordProvisionalView(system, facts(null), false)).toBe(false);
    expect(
      policies.recordProvisionalView(inspector, facts('team_inspector', 'cancelled'), false),
    ).toBe(false);
    const see = (teamRole: TeamRole, stage: 'team_provisional' | 'final', own: boolean) =>
      policies.viewOthersProvisionalViews(inspector, facts(teamRole), false, stage, own);
    expect(see('team_inspector', 'team_provisional', false)).toBe(false);
    expect(see('team_inspector', 'team_provisional', true)).toBe(true);
    expect(see('team_inspector', 'final', false)).toBe(true);
    expect(see('lead_inspector', 'team_provisional', false)).toBe(true);
    expect(see('qam', 'team_provisional', false)).toBe(true);
  });

  it('seats only inspectors on a team or a panel', () => {
    expect(policies.sitOnJudgementPanel({ role: 'inspector' })).toBe(true);
    expect(policies.sitOnJudgementPanel({ role: 'regional' })).toBe(false);
    expect(policies.joinActivityTeam({ role: 'inspector' })).toBe(true);
    expect(policies.joinActivityTeam({ role: 'admin' })).toBe(false);
  });
});

describe('activities', () => {
  it('hides the lifecycle history from LA users only', () => {
    expect(policies.viewActivityHistory(user('la_user'))).toBe(false);
    expect(policies.viewActivityHistory(user('regional'))).toBe(true);
    expect(policies.viewActivityHistory(system)).toBe(true);
  });

  it('treats a listed activity as on the inspector’s team', () => {
    const { teamRole: _, ...listed } = facts(null);
    expect(policies.viewListedActivity(inspector, listed)).toBe(true);
    expect(policies.viewListedActivity(user('researcher'), listed)).toBe(false);
    expect(policies.viewListedActivity(user('regional'), listed)).toBe(true);
  });
});

describe('evidence search and Annex A retention', () => {
  it('narrows a cross-activity search to inspectors’ own teams', () => {
    expect(policies.searchOwnTeamsOnly(inspector)).toBe(true);
    expect(policies.searchOwnTeamsOnly(admin)).toBe(false);
    expect(policies.searchOwnTeamsOnly(system)).toBe(false);
  });

  it('lets only admins and the CLI operator purge expired Annex A data', () => {
    expect(policies.purgeExpiredAnnexA(admin)).toBe(true);
    expect(policies.purgeExpiredAnnexA(system)).toBe(true);
    expect(policies.purgeExpiredAnnexA(user('national'))).toBe(false);
    expect(policies.purgeExpiredAnnexA(inspector)).toBe(false);
  });
});

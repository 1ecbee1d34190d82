import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameworksDir } from '../../paths.js';
import { ActivityRulesSchema, type ActivityRules } from './rules-schema.js';
import { roleWorkload, sizeBandFor, teamComposition, fieldworkDaysOf } from './team-shape.js';
import { checkActivityRulesRefs } from './validate-rules.js';
import { mayFillTeamRole } from './inspector-profile.js';

function rulesOf(id: string): ActivityRules {
  const fw = JSON.parse(readFileSync(`${frameworksDir()}/${id}.json`, 'utf8')) as {
    activityRules: unknown;
  };
  return ActivityRulesSchema.parse(fw.activityRules);
}
const rules = rulesOf('ilacs-2026');

describe('team shapes from the framework file', () => {
  it('bands authorities by their children: smaller, most, the largest', () => {
    const teams = rules.teams!;
    expect(sizeBandFor(teams, 12_000)?.key).toBe('smaller');
    expect(sizeBandFor(teams, 40_000)?.key).toBe('medium');
    expect(sizeBandFor(teams, 149_999)?.key).toBe('medium');
    expect(sizeBandFor(teams, 150_000)?.key).toBe('largest');
    expect(sizeBandFor(teams, null)).toBeNull();
  });

  it('gives a standard inspection three, four or five social care HMI by size (the 2019 review)', () => {
    const small = teamComposition(rules, 'standard_inspection', 30_000)!;
    const most = teamComposition(rules, 'standard_inspection', 61_500)!;
    const largest = teamComposition(rules, 'standard_inspection', 250_000)!;
    expect([small.socialCareHmi, most.socialCareHmi, largest.socialCareHmi]).toEqual([3, 4, 5]);
    expect(largest.roles).toMatchObject({ lead_inspector: 1, team_inspector: 4, qam: 1 });
    expect(largest.band?.key).toBe('largest');
    // The framework's teamSize (4) is the default when the size is unknown.
    const unknown = teamComposition(rules, 'short_inspection', null)!;
    expect(unknown.band).toBeNull();
    expect(unknown.socialCareHmi).toBe(4);
    expect(unknown.source).toMatch(/\[C\]/);
  });

  it('gives focused and monitoring visits two inspectors, and nothing for a type without a rule', () => {
    expect(teamComposition(rules, 'focused_visit', 300_000)!.inspectors).toBe(2);
    expect(teamComposition(rules, 'monitoring_visit', 1_000)!.roles).toEqual({
      lead_inspector: 1,
      team_inspector: 1,
      qam: 1,
    });
    expect(teamComposition(rules, 'jtai', 50_000)).toBeNull();
  });

  it('reads each role’s days, and falls back to days on site only', () => {
    expect(roleWorkload(rules, 'standard_inspection', 'lead_inspector')).toMatchObject({
      preparationDays: 5,
      onSiteDays: 'all',
      writeUpDays: 5,
    });
    expect(roleWorkload(rules, 'focused_visit', 'qam')).toMatchObject({ onSiteDays: 0, qaDays: 1 });
    expect(roleWorkload(rules, 'jtai', 'team_inspector')).toMatchObject({
      preparationDays: 0,
      onSiteDays: 'all',
      ruleKey: null,
    });
    expect(roleWorkload(null, 'standard_inspection', 'qam').qaDays).toBe(0);
    expect(fieldworkDaysOf(rules, 'short_inspection')).toBe(5);
  });

  it('is checked against the framework: unknown types and bands are named', () => {
    for (const id of ['ilacs-2018', 'ilacs-2023', 'ilacs-2026'])
      expect(
        checkActivityRulesRefs(rulesOf(id), {
          grades: ['outstanding', 'good', 'requires_improvement', 'inadequate'],
          activityTypes: [
            'standard_inspection',
            'short_inspection',
            'focused_visit',
            'monitoring_visit',
            'jtai',
          ],
        }),
      ).toEqual([]);
    const broken = structuredClone(rules);
    broken.teams!.composition[0]!.bySize['huge'] = { lead_inspector: 1 };
    broken.teams!.workload[0]!.activityType = 'nonesuch';
    const problems = checkActivityRulesRefs(broken, {
      grades: ['outstanding', 'good', 'requires_improvement', 'inadequate'],
      activityTypes: [
        'standard_inspection',
        'short_inspection',
        'focused_visit',
        'monitoring_visit',
        'jtai',
      ],
    }).map((p) => p.reason);
    expect(problems).toEqual(
      expect.arrayContaining([
        "Not a size band: 'huge'",
        "Not an activity type of this framework: 'nonesuch'",
      ]),
    );
  });

  it('says which team roles an inspector may fill', () => {
    const hmi = { inspectorRole: 'hmi' as const, leadQualified: false };
    expect(mayFillTeamRole(hmi, 'team_inspector')).toBe(true);
    expect(mayFillTeamRole(hmi, 'lead_inspector')).toBe(false);
    expect(mayFillTeamRole({ ...hmi, leadQualified: true }, 'lead_inspector')).toBe(true);
    expect(mayFillTeamRole({ inspectorRole: 'senior_hmi', leadQualified: false }, 'qam')).toBe(
      true,
    );
    expect(mayFillTeamRole(hmi, 'qam')).toBe(false);
    expect(
      mayFillTeamRole(
        { inspectorRole: 'education_inspector', leadQualified: true },
        'lead_inspector',
      ),
    ).toBe(false);
  });
});

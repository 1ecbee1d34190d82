import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameworksDir } from '../../paths.js';
import {
  addMonths,
  checkActivityRules,
  type RuleContext,
  type TimelineItem,
} from './check-rules.js';
import { ActivityRulesSchema, type ActivityRules } from './rules-schema.js';

function rulesOf(id: string): ActivityRules {
  const fw = JSON.parse(readFileSync(`${frameworksDir()}/${id}.json`, 'utf8')) as {
    activityRules: unknown;
  };
  return ActivityRulesSchema.parse(fw.activityRules);
}
const rules = rulesOf('ilacs-2023');
const rules2026 = rulesOf('ilacs-2026');

const labels: Record<string, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement to be good',
  inadequate: 'Inadequate',
};
function ctx(
  overall: string | null,
  timeline: TimelineItem[] = [],
  grades: Record<string, string> = {},
): RuleContext {
  return {
    lastJudgement: overall
      ? { start: '2024-09-30', overall, grades: { overall_effectiveness: overall, ...grades } }
      : null,
    timeline,
    gradeOrder: ['outstanding', 'good', 'requires_improvement', 'inadequate'],
    typeLabel: (k) => k.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()),
    gradeLabel: (k) => labels[k] ?? k,
    dateText: (d) => d,
  };
}
const item = (activityType: string, start: string, end: string | null = null): TimelineItem => ({
  activityType,
  start,
  end,
  label: `${activityType} ${start}`,
});
const keys = (r: ReturnType<typeof checkActivityRules>, severity?: string) =>
  r.findings.filter((f) => !severity || f.severity === severity).map((f) => f.rule);

describe('activity rules: Devon, judged inadequate in 2024', () => {
  const devon = [item('standard_inspection', '2024-09-30', '2024-10-11')];
  it('refuses a short inspection (only for good or outstanding authorities), naming the rule', () => {
    const r = checkActivityRules(
      rules,
      { activityType: 'short_inspection', start: '2026-11-23', end: null },
      ctx('inadequate', devon),
    );
    expect(keys(r, 'hard')).toEqual(['short_inspection_good_or_outstanding']);
    expect(r.findings[0]?.detail).toMatch(/judged inadequate at its last inspection/);
  });
  it('refuses a standard inspection in the same week as another activity', () => {
    const r = checkActivityRules(
      rules,
      { activityType: 'standard_inspection', start: '2026-11-23', end: null },
      ctx('inadequate', [...devon, item('short_inspection', '2026-11-23', '2026-11-27')]),
    );
    expect(keys(r, 'hard')).toEqual(['one_activity_at_a_time']);
  });
  it('refuses two focused visits on consecutive days (and focused visits for inadequate LAs)', () => {
    const r = checkActivityRules(
      rules,
      { activityType: 'focused_visit', start: '2026-11-25', end: null },
      ctx('inadequate', [...devon, item('focused_visit', '2026-11-24', '2026-11-25')]),
    );
    expect(keys(r, 'hard')).toEqual(['focused_visit_not_inadequate', 'one_activity_at_a_time']);
    expect(keys(r, 'soft')).toContain('gap_between_focused_visits');
  });
  it('accepts a monitoring visit on a Tuesday, and asks a reason for one two weeks after another', () => {
    const fine = checkActivityRules(
      rules,
      { activityType: 'monitoring_visit', start: '2026-11-24', end: null },
      ctx('inadequate', devon),
    );
    expect(fine.findings).toEqual([]);
    expect(fine.end).toBe('2026-11-25');
    const soon = checkActivityRules(
      rules,
      { activityType: 'monitoring_visit', start: '2026-12-08', end: null },
      ctx('inadequate', [...devon, item('monitoring_visit', '2026-11-24', '2026-11-25')]),
    );
    expect(keys(soon)).toEqual(['monitoring_visit_quarterly']);
  });
});

describe('activity rules: other cases', () => {
  it('asks a reason for a standard inspection of a good authority; a short one passes', () => {
    const last = [
      item('short_inspection', '2023-11-20', '2023-11-24'),
      item('focused_visit', '2025-03-04'),
    ];
    const good = ctx('good', last);
    const std = checkActivityRules(
      rules,
      { activityType: 'standard_inspection', start: '2026-11-02', end: null },
      good,
    );
    expect(keys(std)).toEqual(['standard_inspection_for_good_needs_reason']);
    const short = checkActivityRules(
      rules,
      { activityType: 'short_inspection', start: '2026-11-02', end: null },
      good,
    );
    expect(short.findings).toEqual([]);
  });
  it('flags an inspection outside the window and without a focused visit since the last one', () => {
    const r = checkActivityRules(
      rules,
      { activityType: 'short_inspection', start: '2028-03-06', end: null },
      ctx('good', [item('short_inspection', '2023-11-20', '2023-11-24')]),
    );
    expect(keys(r, 'soft').sort()).toEqual([
      'focused_visit_between_inspections',
      'judgement_inspection_window',
    ]);
    expect(r.findings.find((f) => f.rule === 'judgement_inspection_window')?.detail).toContain(
      '2026-05-20 to 2027-05-20',
    );
  });
  it('gives advice, not a refusal, on an unusual start day or length', () => {
    const r = checkActivityRules(
      rules,
      { activityType: 'short_inspection', start: '2026-11-25', end: '2026-12-03' },
      ctx(null),
    );
    expect(keys(r, 'advice')).toEqual(['short_inspection_shape']);
    expect(r.findings[0]?.detail).toBe(
      'It starts on a Wednesday; short inspections usually start on a Monday; it plans 7 working days on site, not 5.',
    );
    expect(r.notes[0]).toMatch(/eligibility by grade was not checked/);
  });
  it('keeps Christmas and the configured pre-election period clear, with a reason to override', () => {
    const xmas = checkActivityRules(
      rules,
      { activityType: 'standard_inspection', start: '2026-12-14', end: null },
      ctx(null),
    );
    expect(keys(xmas)).toEqual(['christmas']);
    const election = checkActivityRules(
      rules,
      { activityType: 'focused_visit', start: '2027-04-13', end: null },
      ctx(null),
    );
    expect(keys(election)).toEqual(['pre_election_2027']);
  });
  it('applies the April 2026 rule to good authorities whose practice grades fall short', () => {
    const r = checkActivityRules(
      rules2026,
      { activityType: 'focused_visit', start: '2026-11-24', end: null },
      ctx('good', [], {
        impact_of_leaders: 'good',
        help_and_protection: 'requires_improvement',
        children_in_care: 'good',
        care_leavers: 'requires_improvement',
      }),
    );
    expect(keys(r)).toEqual(['focused_visit_april_2026']);
    expect(r.findings[0]?.detail).toContain('1 of 3');
  });
  it('adds months within the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-11-20', 36)).toBe('2026-11-20');
    expect(addMonths('2026-03-31', -6)).toBe('2025-09-30');
  });
});

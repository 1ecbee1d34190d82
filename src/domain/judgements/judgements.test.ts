import { describe, expect, it } from 'vitest';
import { frameworksDir } from '../../paths.js';
import { loadFrameworks } from '../frameworks/index.js';
import { findDivergence, type FeedbackEntry } from './divergence.js';
import {
  checkAggregation,
  checkContent,
  headlineOf,
  judgementsFor,
  type JudgementContent,
} from './judgement-rules.js';
import { moveProblems, nextStages, type StageFacts } from './stages.js';

const registry = loadFrameworks(frameworksDir());
const ilacs = registry.get('ilacs-2023')!;
const ilacs2026 = registry.get('ilacs-2026')!;

const okFacts: StageFacts = {
  ungraded: [],
  missingNearness: [],
  missingContext: [],
  missingNarrative: [],
  hardViolations: [],
  unexplainedSoft: [],
  openChallenges: 0,
  panelMembers: 1,
  unexplainedDivergence: 0,
};
const content = (over: Partial<JudgementContent> = {}): JudgementContent => ({
  grade: 'good',
  position: 'secure',
  nearness: '',
  context: '',
  narrative: '',
  criteriaMet: [],
  criteriaNotMet: [],
  links: [],
  ...over,
});

describe('judgements of an activity type', () => {
  it('follows the framework order and finds the headline judgement', () => {
    const keys = judgementsFor(ilacs, 'standard_inspection').map((j) => j.key);
    expect(keys).toEqual([
      'impact_of_leaders',
      'help_and_protection',
      'children_in_care',
      'care_leavers',
      'overall_effectiveness',
    ]);
    expect(headlineOf(ilacs, keys)).toBe('overall_effectiveness');
    const k26 = judgementsFor(ilacs2026, 'standard_inspection').map((j) => j.key);
    expect(headlineOf(ilacs2026, k26)).toBeNull();
    expect(judgementsFor(ilacs, 'focused_visit')).toEqual([]);
  });
});

describe('judgement content', () => {
  it('accepts framework grades and criteria only', () => {
    expect(checkContent(ilacs, 'help_and_protection', content())).toEqual([]);
    expect(
      checkContent(ilacs, 'help_and_protection', content({ grade: 'excellent' }))[0]?.field,
    ).toBe('grade');
    const bad = checkContent(
      ilacs,
      'help_and_protection',
      content({ criteriaMet: ['leaders.workforce'] }),
    );
    expect(bad[0]?.field).toBe('criteria');
    const both = checkContent(
      ilacs,
      'help_and_protection',
      content({
        criteriaMet: ['help_and_protection.plans'],
        criteriaNotMet: ['help_and_protection.plans'],
      }),
    );
    expect(both[0]?.reason).toMatch(/both met and not met/);
  });

  it('needs a nearness narrative unless secure, and a sensible direction', () => {
    const near = checkContent(ilacs, 'care_leavers', content({ position: 'close_to_below' }));
    expect(near.map((p) => p.field)).toEqual(['nearness']);
    expect(
      checkContent(ilacs, 'care_leavers', content({ position: 'close_to_below', nearness: 'x' })),
    ).toEqual([]);
    const top = checkContent(
      ilacs,
      'care_leavers',
      content({ grade: 'outstanding', position: 'close_to_above', nearness: 'x' }),
    );
    expect(top[0]?.reason).toMatch(/no grade above/);
  });
});

describe('aggregation', () => {
  const grades = {
    impact_of_leaders: 'good',
    help_and_protection: 'inadequate',
    children_in_care: 'good',
    care_leavers: 'good',
    overall_effectiveness: 'good',
  };
  it('blocks with hard rules and explains them', () => {
    const r = checkAggregation(ilacs, grades, []);
    expect(r.hard.map((h) => h.ruleId)).toContain('experience_inadequate_limits_overall');
    expect(r.hard[0]?.explanation).toMatch(/Overall effectiveness is Good/);
  });
  it('warns with soft rules until a reason acknowledges them', () => {
    const soft = {
      ...grades,
      help_and_protection: 'good',
      impact_of_leaders: 'inadequate',
      overall_effectiveness: 'requires_improvement',
    };
    const r = checkAggregation(ilacs, soft, []);
    expect(r.hard).toEqual([]);
    expect(r.unexplainedSoft.map((s) => s.ruleId)).toEqual([
      'leaders_inadequate_overall_inadequate',
    ]);
    expect(
      checkAggregation(ilacs, soft, ['leaders_inadequate_overall_inadequate']).unexplainedSoft,
    ).toEqual([]);
  });
  it('does not apply rules while grades are missing', () => {
    const r = checkAggregation(ilacs, { ...grades, overall_effectiveness: null }, []);
    expect(r.hard).toEqual([]);
  });
});

describe('stages', () => {
  it('moves one step forward; QA may send back', () => {
    expect(nextStages('team_provisional')).toEqual(['consistency_panel']);
    expect(nextStages('quality_assurance')).toContain('team_provisional');
    expect(nextStages('final')).toEqual([]);
  });
  it('lists what blocks a move', () => {
    expect(moveProblems('team_provisional', 'consistency_panel', okFacts, null)).toEqual([]);
    expect(moveProblems('team_provisional', 'final', okFacts, null)[0]).toMatch(/cannot move/);
    const blocked = moveProblems(
      'team_provisional',
      'consistency_panel',
      { ...okFacts, ungraded: ['Care leavers'], hardViolations: ['Overall must be inadequate.'] },
      null,
    );
    expect(blocked).toEqual([
      'Grade every judgement first: Care leavers.',
      'Overall must be inadequate.',
    ]);
    expect(
      moveProblems(
        'consistency_panel',
        'quality_assurance',
        { ...okFacts, openChallenges: 2 },
        null,
      )[0],
    ).toMatch(/2 still open/);
    expect(
      moveProblems(
        'quality_assurance',
        'final',
        { ...okFacts, unexplainedDivergence: 1, missingContext: ['A'] },
        null,
      ),
    ).toHaveLength(2);
    expect(moveProblems('quality_assurance', 'team_provisional', okFacts, ' ')[0]).toMatch(
      /reason/,
    );
    expect(moveProblems('quality_assurance', 'team_provisional', okFacts, 'Recheck H&P')).toEqual(
      [],
    );
  });
});

describe('divergence', () => {
  const entry: FeedbackEntry = {
    id: 'e1',
    kind: 'keeping_in_touch',
    heldOn: '2026-11-10',
    themes: [
      {
        judgementKey: 'help_and_protection',
        direction: 'strength',
        text: 'Strong front door',
        indicatedGrade: 'good',
      },
      {
        judgementKey: 'care_leavers',
        direction: 'weakness',
        text: 'Pathway plans weak',
        indicatedGrade: null,
      },
    ],
  };
  const titles = { help_and_protection: 'Help and protection', care_leavers: 'Care leavers' };
  it('flags a grade said on site that differs and a strength followed by a lower grade', () => {
    const flags = findDivergence(ilacs, {
      entries: [entry],
      current: {
        help_and_protection: 'requires_improvement',
        care_leavers: 'requires_improvement',
      },
      gradeWhenSaid: (k) => (k === 'help_and_protection' ? 'good' : 'requires_improvement'),
      titles,
    });
    expect(flags.map((f) => f.rule)).toEqual(['grade_differs', 'strength_then_lower']);
    expect(flags[0]?.message).toMatch(
      /Good was indicated on site on 10 November 2026; the grade is now Requires improvement/,
    );
    expect(flags[0]?.key).toBe('grade_differs:e1:help_and_protection');
  });
  it('flags a weakness followed by a higher grade, and nothing when grades held', () => {
    const up = findDivergence(ilacs, {
      entries: [entry],
      current: { help_and_protection: 'good', care_leavers: 'good' },
      gradeWhenSaid: (k) => (k === 'help_and_protection' ? 'good' : 'requires_improvement'),
      titles,
    });
    expect(up.map((f) => f.rule)).toEqual(['weakness_then_higher']);
    const none = findDivergence(ilacs, {
      entries: [entry],
      current: { help_and_protection: 'good', care_leavers: 'requires_improvement' },
      gradeWhenSaid: (k) => (k === 'help_and_protection' ? 'good' : 'requires_improvement'),
      titles,
    });
    expect(none).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors.js';
import { frameworksDir } from '../../paths.js';
import { bestGrade, compareGrades, gradeLabel, parseGrade, worstGrade } from './grades.js';
import { loadFrameworks, parseFramework } from './load.js';
import { evaluateAggregation } from './rules.js';
import type { Condition, Framework } from './schema.js';
import { fixtureFramework } from './test-fixture.js';

const registry = loadFrameworks(frameworksDir());
const ilacs2018 = registry.get('ilacs-2018')!;
const ilacs2023 = registry.get('ilacs-2023')!;
const sif = registry.get('sif-2013')!;

const G = 'good';
const O = 'outstanding';
const RI = 'requires_improvement';
const I = 'inadequate';

/** A fixture framework with one rule, for exercising the rule language. */
function withRule(require: Condition, when?: Condition): Framework {
  const rule = {
    id: 'r',
    severity: 'hard' as const,
    title: 'T',
    description: 'D',
    require,
    ...(when ? { when } : {}),
  };
  return parseFramework(fixtureFramework({ aggregation: { rules: [rule] } }), 'fixture');
}
const passes = (fw: Framework, grades: Record<string, string | undefined>) => {
  const r = evaluateAggregation(fw, grades);
  return r.notApplicable.length > 0 ? 'n/a' : r.hard.length === 0;
};

describe('grade helpers', () => {
  it('orders grades best first', () => {
    expect(compareGrades(ilacs2023, O, I)).toBeLessThan(0);
    expect(compareGrades(ilacs2023, RI, G)).toBeGreaterThan(0);
    expect(worstGrade(ilacs2023, [G, RI, O])).toBe(RI);
    expect(bestGrade(ilacs2023, [G, RI, O])).toBe(O);
    expect(worstGrade(ilacs2023, [])).toBeUndefined();
  });

  it('labels grades as printed at the time', () => {
    expect(gradeLabel(ilacs2023, RI)).toBe('Requires improvement to be good');
    expect(gradeLabel(sif, RI, { date: '2014-06-02' })).toBe('Requires improvement');
    expect(gradeLabel(sif, RI, { date: '2016-01-11' })).toBe('Requires improvement to be good');
    expect(gradeLabel(sif, RI, { short: true })).toBe('RI');
  });

  it('parses the spellings found in data files', () => {
    for (const text of [
      'RI',
      'requires improvement',
      'Requires improvement to be good',
      ' REQUIRES_IMPROVEMENT ',
    ]) {
      expect(parseGrade(ilacs2023, text)).toBe(RI);
    }
    expect(parseGrade(sif, 'Requires improvement')).toBe(RI);
    expect(parseGrade(ilacs2023, 'data_unreadable')).toBeUndefined();
    expect(parseGrade(ilacs2023, '')).toBeUndefined();
  });
});

describe('the ILACS rules', () => {
  it('accepts a consistent outcome', () => {
    const r = evaluateAggregation(ilacs2023, {
      impact_of_leaders: G,
      help_and_protection: G,
      children_in_care: O,
      care_leavers: RI,
      overall_effectiveness: G,
    });
    expect(r).toEqual({ hard: [], soft: [], notApplicable: [] });
  });

  it('blocks overall RI when a child-experience judgement is inadequate, and says why', () => {
    const r = evaluateAggregation(ilacs2023, {
      impact_of_leaders: RI,
      help_and_protection: I,
      children_in_care: RI,
      care_leavers: RI,
      overall_effectiveness: RI,
    });
    expect(r.hard.map((v) => v.ruleId)).toEqual(['experience_inadequate_limits_overall']);
    expect(r.hard[0]!.explanation).toBe(
      'Overall effectiveness is Requires improvement to be good, but it must be Inadequate. This applies because Help and protection is Inadequate.',
    );
  });

  it('blocks overall worse than every judgement', () => {
    const r = evaluateAggregation(ilacs2023, {
      impact_of_leaders: G,
      help_and_protection: RI,
      children_in_care: G,
      care_leavers: O,
      overall_effectiveness: I,
    });
    expect(r.hard.map((v) => v.ruleId)).toEqual(['overall_not_worse_than_worst']);
    expect(r.hard[0]!.explanation).toBe(
      'Overall effectiveness is Inadequate, but it must be no worse than the worst of Impact of leaders, Help and protection, Children in care and Care leavers (Requires improvement to be good).',
    );
  });

  it('warns, asking for a reason, when leaders are inadequate but overall is RI (4 real cases)', () => {
    const r = evaluateAggregation(ilacs2018, {
      impact_of_leaders: I,
      help_and_protection: RI,
      children_in_care: RI,
      overall_effectiveness: RI,
    });
    expect(r.hard).toEqual([]);
    expect(r.soft).toHaveLength(1);
    expect(r.soft[0]).toMatchObject({
      ruleId: 'leaders_inadequate_overall_inadequate',
      needsReason: true,
      grades: { impact_of_leaders: I, overall_effectiveness: RI },
    });
  });

  it('warns when overall is outstanding without outstanding leaders or with a judgement below good', () => {
    const r = evaluateAggregation(ilacs2018, {
      impact_of_leaders: G,
      help_and_protection: O,
      children_in_care: RI,
      overall_effectiveness: O,
    });
    expect(r.soft.map((v) => v.ruleId)).toEqual([
      'outstanding_needs_outstanding_leaders',
      'outstanding_needs_all_good',
    ]);
    expect(r.soft[1]!.explanation).toMatch(
      /^Children in care and care leavers is Requires improvement to be good, but each of/,
    );
  });

  it('treats rules with missing inputs as not applicable, never as broken', () => {
    const r = evaluateAggregation(ilacs2023, {
      impact_of_leaders: I,
      help_and_protection: I,
      overall_effectiveness: RI,
    });
    expect(r.hard).toEqual([]);
    expect(r.soft.map((v) => v.ruleId)).toEqual(['leaders_inadequate_overall_inadequate']);
    expect(r.notApplicable).toContain('experience_inadequate_limits_overall');
    expect(evaluateAggregation(ilacs2023, {}).notApplicable).toHaveLength(
      ilacs2023.aggregation.rules.length,
    );
    expect(evaluateAggregation(registry.get('ilacs-2026')!, { impact_of_leaders: I })).toEqual({
      hard: [],
      soft: [],
      notApplicable: [],
    });
  });

  it('rejects judgements and grades the framework does not have', () => {
    const attempt = (grades: Record<string, string>) => {
      try {
        evaluateAggregation(ilacs2018, grades);
      } catch (err) {
        return isAppError(err) ? err.details[0] : err;
      }
      return 'no error';
    };
    expect(attempt({ care_leavers: G })).toMatchObject({
      field: 'care_leavers',
      reason: 'Not a graded judgement in ilacs-2018',
    });
    expect(attempt({ impact_of_leaders: 'Good' })).toMatchObject({
      field: 'impact_of_leaders',
      value: 'Good',
    });
  });
});

describe('the SIF rules', () => {
  it('blocks overall better than leadership, and an inadequate key judgement with overall RI', () => {
    const r = evaluateAggregation(
      sif,
      {
        overall_effectiveness: G,
        help_and_protection: G,
        children_looked_after: G,
        leadership: RI,
      },
      { date: '2014-03-01' },
    );
    expect(r.hard.map((v) => v.ruleId)).toEqual(['overall_no_better_than_leadership']);
    expect(r.hard[0]!.explanation).toBe(
      'Overall effectiveness is Good, but it must be no better than Leadership (Requires improvement).',
    );
    const norfolk = {
      overall_effectiveness: I,
      help_and_protection: RI,
      children_looked_after: I,
      leadership: RI,
    };
    expect(evaluateAggregation(sif, norfolk).hard).toEqual([]);
    expect(
      evaluateAggregation(sif, { ...norfolk, overall_effectiveness: RI }).hard[0]!.ruleId,
    ).toBe('key_judgement_inadequate_limits_overall');
  });
});

describe('the rule language', () => {
  it('compares with is, isNot, noBetterThan and noWorseThan', () => {
    expect(passes(withRule({ judgement: 'a', is: 'middle' }), { a: 'middle' })).toBe(true);
    expect(passes(withRule({ judgement: 'a', isNot: 'middle' }), { a: 'middle' })).toBe(false);
    expect(passes(withRule({ judgement: 'a', noBetterThan: 'middle' }), { a: 'low' })).toBe(true);
    expect(passes(withRule({ judgement: 'a', noBetterThan: 'middle' }), { a: 'high' })).toBe(false);
    expect(passes(withRule({ judgement: 'a', noWorseThan: 'middle' }), { a: 'low' })).toBe(false);
  });

  it('quantifies over judgements with any and all', () => {
    const any = withRule({ any: ['a', 'b'], is: 'high' });
    expect(passes(any, { a: 'low', b: 'high' })).toBe(true);
    expect(passes(any, { a: 'low', b: 'low' })).toBe(false);
    const all = withRule({ all: ['a', 'b'], noWorseThan: 'middle' });
    expect(passes(all, { a: 'high', b: 'middle' })).toBe(true);
    expect(passes(all, { a: 'high', b: 'low' })).toBe(false);
    expect(passes(all, { a: 'high' })).toBe('n/a');
  });

  it('compares with other judgements, worstOf and bestOf', () => {
    expect(
      passes(withRule({ judgement: 'overall', noBetterThan: { judgement: 'a' } }), {
        overall: 'high',
        a: 'middle',
      }),
    ).toBe(false);
    const between = withRule({
      and: [
        { judgement: 'overall', noWorseThan: { worstOf: ['a', 'b'] } },
        { judgement: 'overall', noBetterThan: { bestOf: ['a', 'b'] } },
      ],
    });
    expect(passes(between, { overall: 'middle', a: 'high', b: 'low' })).toBe(true);
    expect(passes(between, { overall: 'low', a: 'high', b: 'middle' })).toBe(false);
    expect(passes(between, { overall: 'high', a: 'middle', b: 'low' })).toBe(false);
  });

  it('combines conditions with and, or, not, and applies `when` only when it holds', () => {
    const rule = withRule(
      { not: { judgement: 'overall', is: 'high' } },
      {
        or: [
          { judgement: 'a', is: 'low' },
          { judgement: 'b', is: 'low' },
        ],
      },
    );
    expect(passes(rule, { overall: 'high', a: 'high', b: 'high' })).toBe(true); // when is false
    expect(passes(rule, { overall: 'high', a: 'high', b: 'low' })).toBe(false);
    const r = evaluateAggregation(rule, { overall: 'high', a: 'high', b: 'low' });
    expect(r.hard[0]!.explanation).toBe(
      'The requirement is not met (Overall is High). This applies because A is High and B is Low.',
    );
  });
});

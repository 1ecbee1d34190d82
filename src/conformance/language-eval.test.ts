// The labelled evaluation set as kept in the repository (no corpus needed): well formed, no
// sentence text, every disagreement resolved with a reason, the held-apart split fixed by report;
// and the scoring of rules against labels.
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  GATED_RULES,
  kappaFigures,
  loadBaseline,
  loadEvalSet,
  ratchet,
  RULE_CATEGORY,
  scoreRules,
  sentenceHash,
  type Baseline,
  type ScoredSentence,
} from './language-eval.js';

describe('the labelled evaluation set', () => {
  const { reports, labels } = loadEvalSet();

  it('has at least 12 whole reports, about a third held apart, across years and frameworks', () => {
    expect(reports.length).toBeGreaterThanOrEqual(12);
    const test = reports.filter((r) => r.part === 'test');
    expect(test.length / reports.length).toBeGreaterThan(0.25);
    expect(test.length / reports.length).toBeLessThan(0.45);
    expect(new Set(reports.map((r) => r.framework)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(reports.map((r) => r.year)).size).toBeGreaterThanOrEqual(8);
  });

  it('keeps ids, offsets, hashes and labels only, never the text', () => {
    const allowed = new Set(['id', 'start', 'end', 'sha', 'a', 'b', 'label', 'reason']);
    const keys = new Set(reports.map((r) => r.key));
    // One assertion over all labels: thousands of expect calls take seconds on a busy machine.
    const bad = labels.filter(
      (l) =>
        Object.keys(l).some((k) => !allowed.has(k)) ||
        !keys.has(l.id.split('#')[0]!) ||
        !/^[0-9a-f]{16}$/.test(l.sha) ||
        !(l.end > l.start) ||
        !(CATEGORIES as readonly string[]).includes(l.label),
    );
    expect(bad).toEqual([]);
    expect(new Set(labels.map((l) => l.id)).size).toBe(labels.length);
  });

  it('resolves every disagreement to one of the readers’ labels, with a reason', () => {
    const differ = labels.filter((l) => l.a !== l.b);
    expect(differ.length).toBeGreaterThan(0);
    for (const l of differ) {
      expect([l.a, l.b]).toContain(l.label);
      expect(l.reason?.length ?? 0).toBeGreaterThan(5);
    }
    for (const l of labels.filter((x) => x.a === x.b)) expect(l.label).toBe(l.a);
  });

  it('measures reader agreement with Cohen’s kappa', () => {
    const k = kappaFigures(labels);
    expect(k.sentences).toBe(labels.length);
    expect(k.overall).toBeGreaterThan(0.6);
    for (const c of CATEGORIES) expect(Number.isFinite(k.perCategory[c])).toBe(true);
  });
});

describe('scoring rules against labels', () => {
  it('maps each Munro rule to one label and gates recommendations 7 and 8', () => {
    expect(RULE_CATEGORY).toEqual({
      certainty: 'overcertain',
      'causal-claim': 'causal',
      prescription: 'prescriptive',
      'sweeping-quantifier': 'sweeping',
    });
    expect(GATED_RULES).toEqual(['certainty', 'causal-claim', 'sweeping-quantifier']);
  });

  it('counts a finding on a sentence of its label as a true positive, elsewhere as false', () => {
    const items: ScoredSentence[] = [
      { id: 'r#1', part: 'test', label: 'causal', rules: ['causal-claim'] },
      { id: 'r#2', part: 'test', label: 'causal', rules: [] },
      { id: 'r#3', part: 'test', label: 'fine', rules: ['causal-claim', 'certainty'] },
      { id: 'r#4', part: 'test', label: 'overcertain', rules: ['certainty'] },
    ];
    const causal = scoreRules(items).find((s) => s.rule === 'causal-claim')!;
    expect([causal.tp, causal.fp, causal.fn]).toEqual([1, 1, 1]);
    expect(causal.precision.value).toBe(0.5);
    const certainty = scoreRules(items).find((s) => s.rule === 'certainty')!;
    expect([certainty.tp, certainty.fp, certainty.fn]).toEqual([1, 1, 0]);
  });

  it('hashes the sentence text stably', () => {
    expect(sentenceHash('Children are seen.')).toBe(sentenceHash('Children are seen.'));
    expect(sentenceHash('Children are seen.')).not.toBe(sentenceHash('Children are seen'));
  });
});

describe('the ratchet while the 80% target is not met', () => {
  // Held apart: causal 3 of 4 findings right, 3 of 5 causal sentences found; certainty and sweeping 1/1, 1/1.
  const items = (extraFalse: number): ScoredSentence[] => [
    ...[1, 2, 3].map((i) => ({
      id: `t#${i}`,
      part: 'test' as const,
      label: 'causal' as const,
      rules: ['causal-claim'],
    })),
    { id: 't#4', part: 'test', label: 'causal', rules: [] },
    { id: 't#5', part: 'test', label: 'causal', rules: [] },
    ...Array.from({ length: 1 + extraFalse }, (_, i) => ({
      id: `t#f${i}`,
      part: 'test' as const,
      label: 'fine' as const,
      rules: ['causal-claim'],
    })),
    { id: 't#6', part: 'test', label: 'overcertain', rules: ['certainty'] },
    { id: 't#7', part: 'test', label: 'sweeping', rules: ['sweeping-quantifier'] },
    { id: 'd#1', part: 'dev', label: 'causal', rules: ['causal-claim'] },
    { id: 'd#2', part: 'dev', label: 'overcertain', rules: ['certainty'] },
    { id: 'd#3', part: 'dev', label: 'sweeping', rules: ['sweeping-quantifier'] },
  ];
  const scores = (extraFalse = 0) => {
    const all = items(extraFalse);
    return {
      dev: scoreRules(all.filter((s) => s.part === 'dev')),
      test: scoreRules(all.filter((s) => s.part === 'test')),
    };
  };
  const baseline: Baseline = {
    figures: {
      test: {
        certainty: { precision: [1, 1], recall: [1, 1] },
        'causal-claim': { precision: [3, 4], recall: [3, 5] },
        'sweeping-quantifier': { precision: [1, 1], recall: [1, 1] },
      },
      dev: {
        certainty: { precision: [1, 1], recall: [1, 1] },
        'causal-claim': { precision: [1, 1], recall: [1, 1] },
        'sweeping-quantifier': { precision: [1, 1], recall: [1, 1] },
      },
    },
  };

  it('passes at the best figures and names each figure short of the target', () => {
    const r = ratchet(baseline, scores());
    expect(r.regressions).toEqual([]);
    expect(r.improvements).toEqual([]);
    expect(r.shortOfTarget).toHaveLength(2);
    expect(r.shortOfTarget.join('\n')).toMatch(/causal-claim precision .* 75% .*target 80%/);
    expect(r.shortOfTarget.join('\n')).toMatch(/causal-claim recall .* 60% /);
  });

  it('fails on a fall below the best figure (one more false alarm)', () => {
    const r = ratchet(baseline, scores(1));
    expect(r.regressions).toHaveLength(1);
    expect(r.regressions[0]).toMatch(/causal-claim precision on the held-apart part is 60%/);
  });

  it('asks for a higher figure to be recorded, and fails on a rule with no baseline', () => {
    const lower: Baseline = {
      figures: {
        ...baseline.figures,
        test: { ...baseline.figures.test, 'causal-claim': { precision: [1, 2], recall: [3, 5] } },
      },
    };
    expect(ratchet(lower, scores()).improvements[0]).toMatch(/record \[3, 4\]/);
    const missing: Baseline = { figures: { ...baseline.figures, dev: {} } };
    expect(ratchet(missing, scores()).regressions).toHaveLength(6);
  });

  it('keeps a committed baseline for every gated rule on both parts', () => {
    const b = loadBaseline();
    for (const part of ['dev', 'test'] as const)
      for (const rule of GATED_RULES)
        for (const what of ['precision', 'recall'] as const) {
          const [k, n] = b.figures[part][rule]![what];
          expect(k).toBeLessThanOrEqual(n);
          expect(n).toBeGreaterThan(0);
        }
  });
});

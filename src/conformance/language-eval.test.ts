// The labelled evaluation set as kept in the repository (no corpus needed): well formed, no
// sentence text, every disagreement resolved with a reason, the held-apart split fixed by report;
// and the scoring of rules against labels.
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  GATED_RULES,
  kappaFigures,
  loadEvalSet,
  RULE_CATEGORY,
  scoreRules,
  sentenceHash,
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
    for (const l of labels) {
      for (const k of Object.keys(l)) expect(allowed.has(k)).toBe(true);
      expect(keys.has(l.id.split('#')[0]!)).toBe(true);
      expect(l.sha).toMatch(/^[0-9a-f]{16}$/);
      expect(l.end).toBeGreaterThan(l.start);
      expect(CATEGORIES).toContain(l.label);
    }
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
    expect(GATED_RULES).toEqual(['certainty', 'causal-claim']);
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

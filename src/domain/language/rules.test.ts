import { describe, expect, it } from 'vitest';
import { lintText, RULE_IDS, unknownRules } from './lint.js';
import { detectKind } from './kind.js';
import { PhraseIndex } from './phrase-index.js';

const rulesOf = (text: string, opts: Parameters<typeof lintText>[1] = {}) =>
  lintText(text, opts).findings.map((f) => f.rule);

describe('lintText', () => {
  it('positions findings by line and column and sorts them', () => {
    const text = 'Visits are timely.\nAll children are kept safe.\nThe MASH is quick.';
    const r = lintText(text, { kind: 'inspection-report' });
    expect(r.findings.map((f) => [f.rule, f.line, f.column, f.text])).toEqual([
      ['sweeping-quantifier', 2, 1, 'All'],
      ['certainty', 2, 18, 'kept safe'],
      ['unexplained-acronym', 3, 5, 'MASH'],
    ]);
    const f = r.findings[1]!;
    expect(text.slice(f.offset, f.endOffset)).toBe('kept safe');
    expect(f.endColumn).toBe(27);
    expect(f.message).toMatch(/Munro 2014, recommendation 7/);
    expect(f.suggestion.length).toBeGreaterThan(20);
  });

  it('counts columns in code points', () => {
    const [f] = lintText('😀 Children are kept safe.').findings;
    expect(f).toMatchObject({ rule: 'certainty', line: 1, column: 16, offset: 16 });
  });

  it('runs only the selected rules and honours disable', () => {
    const text = 'All children are kept safe because of early help.';
    expect(rulesOf(text, { rules: ['causal-claim'] })).toEqual(['causal-claim']);
    expect(rulesOf(text, { config: { disable: ['certainty', 'causal-claim'] } })).toEqual([
      'sweeping-quantifier',
    ]);
    expect(unknownRules(['certainty', 'nope'])).toEqual(['nope']);
    expect(RULE_IDS).toHaveLength(8);
  });

  it('applies the prescription rule to letters and to reports (their recommendations)', () => {
    const text = 'Leaders should introduce a new panel for children at risk of exploitation.';
    expect(rulesOf(text, { kind: 'focused-visit-letter' })).toContain('prescription');
    expect(rulesOf(text, { kind: 'inspection-report' })).toContain('prescription');
    expect(lintText(text, { kind: 'monitoring-visit-letter' }).rules).toContain('prescription');
    // Stating what needs to improve is not a prescription, in a report as in a letter.
    expect(rulesOf('The quality of plans for children in need is not yet good.')).toEqual([]);
  });

  it('makes the sentence limit and ensure scope configurable', () => {
    const long = `${'Social workers visit children often and '.repeat(7)}they listen.`;
    expect(rulesOf(long)).toContain('sentence-length');
    expect(rulesOf(long, { config: { sentenceLength: { maxWords: 50 } } })).not.toContain(
      'sentence-length',
    );
    const task = 'Managers ensure that supervision happens monthly.';
    expect(rulesOf(task)).toEqual([]);
    expect(rulesOf(task, { config: { certainty: { ensure: 'all' } } })).toEqual(['certainty']);
  });

  it('accepts configured acronyms and flags use before expansion once', () => {
    const text =
      'The MASH is busy. The multi-agency safeguarding hub (MASH) is busy. The MASH copes.';
    const f = lintText(text).findings.filter((x) => x.rule === 'unexplained-acronym');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toMatch(/before it is spelled out/);
    expect(rulesOf('The PLO is used.', { config: { acronyms: { alsoAllow: ['PLO'] } } })).toEqual(
      [],
    );
  });

  it('flags only the first use of each jargon term, unless allowed', () => {
    const text = 'Oversight is robust. Plans are robust. There is drift.';
    expect(lintText(text).findings.map((f) => f.text)).toEqual(['robust', 'drift']);
    expect(rulesOf(text, { config: { jargon: { allow: ['robust', 'drift'] } } })).toEqual([]);
  });

  it('flags phrasebook sequences shared with many earlier reports but not template text', () => {
    const stock = 'Children benefit from social workers who know them well and visit them often.';
    const template =
      'This letter sets out the findings of the focused visit to the local authority.';
    const reference = new PhraseIndex(8, 40);
    for (let i = 0; i < 20; i++) {
      reference.add(
        `${template}\nReport ${i} about area number ${i * 7} in county ${i}.${i % 4 === 0 ? `\n${stock}` : ''}`,
      );
    }
    const r = lintText(`${stock}\n${template}`, {
      reference,
      config: { phrasebook: { minReports: 3 } },
    });
    expect(r.findings.map((f) => [f.rule, f.line])).toEqual([['phrasebook', 1]]);
    expect(r.findings[0]!.message).toMatch(/appear in 5 of 20 earlier reports/);
    expect(rulesOf(stock)).toEqual([]);
  });

  it('guesses the document kind from the opening', () => {
    expect(detectKind('Dear Ms Jones\nFocused visit to Someshire children’s services\n...')).toBe(
      'focused-visit-letter',
    );
    expect(detectKind('Monitoring visit of Someshire children’s services')).toBe(
      'monitoring-visit-letter',
    );
    expect(detectKind('Inspection of Someshire local authority children’s services')).toBe(
      'inspection-report',
    );
    const report = `Inspection of Someshire local authority children’s services\n${'Text. '.repeat(80)}Weaknesses were identified by a focused visit to the front door in 2023.`;
    expect(detectKind(report)).toBe('inspection-report');
  });
});

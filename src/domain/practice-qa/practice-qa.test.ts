import { describe, expect, it } from 'vitest';
import { fedBackStrengths, similarity, trackStrengths } from '../reports/fed-back-strengths.js';
import type { ReportDocument } from '../reports/types.js';
import { ratingProblems } from './observations.js';
import { suppressPatterns } from './patterns.js';
import { loadPromptSets } from './prompts.js';
import { practiceQaDir } from '../../paths.js';

describe('prompt sets', () => {
  it('are loaded from frameworks/practice-qa, with the three prompts of Birmingham rec 7', () => {
    const set = loadPromptSets(practiceQaDir()).inForce('2026-12-07')!;
    expect(set.prompts.map((p) => p.key)).toEqual([
      'depth_of_case_discussion',
      'use_of_childrens_voices',
      'balance_of_strengths_and_weaknesses',
    ]);
    expect(ratingProblems(set, [])).toHaveLength(3);
  });
});

describe('patterns', () => {
  const size = (observations: number, inspectors: number) => ({
    group: 'North West',
    promptKey: 'p',
    observations,
    inspectors,
  });
  const count = (rating: string, observations: number) => ({
    group: 'North West',
    promptKey: 'p',
    rating,
    observations,
  });
  it('suppress a row under 5 observations or 3 inspectors', () => {
    expect(suppressPatterns([size(4, 4)], [count('a', 4)], ['a', 'b'])[0]).toMatchObject({
      suppressed: true,
      counts: { a: null, b: null },
    });
    expect(suppressPatterns([size(9, 2)], [count('a', 9)], ['a'])[0]!.suppressed).toBe(true);
  });
  it('hide small cells, and a second one when only one would be hidden', () => {
    const row = suppressPatterns(
      [size(20, 6)],
      [count('a', 2), count('b', 8), count('c', 10)],
      ['a', 'b', 'c', 'd'],
    )[0]!;
    expect(row.counts).toEqual({ a: null, b: null, c: 10, d: 0 });
  });
});

describe('strengths fed back', () => {
  const doc = {
    sections: [
      {
        key: 'hp',
        heading: 'Help and protection',
        paragraphs: ['Decisions at the front door are timely and well informed.', 'Other.'],
      },
    ],
  } as unknown as ReportDocument;
  const strengths = fedBackStrengths([
    {
      id: 'e1',
      kind: 'keeping_in_touch',
      heldOn: '2026-12-01',
      themes: [
        {
          judgementKey: 'hp',
          direction: 'strength',
          text: 'Timely, well-informed decisions at the front door',
          indicatedGrade: null,
        },
        { judgementKey: 'hp', direction: 'weakness', text: 'Drift', indicatedGrade: null },
        {
          judgementKey: 'hp',
          direction: 'strength',
          text: 'Creative participation work',
          indicatedGrade: null,
        },
      ],
    },
    {
      id: 'e2',
      kind: 'final_feedback',
      heldOn: '2026-12-02',
      themes: [{ judgementKey: 'hp', direction: 'strength', text: 'x', indicatedGrade: null }],
    },
  ]);
  it('are the strengths of keeping-in-touch meetings only', () => {
    expect(strengths.map((s) => s.key)).toEqual(['e1:0', 'e1:2']);
  });
  it('are found by their key words, else missing until linked or explained', () => {
    expect(
      similarity(strengths[0]!.text, 'Decisions at the front door are timely and well informed.'),
    ).toBe(1);
    const t = trackStrengths(strengths, doc, []);
    expect(t.map((x) => x.status)).toEqual(['found', 'missing']);
    const at = new Date(0);
    const explained = trackStrengths(strengths, doc, [
      { strengthKey: 'e1:2', link: null, reason: 'Too few children', byLabel: 'Lead', at },
    ]);
    expect(explained[1]!.status).toBe('explained');
    const linked = trackStrengths(strengths, doc, [
      {
        strengthKey: 'e1:2',
        link: { sectionKey: 'hp', index: 1, text: 'Other.' },
        reason: null,
        byLabel: 'Lead',
        at,
      },
    ]);
    expect(linked[1]).toMatchObject({ status: 'linked', appearsIn: { text: 'Other.' } });
    expect(trackStrengths(strengths, null, [])[0]!.status).toBe('no_draft');
  });
});

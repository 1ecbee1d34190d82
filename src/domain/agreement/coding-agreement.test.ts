import { describe, expect, it } from 'vitest';
import { codingAgreement, pooledCodingAgreement, type AgreementReport } from './index.js';

const value = (r: AgreementReport, name: string) => r.results.find((x) => x.name === name)?.value;

// A 100-character text: A codes "risk" over 10-30, B over 20-40; A codes "voice" over 50-60.
const spans = [
  { coder: 'A', code: 'risk', start: 10, end: 30 },
  { coder: 'B', code: 'risk', start: 20, end: 40 },
  { coder: 'A', code: 'voice', start: 50, end: 60 },
];

describe('inter-coder agreement on coding', () => {
  const result = codingAgreement(spans, { coders: ['A', 'B'], textLength: 100, resamples: 200 });

  it('measures each code at character level over coded text (uncoded text left out, and said so)', () => {
    expect(result.uncodedText).toBe('excluded');
    const risk = result.codes.find((c) => c.code === 'risk')!;
    expect(risk.characters).toBe(40);
    expect(value(risk.characterLevel, 'Percentage agreement')).toBeCloseTo(0.5, 12);
    // Coincidences over 80 pairable values: o(C,C) 20, o(C,N) = o(N,C) 20, o(N,N) 20, so
    // alpha = 1 - 79 * 40 / (2 * 40 * 40) = 0.0125.
    expect(value(risk.characterLevel, "Krippendorff's alpha (nominal)")).toBeCloseTo(0.0125, 12);
    expect(risk.characterLevel.results[0]!.unit).toBe('character');
    const voice = result.codes.find((c) => c.code === 'voice')!;
    expect(value(voice.characterLevel, 'Percentage agreement')).toBeCloseTo(0.75, 12);
    expect(value(voice.characterLevel, "Krippendorff's alpha (nominal)")).toBeCloseTo(
      1 - (79 * 20) / (2 * 10 * 70),
      12,
    );
  });

  it('measures each code at segment level: overlapping spans are one segment', () => {
    const risk = result.codes.find((c) => c.code === 'risk')!;
    expect(risk.segmentLevel.units).toBe(1);
    expect(value(risk.segmentLevel, 'Percentage agreement')).toBe(1);
    const voice = result.codes.find((c) => c.code === 'voice')!;
    expect(value(voice.segmentLevel, 'Percentage agreement')).toBe(0);
    expect(voice.segmentLevel.results[0]!.disagreements).toEqual([
      { unit: '50-60', ratings: { A: 'coded', B: 'not coded' } },
    ]);
  });

  it('counts uncoded text as agreement only when asked', () => {
    const all = codingAgreement(spans, {
      coders: ['A', 'B'],
      textLength: 100,
      includeUncoded: true,
      resamples: 0,
    });
    expect(all.uncodedText).toBe('included');
    const voice = all.codes.find((c) => c.code === 'voice')!;
    expect(voice.characters).toBe(100);
    expect(value(voice.characterLevel, 'Percentage agreement')).toBeCloseTo(0.9, 12);
  });

  it('gives 1 when the coders coded alike', () => {
    const same = codingAgreement(
      [
        { coder: 'A', code: 'risk', start: 0, end: 10 },
        { coder: 'B', code: 'risk', start: 0, end: 10 },
        { coder: 'A', code: 'voice', start: 20, end: 30 },
        { coder: 'B', code: 'voice', start: 20, end: 30 },
      ],
      { coders: ['A', 'B'], textLength: 50, resamples: 50 },
    );
    for (const c of same.codes)
      expect(value(c.characterLevel, "Krippendorff's alpha (nominal)")).toBe(1);
  });
});

describe('inter-coder agreement pooled over several texts', () => {
  it('lays the texts end to end without joining units across them', () => {
    // Text 1 (50 chars): A and B code "risk" 40-50. Text 2 (30 chars): only A codes it 0-10.
    const texts = [
      {
        textLength: 50,
        spans: [
          { coder: 'A', code: 'risk', start: 40, end: 50 },
          { coder: 'B', code: 'risk', start: 40, end: 50 },
        ],
      },
      { textLength: 30, spans: [{ coder: 'A', code: 'risk', start: 0, end: 10 }] },
    ];
    const p = pooledCodingAgreement(texts, { coders: ['A', 'B'], resamples: 0 });
    expect(p.textLength).toBe(80);
    const risk = p.codes.find((c) => c.code === 'risk')!;
    expect(risk.characters).toBe(20);
    // Touching at the break, but two segments: one agreed, one not.
    expect(risk.segmentLevel.units).toBe(2);
    expect(value(risk.segmentLevel, 'Percentage agreement')).toBe(0.5);
    expect(p.allSpans.units).toBe(2);
    expect(value(p.allSpans, 'Percentage agreement')).toBe(0.5);
  });
});

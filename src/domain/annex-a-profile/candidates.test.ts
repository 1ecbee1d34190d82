import { describe, expect, it } from 'vitest';
import { compare, loadBenchmarks, type BenchmarkFile } from './benchmarks.js';
import { candidateFor } from './candidates.js';
import { indicatorDefinition, indicatorDefinitions } from './indicators.js';

const sn = ['002', '003', '004'];
const file: BenchmarkFile = {
  meta: { sources: [] },
  england: { 'cp.repeat_percent': { '2024': 24, '2025': 25 } },
  regions: { 'North West': { 'cp.repeat_percent': { '2025': 27 } } },
  las: {
    '001': {
      name: 'Own LA',
      region: 'North West',
      population0to17: 50_000,
      populationYear: 2025,
      statNeighbours: [...sn, '999'],
      statNeighbourModel: 'sn_model_2025',
      values: { 'cp.repeat_percent': { '2024': 20, '2025': 22 } },
    },
    '002': { ...blank(), values: { 'cp.repeat_percent': { '2025': 20 } } },
    '003': { ...blank(), values: { 'cp.repeat_percent': { '2025': 24 } } },
    '004': { ...blank(), values: { 'cp.repeat_percent': { '2024': 30 } } },
  },
};
function blank() {
  return {
    name: 'x',
    region: null,
    population0to17: null,
    populationYear: null,
    statNeighbours: [],
    statNeighbourModel: null,
  };
}

const def = indicatorDefinition('cp.repeat_percent')!;

describe('benchmark lookups', () => {
  it('compares with the latest England year, the region, the SN that published and the LA itself', () => {
    expect(compare(file, '001', 'cp.repeat_percent', 30)).toEqual({
      year: 2025,
      england: 25,
      region: 27,
      regionName: 'North West',
      snAverage: 22,
      snMin: 20,
      snMax: 24,
      snCount: 2,
      laPublished: 22,
      laPublishedPrevious: 20,
      differenceFromEngland: 5,
      differenceFromSn: 8,
    });
    expect(compare(file, null, 'cp.repeat_percent', null).england).toBe(25);
  });

  it('the shipped tables cover every benchmark the catalogue names, for England and each LA', () => {
    const b = loadBenchmarks();
    for (const d of indicatorDefinitions.filter((x) => x.benchmark)) {
      expect(b.england[d.benchmark!], d.key).toBeDefined();
      expect(compare(b, '888', d.benchmark!, 1).snCount, d.key).toBeGreaterThanOrEqual(3);
    }
    expect(b.las['888']?.population0to17).toBeGreaterThan(200_000);
    expect(b.las['888']?.region).toBe('North West');
  });
});

describe('the candidate rule', () => {
  const cmp = {
    ...compare(file, '001', 'cp.repeat_percent', null),
    snMin: 20,
    snMax: 24,
    snCount: 3,
  };

  it('proposes an indicator markedly worse than England (20% relative and 2 points)', () => {
    const c = candidateFor(def, 31, 100, cmp, null);
    expect(c?.reasons).toEqual(['worse_than_benchmarks']);
    expect(c?.because[0]).toContain('31% is worse than England 25%');
    expect(c?.because[0]).toContain('above every statistical neighbour');
  });

  it('does not propose small gaps, better figures, or small bases', () => {
    expect(candidateFor(def, 24.5, 100, cmp, null)).toBeNull();
    expect(candidateFor(def, 15, 100, { ...cmp, snMin: 10 }, null)).toBeNull();
    expect(candidateFor(def, 40, 9, cmp, null)).toBeNull();
    expect(candidateFor(def, null, 100, cmp, null)).toBeNull();
  });

  it('flags a self-evaluation that says strong when the figure is markedly worse, or weak when better', () => {
    const strong = candidateFor(def, 31, 100, cmp, 'strong');
    expect(strong?.reasons).toEqual(['worse_than_benchmarks', 'sef_contradiction']);
    expect(strong?.suggestedTitle).toMatch(/^Test the self-evaluation/);
    const weak = candidateFor(def, 15, 100, { ...cmp, snMin: 10 }, 'weak');
    expect(weak?.reasons).toEqual(['sef_contradiction']);
    expect(candidateFor(def, 24, 100, cmp, 'weak')).toBeNull();
  });

  it('"improving" is also tested against the LA’s own published figure', () => {
    const c = candidateFor(
      def,
      27,
      100,
      { ...cmp, england: 26.5, snMax: 30, laPublished: 20 },
      'improving',
    );
    expect(c?.reasons).toEqual(['sef_contradiction']);
    expect(c?.because[0]).toContain('own published 20%');
  });

  it('indicators where no direction is better are proposed as unusual', () => {
    const nfa = indicatorDefinition('referrals.nfa_percent')!;
    const c = candidateFor(nfa, 1, 500, { ...cmp, england: 6.5 }, null);
    expect(c?.reasons).toEqual(['unusual']);
  });
});

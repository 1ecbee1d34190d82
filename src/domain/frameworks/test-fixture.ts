// A small, valid framework for tests (kept out of frameworks/ so real data never depends on it).
import type { FrameworkInput } from './schema.js';

export function fixtureFramework(overrides: Partial<FrameworkInput> = {}): FrameworkInput {
  return {
    schemaVersion: 1,
    id: 'test-2030',
    family: 'test',
    name: 'Test framework',
    versionLabel: 'January 2030',
    validFrom: '2030-01-01',
    validTo: null,
    status: 'Fixture for tests.',
    grades: [
      { key: 'high', label: 'High', shortLabel: 'H', numeric: 1 },
      { key: 'middle', label: 'Middle', shortLabel: 'M', numeric: 2, aliases: ['Mid'] },
      { key: 'low', label: 'Low', shortLabel: 'L', numeric: 3 },
    ],
    judgements: [
      { key: 'a', title: 'Judgement A', shortTitle: 'A', kind: 'key', graded: true },
      { key: 'b', title: 'Judgement B', shortTitle: 'B', kind: 'key', graded: true },
      {
        key: 'b_sub',
        title: 'Part of B',
        shortTitle: 'B sub',
        kind: 'sub-judgement',
        parent: 'b',
        graded: true,
      },
      { key: 'overall', title: 'Overall', shortTitle: 'Overall', kind: 'headline', graded: true },
    ],
    aggregation: {
      rules: [
        {
          id: 'low_limits_overall',
          severity: 'hard',
          title: 'A low A or B makes overall low',
          description: 'If A or B is low, overall must be low.',
          when: { any: ['a', 'b'], is: 'low' },
          require: { judgement: 'overall', is: 'low' },
        },
        {
          id: 'overall_not_better_than_a',
          severity: 'soft',
          title: 'Overall better than A',
          description: 'Overall is normally no better than A.',
          require: { judgement: 'overall', noBetterThan: { judgement: 'a' } },
        },
      ],
    },
    criteria: {
      notice: 'Draft paraphrase for tests.',
      areas: [
        { judgement: 'a', items: [{ key: 'a.one', text: 'A criterion.', source: 'paraphrase' }] },
      ],
    },
    activityTypes: [
      {
        key: 'inspection',
        label: 'Inspection',
        output: 'graded_report',
        judgements: ['a', 'b', 'overall'],
        hasTheme: false,
        hasSequenceNumber: false,
        hasPartnerInspectorates: false,
        reportTemplates: ['report'],
        improvementItems: ['improve'],
        defaults: { fieldworkDays: 5, teamSize: 3, cadence: null },
      },
      {
        key: 'visit',
        label: 'Visit',
        output: 'letter',
        hasTheme: true,
        themes: [{ key: 'front_door', label: 'Front door' }],
        hasSequenceNumber: true,
        hasPartnerInspectorates: false,
        defaults: { fieldworkDays: 2, teamSize: 2, cadence: 'quarterly' },
        validFrom: '2030-06-01',
      },
    ],
    reportTemplates: [
      {
        key: 'report',
        label: 'Report',
        sections: [
          { key: 'summary', heading: null, judgement: 'overall' },
          { key: 'a', heading: '{title}: {grade}', judgement: 'a' },
        ],
      },
    ],
    improvementItems: [
      {
        key: 'improve',
        kind: 'what_needs_to_improve',
        heading: 'What needs to improve?',
        numbered: false,
      },
    ],
    ...overrides,
  };
}

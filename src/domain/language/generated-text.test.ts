// Text the product writes itself must pass its own language checks: the sample transparency
// statement (for several shapes of sample) and every piece of report boilerplate that assembly
// adds (headings, fixed section text, grade sentences, nearness sentences, children's-summary
// grade phrases), for every report template of every framework. User-written text (narratives,
// vignettes, improvement items) is left empty so that only generated text is linted.
import { describe, expect, it } from 'vitest';
import { frameworksDir } from '../../paths.js';
import { loadFrameworks } from '../frameworks/index.js';
import type { ReportJudgement } from '../judgements/report-input.js';
import { assembleDraft } from '../reports/assemble.js';
import { buildSampleStatement, type StatementCase } from '../sampling/build-statement.js';
import type { CohortPopulation } from '../sampling/draw.js';
import type { SampleStatement } from '../sampling/statement.js';
import { lintText, type LintOptions } from './lint.js';
import { areaSpread, type RatedCase } from '../judgements/case-rating-spread.js';

/** Case ratings spread over every grade and two cohorts, one case rated differently (Slough). */
function sloughCases(grades: string[]): RatedCase[] {
  return Array.from({ length: 13 }, (_, i) => ({
    caseId: `c${i}`,
    childRef: `C-${i}`,
    cohort: i % 2 ? 'child_in_care' : 'child_in_need',
    grades:
      i === 12
        ? [
            { rater: 'A', grade: grades[0] ?? 'good' },
            { rater: 'B', grade: grades.at(-1) ?? 'good' },
          ]
        : [{ rater: 'A', grade: grades[i % Math.max(1, grades.length)] ?? 'good' }],
  }));
}

function population(total: number, teams: Record<string, number>): CohortPopulation {
  return {
    total,
    byStratifier: {
      team: teams,
      worker: { 'W-1': total / 2, 'W-2': total / 2 },
      legalStatus: { 'Care order': total },
      ageBand: { '0-4': total / 2, '5-9': total / 2 },
      ethnicity: { White: total / 2, Asian: total / 2 },
      disability: { Yes: total / 4, No: (3 * total) / 4 },
      involvement: { 'Under 6 months': total / 2, '6 months or more': total / 2 },
    },
    byLocality: { North: total / 2, South: total / 2 },
  };
}

const teamA = 'Locality North Duty';
const teamB = 'Locality South Duty';
const caseOf = (
  cohort: StatementCase['cohort'],
  route: StatementCase['route'],
  remote = false,
): StatementCase => ({
  cohort,
  route,
  remote,
  values: { team: route === 'advance' ? teamA : teamB, ageBand: '0-4', ethnicity: 'White' },
  locality: 'North',
});

/** Samples of different shapes: random only, mixed routes, one case, none drawn at random. */
function statements(): Array<[string, SampleStatement]> {
  const draw = {
    seed: 424242,
    drawnAt: new Date(Date.UTC(2025, 6, 1, 9)),
    referenceDate: '2025-07-07',
    stratifiers: ['team' as const, 'ageBand' as const],
  };
  const pop = {
    child_in_care: population(300, { [teamA]: 150, [teamB]: 150 }),
    child_in_need: population(150, { [teamA]: 100, [teamB]: 50, 'Disabled Children': 0 }),
  };
  const mixed = [
    ...Array.from({ length: 12 }, () => caseOf('child_in_care', 'advance')),
    ...Array.from({ length: 8 }, () => caseOf('child_in_need', 'advance')),
    caseOf('child_in_care', 'la_audit'),
    caseOf('child_in_care', 'on_site', true),
    caseOf('child_in_need', 'social_worker'),
  ];
  return [
    ['mixed routes', buildSampleStatement({ cases: mixed, population: pop, draw })],
    [
      'random only',
      buildSampleStatement({
        cases: Array.from({ length: 14 }, () => caseOf('child_in_care', 'advance')),
        population: pop,
        draw,
      }),
    ],
    [
      'one case',
      buildSampleStatement({
        cases: [caseOf('child_in_care', 'advance')],
        population: pop,
        draw,
      }),
    ],
    [
      'no random draw',
      buildSampleStatement({
        cases: [caseOf('child_in_care', 'on_site'), caseOf('child_in_need', 'la_audit', true)],
        population: null,
        draw: null,
      }),
    ],
    ['empty', buildSampleStatement({ cases: [], population: null, draw: null })],
  ];
}

function findings(text: string, options: LintOptions) {
  return lintText(text, { ...options, layout: 'paragraphs' }).findings.map(
    (f) => `${f.rule}: “${f.text}” in “${text.slice(0, 120)}”`,
  );
}

describe('text the product writes passes its own language checks', () => {
  for (const [name, s] of statements()) {
    it(`sample statement (${name})`, () => {
      const text = [...s.paragraphs, ...s.tables.map((t) => t.caption)].join('\n');
      expect(findings(text, {})).toEqual([]);
      // Public text names no random seed and no raw margin of error.
      expect(text).not.toMatch(/\bseed\b|±|percentage points/i);
    });
  }

  const registry = loadFrameworks(frameworksDir());
  for (const framework of registry.list()) {
    for (const template of framework.reportTemplates) {
      it(`report boilerplate: ${framework.id} ${template.key}`, () => {
        const grades = framework.grades ?? [];
        const judgements: ReportJudgement[] = framework.judgements.map((j, i) => {
          const grade = grades[i % Math.max(1, grades.length)];
          return {
            judgementKey: j.key,
            title: j.title,
            grade: grade?.key ?? null,
            gradeLabel: grade?.label ?? null,
            position: (['secure', 'close_to_above', 'close_to_below'] as const)[i % 3]!,
            nearness: '',
            context: '',
            narrative: '',
            criteriaMet: [],
            criteriaNotMet: [],
            state: 'final',
            caseRatings: areaSpread(grades, sloughCases(grades.map((g) => g.key))),
          };
        });
        const doc = assembleDraft({
          framework,
          templateKey: template.key,
          facts: {
            la: 'Northshire',
            dates: '3 to 14 March 2025',
            lead: 'A Inspector, His Majesty’s Inspector',
            theme: 'children in care',
            visitNumber: 2,
          },
          judgements,
          statement: statements()[0]![1],
          vignettes: [],
          improvements: [],
        });
        const text = doc.sections
          .flatMap((s) => [s.heading ?? '', ...s.paragraphs, ...s.tables.map((t) => t.caption)])
          .filter(Boolean)
          .join('\n');
        expect(findings(text, { kind: doc.documentKind })).toEqual([]);
        if (
          template.sections.some((x) => x.judgement && (x.content ?? 'narrative') === 'narrative')
        )
          expect(text).toMatch(/Inspectors rated 13 cases from the sample for this judgement/);
      });
    }
  }
});

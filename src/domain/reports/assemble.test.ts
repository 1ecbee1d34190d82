import { describe, expect, it } from 'vitest';
import { loadFrameworks, type Framework } from '../frameworks/index.js';
import type { ReportJudgement } from '../judgements/report-input.js';
import type { SampleStatement } from '../sampling/statement.js';
import { frameworksDir } from '../../paths.js';
import { assembleDraft, improvementText, type AssemblyInput } from './assemble.js';
import { toBlocks } from './blocks.js';
import { numberParagraphs } from './numbering.js';
import { checkStructure } from './rules.js';

const registry = loadFrameworks(frameworksDir());
const fw = (id: string): Framework => {
  const f = registry.get(id);
  if (!f) throw new Error(id);
  return f;
};

function judgement(key: string, title: string, grade: string | null, label: string | null) {
  return {
    judgementKey: key,
    title,
    grade,
    gradeLabel: label,
    position: 'close_to_above',
    nearness: 'Leaders are close to good: two of the three weaknesses are already being tackled.',
    context: 'Demand rose by a fifth this year; inspectors took this into account.',
    narrative: `First paragraph about ${key}.\n\nSecond paragraph about ${key}.`,
    criteriaMet: [],
    criteriaNotMet: [],
    state: 'final',
  } satisfies ReportJudgement;
}

const ilacsJudgements: ReportJudgement[] = [
  judgement(
    'overall_effectiveness',
    'Overall effectiveness',
    'requires_improvement',
    'Requires improvement to be good',
  ),
  judgement(
    'help_and_protection',
    'The experiences and progress of children who need help and protection',
    'good',
    'Good',
  ),
  judgement(
    'impact_of_leaders',
    'The impact of leaders on social work practice with children and families',
    'requires_improvement',
    'Requires improvement to be good',
  ),
  judgement('children_in_care', 'The experiences and progress of children in care', 'good', 'Good'),
  judgement(
    'care_leavers',
    'The experiences and progress of care leavers',
    'inadequate',
    'Inadequate',
  ),
];

const statement: SampleStatement = {
  paragraphs: ['Inspectors looked at 62 children’s records, chosen at random within each cohort.'],
  tables: [
    {
      caption: 'Records looked at',
      head: ['Cohort', 'Records'],
      rows: [['Child protection', '20']],
    },
  ],
};

const facts = {
  la: 'Northfield',
  dates: '2 to 13 March 2026',
  lead: 'Alex Morgan',
  theme: 'the front door',
  visitNumber: 3,
};

function input(id: string, templateKey: string, over: Partial<AssemblyInput> = {}): AssemblyInput {
  return {
    framework: fw(id),
    templateKey,
    facts,
    judgements: [],
    statement,
    vignettes: [],
    improvements: [],
    ...over,
  };
}

describe('ILACS inspection report', () => {
  const doc = assembleDraft(
    input('ilacs-2023', 'ilacs_inspection_report', {
      judgements: ilacsJudgements,
      vignettes: [
        {
          judgementArea: 'help_and_protection',
          direction: 'area_for_improvement',
          text: 'A weakness vignette.',
        },
        {
          judgementArea: 'help_and_protection',
          direction: 'strength',
          text: 'A strength vignette.',
        },
      ],
      improvements: [
        {
          text: 'The timeliness of strategy meetings',
          nationalFrameworkRef: 'outcome 3, national framework',
        },
        { text: 'Pathway plans for care leavers' },
      ],
    }),
  );

  it('follows the template: title, grade table in framework order, judgement headings', () => {
    expect(doc.title).toBe("Inspection of Northfield local authority children's services");
    const table = doc.sections.find((s) => s.content === 'grade_table')?.tables[0];
    expect(table?.rows.map((r) => r[1])).toEqual([
      'Requires improvement to be good',
      'Good',
      'Good',
      'Inadequate',
      'Requires improvement to be good',
    ]);
    expect(table?.rows[0]?.[0]).toContain('impact of leaders');
    const hp = doc.sections.find((s) => s.key === 'help_and_protection');
    expect(hp?.heading).toBe(
      'The experiences and progress of children who need help and protection: Good',
    );
    expect(doc.sections.find((s) => s.key === 'header')?.paragraphs).toEqual([
      'Inspection dates: 2 to 13 March 2026',
      "Lead inspector: Alex Morgan, His Majesty's Inspector",
    ]);
  });

  it('carries narrative, a public nearness statement and vignettes, strengths first', () => {
    const hp = doc.sections.find((s) => s.key === 'help_and_protection');
    expect(hp?.paragraphs).toEqual([
      'First paragraph about help_and_protection.',
      'Second paragraph about help_and_protection.',
      'This judgement is close to outstanding.',
      'A strength vignette.',
      'A weakness vignette.',
    ]);
  });

  it('never prints the team’s internal notes (nearness note, context note, "secure")', () => {
    const printed = doc.sections.flatMap((s) => s.paragraphs).join(' ');
    expect(printed).not.toContain('two of the three weaknesses');
    expect(printed).not.toContain('Demand rose by a fifth');
    expect(printed).not.toContain('secure within its grade');
    const table = doc.sections.find((s) => s.content === 'grade_table');
    expect(table?.tables[0]?.head).toEqual(['Area', 'Grade']);
  });

  it('lists what needs to improve with National Framework references, unnumbered', () => {
    const w = doc.sections.find((s) => s.key === 'what_needs_to_improve');
    expect(w?.list).toBe(true);
    expect(w?.numbered).toBe(false);
    expect(w?.paragraphs).toEqual([
      'The timeliness of strategy meetings (outcome 3, national framework).',
      'Pathway plans for care leavers.',
    ]);
  });

  it('numbers paragraphs continuously from the summary to the last judgement', () => {
    const numbers = numberParagraphs(doc.sections)
      .flat()
      .filter((n) => n !== null);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    // summary (2) + help and protection (5) + 3 other judgements (3 each: 2 + nearness)
    expect(numbers.length).toBe(2 + 5 + 3 * 3);
    const blocks = toBlocks(doc).filter((b) => b.kind === 'paragraph' && b.number !== null);
    expect(blocks[0]).toMatchObject({
      number: 1,
      text: 'First paragraph about overall_effectiveness.',
    });
  });

  it('carries the sample statement and the children and young people’s summary annex', () => {
    const sample = doc.sections.find((s) => s.content === 'sample_statement');
    expect(sample?.paragraphs[0]).toContain('62 children’s records');
    expect(sample?.tables[0]?.caption).toBe('Records looked at');
    const found = doc.sections.find((s) => s.key === 'ilacs_children_summary.what_we_found');
    expect(found?.paragraphs).toContain('Care leavers: not good enough.');
    expect(found?.paragraphs).toContain('Help and protection: good.');
    const cypTitle = doc.sections.find((s) => s.key === 'ilacs_children_summary.cyp_title');
    expect(cypTitle?.heading).toBe(
      "What we found when we inspected children's services in Northfield",
    );
    expect(
      toBlocks(doc).find((b) => b.kind === 'heading' && b.text === cypTitle?.heading),
    ).toBeTruthy();
  });

  it('says "Not yet graded" when a judgement has no grade', () => {
    const d = assembleDraft(input('ilacs-2023', 'ilacs_inspection_report'));
    expect(d.sections.find((s) => s.key === 'children_in_care')?.heading).toBe(
      'The experiences and progress of children in care: Not yet graded',
    );
  });
});

describe('focused-visit letter', () => {
  const doc = assembleDraft(
    input('ilacs-2023', 'ilacs_focused_visit_letter', {
      vignettes: [
        { judgementArea: null, direction: 'area_for_improvement', text: 'Weakness.' },
        { judgementArea: null, direction: 'strength', text: 'Strength one.' },
        { judgementArea: null, direction: null, text: 'Neutral.' },
        { judgementArea: null, direction: 'strength', text: 'Strength two.' },
      ],
      improvements: [
        { text: 'Management oversight of contacts', extent: 'not_yet_good' },
        { text: 'Return home interviews', extent: 'at_risk_of_not_being_good' },
        { text: 'Threshold decisions in the front door', priority: true },
      ],
    }),
  );

  it('opens with the visit and the theme, and is not numbered', () => {
    expect(doc.documentKind).toBe('focused-visit-letter');
    expect(doc.sections[0]?.paragraphs[0]).toContain('focused visit to Northfield children');
    expect(doc.sections.find((s) => s.key === 'areas_covered')?.paragraphs[0]).toContain(
      'the front door',
    );
    expect(
      numberParagraphs(doc.sections)
        .flat()
        .every((n) => n === null),
    ).toBe(true);
  });

  it('puts strengths before areas to improve', () => {
    expect(doc.sections.find((s) => s.key === 'findings')?.paragraphs).toEqual([
      'Strength one.',
      'Strength two.',
      'Neutral.',
      'Weakness.',
    ]);
  });

  it('states how far below good each area to improve is; priority actions apart', () => {
    expect(doc.sections.find((s) => s.key === 'improvements')?.paragraphs).toEqual([
      'Management oversight of contacts (not yet good).',
      'Return home interviews (at risk of not being good).',
    ]);
    expect(doc.sections.find((s) => s.key === 'priority_actions')?.paragraphs).toEqual([
      'Threshold decisions in the front door.',
    ]);
    expect(checkStructure(doc.sections)).toEqual([]);
  });

  it('flags an area to improve that does not say how far below good it is', () => {
    const s = doc.sections.map((x) =>
      x.key === 'improvements'
        ? { ...x, paragraphs: [...x.paragraphs, 'Supervision records.'] }
        : x,
    );
    const problems = checkStructure(s);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sectionKey: 'improvements', paragraph: 2 });
    expect(problems[0]?.message).toContain('“not yet good” or “at risk of not being good”');
  });

  it('leaves out empty sections when printed', () => {
    const d = assembleDraft(input('ilacs-2023', 'ilacs_focused_visit_letter', { statement: null }));
    const headings = toBlocks(d)
      .filter((b) => b.kind === 'heading')
      .map((b) => (b.kind === 'heading' ? b.text : ''));
    expect(headings).toEqual(['Areas covered by the visit']);
  });
});

describe('monitoring-visit letter', () => {
  it('says which monitoring visit this is since the inadequate judgement', () => {
    const doc = assembleDraft(
      input('ilacs-2023', 'ilacs_monitoring_letter', {
        improvements: [{ text: 'The quality of assessments' }],
      }),
    );
    expect(doc.documentKind).toBe('monitoring-visit-letter');
    expect(doc.sections[0]?.paragraphs[0]).toContain('the third monitoring visit to Northfield');
    const covered = doc.sections.find((s) => s.key === 'areas_covered');
    expect(covered?.paragraphs).toEqual([
      'Inspectors reviewed the progress made in these areas of concern from the last inspection:',
      'The quality of assessments.',
    ]);
  });
});

describe('SIF report (template B)', () => {
  it('walks the SIF sections: judgement table with sub-judgements, numbered findings', () => {
    const doc = assembleDraft(
      input('sif-2013', 'sif_report_b', {
        judgements: [
          judgement(
            'overall_effectiveness',
            'Overall effectiveness',
            'requires_improvement',
            'Requires improvement',
          ),
          judgement('help_and_protection', 'Children who need help and protection', 'good', 'Good'),
          judgement('adoption', 'Adoption performance', 'good', 'Good'),
        ],
        improvements: [{ text: 'Ensure that return home interviews happen' }],
      }),
    );
    const table = doc.sections.find((s) => s.content === 'grade_table')?.tables[0];
    expect(table?.rows.map((r) => r[0])).toEqual([
      'Overall effectiveness',
      'Children who need help and protection',
      'Adoption performance',
    ]);
    expect(doc.sections.find((s) => s.key === 'help_and_protection')?.heading).toBe(
      'Children who need help and protection',
    );
    expect(
      numberParagraphs(doc.sections)
        .flat()
        .filter((n) => n !== null).length,
    ).toBeGreaterThan(0);
    expect(doc.sections.find((s) => s.key === 'recommendations')?.paragraphs).toEqual([
      'Ensure that return home interviews happen.',
    ]);
  });
});

describe('improvement items', () => {
  it('combines extent and National Framework reference', () => {
    expect(
      improvementText({
        text: 'Plans for children.',
        extent: 'not_yet_good',
        nationalFrameworkRef: 'outcome 1, national framework',
      }),
    ).toBe('Plans for children (not yet good; outcome 1, national framework).');
  });
});

// A long ILACS report built from hand-made contract objects: enough paragraphs for several PDF
// pages (renderer tests and the PDF-to-PNG check in the browser).
import { loadFrameworks } from '../../src/domain/frameworks/index.js';
import { assembleDraft } from '../../src/domain/reports/assemble.js';
import type { ReportDocument } from '../../src/domain/reports/types.js';
import { frameworksDir } from '../../src/paths.js';

const fw = loadFrameworks(frameworksDir()).get('ilacs-2023');
if (!fw) throw new Error('ilacs-2023 missing');

/** A long report: enough paragraphs to run over several pages. */
export function sampleReport(): ReportDocument {
  const long = (n: number, topic: string) =>
    Array.from(
      { length: n },
      (_, i) =>
        `Paragraph ${i + 1} about ${topic}. Social workers know the children they work with well and visit them regularly; managers review plans, although the quality of written records varies between teams and some assessments do not consider the history of earlier involvement with the family.`,
    ).join('\n\n');
  const j = (key: string, title: string, grade: string, label: string) => ({
    judgementKey: key,
    title,
    grade,
    gradeLabel: label,
    position: 'close_to_below' as const,
    nearness: 'Two of the criteria for good are not yet met consistently.',
    context: 'Demand for early help rose sharply after a neighbouring service closed.',
    narrative: long(6, title),
    criteriaMet: [],
    criteriaNotMet: [],
    state: 'final',
  });
  return assembleDraft({
    framework: fw!,
    templateKey: 'ilacs_inspection_report',
    facts: {
      la: 'Northfield',
      dates: '2 to 13 March 2026',
      lead: 'Alex Morgan',
      theme: null,
      visitNumber: null,
    },
    judgements: [
      j(
        'impact_of_leaders',
        'The impact of leaders on social work practice with children and families',
        'good',
        'Good',
      ),
      j(
        'help_and_protection',
        'The experiences and progress of children who need help and protection',
        'good',
        'Good',
      ),
      j(
        'children_in_care',
        'The experiences and progress of children in care',
        'requires_improvement',
        'Requires improvement to be good',
      ),
      j('care_leavers', 'The experiences and progress of care leavers', 'good', 'Good'),
      j('overall_effectiveness', 'Overall effectiveness', 'good', 'Good'),
    ],
    statement: {
      paragraphs: [
        'Inspectors looked at 60 children’s records, chosen at random within each group.',
      ],
      tables: [
        {
          caption: 'Records looked at',
          head: ['Group', 'Records'],
          rows: [
            ['Children in care', '20'],
            ['Care leavers', '10'],
          ],
        },
      ],
    },
    vignettes: [],
    improvements: [
      {
        text: 'The quality of written records & <plans>',
        nationalFrameworkRef: 'outcome 2, national framework',
      },
    ],
  });
}

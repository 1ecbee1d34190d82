// Reports: draft assembly, the language checks beside every section, and the three outputs
// (HTML, DOCX, PDF) for a typical ILACS report and a very long one. Pure work, no database: the
// time a person waits for the editor's findings or a download, beyond the query.
import { PDFDocument } from 'pdf-lib';
import { loadFrameworks } from '../src/domain/frameworks/index.js';
import type { ReportJudgement } from '../src/domain/judgements/report-input.js';
import {
  assembleDraft,
  renderReportDocx,
  renderReportHtml,
  renderReportPdf,
  type AssemblyInput,
} from '../src/domain/reports/index.js';
import { frameworksDir } from '../src/paths.js';
import { checkSections } from '../src/usecases/reports/get-report-workspace.js';
import { summarise, time } from './stats.js';

const SENTENCES = [
  'Social workers know the children they work with well and visit them regularly.',
  'Managers review plans, although the quality of written records varies between teams.',
  'Some assessments do not consider the history of earlier involvement with the family.',
  'Children are seen alone and their views inform their plans in most of the records seen.',
  'Strategy discussions are timely and include the police and health partners.',
];

function input(paragraphsPerJudgement: number): AssemblyInput {
  const fw = loadFrameworks(frameworksDir()).get('ilacs-2023');
  if (!fw) throw new Error('ilacs-2023 missing');
  const narrative = Array.from({ length: paragraphsPerJudgement }, (_, i) =>
    SENTENCES.map((s, k) => SENTENCES[(i + k) % SENTENCES.length] ?? s).join(' '),
  ).join('\n\n');
  const judgements: ReportJudgement[] = fw.judgements.map((j) => ({
    judgementKey: j.key,
    title: j.title,
    grade: 'requires_improvement',
    gradeLabel: 'Requires improvement to be good',
    position: 'close_to_above',
    nearness: 'Two of the criteria for good are not yet met consistently.',
    context: 'Demand rose by a fifth this year.',
    narrative,
    criteriaMet: [],
    criteriaNotMet: [],
    state: 'final',
  }));
  return {
    framework: fw,
    templateKey: 'ilacs_inspection_report',
    facts: {
      la: 'Northfield',
      dates: '2 to 13 March 2026',
      lead: 'Alex Morgan',
      theme: null,
      visitNumber: null,
    },
    judgements,
    statement: { paragraphs: ['Inspectors looked at 60 records.'], tables: [] },
    vignettes: [],
    improvements: Array.from({ length: 8 }, (_, i) => ({
      text: `Area to improve number ${i + 1}`,
    })),
  };
}

export async function benchReports(n = 30): Promise<string[]> {
  const out = [
    `## Reports: assembly, language checks, HTML, DOCX and PDF, n=${n} each after a warm-up`,
    '',
    '| report | operation | p50 ms | p95 ms | max ms | output |',
    '| --- | --- | ---: | ---: | ---: | --- |',
  ];
  for (const [label, paras] of [
    ['typical (6 paragraphs per judgement)', 6],
    ['long (40 paragraphs per judgement)', 40],
  ] as const) {
    const inp = input(paras);
    const doc = assembleDraft(inp);
    const pdf = await renderReportPdf(doc);
    const docx = await renderReportDocx(doc);
    const html = renderReportHtml(doc);
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    const ops: [string, () => Promise<unknown>, string][] = [
      ['assemble draft', async () => assembleDraft(inp), `${doc.sections.length} sections`],
      ['language checks, every section', async () => checkSections(doc), ''],
      ['HTML', async () => renderReportHtml(doc), `${Math.round(html.length / 1024)} KiB`],
      ['DOCX', async () => renderReportDocx(doc), `${Math.round(docx.length / 1024)} KiB`],
      [
        'PDF',
        async () => renderReportPdf(doc),
        `${pages} pages, ${Math.round(pdf.length / 1024)} KiB`,
      ],
    ];
    for (const [op, fn, note] of ops) {
      await fn();
      const samples: number[] = [];
      for (let i = 0; i < n; i++) samples.push((await time(fn))[0]);
      const s = summarise(samples);
      out.push(`| ${label} | ${op} | ${s.p50} | ${s.p95} | ${s.max} | ${note} |`);
    }
  }
  out.push('');
  return out;
}

// How each of the review's tables is shown and exported: title, definition and columns, declared
// once for the page, the CSV and XLSX downloads and the CLI's text output.
import type { Column } from '../exports/table.js';
import { gradeLabels, type GradeKey } from '../history/types.js';
import type { ReviewTables } from './tables.js';
import type { Table3Category } from './table3.js';

export const reviewTableKeys = ['table1', 'table2', 'table3', 'table4', 'table7'] as const;
export type ReviewTableKey = (typeof reviewTableKeys)[number];

type Row = Record<string, string | number | null>;
export interface ReviewTableSpec {
  key: ReviewTableKey;
  title: string;
  definition: string;
  columns: Column<Row>[];
  rows: Row[];
}

export const table3Labels: Record<Table3Category, string> = {
  more_than_three_months: 'More than three months after an ILACS visit or inspection',
  within_three_months:
    'Within three months but more than one month after, and not in the same school term',
  within_one_month: 'Within one month after an ILACS visit or inspection',
  same_term: 'In the same school term as an ILACS visit or inspection',
};

const col = (header: string, key: string): Column<Row> => ({ header, value: (r) => r[key] });

export const sourceLabels = {
  history: 'Ofsted’s published inspection history',
  app: 'Triangulate’s activities',
} as const;

function yearWord(m: number): string {
  if (m === 1) return 'calendar year';
  return m === 4 ? 'year from April' : 'academic year from September';
}

export function reviewTableSpecs(
  t: ReviewTables,
  typeLabels: Record<string, string> = {},
): ReviewTableSpec[] {
  const year = yearWord(t.yearStartMonth);
  const typeLabel = (k: string) =>
    k === 'all' ? 'All on site (LAs engaged)' : (typeLabels[k] ?? k.replace(/_/g, ' '));
  return [
    {
      key: 'table1',
      title: 'Table 1: engagements with LAs per year by type',
      definition: `Occurrences of each type of engagement starting in the ${year}, and how many different LAs had one. "All on site" counts the LAs engaged by any visit or inspection, leaving out annual engagement meetings as the review did (§16).`,
      columns: [
        col('Year', 'period'),
        col('Type', 'type'),
        col('Occurrences', 'occurrences'),
        col('LAs', 'las'),
      ],
      rows: t.table1.map((r) => ({ ...r, type: typeLabel(r.type) })),
    },
    {
      key: 'table2',
      title: 'Table 2: average days visiting or inspecting LAs by overall effectiveness',
      definition: `Working days on site in the ${year} per LA visited (ILACS visits and inspections; not SIF re-inspections or JTAIs), by the LA’s overall effectiveness at its last graded inspection before the year began. The overall figure is the review’s weighted average (§17, footnote 2): each grade’s average times the number of LAs holding that grade, divided by the number of LAs with a grade.`,
      columns: [
        col('Year', 'period'),
        col('Overall effectiveness', 'grade'),
        col('Average days on site', 'averageDays'),
        col('LAs visited', 'lasVisited'),
        col('LAs with the grade', 'lasWithGrade'),
      ],
      rows: t.table2.map((r) => ({
        ...r,
        grade:
          r.grade === 'overall' ? 'Overall weighted average' : gradeLabels[r.grade as GradeKey],
      })),
    },
    {
      key: 'table3',
      title: 'Table 3: timing of area SEND inspections against ILACS activity',
      definition: `${t.table3.reason} School terms by a national convention: autumn September to December, spring January to Easter Sunday, summer Easter Monday to July.`,
      columns: [
        col('Timing', 'timing'),
        col('Area SEND inspections', 'count'),
        col('Per cent', 'percent'),
      ],
      rows: t.table3.rows.map((r) => ({
        timing: table3Labels[r.category],
        count: r.count,
        percent: r.percent,
      })),
    },
    {
      key: 'table4',
      title: 'Table 4: efficiency, LAs engaged and inspector days, SIF and ILACS',
      definition:
        'A model, as the review’s was (§26): each visit or inspection’s working days on site (from its dates, else the framework file’s fieldwork days for its type) times its team (the activity’s own team, else the framework file’s team size). JTAIs have no team size in the framework files and are left out of inspector days (counted in the last column). The workforce is not modelled.',
      columns: [
        col('Year', 'period'),
        col('Framework', 'framework'),
        col('Visits and inspections', 'events'),
        col('LAs engaged', 'lasEngaged'),
        col('Days on site', 'daysOnSite'),
        col('Inspector days', 'inspectorDays'),
        col('Without a team size', 'eventsWithoutTeamSize'),
      ],
      rows: t.table4.map((r) => ({ ...r })),
    },
    {
      key: 'table7',
      title: 'Table 7: themes of focused visits',
      definition: `Focused visits in the ${year} by theme, each theme’s share of the year’s focused visits and the share of its ILACS judgement area (§76). Ofsted’s published history records focused visits, with themes, only from April 2024.`,
      columns: [
        col('Year', 'period'),
        col('Judgement area', 'area'),
        col('Theme', 'label'),
        col('Focused visits', 'count'),
        col('Per cent', 'percent'),
        col('Per cent of the area', 'areaPercent'),
      ],
      rows: t.table7.map((r) => ({ ...r })),
    },
  ];
}

/** Columns holding words (the rest are numbers, right-aligned on the page). */
export const textColumns = new Set([
  'Year',
  'Type',
  'Overall effectiveness',
  'Timing',
  'Framework',
  'Judgement area',
  'Theme',
]);

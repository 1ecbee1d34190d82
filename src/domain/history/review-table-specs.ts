// How each of the review's tables is shown and exported: title, definition and columns, declared
// once for the page, the CSV downloads and the CLI's text output.
import type { Column } from '../exports/table.js';
import type { ReviewTables } from './review-tables.js';
import {
  activityTypeLabels,
  gradeLabels,
  type GradeKey,
  type HistoryActivityType,
} from './types.js';

export const reviewTableKeys = ['table1', 'table2', 'table4', 'table7'] as const;
export type ReviewTableKey = (typeof reviewTableKeys)[number];

type Row = Record<string, string | number | null>;
export interface ReviewTableSpec {
  key: ReviewTableKey;
  title: string;
  definition: string;
  columns: Column<Row>[];
  rows: Row[];
}

const col = (header: string, key: string): Column<Row> => ({ header, value: (r) => r[key] });
const typeLabel = (t: string) =>
  t === 'all' ? 'All types (LAs engaged)' : (activityTypeLabels[t as HistoryActivityType] ?? t);
const origin = (o: string) => (o === 'history' ? 'Published history' : 'Triangulate activities');

export function reviewTableSpecs(t: ReviewTables): ReviewTableSpec[] {
  const year = t.settings.yearStartMonth === 1 ? 'calendar years' : 'years from April';
  return [
    {
      key: 'table1',
      title: 'Table 1: engagements with LAs per year by type',
      definition: `Occurrences of each type of activity starting in the year (${year}), and how many different LAs had one; "All types" counts the LAs engaged in the year by any activity. Annual engagement meetings are not recorded in the history.`,
      columns: [
        col('Year', 'period'),
        col('Source', 'origin'),
        col('Type', 'type'),
        col('Occurrences', 'occurrences'),
        col('LAs', 'las'),
      ],
      rows: t.table1.map((r) => ({ ...r, origin: origin(r.origin), type: typeLabel(r.type) })),
    },
    {
      key: 'table2',
      title: 'Table 2: average days visiting or inspecting LAs by overall effectiveness',
      definition:
        'Working days on site in the year per LA visited (ILACS visits and inspections from the published history), by the LA’s overall effectiveness at its last graded inspection before the year. The overall figure is the review’s weighted average: each grade’s average multiplied by the number of LAs holding that grade, divided by the number of LAs with a grade.',
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
      key: 'table4',
      title: 'Table 4: efficiency, LAs engaged and inspector days, SIF and ILACS',
      definition: `A model, as the review's was: working days on site of each event (its dates, or a default per type when it has none) times an assumed team size (${Object.entries(
        t.settings.teamSize,
      )
        .map(([k, n]) => `${typeLabel(k).toLowerCase()} ${n}`)
        .join(', ')}). The workforce needed is not modelled.`,
      columns: [
        col('Year', 'period'),
        col('Framework', 'framework'),
        col('Events', 'events'),
        col('LAs engaged', 'lasEngaged'),
        col('Days on site', 'daysOnSite'),
        col('Inspector days', 'inspectorDays'),
      ],
      rows: t.table4.map((r) => ({ ...r })),
    },
    {
      key: 'table7',
      title: 'Table 7: themes of focused visits',
      definition:
        'Focused visits in the published history by theme, each theme’s share of the year’s focused visits and the share of its ILACS judgement area. Ofsted’s history records focused visits (with themes) only from April 2024.',
      columns: [
        col('Year', 'period'),
        col('Judgement area', 'area'),
        col('Theme', 'theme'),
        col('Focused visits', 'count'),
        col('Per cent', 'percent'),
        col('Per cent of the area', 'areaPercent'),
      ],
      rows: t.table7.map((r) => ({ ...r })),
    },
  ];
}

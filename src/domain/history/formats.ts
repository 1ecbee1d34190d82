// The history files we can read, recognised by their header row. Column names are compared after
// lower-casing and collapsing whitespace, so small spelling drift in a new edition still matches.
import type { HistoryActivityType, HistorySource, JudgementKey } from './types.js';

export const historyFormatIds = [
  'ofsted-ilacs-history',
  'ofsted-in-year',
  'ofsted-latest',
  'd2i-scrape',
  'sif-extract',
] as const;
export type HistoryFormatId = (typeof historyFormatIds)[number];

export interface HistoryFormat {
  id: HistoryFormatId;
  label: string;
  source: HistorySource;
  /** Every one of these headers must be present... */
  requires: readonly string[];
  /** ...and none of these (tells "latest" from "history", which adds a type column). */
  excludes?: readonly string[];
  laCode?: string;
  urn?: string;
  laName: string;
  startDate: string;
  endDate?: string;
  publicationDate?: string;
  /** The type column; when absent every row has defaultType. */
  type?: string;
  /** The type of a row whose type cell is blank; without one, a blank type is an error. */
  defaultType?: HistoryActivityType;
  theme?: string;
  /**
   * A column naming the report file, "<URN>_<la name>__<title> - <publication date>"; it supplies
   * the virtual columns #urn, #name and #published.
   */
  reportFile?: string;
  /** A column holding the fieldwork period; it supplies the virtual columns #start and #end. */
  dateRange?: string;
  /** Possible headers for each judgement; a missing column just means no grades for it. */
  grades: Readonly<Partial<Record<JudgementKey, readonly string[]>>>;
}

const MI_GRADES: Partial<Record<JudgementKey, readonly string[]>> = {
  overall_effectiveness: ['overall effectiveness'],
  impact_of_leaders: ['the impact of leaders on social work practice with children and families'],
  help_and_protection: ['the experiences and progress of children who need help and protection'],
  children_in_care: [
    'the experiences and progress of children in care',
    'the experiences and progress of children in care and care leavers',
  ],
  care_leavers: ['the experiences and progress of care leavers'],
};

export const historyFormats: readonly HistoryFormat[] = [
  {
    id: 'ofsted-ilacs-history',
    label: 'Ofsted management information: ILACS inspection history',
    source: 'ofsted-mi',
    requires: [
      'local authority area code',
      'local authority name',
      'inspection date',
      'inspection type',
    ],
    laCode: 'local authority area code',
    laName: 'local authority name',
    startDate: 'inspection date',
    publicationDate: 'publication date',
    type: 'inspection type',
    grades: MI_GRADES,
  },
  {
    id: 'ofsted-in-year',
    label: 'Ofsted management information: in-year inspections and visits',
    source: 'ofsted-mi',
    requires: [
      'local authority area code',
      'local authority name',
      'inspection/visit date',
      'inspection/visit type',
    ],
    laCode: 'local authority area code',
    laName: 'local authority name',
    startDate: 'inspection/visit date',
    publicationDate: 'publication date',
    type: 'inspection/visit type',
    theme: 'visit theme',
    grades: MI_GRADES,
  },
  {
    id: 'ofsted-latest',
    label: 'Ofsted management information: latest inspection outcomes',
    source: 'ofsted-mi',
    requires: [
      'local authority area code',
      'local authority name',
      'inspection date',
      'overall effectiveness',
    ],
    excludes: ['inspection type'],
    laCode: 'local authority area code',
    laName: 'local authority name',
    startDate: 'inspection date',
    publicationDate: 'publication date',
    // The sheet lists each LA's latest graded inspection without saying short or standard.
    defaultType: 'judgement_inspection',
    grades: MI_GRADES,
  },
  {
    id: 'd2i-scrape',
    label: 'ofsted-ilacs-scrape-tool inspection history (scraped from Ofsted reports)',
    source: 'd2i-scrape',
    requires: ['urn', 'local_authority', 'inspection_framework', 'inspection_start_date'],
    urn: 'urn',
    laName: 'local_authority',
    startDate: 'inspection_start_date',
    endDate: 'inspection_end_date',
    publicationDate: 'publication_date',
    // "short"/"standard" as the scraper inferred them from the fieldwork dates; blank when it
    // could not, which still makes the report a graded inspection.
    type: 'inspection_framework',
    defaultType: 'judgement_inspection',
    grades: {
      overall_effectiveness: ['overall_effectiveness_grade'],
      impact_of_leaders: ['impact_of_leaders_grade'],
      help_and_protection: ['help_and_protection_grade'],
      children_in_care: ['in_care_grade'],
      care_leavers: ['care_leavers_grade'],
    },
  },
  {
    id: 'sif-extract',
    label: 'SIF judgements extracted from report text (file, dates and one column per judgement)',
    source: 'sif-extract',
    requires: ['file', 'dates', 'oe', 'hp', 'cla', 'lmg'],
    reportFile: 'file',
    dateRange: 'dates',
    urn: '#urn',
    laName: '#name',
    startDate: '#start',
    endDate: '#end',
    publicationDate: '#published',
    defaultType: 'sif_inspection',
    grades: {
      overall_effectiveness: ['oe'],
      help_and_protection: ['hp'],
      children_looked_after: ['cla'],
      adoption: ['adoption'],
      care_leavers: ['care_leavers'],
      leadership: ['lmg'],
      lscb: ['lscb'],
    },
  },
];

export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The format whose header this row is, if any. */
export function detectFormat(row: readonly string[]): HistoryFormat | undefined {
  const headers = new Set(row.map(normaliseHeader));
  return historyFormats.find(
    (f) =>
      f.requires.every((h) => headers.has(h)) && !(f.excludes ?? []).some((h) => headers.has(h)),
  );
}

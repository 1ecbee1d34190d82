// A report or letter as stored in each version: the template's sections, filled. Everything the
// renderers (HTML, DOCX, PDF) and the editor need is here, so an old version renders as it was.
import type { SECTION_CONTENTS } from '../frameworks/schema.js';

export type SectionContent = (typeof SECTION_CONTENTS)[number];

export interface ReportTable {
  caption: string;
  head: string[];
  rows: string[][];
}

export interface ReportSection {
  key: string;
  /** The template part it belongs to: the main template's key or an annex's. */
  part: string;
  heading: string | null;
  level: 1 | 2;
  content: SectionContent;
  /** Paragraphs take the report's continuous paragraph numbers. */
  numbered: boolean;
  /** Paragraphs are shown as bullets (improvement items). */
  list: boolean;
  paragraphs: string[];
  tables: ReportTable[];
  /** The template's guidance for the writer (not printed). */
  note: string | null;
  /** Each paragraph must state one of these phrases (from the template). */
  eachParagraphStates: string[];
  /** The template's own say on whether it must be filled (else decided by its content). */
  required?: boolean;
  /**
   * Why this text must be read again before the draft moves on (a grade it depends on changed
   * after it was written); cleared when the section is saved.
   */
  reviewNeeded?: string | null;
}

export interface ReportDocument {
  templateKey: string;
  templateLabel: string;
  /** The language-check kind (src/domain/language). */
  documentKind: 'inspection-report' | 'focused-visit-letter' | 'monitoring-visit-letter';
  title: string;
  sections: ReportSection[];
}

/** How far below good an area to improve is (focused-visit letters must say). */
export const EXTENTS = {
  not_yet_good: 'not yet good',
  at_risk_of_not_being_good: 'at risk of not being good',
} as const;
export type Extent = keyof typeof EXTENTS;

export interface ImprovementInput {
  text: string;
  extent?: Extent | null;
  /** e.g. "outcome 1, national framework" (ILACS from March 2025). */
  nationalFrameworkRef?: string | null;
  /** An area for priority action rather than an area to improve. */
  priority?: boolean;
}

export interface VignetteInput {
  judgementArea: string | null;
  direction: 'strength' | 'area_for_improvement' | null;
  text: string;
}

/** Facts about the activity that standard paragraphs use ({la}, {dates}, {lead}, ...). */
export interface ReportFacts {
  la: string;
  dates: string;
  lead: string;
  theme: string | null;
  /** Monitoring visits: the visit's number since the inadequate judgement. */
  visitNumber: number | null;
}

/** Text of editable sections: which contents a person may rewrite. */
export function isEditable(section: Pick<ReportSection, 'content'>): boolean {
  return section.content !== 'grade_table' && section.content !== 'title';
}

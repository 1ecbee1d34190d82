// Draft assembly: walks the template's sections (and its annexes) and fills each from the
// inputs: the judgements (narratives, grades, nearness, context), the chosen vignettes, the
// sample transparency statement and the improvement items. Nothing about any one framework is
// known here: the template data says what each section holds.
import { NOT_GRADED } from './grades.js';
import type { ReportJudgement } from '../judgements/report-input.js';
import { caseRatingParagraph } from '../judgements/case-rating-wording.js';
import type { Framework, ReportTemplate } from '../frameworks/schema.js';
import type { SampleStatement } from '../sampling/statement.js';
import { fill, ordinal } from './text.js';
import {
  EXTENTS,
  type ImprovementInput,
  type ReportDocument,
  type ReportFacts,
  type ReportSection,
  type SectionContent,
  type VignetteInput,
} from './types.js';

export interface AssemblyInput {
  framework: Pick<Framework, 'judgements' | 'reportTemplates' | 'grades'>;
  templateKey: string;
  facts: ReportFacts;
  judgements: ReportJudgement[];
  /** The judgements the activity grades (the grade table lists them all, graded or not). */
  judgementKeys?: string[];
  statement: SampleStatement | null;
  /** Vignettes the team chose for the report (anonymised wording). */
  vignettes: VignetteInput[];
  improvements: ImprovementInput[];
}

/**
 * The public nearness statement: a judgement close to the adjacent grade names that grade
 * ("This judgement is close to good."). Being secure in a grade, the team's nearness note and
 * its context note are the team's reasoning, kept for moderation, never printed.
 */
export function nearnessStatement(
  grades: readonly { key: string; label: string }[],
  grade: string | null,
  position: string | null,
): string | null {
  if (!grade || (position !== 'close_to_above' && position !== 'close_to_below')) return null;
  const i = grades.findIndex((g) => g.key === grade);
  const next = grades[position === 'close_to_above' ? i - 1 : i + 1];
  if (i < 0 || !next) return null;
  const words = next.label.charAt(0).toLowerCase() + next.label.slice(1);
  return `This judgement is close to ${words}.`;
}

/** Splits a narrative into paragraphs (blank lines separate them). */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

/** An improvement item as printed: its extent and any National Framework reference in brackets. */
export function improvementText(item: ImprovementInput): string {
  const text = item.text.trim().replace(/[.;]+$/, '');
  const notes = [
    item.extent ? EXTENTS[item.extent] : null,
    item.nationalFrameworkRef?.trim() || null,
  ].filter((n): n is string => n !== null);
  return notes.length > 0 ? `${text} (${notes.join('; ')}).` : `${text}.`;
}

/** Strengths first, then undirected passages, then areas for improvement (deficit bias). */
function strengthsFirst(vignettes: VignetteInput[]): VignetteInput[] {
  const rank = (v: VignetteInput) =>
    v.direction === 'strength' ? 0 : v.direction === 'area_for_improvement' ? 2 : 1;
  return [...vignettes].sort((a, b) => rank(a) - rank(b));
}

function findTemplate(fw: AssemblyInput['framework'], key: string): ReportTemplate {
  const t = fw.reportTemplates.find((x) => x.key === key);
  if (!t) throw new RangeError(`The framework has no report template '${key}'`);
  return t;
}

export function assembleDraft(input: AssemblyInput): ReportDocument {
  const main = findTemplate(input.framework, input.templateKey);
  const byKey = new Map(input.judgements.map((j) => [j.judgementKey, j]));
  const order = new Map(input.framework.judgements.map((j, i) => [j.key, i]));
  const judgementsInOrder = [...input.judgements].sort(
    (a, b) => (order.get(a.judgementKey) ?? 99) - (order.get(b.judgementKey) ?? 99),
  );
  // Every judgement the activity grades, in framework order; ungraded ones say so.
  const tableKeys = new Set([...(input.judgementKeys ?? []), ...byKey.keys()]);
  const tableRows = input.framework.judgements
    .filter((j) => tableKeys.has(j.key))
    .map((j) => [byKey.get(j.key)?.title ?? j.title, byKey.get(j.key)?.gradeLabel ?? NOT_GRADED]);
  const values = {
    la: input.facts.la,
    dates: input.facts.dates,
    lead: input.facts.lead,
    theme: input.facts.theme,
    visit: input.facts.visitNumber ? ordinal(input.facts.visitNumber) : null,
  };

  const sections: ReportSection[] = [];
  const parts = [main, ...main.annexes.map((k) => findTemplate(input.framework, k))];
  for (const template of parts) {
    const annex = template !== main;
    for (const s of template.sections) {
      const judgement = s.judgement ? byKey.get(s.judgement) : undefined;
      const content: SectionContent = s.content ?? 'narrative';
      const heading =
        s.heading === null
          ? null
          : fill(s.heading, {
              la: values.la,
              title: judgement?.title ?? frameworkTitle(input, s.judgement),
              grade: judgement?.gradeLabel ?? NOT_GRADED,
            });
      const section: ReportSection = {
        key: annex ? `${template.key}.${s.key}` : s.key,
        part: template.key,
        heading,
        // An annex sits under its own title, one level down from the main document.
        level: annex && content !== 'title' ? 2 : s.level,
        content,
        numbered: s.numbered,
        list: content === 'improvements' || content === 'priority_actions',
        paragraphs: s.text.map((t) => fill(t, values)),
        tables: [],
        note: s.note ?? null,
        eachParagraphStates: s.eachParagraphStates,
        ...(s.required !== undefined ? { required: s.required } : {}),
      };
      fillContent(section, s, input, judgement, judgementsInOrder, tableRows);
      sections.push(section);
    }
  }
  const titleSection = sections.find((s) => s.content === 'title' && s.part === main.key);
  return {
    templateKey: main.key,
    templateLabel: main.label,
    documentKind: main.documentKind,
    title: titleSection?.heading ?? `${main.label}: ${input.facts.la}`,
    sections,
  };
}

function frameworkTitle(input: AssemblyInput, key: string | undefined): string {
  return input.framework.judgements.find((j) => j.key === key)?.title ?? key ?? '';
}

function fillContent(
  section: ReportSection,
  s: ReportTemplate['sections'][number],
  input: AssemblyInput,
  judgement: ReportJudgement | undefined,
  judgementsInOrder: ReportJudgement[],
  tableRows: string[][],
): void {
  const add = (...paragraphs: string[]) => section.paragraphs.push(...paragraphs);
  switch (section.content) {
    case 'title':
    case 'text':
      return;
    case 'grade_table':
      section.tables.push({
        caption: section.heading ?? 'Judgements',
        // The section heading already says "Judgement": the columns name their content.
        head: ['Area', 'Grade'],
        rows: tableRows,
      });
      return;
    case 'narrative': {
      if (!judgement) return;
      add(...paragraphsOf(judgement.narrative));
      if (s.include.includes('nearness')) {
        const near = nearnessStatement(input.framework.grades, judgement.grade, judgement.position);
        if (near) add(near);
      }
      // What the one-word grade hides: how the sampled cases were rated for this area.
      const spread = judgement.caseRatings ? caseRatingParagraph(judgement.caseRatings) : null;
      if (spread) add(spread);
      // `context` is the team's note of how context was weighed (Birmingham recommendation 5):
      // the narrative says it in public words; the note itself stays internal.
      if (s.include.includes('vignettes'))
        add(
          ...strengthsFirst(
            input.vignettes.filter((v) => v.judgementArea === judgement.judgementKey),
          ).map((v) => v.text.trim()),
        );
      return;
    }
    case 'findings':
      for (const j of judgementsInOrder) add(...paragraphsOf(j.narrative));
      add(...strengthsFirst(input.vignettes).map((v) => v.text.trim()));
      return;
    case 'improvements':
      add(...input.improvements.filter((i) => !i.priority).map(improvementText));
      return;
    case 'priority_actions':
      add(...input.improvements.filter((i) => i.priority).map(improvementText));
      return;
    case 'sample_statement':
      if (!input.statement) return;
      add(...input.statement.paragraphs);
      section.tables.push(...input.statement.tables.map((t) => ({ ...t })));
      return;
    case 'plain_grades':
      for (const j of judgementsInOrder) {
        if (!j.grade) continue;
        const fj = input.framework.judgements.find((x) => x.key === j.judgementKey);
        const words = s.gradePhrases?.[j.grade] ?? (j.gradeLabel ?? j.grade).toLowerCase();
        add(`${fj?.shortTitle ?? j.title}: ${words}.`);
      }
      return;
  }
}

// Structural rules a template sets for its sections, checked on every draft and before release:
// e.g. a focused-visit letter's areas to improve must each say whether the area is "not yet
// good" or "at risk of not being good" (the 2019 review: letters did not say how far below good).
import type { ReportSection } from './types.js';

export interface StructureProblem {
  sectionKey: string;
  /** 0-based paragraph index. */
  paragraph: number;
  message: string;
}

export function checkStructure(sections: readonly ReportSection[]): StructureProblem[] {
  const problems: StructureProblem[] = [];
  for (const s of sections) {
    if (s.eachParagraphStates.length === 0) continue;
    const phrases = s.eachParagraphStates.map((p) => p.toLowerCase());
    s.paragraphs.forEach((p, i) => {
      const lower = p.toLowerCase();
      if (!phrases.some((phrase) => lower.includes(phrase)))
        problems.push({
          sectionKey: s.key,
          paragraph: i,
          message: `Item ${i + 1} of “${s.heading ?? s.key}” must say whether it is ${s.eachParagraphStates.map((x) => `“${x}”`).join(' or ')}.`,
        });
    });
  }
  return problems;
}

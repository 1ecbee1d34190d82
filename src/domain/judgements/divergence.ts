// Divergence between what the LA was told on site (keeping-in-touch meetings and the final
// feedback) and the grades now recorded. Sheffield heard "good" on site and was moved to
// "requires improvement" later by a phone call: every such difference is flagged here and needs a
// written explanation before the judgements become final. Pure: the use case gathers the facts.
import { isoDayText } from '../calendar/format.js';
import { compareGrades, gradeLabel, type Framework } from '../frameworks/index.js';

export const feedbackKinds = ['keeping_in_touch', 'final_feedback'] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];
export const feedbackKindLabels: Record<FeedbackKind, string> = {
  keeping_in_touch: 'Keeping-in-touch meeting',
  final_feedback: 'Final feedback',
};

export const themeDirections = ['strength', 'weakness', 'mixed'] as const;
export type ThemeDirection = (typeof themeDirections)[number];

export interface FeedbackTheme {
  judgementKey: string;
  direction: ThemeDirection;
  text: string;
  /** A grade indicated to the LA on site, if one was. */
  indicatedGrade: string | null;
}

export interface FeedbackEntry {
  id: string;
  kind: FeedbackKind;
  heldOn: string;
  themes: FeedbackTheme[];
}

export const divergenceRules = {
  grade_differs: 'A grade indicated on site differs from the current grade',
  strength_then_lower: 'A strength was fed back on site but the grade has gone down since',
  weakness_then_higher: 'A weakness was fed back on site but the grade has gone up since',
} as const;
export type DivergenceRule = keyof typeof divergenceRules;

export interface DivergenceFlag {
  /** Stable key: rule, feedback entry and judgement (explanations are stored against it). */
  key: string;
  rule: DivergenceRule;
  entryId: string;
  judgementKey: string;
  /** What was said on site, in words. */
  saidOnSite: string;
  /** The grade now (null when not graded). */
  currentGrade: string | null;
  message: string;
}

export interface DivergenceInput {
  entries: FeedbackEntry[];
  /** Current grade by judgement key. */
  current: Record<string, string | null>;
  /** The grade a judgement had when the feedback was given (from the change history), or null. */
  gradeWhenSaid: (judgementKey: string, entryId: string) => string | null;
  titles: Record<string, string>;
}

export function findDivergence(fw: Framework, input: DivergenceInput): DivergenceFlag[] {
  const flags: DivergenceFlag[] = [];
  const label = (g: string | null) => (g ? gradeLabel(fw, g) : 'not graded');
  for (const e of input.entries) {
    for (const t of e.themes) {
      if (!(t.judgementKey in input.current)) continue;
      const now = input.current[t.judgementKey] ?? null;
      const title = input.titles[t.judgementKey] ?? t.judgementKey;
      const base = { entryId: e.id, judgementKey: t.judgementKey, currentGrade: now };
      if (t.indicatedGrade && t.indicatedGrade !== now) {
        flags.push({
          ...base,
          key: `grade_differs:${e.id}:${t.judgementKey}`,
          rule: 'grade_differs',
          saidOnSite: `${label(t.indicatedGrade)} indicated on ${isoDayText(e.heldOn)}`,
          message: `${title}: ${label(t.indicatedGrade)} was indicated on site on ${isoDayText(e.heldOn)}; the grade is now ${label(now)}.`,
        });
      }
      const then = input.gradeWhenSaid(t.judgementKey, e.id);
      if (!then || !now) continue;
      const diff = compareGrades(fw, now, then);
      if (t.direction === 'strength' && diff > 0) {
        flags.push({
          ...base,
          key: `strength_then_lower:${e.id}:${t.judgementKey}`,
          rule: 'strength_then_lower',
          saidOnSite: `Strength: ${t.text}`,
          message: `${title}: a strength was fed back on ${isoDayText(e.heldOn)} (“${t.text}”) when the grade was ${label(then)}; it is now ${label(now)}.`,
        });
      }
      if (t.direction === 'weakness' && diff < 0) {
        flags.push({
          ...base,
          key: `weakness_then_higher:${e.id}:${t.judgementKey}`,
          rule: 'weakness_then_higher',
          saidOnSite: `Weakness: ${t.text}`,
          message: `${title}: a weakness was fed back on ${isoDayText(e.heldOn)} (“${t.text}”) when the grade was ${label(then)}; it is now ${label(now)}.`,
        });
      }
    }
  }
  return flags;
}

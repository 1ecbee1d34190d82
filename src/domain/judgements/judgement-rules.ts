// What a judgement may contain, checked against its framework version, and what the framework's
// aggregation rules say about the set of grades. Pure: no database.
import type { ErrorDetail } from '../../errors.js';
import {
  evaluateAggregation,
  findJudgement,
  type AggregationResult,
  type Framework,
  type Judgement,
  type RuleOutcome,
} from '../frameworks/index.js';
import type { GradePosition } from './report-input.js';

export const gradePositions = ['secure', 'close_to_above', 'close_to_below'] as const;

export const positionLabels: Record<GradePosition, string> = {
  secure: 'Secure in the grade',
  close_to_above: 'Close to the grade above',
  close_to_below: 'Close to the grade below',
};

export const evidenceLinkKinds = ['coding', 'evidence', 'line_of_enquiry'] as const;
export type EvidenceLinkKind = (typeof evidenceLinkKinds)[number];
export const linkDirections = ['strength', 'weakness'] as const;
export type LinkDirection = (typeof linkDirections)[number];

export interface EvidenceLink {
  kind: EvidenceLinkKind;
  id: string;
  direction: LinkDirection;
}

/** The editable content of one judgement. */
export interface JudgementContent {
  grade: string | null;
  position: GradePosition | null;
  nearness: string;
  context: string;
  narrative: string;
  criteriaMet: string[];
  criteriaNotMet: string[];
  links: EvidenceLink[];
}

/** The judgements an activity of this type grades, in framework order. */
export function judgementsFor(fw: Framework, activityType: string): Judgement[] {
  const type = fw.activityTypes.find((a) => a.key === activityType);
  const keys = new Set(type?.judgements ?? []);
  return fw.judgements.filter((j) => keys.has(j.key) && j.graded);
}

/** The criteria keys the framework lists for a judgement. */
export function criteriaOf(
  fw: Framework,
  judgementKey: string,
): Array<{ key: string; text: string }> {
  const area = fw.criteria.areas.find((a) => a.judgement === judgementKey);
  return (area?.items ?? []).map((i) => ({ key: i.key, text: i.text }));
}

/** The headline judgement (overall effectiveness) the aggregation rules constrain, if any. */
export function headlineOf(fw: Framework, keys: readonly string[]): string | null {
  return fw.judgements.find((j) => j.kind === 'headline' && keys.includes(j.key))?.key ?? null;
}

/** Problems with a judgement's content, as form-ready details (empty when it is fine). */
export function checkContent(
  fw: Framework,
  judgementKey: string,
  c: JudgementContent,
): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (!findJudgement(fw, judgementKey))
    return [{ field: 'judgementKey', value: judgementKey, reason: `Not a judgement in ${fw.id}` }];
  if (c.grade !== null && !fw.grades.some((g) => g.key === c.grade))
    out.push({
      field: 'grade',
      value: c.grade,
      reason: `Choose one of the framework’s grades (${fw.grades.map((g) => g.key).join(', ')})`,
    });
  if (c.position !== null && c.grade === null)
    out.push({ field: 'position', reason: 'Choose a grade before its position within the grade' });
  if (c.position !== null && c.position !== 'secure' && !c.nearness.trim())
    out.push({
      field: 'nearness',
      reason: 'Say how near the adjacent grade is when the judgement is not secure in its grade',
    });
  const best = fw.grades[0]?.key;
  const worst = fw.grades.at(-1)?.key;
  if (c.position === 'close_to_above' && c.grade === best)
    out.push({ field: 'position', reason: 'There is no grade above the best grade' });
  if (c.position === 'close_to_below' && c.grade === worst)
    out.push({ field: 'position', reason: 'There is no grade below the worst grade' });
  const known = new Set(criteriaOf(fw, judgementKey).map((x) => x.key));
  for (const k of [...c.criteriaMet, ...c.criteriaNotMet])
    if (!known.has(k))
      out.push({
        field: 'criteria',
        value: k,
        reason: `Not an evaluation criterion of this judgement`,
      });
  const both = c.criteriaMet.filter((k) => c.criteriaNotMet.includes(k));
  if (both.length)
    out.push({
      field: 'criteria',
      reason: `A criterion cannot be both met and not met (${both.join(', ')})`,
    });
  return out;
}

export interface AggregationCheck {
  result: AggregationResult;
  /** Hard rules broken: saving the headline judgement and moving forward are blocked. */
  hard: RuleOutcome[];
  /** Soft rules broken that the stored reason does not cover. */
  unexplainedSoft: RuleOutcome[];
}

/**
 * Checks the grades (by judgement key; null = not graded) against the framework's rules.
 * `acknowledged` lists soft rule ids a written reason has been given for.
 */
export function checkAggregation(
  fw: Framework,
  grades: Record<string, string | null>,
  acknowledged: readonly string[],
): AggregationCheck {
  const input = Object.fromEntries(
    Object.entries(grades).map(([k, v]) => [k, v ?? undefined]),
  ) as Record<string, string | undefined>;
  const result = evaluateAggregation(fw, input);
  return {
    result,
    hard: result.hard,
    unexplainedSoft: result.soft.filter((s) => !acknowledged.includes(s.ruleId)),
  };
}

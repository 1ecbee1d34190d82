// The aggregation rule engine: checks a set of judgement grades against a framework's rules.
// A rule whose inputs are not all graded is "not applicable", so partial or unparsed grades
// never break evaluation and never produce false violations.
import { AppError, type ErrorDetail } from '../../errors.js';
import { bestGrade, gradeLabel, gradeRank, worstGrade } from './grades.js';
import {
  COMPARATORS,
  type Comparator,
  type Condition,
  type Framework,
  type OperandInput,
  type Rule,
} from './schema.js';

export interface RuleOutcome {
  ruleId: string;
  severity: 'hard' | 'soft';
  title: string;
  /** The rule itself in plain English. */
  description: string;
  /** What is wrong in this case, naming the grades involved. */
  explanation: string;
  /** The grades the rule read, by judgement key. */
  grades: Record<string, string>;
  /** Soft rules may be overridden, but only with a written reason. */
  needsReason: boolean;
}

export interface AggregationResult {
  /** Hard rules broken: the combination of grades must not be recorded. */
  hard: RuleOutcome[];
  /** Soft rules broken: allowed with a written reason. */
  soft: RuleOutcome[];
  /** Rules not checked because a grade they read is missing. */
  notApplicable: string[];
}

export type GradeInput = Record<string, string | undefined>;
type Known = Record<string, string>;

/** Every judgement key a condition or operand reads. */
export function conditionInputs(c: Condition, into: Set<string> = new Set()): Set<string> {
  c.and?.forEach((x) => conditionInputs(x, into));
  c.or?.forEach((x) => conditionInputs(x, into));
  if (c.not) conditionInputs(c.not, into);
  if (c.judgement !== undefined) into.add(c.judgement);
  c.any?.forEach((k) => into.add(k));
  c.all?.forEach((k) => into.add(k));
  for (const cmp of COMPARATORS) {
    const o = c[cmp];
    if (o === undefined || typeof o === 'string') continue;
    if (o.judgement !== undefined) into.add(o.judgement);
    o.worstOf?.forEach((k) => into.add(k));
    o.bestOf?.forEach((k) => into.add(k));
  }
  return into;
}

export function ruleInputs(rule: Rule): string[] {
  const set = conditionInputs(rule.require);
  if (rule.when) conditionInputs(rule.when, set);
  return [...set];
}

function resolve(fw: Framework, o: OperandInput, g: Known): string {
  if (typeof o === 'string') return o;
  if (o.grade !== undefined) return o.grade;
  if (o.judgement !== undefined) return g[o.judgement] as string;
  if (o.worstOf)
    return worstGrade(
      fw,
      o.worstOf.map((k) => g[k] as string),
    ) as string;
  return bestGrade(
    fw,
    (o.bestOf ?? []).map((k) => g[k] as string),
  ) as string;
}

function compare(fw: Framework, cmp: Comparator, value: string, target: string): boolean {
  const diff = gradeRank(fw, value) - gradeRank(fw, target);
  if (cmp === 'is') return diff === 0;
  if (cmp === 'isNot') return diff !== 0;
  if (cmp === 'noBetterThan') return diff >= 0;
  return diff <= 0;
}

const comparatorOf = (c: Condition): Comparator | undefined =>
  COMPARATORS.find((k) => c[k] !== undefined);
const subjectsOf = (c: Condition): string[] =>
  c.judgement !== undefined ? [c.judgement] : (c.any ?? c.all ?? []);

/** Evaluates a condition whose inputs are all known. */
export function holds(fw: Framework, c: Condition, g: Known): boolean {
  if (c.and) return c.and.every((x) => holds(fw, x, g));
  if (c.or) return c.or.some((x) => holds(fw, x, g));
  if (c.not) return !holds(fw, c.not, g);
  const cmp = comparatorOf(c) as Comparator;
  const target = resolve(fw, c[cmp] as OperandInput, g);
  const test = (k: string) => compare(fw, cmp, g[k] as string, target);
  return c.any ? c.any.some(test) : subjectsOf(c).every(test);
}

// ---- Plain-English explanations -------------------------------------------------------------

interface Words {
  title: (key: string) => string;
  label: (grade: string) => string;
}

function listOf(items: string[], joiner = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
}

function describeOperand(fw: Framework, o: OperandInput, g: Known, w: Words): string {
  const grade = w.label(resolve(fw, o, g));
  if (typeof o === 'string' || o.grade !== undefined) return grade;
  if (o.judgement !== undefined) return `${w.title(o.judgement)} (${grade})`;
  const keys = o.worstOf ?? o.bestOf ?? [];
  return `the ${o.worstOf ? 'worst' : 'best'} of ${listOf(keys.map(w.title))} (${grade})`;
}

const PHRASES: Record<Comparator, string> = {
  is: 'be',
  isNot: 'not be',
  noBetterThan: 'be no better than',
  noWorseThan: 'be no worse than',
};

const gradesOf = (keys: string[], g: Known, w: Words) =>
  listOf(keys.map((k) => `${w.title(k)} is ${w.label(g[k] as string)}`));

/** Why a requirement fails, e.g. "Overall effectiveness is Good, but it must be Inadequate". */
function describeFailure(fw: Framework, c: Condition, g: Known, w: Words): string {
  const cmp = comparatorOf(c);
  if (!cmp) return `the requirement is not met (${gradesOf([...conditionInputs(c)], g, w)})`;
  const must = `${PHRASES[cmp]} ${describeOperand(fw, c[cmp] as OperandInput, g, w)}`;
  if (c.judgement !== undefined) return `${gradesOf([c.judgement], g, w)}, but it must ${must}`;
  if (c.any)
    return `none of ${listOf(c.any.map(w.title), 'or')} does (${gradesOf(c.any, g, w)}), but at least one must ${must}`;
  const failing = (c.all ?? []).filter((k) => !holds(fw, { judgement: k, [cmp]: c[cmp] }, g));
  return `${gradesOf(failing, g, w)}, but ${c.all && c.all.length > 1 ? `each of ${listOf(c.all.map(w.title))}` : 'it'} must ${must}`;
}

/** The facts that make a `when` condition true, e.g. "Children in care is Inadequate". */
function describeTrigger(fw: Framework, c: Condition, g: Known, w: Words): string {
  const cmp = comparatorOf(c);
  if (cmp && c.any)
    return gradesOf(
      c.any.filter((k) => holds(fw, { judgement: k, [cmp]: c[cmp] }, g)),
      g,
      w,
    );
  return gradesOf([...conditionInputs(c)], g, w);
}

function words(fw: Framework, date: Date | string | undefined): Words {
  const titles = new Map(fw.judgements.map((j) => [j.key, j.shortTitle]));
  return {
    title: (k) => titles.get(k) ?? k,
    label: (grade) => gradeLabel(fw, grade, date === undefined ? {} : { date }),
  };
}

function checkInput(fw: Framework, grades: GradeInput): Known {
  const problems: ErrorDetail[] = [];
  const known: Known = {};
  for (const [key, value] of Object.entries(grades)) {
    if (value === undefined) continue;
    const j = fw.judgements.find((x) => x.key === key);
    if (!j || !j.graded)
      problems.push({ field: key, value, reason: `Not a graded judgement in ${fw.id}` });
    else if (!fw.grades.some((x) => x.key === value)) {
      problems.push({
        field: key,
        value,
        reason: `Not a grade key in ${fw.id} (${fw.grades.map((x) => x.key).join(', ')})`,
      });
    } else known[key] = value;
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { details: problems });
  return known;
}

/**
 * Checks judgement grades (by judgement key, grade keys as values; undefined = not graded)
 * against the framework's aggregation rules. `date` picks grade labels in force then.
 * Throws VALIDATION_FAILED for a judgement or grade key the framework does not have.
 */
export function evaluateAggregation(
  fw: Framework,
  grades: GradeInput,
  opts: { date?: Date | string } = {},
): AggregationResult {
  const g = checkInput(fw, grades);
  const w = words(fw, opts.date);
  const result: AggregationResult = { hard: [], soft: [], notApplicable: [] };
  for (const rule of fw.aggregation.rules) {
    const inputs = ruleInputs(rule);
    if (inputs.some((k) => g[k] === undefined)) {
      result.notApplicable.push(rule.id);
      continue;
    }
    if (rule.when && !holds(fw, rule.when, g)) continue;
    if (holds(fw, rule.require, g)) continue;
    const because = rule.when
      ? ` This applies because ${describeTrigger(fw, rule.when, g, w)}.`
      : '';
    const failure = describeFailure(fw, rule.require, g, w);
    result[rule.severity].push({
      ruleId: rule.id,
      severity: rule.severity,
      title: rule.title,
      description: rule.description,
      explanation: `${failure.charAt(0).toUpperCase()}${failure.slice(1)}.${because}`,
      grades: Object.fromEntries(inputs.map((k) => [k, g[k] as string])),
      needsReason: rule.severity === 'soft',
    });
  }
  return result;
}

// Checks a planned activity against its framework's activity rules (rules-schema.ts). Pure: the
// caller supplies the authority's last judgement and its timeline of activities and visits.
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days.js';
import type { ActivityRules, Severity } from './rules-schema.js';

export interface PlannedActivity {
  activityType: string;
  start: string;
  /** Last day on site; when absent, taken from the type's shape (days on site). */
  end: string | null;
}

export interface LastJudgement {
  start: string;
  /** The overall effectiveness grade key, when known. */
  overall: string | null;
  /** Grade keys by judgement key. */
  grades: Readonly<Record<string, string>>;
}

export interface TimelineItem {
  activityType: string;
  start: string;
  end: string | null;
  /** How a finding names it: "Focused visit, 3 March 2026". */
  label: string;
}

export interface RuleContext {
  lastJudgement: LastJudgement | null;
  /** The authority's other activities and visits (recorded and from the published history). */
  timeline: readonly TimelineItem[];
  /** Grade keys, best first (the framework's order). */
  gradeOrder: readonly string[];
  typeLabel: (key: string) => string;
  gradeLabel: (key: string) => string;
  dateText: (iso: string) => string;
}

export interface RuleFinding {
  rule: string;
  label: string;
  severity: Severity;
  /** Why it applies here, in a sentence naming dates and grades. */
  detail: string;
}

export interface RuleCheck {
  findings: RuleFinding[];
  /** What could not be checked, and why (for example no judgement on record). */
  notes: string[];
  /** The last day on site the checks used. */
  end: string;
}

const DAY = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function time(iso: string): number {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
}
function iso(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}
function weekday(isoDate: string): string {
  return WEEKDAYS[new Date(time(isoDate)).getUTCDay()] ?? '';
}
/** The same day `months` later (or earlier), kept within the month. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)));
}
function overlaps(a1: string, a2: string, b1: string, b2: string): boolean {
  return a1 <= b2 && b1 <= a2;
}

/** The last day on site: as planned, or from the type's shape. */
export function plannedEnd(rules: ActivityRules, a: PlannedActivity): string {
  if (a.end) return a.end;
  const shape = rules.shapes.find((s) => s.activityType === a.activityType);
  return shape ? addWorkingDays(a.start, Math.max(0, shape.fieldworkDays - 1)) : a.start;
}

function gradeAtLeast(ctx: RuleContext, grade: string, floor: string): boolean {
  const g = ctx.gradeOrder.indexOf(grade);
  const f = ctx.gradeOrder.indexOf(floor);
  return g >= 0 && f >= 0 && g <= f;
}

function list(ctx: RuleContext, keys: readonly string[]): string {
  const words = keys.map((k) => ctx.gradeLabel(k).toLowerCase());
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function eligibility(rules: ActivityRules, a: PlannedActivity, ctx: RuleContext): RuleCheck {
  const out: RuleCheck = { findings: [], notes: [], end: '' };
  const applicable = rules.eligibility.filter((r) => r.activityTypes.includes(a.activityType));
  if (applicable.length === 0) return out;
  const last = ctx.lastJudgement;
  if (!last?.overall) {
    out.notes.push(
      'No judgement inspection with an overall grade is on record for this local authority, so eligibility by grade was not checked.',
    );
    return out;
  }
  const overall = last.overall;
  const when = `at its last inspection (${ctx.dateText(last.start)})`;
  for (const r of applicable) {
    if (r.whenLastOverall && !r.whenLastOverall.includes(overall)) continue;
    const reasons: string[] = [];
    if (r.lastOverallIn && !r.lastOverallIn.includes(overall))
      reasons.push(
        `it was judged ${ctx.gradeLabel(overall).toLowerCase()} ${when}, not ${list(ctx, r.lastOverallIn)}`,
      );
    for (const need of r.atLeast) {
      const met = need.judgements.filter((j) => {
        const g = last.grades[j];
        return g !== undefined && gradeAtLeast(ctx, g, need.grade);
      }).length;
      if (met < need.count)
        reasons.push(
          `${met} of ${need.judgements.length} of the judgements it needs were ${ctx.gradeLabel(need.grade).toLowerCase()} or better ${when}; ${need.count} are needed`,
        );
    }
    if (reasons.length > 0)
      out.findings.push({
        rule: r.key,
        label: r.label,
        severity: r.severity,
        detail: cap(reasons.join('; ')),
      });
  }
  return out;
}

/** A sentence: capital first letter, full stop at the end. */
function cap(s: string): string {
  return title(s) + (s.endsWith('.') ? '' : '.');
}
function title(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function shape(
  rules: ActivityRules,
  a: PlannedActivity,
  end: string,
  ctx: RuleContext,
): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const r of rules.shapes.filter((s) => s.activityType === a.activityType)) {
    const problems: string[] = [];
    const day = weekday(a.start);
    if (!(r.startDays as readonly string[]).includes(day))
      problems.push(
        `it starts on a ${title(day)}; ${ctx.typeLabel(a.activityType).toLowerCase()}s usually start on a ${r.startDays.map(title).join(' or ')}`,
      );
    const days = workingDaysBetween(a.start, end) + 1;
    if (a.end && days !== r.fieldworkDays)
      problems.push(`it plans ${days} working days on site, not ${r.fieldworkDays}`);
    if (problems.length > 0)
      out.push({
        rule: r.key,
        label: r.label,
        severity: r.severity,
        detail: cap(problems.join('; ')),
      });
  }
  return out;
}

function spacing(
  rules: ActivityRules,
  a: PlannedActivity,
  end: string,
  ctx: RuleContext,
): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const r of rules.spacing.filter((s) => s.activityTypes.includes(a.activityType))) {
    const pad = r.kind === 'gap' ? r.weeks * 7 * DAY : 0;
    const from = iso(time(a.start) - pad);
    const to = iso(time(end) + pad);
    // An activity recorded without an end lasts as long as its type usually does.
    const clashes = ctx.timeline.filter(
      (t) =>
        r.otherTypes.includes(t.activityType) && overlaps(from, to, t.start, plannedEnd(rules, t)),
    );
    if (clashes.length === 0) continue;
    const names = clashes.map((c) => c.label).join('; ');
    const detail =
      r.kind === 'overlap'
        ? `It would be on site at the same time as: ${names}.`
        : `It would fall within ${r.weeks} weeks of: ${names}.`;
    out.push({ rule: r.key, label: r.label, severity: r.severity, detail });
  }
  return out;
}

/** The last earlier item of these types, by start date. */
function lastBefore(
  ctx: RuleContext,
  types: readonly string[],
  before: string,
): TimelineItem | null {
  let best: TimelineItem | null = null;
  for (const t of ctx.timeline)
    if (types.includes(t.activityType) && t.start < before && (!best || t.start > best.start))
      best = t;
  return best;
}

function windows(rules: ActivityRules, a: PlannedActivity, ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  const overall = ctx.lastJudgement?.overall ?? null;
  for (const r of rules.windows.filter((w) => w.activityTypes.includes(a.activityType))) {
    if (r.whenLastOverall && (!overall || !r.whenLastOverall.includes(overall))) continue;
    const prev = lastBefore(ctx, r.previousTypes, a.start);
    if (!prev) continue;
    const anniversary = addMonths(prev.start, r.anniversaryMonths);
    const opens = addMonths(anniversary, -r.monthsBefore);
    const closes = addMonths(anniversary, r.monthsAfter);
    if (a.start >= opens && a.start <= closes) continue;
    out.push({
      rule: r.key,
      label: r.label,
      severity: r.severity,
      detail: `The window after ${prev.label} runs from ${ctx.dateText(opens)} to ${ctx.dateText(closes)}; this starts on ${ctx.dateText(a.start)}.`,
    });
  }
  return out;
}

function cadence(rules: ActivityRules, a: PlannedActivity, ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const r of rules.cadence.filter((c) => c.activityTypes.includes(a.activityType))) {
    const near = ctx.timeline.filter(
      (t) =>
        r.activityTypes.includes(t.activityType) &&
        Math.abs(time(t.start) - time(a.start)) < r.minMonths * 30.44 * DAY,
    );
    if (near.length === 0) continue;
    out.push({
      rule: r.key,
      label: r.label,
      severity: r.severity,
      detail: `Within ${r.minMonths} months of: ${near.map((n) => n.label).join('; ')}.`,
    });
  }
  return out;
}

function between(rules: ActivityRules, a: PlannedActivity, ctx: RuleContext): RuleFinding[] {
  const out: RuleFinding[] = [];
  const overall = ctx.lastJudgement?.overall ?? null;
  for (const r of rules.between.filter((b) => b.activityTypes.includes(a.activityType))) {
    if (r.whenLastOverall && (!overall || !r.whenLastOverall.includes(overall))) continue;
    const prev = lastBefore(ctx, r.previousTypes, a.start);
    if (!prev) continue;
    const since = ctx.timeline.some(
      (t) => r.requiredTypes.includes(t.activityType) && t.start > prev.start && t.start < a.start,
    );
    if (since) continue;
    out.push({
      rule: r.key,
      label: r.label,
      severity: r.severity,
      detail: `No ${r.requiredTypes.map((k) => ctx.typeLabel(k).toLowerCase()).join(' or ')} since ${prev.label}.`,
    });
  }
  return out;
}

function blackouts(
  rules: ActivityRules,
  a: PlannedActivity,
  end: string,
  ctx: RuleContext,
): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const b of rules.blackouts.filter((x) => x.activityTypes.includes(a.activityType))) {
    const periods: [string, string][] = [];
    if (b.once) periods.push([b.once.from, b.once.to]);
    if (b.everyYear) {
      const y0 = Number(a.start.slice(0, 4));
      for (let y = y0 - 1; y <= Number(end.slice(0, 4)); y += 1) {
        const from = `${y}-${b.everyYear.from}`;
        const crosses = b.everyYear.to < b.everyYear.from;
        periods.push([from, `${crosses ? y + 1 : y}-${b.everyYear.to}`]);
      }
    }
    const hit = periods.find(([f, t]) => overlaps(a.start, end, f, t));
    if (!hit) continue;
    out.push({
      rule: b.key,
      label: b.label,
      severity: b.severity,
      detail: `It would be on site between ${ctx.dateText(hit[0])} and ${ctx.dateText(hit[1])}.`,
    });
  }
  return out;
}

/** Every rule of the framework that this planned activity breaks, hard ones first. */
export function checkActivityRules(
  rules: ActivityRules,
  a: PlannedActivity,
  ctx: RuleContext,
): RuleCheck {
  const end = plannedEnd(rules, a);
  const elig = eligibility(rules, a, ctx);
  const findings = [
    ...elig.findings,
    ...shape(rules, a, end, ctx),
    ...spacing(rules, a, end, ctx),
    ...windows(rules, a, ctx),
    ...cadence(rules, a, ctx),
    ...between(rules, a, ctx),
    ...blackouts(rules, a, end, ctx),
  ];
  const order: Record<Severity, number> = { hard: 0, soft: 1, advice: 2 };
  findings.sort((x, y) => order[x.severity] - order[y.severity]);
  return { findings, notes: elig.notes, end };
}

// What each LA needs in the programme year and in which weeks it may start: the framework's
// activity rules (domain/scheduling) are asked of every candidate week, so a week a hard rule
// refuses is never offered to the solver, and a soft rule broken is a cost with its amount.
import { addMonths, checkActivityRules, type RuleFinding } from '../scheduling/check-rules.js';
import type { ActivityRules } from '../scheduling/rules-schema.js';
import {
  addDays,
  weekStart,
  type ProgrammeInstance,
  type ProgrammeLa,
  riskFactor,
} from './instance.js';

const JUDGEMENT_TYPES = ['short_inspection', 'standard_inspection'];
const PAST_JUDGEMENTS = [...JUDGEMENT_TYPES, 'sif_inspection', 'sif_reinspection'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

export interface CostItem {
  rule: string;
  /** How much (weeks late, findings, weeks of delay). */
  amount: number;
  cost: number;
  detail: string;
}

export interface Candidate {
  week: number;
  cost: number;
  costs: CostItem[];
}

export interface Demand {
  key: string;
  laIndex: number;
  activityType: string;
  /** 1 for the first activity of this type for this LA this year, 2 for the second... */
  ordinal: number;
  /** An optional activity may be left out, at the skip cost; the others must be placed. */
  optional: boolean;
  /** Why the LA needs it (the eligibility and the window, in words). */
  why: string;
  window: { opens: string; closes: string } | null;
  teamSize: number;
  /** Days from Monday the fieldwork starts on, and on-site working days in each week from there. */
  startOffset: number;
  daysByWeek: number[];
  candidates: Candidate[];
  /** Weeks refused, with the rules that refused them. */
  excluded: { week: number; rules: string[] }[];
}

/** Days on site in all. */
export const fieldworkDays = (dem: Pick<Demand, 'daysByWeek'>): number =>
  dem.daysByWeek.reduce((a, b) => a + b, 0);

/** Where a type's fieldwork starts in the week and how its days fall over the weeks. */
export function activityShape(
  rules: ActivityRules,
  type: string,
): { offset: number; daysByWeek: number[] } {
  const shape = rules.shapes.find((s) => s.activityType === type);
  const offset = Math.max(0, WEEKDAYS.indexOf(shape?.startDays[0] ?? 'monday'));
  const days = shape?.fieldworkDays ?? 5;
  const byWeek: number[] = [];
  for (let d = 0; d < days; d += 1) {
    const w = Math.floor((offset + d) / 5);
    byWeek[w] = (byWeek[w] ?? 0) + 1;
  }
  return { offset, daysByWeek: byWeek };
}

function judgementWindow(
  inst: ProgrammeInstance,
  la: ProgrammeLa,
  type: string,
): { opens: string; closes: string } | null {
  const last = la.lastJudgement;
  if (!last) return null;
  const overall = last.overall;
  if (overall === 'inadequate') {
    const due = addMonths(last.start, inst.settings.inadequateReinspectionMonths);
    return { opens: addMonths(due, -6), closes: addMonths(due, 6) };
  }
  const r = inst.rules.rules.windows.find(
    (w) =>
      w.activityTypes.includes(type) &&
      (!w.whenLastOverall || (overall !== null && w.whenLastOverall.includes(overall))),
  );
  if (!r) return null;
  const anniversary = addMonths(last.start, r.anniversaryMonths);
  return {
    opens: addMonths(anniversary, -r.monthsBefore),
    closes: addMonths(anniversary, r.monthsAfter),
  };
}

interface Wanted {
  type: string;
  optional: boolean;
  why: string;
  window: { opens: string; closes: string } | null;
}

/** The activities an LA needs in the year, by its last judgement and its timeline. */
export function wantedActivities(inst: ProgrammeInstance, la: ProgrammeLa): Wanted[] {
  const end = addDays(weekStart(inst, inst.weeks), -1);
  const last = la.lastJudgement;
  const overall = last?.overall ?? null;
  const since = (types: string[]) =>
    la.timeline.some((t) => types.includes(t.activityType) && (!last || t.start > last.start));
  const out: Wanted[] = [];
  const judged = overall
    ? `judged ${overall.replace(/_/g, ' ')} on ${last?.start}`
    : 'no judgement';
  // A judgement inspection already fixed after the last one needs no other.
  if (!since(PAST_JUDGEMENTS)) {
    const type =
      overall === 'good' || overall === 'outstanding' ? JUDGEMENT_TYPES[0] : JUDGEMENT_TYPES[1];
    const window = judgementWindow(inst, la, type!);
    if (!window)
      out.push({ type: type!, optional: true, why: `${judged}; no window on record`, window });
    else if (window.opens <= end)
      out.push({
        type: type!,
        optional: window.closes > end,
        why: `${judged}; window ${window.opens} to ${window.closes}`,
        window,
      });
  }
  if (overall && overall !== 'inadequate' && !since(['focused_visit']))
    out.push({
      type: 'focused_visit',
      optional: true,
      why: `${judged}; no focused visit since`,
      window: null,
    });
  if (overall === 'inadequate')
    for (
      let k = 0;
      k < Math.max(1, Math.round((inst.settings.monitoringVisitsPerYear * inst.weeks) / 52));
      k += 1
    )
      out.push({
        type: 'monitoring_visit',
        optional: false,
        why: `${judged}; monitored until re-inspected`,
        window: null,
      });
  return out;
}

function weeksOutside(start: string, window: { opens: string; closes: string }): number {
  const day = 86_400_000;
  const t = (s: string) => Date.parse(`${s}T00:00:00Z`);
  if (start < window.opens) return Math.ceil((t(window.opens) - t(start)) / (7 * day));
  if (start > window.closes) return Math.ceil((t(start) - t(window.closes)) / (7 * day));
  return 0;
}

function ruleContext(inst: ProgrammeInstance, la: ProgrammeLa) {
  return {
    lastJudgement: la.lastJudgement,
    timeline: la.timeline,
    gradeOrder: inst.rules.gradeOrder,
    typeLabel: (k: string) => inst.rules.typeLabels[k] ?? k.replace(/_/g, ' '),
    gradeLabel: (k: string) => k.replace(/_/g, ' '),
    dateText: (d: string) => d,
  };
}

/** Candidate weeks for one wanted activity: hard rules remove weeks, soft ones cost. */
function candidates(
  inst: ProgrammeInstance,
  la: ProgrammeLa,
  want: Wanted,
  shape: { offset: number; daysByWeek: number[] },
  pinnedWeek: number | undefined,
): Pick<Demand, 'candidates' | 'excluded'> {
  const w = inst.settings.weights;
  const ctx = ruleContext(inst, la);
  const out: Pick<Demand, 'candidates' | 'excluded'> = { candidates: [], excluded: [] };
  const lastWeek = inst.weeks - shape.daysByWeek.length;
  for (let s = 0; s < inst.weeks; s += 1) {
    const start = addDays(weekStart(inst, s), shape.offset);
    if (s > lastWeek) {
      out.excluded.push({ week: s, rules: ['horizon'] });
      continue;
    }
    if (pinnedWeek !== undefined && s !== pinnedWeek) {
      out.excluded.push({ week: s, rules: ['pin'] });
      continue;
    }
    const check = checkActivityRules(
      inst.rules.rules,
      { activityType: want.type, start, end: null },
      ctx,
    );
    const hard = check.findings.filter(
      (f) => f.severity === 'hard' || inst.settings.hardRules.includes(f.rule),
    );
    if (hard.length > 0) {
      out.excluded.push({ week: s, rules: hard.map((f) => f.rule) });
      continue;
    }
    const costs: CostItem[] = [];
    const risk = riskFactor(la.riskLevel);
    if (risk > 0 && s > 0)
      costs.push({
        rule: 'risk_seen_sooner',
        amount: s,
        cost: (w.riskSooner * risk * s) / inst.weeks,
        detail: `${s} weeks from the start, risk ${la.riskLevel ?? 'not assessed'}`,
      });
    if (want.window) {
      const late = weeksOutside(start, want.window);
      if (late > 0)
        costs.push({
          rule: 'judgement_inspection_window',
          amount: late,
          cost: w.lateness * late,
          detail: `${late} weeks outside the window ${want.window.opens} to ${want.window.closes}`,
        });
    }
    const soft = check.findings.filter(
      (f: RuleFinding) => f.severity === 'soft' && f.rule !== 'judgement_inspection_window',
    );
    for (const f of soft)
      costs.push({ rule: f.rule, amount: 1, cost: w.softRule, detail: f.detail });
    out.candidates.push({ week: s, costs, cost: costs.reduce((a, c) => a + c.cost, 0) });
  }
  return out;
}

/** Every activity the programme must (or may) place, with its candidate weeks. */
export function buildDemands(inst: ProgrammeInstance): Demand[] {
  const out: Demand[] = [];
  inst.las.forEach((la, laIndex) => {
    const count = new Map<string, number>();
    for (const want of wantedActivities(inst, la)) {
      const ordinal = (count.get(want.type) ?? 0) + 1;
      count.set(want.type, ordinal);
      const shape = activityShape(inst.rules.rules, want.type);
      const pin = inst.pins.find((p) => p.laId === la.id && p.activityType === want.type);
      const pinned = ordinal === 1 ? pin : undefined;
      out.push({
        key: `${la.id}|${want.type}|${ordinal}`,
        laIndex,
        activityType: want.type,
        ordinal,
        // A pinned activity is placed: the pin says it happens.
        optional: want.optional && !pinned,
        why: want.why,
        window: want.window,
        teamSize: inst.rules.teamSize[want.type] ?? inst.settings.teamSizeFallback,
        startOffset: shape.offset,
        daysByWeek: shape.daysByWeek,
        ...candidates(inst, la, want, shape, pinned?.week),
      });
    }
  });
  return out;
}

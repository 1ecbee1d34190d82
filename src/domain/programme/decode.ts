// From the solver's column values back to a plan people can read: each placement with its team
// and the rules that bind it, each soft rule broken and by how much, and (from an elastic solve)
// which rules conflict when no plan exists.
import { plannedEnd } from '../scheduling/check-rules.js';
import type { CostItem, Demand } from './demand.js';
import { addDays, weekStart, type ProgrammeInstance } from './instance.js';
import type { BuiltModel } from './model.js';

export interface TeamMember {
  inspectorId: string;
  name: string;
  lead: boolean;
  homeRegion: string;
}

export interface Placement {
  laId: string;
  laName: string;
  region: string;
  activityType: string;
  typeLabel: string;
  ordinal: number;
  week: number;
  /** First and last day on site. */
  start: string;
  end: string;
  team: TeamMember[];
  /** The soft costs this placement carries, by rule. */
  costs: CostItem[];
  /** Why it is here and why in this week: the rules that bind it, in sentences. */
  binding: string[];
}

export interface SoftBreach {
  rule: string;
  amount: number;
  detail: string;
}

export interface Plan {
  start: string;
  weeks: number;
  placements: Placement[];
  /** Optional activities left out (at the skip cost). */
  skipped: { laId: string; activityType: string; why: string }[];
  softBreaches: SoftBreach[];
  /** Weeks on site per inspector. */
  loads: { inspectorId: string; weeks: number }[];
}

function ranges(weeks: number[]): string {
  const out: string[] = [];
  const sorted = [...weeks].sort((a, b) => a - b);
  for (let k = 0; k < sorted.length; k += 1) {
    const from = sorted[k]!;
    while (k + 1 < sorted.length && sorted[k + 1] === sorted[k]! + 1) k += 1;
    out.push(from === sorted[k] ? `${from}` : `${from}-${sorted[k]}`);
  }
  return out.join(', ');
}

export function decodePlan(
  inst: ProgrammeInstance,
  built: BuiltModel,
  values: ArrayLike<number>,
): Plan {
  const chosen = new Map<number, number>();
  const teams = new Map<number, number[]>();
  const skipped = new Set<number>();
  built.columns.forEach((c, k) => {
    if ((values[k] ?? 0) < 0.5) return;
    if (c.kind === 'x') chosen.set(c.d, c.s);
    if (c.kind === 'y') teams.set(c.d, [...(teams.get(c.d) ?? []), c.i]);
    if (c.kind === 'skip') skipped.add(c.d);
  });
  return decodeChoice(inst, built.demands, { chosen, teams, skipped });
}

/** The plan from the choices themselves: each demand's start week, team and the skipped. */
export function decodeChoice(
  inst: ProgrammeInstance,
  demands: Demand[],
  choice: { chosen: Map<number, number>; teams: Map<number, number[]>; skipped: Set<number> },
): Plan {
  const { chosen, teams, skipped } = choice;
  const loads = new Map(inst.inspectors.map((p) => [p.id, 0]));
  const placements: Placement[] = [];
  const leadCount = new Map<number, number>();
  for (const [d, s] of [...chosen].sort((a, b) => a[1] - b[1] || a[0] - b[0])) {
    const dem = demands[d]!;
    const la = inst.las[dem.laIndex]!;
    const start = addDays(weekStart(inst, s), dem.startOffset);
    const end = plannedEnd(inst.rules.rules, { activityType: dem.activityType, start, end: null });
    const members = teams.get(d) ?? [];
    // The lead: the lead-qualified member who has led least so far (spreads the lead role).
    const leadIdx = members
      .filter((i) => inst.inspectors[i]!.leadQualified)
      .sort((a, b) => (leadCount.get(a) ?? 0) - (leadCount.get(b) ?? 0) || a - b)[0];
    if (leadIdx !== undefined) leadCount.set(leadIdx, (leadCount.get(leadIdx) ?? 0) + 1);
    const weeksOn = dem.daysByWeek.filter((x) => x > 0).length;
    for (const i of members)
      loads.set(inst.inspectors[i]!.id, (loads.get(inst.inspectors[i]!.id) ?? 0) + weeksOn);
    const cand = dem.candidates.find((c) => c.week === s);
    const costs = [...(cand?.costs ?? [])];
    const away = members.filter((i) => inst.inspectors[i]!.homeRegion !== la.region).length;
    if (away > 0)
      costs.push({
        rule: 'travel',
        amount: away,
        cost: away * inst.settings.weights.travel,
        detail: `${away} of the team from another region`,
      });
    const byRule = new Map<string, number[]>();
    for (const e of dem.excluded)
      for (const r of e.rules)
        if (r !== 'horizon') byRule.set(r, [...(byRule.get(r) ?? []), e.week]);
    const binding = [
      `Needed: ${dem.why}.`,
      ...[...byRule].map(
        ([r, ws]) => `${r} rules out week${ws.length > 1 ? 's' : ''} ${ranges(ws)}.`,
      ),
      `Team of ${dem.teamSize} with one lead-qualified inspector (lead: ${leadIdx !== undefined ? inst.inspectors[leadIdx]!.id : 'none'}).`,
    ];
    const earliest = dem.candidates[0]?.week;
    if (earliest !== undefined && s > earliest)
      binding.push(
        `Not in week ${earliest}, the earliest allowed: its cost there is higher or the inspectors, the LA's other activities or the spacing rules rule it out.`,
      );
    placements.push({
      laId: la.id,
      laName: la.name,
      region: la.region,
      activityType: dem.activityType,
      typeLabel: inst.rules.typeLabels[dem.activityType] ?? dem.activityType,
      ordinal: dem.ordinal,
      week: s,
      start,
      end,
      team: members.map((i) => {
        const p = inst.inspectors[i]!;
        return {
          inspectorId: p.id,
          name: p.name ?? p.id,
          lead: i === leadIdx,
          homeRegion: p.homeRegion,
        };
      }),
      costs,
      binding,
    });
  }
  const loadList = [...loads].map(([inspectorId, weeks]) => ({ inspectorId, weeks }));
  const softBreaches: SoftBreach[] = placements.flatMap((p) =>
    p.costs
      .filter((c) => c.rule !== 'risk_seen_sooner')
      .map((c) => ({
        rule: c.rule,
        amount: c.amount,
        detail: `${p.laName}, ${p.typeLabel} (week ${p.week}): ${c.detail}`,
      })),
  );
  if (loadList.length > 1) {
    const ws = loadList.map((l) => l.weeks);
    const spread = Math.max(...ws) - Math.min(...ws);
    if (spread > 0)
      softBreaches.push({
        rule: 'uneven_load',
        amount: spread,
        detail: `Weeks on site range from ${Math.min(...ws)} to ${Math.max(...ws)} across inspectors`,
      });
  }
  for (const p of inst.previous?.placements ?? []) {
    const now = placements.find(
      (x) => x.laId === p.laId && x.activityType === p.activityType && x.ordinal === 1,
    );
    if (!now)
      softBreaches.push({
        rule: 'change_from_previous',
        amount: 1,
        detail: `${p.laId} ${p.activityType} (week ${p.week}) is no longer in the plan`,
      });
    else if (now.week !== p.week)
      softBreaches.push({
        rule: 'change_from_previous',
        amount: Math.abs(now.week - p.week),
        detail: `${now.laName} ${now.typeLabel} moved from week ${p.week} to week ${now.week}`,
      });
  }
  const skippedList = [...skipped].map((d) => {
    const dem = demands[d]!;
    return { laId: inst.las[dem.laIndex]!.id, activityType: dem.activityType, why: dem.why };
  });
  for (const s of skippedList)
    softBreaches.push({
      rule: 'optional_left_out',
      amount: 1,
      detail: `${s.laId}: ${s.activityType} left out (${s.why})`,
    });
  return {
    start: inst.start,
    weeks: inst.weeks,
    placements,
    skipped: skippedList,
    softBreaches,
    loads: loadList,
  };
}

export interface Conflict {
  /** The rule (or group of constraints) relaxed. */
  rule: string;
  /** How much it had to give: slack units or columns used against it. */
  amount: number;
  /** Where: the LA, activity, inspector or week. */
  where: string[];
}

/** From an elastic solve: the rules that had to give for a plan to exist. */
export function diagnoseConflicts(
  built: BuiltModel,
  inst: ProgrammeInstance,
  values: ArrayLike<number>,
): Conflict[] {
  const out = new Map<string, Conflict>();
  const add = (rule: string, amount: number, where: string) => {
    const c = out.get(rule) ?? { rule, amount: 0, where: [] };
    c.amount += amount;
    if (c.where.length < 20) c.where.push(where);
    out.set(rule, c);
  };
  built.columns.forEach((c, k) => {
    const v = values[k] ?? 0;
    if (v < 1e-6) return;
    if (c.kind === 'slack') add(c.group, v, c.detail);
    else if ((c.kind === 'x' || c.kind === 'y') && c.elastic && v > 0.5) {
      const dem = built.demands[c.d]!;
      const who = c.kind === 'y' ? ` ${inst.inspectors[c.i]!.id}` : '';
      for (const r of c.elastic.split('+')) add(r, 1, `${dem.key}@${c.s}${who}`);
    }
  });
  return [...out.values()].sort((a, b) => b.amount - a.amount);
}

// An independent check of a plan against the hard rules: it does not use the model or its
// candidate weeks, only the instance, the framework's own rule checker and dates. The tests use it
// to prove that no solved plan breaks a hard rule; the CLI prints what it finds (nothing).
import { checkActivityRules, type TimelineItem } from '../scheduling/check-rules.js';
import { addDays, weekOf, type ProgrammeInstance } from './instance.js';
import type { Plan } from './decode.js';

const WEEKDAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface HardBreach {
  rule: string;
  detail: string;
}

function workingDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(d);
  }
  return out;
}

const quarter = (d: string) =>
  `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
const mondayOf = (d: string) => addDays(d, -((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7));

export function checkPlan(inst: ProgrammeInstance, plan: Plan): HardBreach[] {
  const out: HardBreach[] = [];
  const horizonEnd = addDays(inst.start, 7 * inst.weeks - 1);
  const byId = new Map(inst.inspectors.map((p) => [p.id, p]));
  for (const p of plan.placements) {
    const la = inst.las.find((l) => l.id === p.laId);
    const name = `${p.laId} ${p.activityType} ${p.start}`;
    if (!la) {
      out.push({ rule: 'unknown_la', detail: name });
      continue;
    }
    if (p.start < inst.start || p.end > horizonEnd) out.push({ rule: 'horizon', detail: name });
    const others: TimelineItem[] = plan.placements
      .filter((q) => q !== p && q.laId === p.laId)
      .map((q) => ({
        activityType: q.activityType,
        start: q.start,
        end: q.end,
        label: `${q.activityType} ${q.start}`,
      }));
    const check = checkActivityRules(
      inst.rules.rules,
      { activityType: p.activityType, start: p.start, end: null },
      {
        lastJudgement: la.lastJudgement,
        timeline: [...la.timeline, ...others],
        gradeOrder: inst.rules.gradeOrder,
        typeLabel: (k) => k,
        gradeLabel: (k) => k,
        dateText: (d) => d,
      },
    );
    for (const f of check.findings)
      if (f.severity === 'hard' || inst.settings.hardRules.includes(f.rule))
        out.push({ rule: f.rule, detail: `${name}: ${f.detail}` });
    const size = inst.rules.teamSize[p.activityType] ?? inst.settings.teamSizeFallback;
    if (p.team.length !== size)
      out.push({ rule: 'team_size', detail: `${name}: ${p.team.length} of ${size}` });
    const leads = p.team.filter((m) => m.lead);
    if (size > 0 && (leads.length !== 1 || !byId.get(leads[0]!.inspectorId)?.leadQualified))
      out.push({ rule: 'one_lead', detail: `${name}: ${leads.length} leads` });
    const days = workingDays(p.start, p.end);
    for (const m of p.team) {
      const insp = byId.get(m.inspectorId);
      if (!insp) {
        out.push({ rule: 'unknown_inspector', detail: `${name}: ${m.inspectorId}` });
        continue;
      }
      if (insp.conflictedLaIds.includes(p.laId))
        out.push({ rule: 'conflicts', detail: `${name}: ${insp.id}` });
      if (insp.unavailable.some((r) => days.some((d) => d >= r.from && d <= r.to)))
        out.push({ rule: 'leave', detail: `${name}: ${insp.id}` });
      const works = insp.workingDays;
      if (
        works &&
        days.some((d) => !works.includes(WEEKDAY[new Date(`${d}T00:00:00Z`).getUTCDay()]!))
      )
        out.push({ rule: 'working_pattern', detail: `${name}: ${insp.id}` });
    }
    const pin = inst.pins.find((x) => x.laId === p.laId && x.activityType === p.activityType);
    if (pin && p.ordinal === 1) {
      if (pin.week !== undefined && pin.week !== weekOf(inst, p.start))
        out.push({ rule: 'pin', detail: `${name}: not week ${pin.week}` });
      for (const id of pin.inspectorIds ?? [])
        if (!p.team.some((m) => m.inspectorId === id))
          out.push({ rule: 'pin', detail: `${name}: ${id} not on the team` });
    }
  }
  // Per inspector: one place a week, the quarter's limit, preparation before each start.
  for (const insp of inst.inspectors) {
    const mine = plan.placements.filter((p) => p.team.some((m) => m.inspectorId === insp.id));
    const weekUse = new Map<string, { days: number; n: number }>();
    for (const p of mine)
      for (const d of workingDays(p.start, p.end)) {
        const mon = mondayOf(d);
        const u = weekUse.get(mon) ?? { days: 0, n: 0 };
        u.days += 1;
        weekUse.set(mon, u);
      }
    for (const p of mine) {
      const mons = new Set(workingDays(p.start, p.end).map(mondayOf));
      for (const mon of mons) weekUse.get(mon)!.n += 1;
    }
    for (const [mon, u] of weekUse)
      if (u.n > 1)
        out.push({
          rule: 'no_double_booking',
          detail: `${insp.id}: ${u.n} activities in the week of ${mon}`,
        });
    const perQuarter = new Map<string, number>();
    for (const mon of weekUse.keys())
      perQuarter.set(quarter(mon), (perQuarter.get(quarter(mon)) ?? 0) + 1);
    for (const [q, n] of perQuarter)
      if (n > insp.maxWeeksOnSitePerQuarter)
        out.push({
          rule: 'weeks_on_site_per_quarter',
          detail: `${insp.id}: ${n} weeks in ${q}, limit ${insp.maxWeeksOnSitePerQuarter}`,
        });
    if (insp.preparationDays > 0)
      for (const p of mine) {
        const before = addDays(mondayOf(p.start), -7);
        const busy = weekUse.get(before)?.days ?? 0;
        if (busy + insp.preparationDays > 5)
          out.push({
            rule: 'preparation_days',
            detail: `${insp.id}: ${busy} days on site in the week before ${p.start}, ${insp.preparationDays} of preparation needed`,
          });
      }
  }
  return out;
}

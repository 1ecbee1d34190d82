// When the second stage finds no team for the weeks the first stage chose, which part of that
// schedule is to blame: the teams' elastic model says where it had to give (an activity short of
// members, an inspector's week), and the placed activities of the same pool near those weeks are
// tried alone. A part that has no team either is a valid cut (no plan contains it: adding
// activities never makes teams easier to find); if no small part fails alone, the whole schedule
// is cut.
import type { Highs } from 'highs';
import type { ProgrammeInstance } from '../domain/programme/instance.js';
import type { StageData } from '../domain/programme/schedule-model.js';
import { buildTeamModel } from '../domain/programme/team-model.js';
import type { ProgrammeProgress } from './highs-solve.js';
import { run, type SolverWork } from './highs-run.js';

/** The weeks (first, last) and pool each relaxed row of the elastic team model points to. */
function trouble(
  inst: ProgrammeInstance,
  data: StageData,
  chosen: Map<number, number>,
  detail: string,
): { from: number; to: number; pool: string } | null {
  const at = detail.lastIndexOf('@');
  const who = detail.slice(0, at);
  const d = data.demands.findIndex((dem) => dem.key === who);
  if (d >= 0 && chosen.has(d)) {
    const weeks = data.onSite(d, chosen.get(d)!).map(([w]) => w);
    return { from: Math.min(...weeks), to: Math.max(...weeks), pool: data.pool[d]!.join(',') };
  }
  const i = inst.inspectors.findIndex((p) => p.id === who);
  const wk = Number(detail.slice(at + 1));
  if (i < 0 || !Number.isInteger(wk)) return null;
  const pool = data.pool.find((p) => p.includes(i));
  return pool ? { from: wk, to: wk + 1, pool: pool.join(',') } : null;
}

const MAX_SPOTS = 12;

export interface TroubleSpot {
  from: number;
  to: number;
  pool: string;
}

/** Where the teams' elastic model had to give for the schedule `chosen` (weeks and pool). */
export function troubleSpots(
  h: Highs,
  inst: ProgrammeInstance,
  data: StageData,
  chosen: Map<number, number>,
  timeLimit: number,
  notify: (p: ProgrammeProgress) => void,
  work: SolverWork,
): TroubleSpot[] {
  const elastic = buildTeamModel(inst, data, chosen, { elastic: true });
  const e = run(
    h,
    elastic.mip,
    // Where it gives matters, not the least it can give: a loose gap and a short time.
    { timeLimit: Math.max(0.5, Math.min(10, timeLimit / 5)), relativeGap: 0.2, events: false },
    performance.now(),
    notify,
    work,
  );
  const spots = new Map<string, TroubleSpot>();
  elastic.columns.forEach((c, k) => {
    if (c.kind !== 'slack' || (e.values?.[k] ?? 0) < 1e-6) return;
    const t = trouble(inst, data, chosen, c.detail);
    if (t) spots.set(`${t.pool}|${t.from}|${t.to}`, t);
  });
  return [...spots.values()];
}

export function findTeamCuts(
  h: Highs,
  inst: ProgrammeInstance,
  data: StageData,
  chosen: Map<number, number>,
  timeLimit: () => number,
  notify: (p: ProgrammeProgress) => void,
  work: SolverWork,
): [number, number][][] {
  const S = h.constants.modelStatus;
  const t0 = performance.now();
  const spots = troubleSpots(h, inst, data, chosen, timeLimit(), notify, work);
  const cuts: [number, number][][] = [];
  const seen = new Set<string>();
  for (const spot of spots.slice(0, MAX_SPOTS)) {
    for (const reach of [1, 3, 8, inst.weeks]) {
      if (timeLimit() < 1) return cuts.length > 0 ? cuts : [[...chosen]];
      const part = new Map(
        [...chosen].filter(([d, s]) => {
          if (data.pool[d]!.join(',') !== spot.pool) return false;
          const weeks = data.onSite(d, s).map(([w]) => w);
          return Math.max(...weeks) >= spot.from - reach && Math.min(...weeks) <= spot.to + reach;
        }),
      );
      const key = [...part.keys()].sort((a, b) => a - b).join(',');
      if (seen.has(key)) break;
      const t = run(
        h,
        buildTeamModel(inst, data, part).mip,
        { timeLimit: Math.max(0.1, timeLimit()), events: false },
        t0,
        notify,
        work,
      );
      if (t.status === S.infeasible) {
        seen.add(key);
        cuts.push([...part]);
        break;
      }
    }
  }
  return cuts.length > 0 ? cuts : [[...chosen]];
}

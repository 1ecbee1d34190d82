// Saved runs as the planner reads them: the team role each member of a solved team takes, two runs
// compared placement by placement (moved, added, removed, team changed) with their objective and
// soft costs side by side, and a placement explained.
import type { InspectorInput } from './instance.js';
import type { Placement, SoftBreach } from './decode.js';

export type PlanTeamRole = 'lead' | 'inspector' | 'specialist' | 'qam';

const SPECIALIST_ROLES = new Set(['regulatory_inspector', 'education_inspector']);

/**
 * The role a member of a solved team takes: the decoder's lead is the lead; regulatory and
 * education inspectors are specialists; everyone else inspects. The solver does not choose a QAM
 * (the quality assurance manager is assigned by hand, beside the plan).
 */
export function planTeamRole(member: { lead: boolean }, inspector?: InspectorInput): PlanTeamRole {
  if (member.lead) return 'lead';
  if (inspector?.roles.some((r) => SPECIALIST_ROLES.has(r))) return 'specialist';
  return 'inspector';
}

/** What a placement keeps of the decoder's sentences. */
export function explanationOf(p: Placement) {
  return { typeLabel: p.typeLabel, binding: p.binding, costs: p.costs };
}

/** The parts of a stored placement that a comparison reads. */
export interface ComparablePlacement {
  laId: string;
  laName: string;
  activityType: string;
  ordinal: number;
  week: number;
  start: string;
  team: { inspectorId: string; teamRole: string }[];
  explanation: { costs: { rule: string; cost: number }[] };
}

export interface RunDifference {
  laId: string;
  laName: string;
  activityType: string;
  ordinal: number;
  change: 'added' | 'removed' | 'moved' | 'team';
  before: { week: number; start: string; team: string[]; lead: string | null } | null;
  after: { week: number; start: string; team: string[]; lead: string | null } | null;
  /** For a team change: who joined and who left. */
  joined: string[];
  left: string[];
}

export interface RunComparison {
  differences: RunDifference[];
  same: number;
  counts: { added: number; removed: number; moved: number; team: number };
  objective: { a: number | null; b: number | null; difference: number | null };
  /** Soft costs by rule in each run (placement costs, weighted), and the difference b - a. */
  costs: { rule: string; a: number; b: number; difference: number }[];
  /** Soft rules broken by each run: counts by rule. */
  breaches: { rule: string; a: number; b: number }[];
}

const keyOf = (p: ComparablePlacement) => `${p.laId}|${p.activityType}|${p.ordinal}`;
const side = (p: ComparablePlacement | undefined) =>
  p
    ? {
        week: p.week,
        start: p.start,
        team: p.team.map((m) => m.inspectorId).sort(),
        lead: p.team.find((m) => m.teamRole === 'lead')?.inspectorId ?? null,
      }
    : null;

function costTotals(ps: ComparablePlacement[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of ps)
    for (const c of p.explanation.costs) out.set(c.rule, (out.get(c.rule) ?? 0) + c.cost);
  return out;
}

function breachCounts(bs: SoftBreach[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of bs) out.set(b.rule, (out.get(b.rule) ?? 0) + 1);
  return out;
}

export function compareRuns(
  a: { objective: number | null; placements: ComparablePlacement[]; softBreaches: SoftBreach[] },
  b: { objective: number | null; placements: ComparablePlacement[]; softBreaches: SoftBreach[] },
): RunComparison {
  const before = new Map(a.placements.map((p) => [keyOf(p), p]));
  const after = new Map(b.placements.map((p) => [keyOf(p), p]));
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const differences: RunDifference[] = [];
  const counts = { added: 0, removed: 0, moved: 0, team: 0 };
  let same = 0;
  for (const k of keys) {
    const x = before.get(k);
    const y = after.get(k);
    const ref = (x ?? y)!;
    const bx = side(x);
    const ay = side(y);
    const teamChanged = bx && ay && (bx.team.join() !== ay.team.join() || bx.lead !== ay.lead);
    const change = !bx
      ? 'added'
      : !ay
        ? 'removed'
        : bx.week !== ay.week
          ? 'moved'
          : teamChanged
            ? 'team'
            : null;
    if (!change) {
      same += 1;
      continue;
    }
    counts[change] += 1;
    differences.push({
      laId: ref.laId,
      laName: ref.laName,
      activityType: ref.activityType,
      ordinal: ref.ordinal,
      change,
      before: bx,
      after: ay,
      joined: bx && ay ? ay.team.filter((t) => !bx.team.includes(t)) : [],
      left: bx && ay ? bx.team.filter((t) => !ay.team.includes(t)) : [],
    });
  }
  const ca = costTotals(a.placements);
  const cb = costTotals(b.placements);
  const costs = [...new Set([...ca.keys(), ...cb.keys()])].sort().map((rule) => {
    const x = ca.get(rule) ?? 0;
    const y = cb.get(rule) ?? 0;
    return { rule, a: x, b: y, difference: y - x };
  });
  const ba = breachCounts(a.softBreaches);
  const bb = breachCounts(b.softBreaches);
  const breaches = [...new Set([...ba.keys(), ...bb.keys()])]
    .sort()
    .map((rule) => ({ rule, a: ba.get(rule) ?? 0, b: bb.get(rule) ?? 0 }));
  return {
    differences,
    same,
    counts,
    objective: {
      a: a.objective,
      b: b.objective,
      difference: a.objective !== null && b.objective !== null ? b.objective - a.objective : null,
    },
    costs,
    breaches,
  };
}

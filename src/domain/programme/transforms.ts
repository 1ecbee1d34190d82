// Pins and what-ifs are changes to the instance, not to the model: solve the changed instance
// and compare the two plans.
import { addDays, weekStart, type Pin, type ProgrammeInstance } from './instance.js';
import type { Plan } from './decode.js';

export function withPin(inst: ProgrammeInstance, pin: Pin): ProgrammeInstance {
  const rest = inst.pins.filter(
    (p) => !(p.laId === pin.laId && p.activityType === pin.activityType),
  );
  return { ...inst, pins: [...rest, pin] };
}

/** What if this inspector is away from week `from` for `weeks` weeks (long leave)? */
export function withLongLeave(
  inst: ProgrammeInstance,
  inspectorId: string,
  from: number,
  weeks: number,
): ProgrammeInstance {
  return {
    ...inst,
    inspectors: inst.inspectors.map((p) =>
      p.id === inspectorId
        ? {
            ...p,
            unavailable: [
              ...p.unavailable,
              {
                from: weekStart(inst, from),
                to: addDays(weekStart(inst, from + weeks), -1),
                reason: 'what-if: long leave',
              },
            ],
          }
        : p,
    ),
  };
}

/** What if this LA's risk level changes (rises)? */
export function withRiskLevel(
  inst: ProgrammeInstance,
  laId: string,
  level: string,
): ProgrammeInstance {
  return { ...inst, las: inst.las.map((l) => (l.id === laId ? { ...l, riskLevel: level } : l)) };
}

/** The plan as the next solve's "previous plan" (changes from it cost). */
export function asPrevious(plan: Plan): NonNullable<ProgrammeInstance['previous']> {
  return {
    placements: plan.placements
      .filter((p) => p.ordinal === 1)
      .map((p) => ({
        laId: p.laId,
        activityType: p.activityType,
        week: p.week,
        team: p.team.map((m) => m.inspectorId),
      })),
  };
}

export interface PlanDifference {
  laId: string;
  laName: string;
  activityType: string;
  ordinal: number;
  before: { week: number; team: string[] } | null;
  after: { week: number; team: string[] } | null;
  change: 'added' | 'removed' | 'moved' | 'team' | 'same';
}

/** Two plans side by side, activity by activity. */
export function comparePlans(a: Plan, b: Plan): { differences: PlanDifference[]; same: number } {
  const key = (p: Plan['placements'][number]) => `${p.laId}|${p.activityType}|${p.ordinal}`;
  const before = new Map(a.placements.map((p) => [key(p), p]));
  const after = new Map(b.placements.map((p) => [key(p), p]));
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  const differences: PlanDifference[] = [];
  let same = 0;
  for (const k of keys) {
    const x = before.get(k);
    const y = after.get(k);
    const ref = (x ?? y)!;
    const side = (p: typeof x) =>
      p ? { week: p.week, team: p.team.map((m) => m.inspectorId).sort() } : null;
    const bx = side(x);
    const ay = side(y);
    const change = !bx
      ? 'added'
      : !ay
        ? 'removed'
        : bx.week !== ay.week
          ? 'moved'
          : bx.team.join() !== ay.team.join()
            ? 'team'
            : 'same';
    if (change === 'same') {
      same += 1;
      continue;
    }
    differences.push({
      laId: ref.laId,
      laName: ref.laName,
      activityType: ref.activityType,
      ordinal: ref.ordinal,
      before: bx,
      after: ay,
      change,
    });
  }
  return { differences, same };
}

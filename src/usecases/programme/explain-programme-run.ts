// A saved plan explained: for each placement (or one LA's), the rules that bind it and each soft
// cost it carries with its amount and why; the run's soft rules broken; and, when no plan exists,
// the rules that conflict (what the elastic solve had to relax).
import { z } from 'zod';
import type { Conflict, SoftBreach } from '../../domain/programme/decode.js';
import type { HardBreach } from '../../domain/programme/check-plan.js';
import type { StoredTeamMember } from '../../data/repositories/programme.js';
import type { UseCaseContext } from '../context.js';
import { laInRun } from './find-in-run.js';
import { parse, readRun } from './saved-runs.js';

export const ExplainProgrammeRunInput = z.object({
  runId: z.string().min(1),
  /** One LA (id or name); all when absent. */
  la: z.string().trim().min(1).optional(),
});

export interface PlacementExplained {
  laId: string;
  laName: string;
  activityType: string;
  typeLabel: string;
  ordinal: number;
  week: number;
  start: string;
  end: string;
  team: StoredTeamMember[];
  /** Why it is in the plan and why in this week. */
  binding: string[];
  /** The soft costs it carries: rule, amount, weighted cost and why. */
  softCosts: { rule: string; amount: number; cost: number; why: string }[];
}

export interface ProgrammeExplanation {
  runId: string;
  region: string;
  status: string;
  objective: number | null;
  gap: number | null;
  placements: PlacementExplained[];
  /** Soft rules the plan breaks (of the LA, when one is named), by how much and why. */
  softBreaches: SoftBreach[];
  /** Optional activities left out, and why they were wanted. */
  skipped: { laId: string; activityType: string; why: string }[];
  /** The independent checker's findings (none for a plan the solver proved). */
  hardBreaches: HardBreach[];
  /** When no plan exists: the rules that had to give, by how much and where. */
  conflicts: Conflict[];
}

export async function explainProgrammeRun(
  ctx: UseCaseContext,
  raw: z.input<typeof ExplainProgrammeRunInput>,
): Promise<ProgrammeExplanation> {
  const input = parse(ExplainProgrammeRunInput, raw);
  const view = await readRun(ctx, input.runId);
  const laId = input.la ? laInRun(view, input.la) : null;
  const placements = view.placements.filter((p) => laId === null || p.laId === laId);
  const laName = placements[0]?.laName ?? null;
  const mentions = (text: string) =>
    laId === null || text.includes(laId) || (laName !== null && text.includes(laName));
  const s = view.run.summary;
  return {
    runId: view.run.id,
    region: view.run.region,
    status: view.run.status,
    objective: view.run.objective,
    gap: view.run.gap,
    placements: placements.map((p) => ({
      laId: p.laId,
      laName: p.laName,
      activityType: p.activityType,
      typeLabel: p.explanation.typeLabel,
      ordinal: p.ordinal,
      week: p.week,
      start: p.start,
      end: p.end,
      team: p.team,
      binding: p.explanation.binding,
      softCosts: p.explanation.costs
        .filter((c) => c.amount !== 0 || c.cost !== 0)
        .map((c) => ({ rule: c.rule, amount: c.amount, cost: c.cost, why: c.detail })),
    })),
    softBreaches: s.softBreaches.filter((b) => mentions(b.detail)),
    skipped: s.skipped.filter((k) => laId === null || k.laId === laId),
    hardBreaches: s.hardBreaches.filter((b) => mentions(b.detail)),
    conflicts: (s.conflicts ?? []).filter(
      (c) => laId === null || c.where.some((w) => w.includes(laId)),
    ),
  };
}

// The programme area's shared steps for saved runs: solve and save (a new run, or a re-solve of a
// saved one with more pins or what-ifs), and read a run as the actor may see it. The use cases
// (run-programme-solve, resolve-programme-run, pin-programme-run, what-if-programme-run,
// get-programme-run ...) each call these once.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { ZodType } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  findProgrammeRun,
  insertProgrammeRun,
  latestPublication,
  listRunPlacements,
  type NewPlacement,
  type ProgrammeRunRecord,
  type StoredPlacement,
} from '../../data/repositories/programme.js';
import { policies } from '../../domain/access/policies.js';
import type { Conflict, SoftBreach } from '../../domain/programme/decode.js';
import type { HardBreach } from '../../domain/programme/check-plan.js';
import type { PreviousPlan } from '../../domain/programme/instance.js';
import { explanationOf, planTeamRole } from '../../domain/programme/runs.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { loadRoster } from './roster.js';
import {
  mondayOnOrAfter,
  resolveRegion,
  solveProgramme,
  SolveProgrammeInput,
  type ProgrammeProgress,
  type SolvedProgramme,
} from './solve-programme.js';

/** What a run keeps besides its placements (the decoder's and checker's findings). */
export interface RunSummary {
  las: number;
  inspectors: number;
  model: { demands: number; columns: number; rows: number };
  firstFeasibleSeconds: number | null;
  skipped: { laId: string; activityType: string; why: string }[];
  softBreaches: SoftBreach[];
  loads: { inspectorId: string; weeks: number }[];
  hardBreaches: HardBreach[];
  conflicts: Conflict[] | null;
}

/** A run with its placements, as the actor may see it. */
export interface ProgrammeRunView {
  run: Omit<ProgrammeRunRecord, 'options' | 'summary'> & {
    options: SolveOptionsStored;
    summary: RunSummary;
  };
  placements: StoredPlacement[];
  /** True when the actor sees only their own placements (an inspector). */
  ownPlacementsOnly: boolean;
}

/** An inspector pinned as the lead of a placement (they are pinned on its team too). */
export interface LeadPin {
  laId: string;
  activityType: string;
  inspectorId: string;
}

/**
 * The solve's options as saved: the input the run was solved from (the roster included), whether
 * the roster came from the inspectors' profiles (a re-solve reads them again), and lead pins.
 */
export type SolveOptionsStored = z.output<typeof SolveProgrammeInput> & {
  rosterFromProfiles?: boolean;
  leadPins?: LeadPin[];
};

type SolveRaw = Omit<z.input<typeof SolveProgrammeInput>, 'inspectors' | 'previous'> & {
  inspectors?: z.input<typeof SolveProgrammeInput>['inspectors'];
  leadPins?: LeadPin[];
};

/** Parses a use case's input, answering VALIDATION_FAILED with each problem. */
export function parse<T extends ZodType>(schema: T, raw: unknown): z.output<T> {
  const r = schema.safeParse(raw);
  if (!r.success)
    throw new AppError('VALIDATION_FAILED', {
      details: r.error.issues
        .slice(0, 20)
        .map((i) => ({ field: i.path.join('.'), reason: i.message })),
    });
  return r.data as z.output<T>;
}

/** The plan changes are counted from: the region's published version, if any. */
async function publishedPrevious(
  ctx: UseCaseContext,
  region: string,
): Promise<PreviousPlan | null> {
  const pub = await latestPublication(ctx.db, region);
  if (!pub) return null;
  const placements = await listRunPlacements(ctx.db, pub.runId);
  return {
    placements: placements
      .filter((p) => p.ordinal === 1)
      .map((p) => ({
        laId: p.laId,
        activityType: p.activityType,
        week: p.week,
        team: p.team.map((m) => m.inspectorId),
      })),
  };
}

function toPlacements(solved: SolvedProgramme, leadPins: LeadPin[]): NewPlacement[] {
  const byId = new Map(solved.roster.map((i) => [i.id, i]));
  return (solved.solution.plan?.placements ?? [])
    .map((p) => withLead(p, leadPins, byId))
    .map((p) => ({
      laId: p.laId,
      activityType: p.activityType,
      ordinal: p.ordinal,
      week: p.week,
      start: p.start,
      end: p.end,
      team: p.team.map((m) => ({
        inspectorId: m.inspectorId,
        name: m.name,
        teamRole: planTeamRole(m, byId.get(m.inspectorId)),
        homeRegion: m.homeRegion,
      })),
      explanation: explanationOf(p),
    }));
}

/**
 * A pinned lead takes the lead role when they are on the team and lead-qualified (the hard rules
 * ask for one lead-qualified lead: any of them will do, so the choice is the planner's).
 */
function withLead<
  P extends {
    laId: string;
    activityType: string;
    ordinal: number;
    team: { inspectorId: string; lead: boolean }[];
  },
>(p: P, leadPins: LeadPin[], byId: Map<string, { leadQualified: boolean }>): P {
  const pin = leadPins.find((l) => l.laId === p.laId && l.activityType === p.activityType);
  if (!pin || p.ordinal !== 1) return p;
  if (!p.team.some((m) => m.inspectorId === pin.inspectorId)) return p;
  if (!byId.get(pin.inspectorId)?.leadQualified) return p;
  return { ...p, team: p.team.map((m) => ({ ...m, lead: m.inspectorId === pin.inspectorId })) };
}

function summaryOf(solved: SolvedProgramme): RunSummary {
  const s = solved.solution;
  return {
    las: solved.las,
    inspectors: solved.inspectors,
    model: s.model,
    firstFeasibleSeconds: s.firstFeasibleSeconds,
    skipped: s.plan?.skipped ?? [],
    softBreaches: s.plan?.softBreaches ?? [],
    loads: s.plan?.loads ?? [],
    hardBreaches: s.hardBreaches,
    conflicts: s.conflicts,
  };
}

export interface SavedSolve {
  runId: string;
  solved: SolvedProgramme;
}

/**
 * Solves (the roster from the inspectors' profiles when none is given; changes counted from the
 * region's published version) and saves the run with its placements, audited.
 */
export async function solveAndSave(
  ctx: UseCaseContext,
  raw: SolveRaw,
  parentRunId: string | null,
  onProgress?: (p: ProgrammeProgress) => void,
): Promise<SavedSolve> {
  const region = resolveRegion(raw.region);
  if (!policies.solveProgramme(ctx.actor, region)) throw new AppError('NOT_FOUND');
  const regionName = region ?? 'England';
  const { leadPins = [], ...solveRaw } = raw;
  const rosterFromProfilesUsed = raw.inspectors === undefined;
  const inspectors =
    raw.inspectors ??
    (await loadRoster(ctx, {
      region: raw.crossRegion ? null : region,
      start: mondayOnOrAfter(raw.from),
      weeks: raw.weeks ?? 52,
      members: 'all',
      workingDays: false,
    }));
  const previous = await publishedPrevious(ctx, regionName);
  const solved = await solveProgramme(ctx, { ...solveRaw, inspectors, previous }, onProgress);
  const options: SolveOptionsStored = {
    ...SolveProgrammeInput.parse({ ...solveRaw, inspectors }),
    rosterFromProfiles: rosterFromProfilesUsed,
    leadPins,
  };
  const s = solved.solution;
  const inputsHash = createHash('sha256')
    .update(JSON.stringify({ region: regionName, start: solved.start, options, previous }))
    .digest('hex');
  const by = actorRef(ctx.actor);
  const runId = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertProgrammeRun(
      trx,
      {
        region: regionName,
        start: solved.start,
        weeks: options.weeks,
        inputsHash,
        options: options as unknown as Record<string, unknown>,
        status: s.status,
        solverStatus: s.solverStatus,
        objective: s.objective,
        bound: s.bound,
        gap: s.gap,
        seconds: s.seconds,
        summary: summaryOf(solved) as unknown as Record<string, unknown>,
        parentRunId,
        createdBy: by.id,
        createdByLabel: by.label,
      },
      toPlacements(solved, leadPins),
    );
    await writeAudit(trx, ctx.actor, {
      action: 'programme.run_saved',
      entityType: 'programme_run',
      entityId: id,
      after: {
        region: regionName,
        start: solved.start,
        status: s.status,
        objective: s.objective,
        gap: s.gap,
        placements: s.plan?.placements.length ?? 0,
        parentRunId,
        pins: options.pins,
        whatIf: options.whatIf ?? null,
      },
    });
    return id;
  });
  return { runId, solved };
}

/**
 * A saved run as the actor may see it: the region's planners see all of it; an inspector sees a
 * published run's placements whose team they are on (none: NOT_FOUND); anyone else NOT_FOUND.
 */
export async function readRun(ctx: UseCaseContext, runId: string): Promise<ProgrammeRunView> {
  const run = await findProgrammeRun(ctx.db, runId);
  if (!run) throw new AppError('NOT_FOUND');
  const region = run.region === 'England' ? null : run.region;
  const view = (placements: StoredPlacement[], own: boolean): ProgrammeRunView => ({
    run: {
      ...run,
      options: run.options as unknown as SolveOptionsStored,
      summary: run.summary as unknown as RunSummary,
    },
    placements,
    ownPlacementsOnly: own,
  });
  if (policies.viewProgrammeRuns(ctx.actor, region))
    return view(await listRunPlacements(ctx.db, run.id), false);
  if (
    ctx.actor.kind === 'user' &&
    policies.viewOwnProgrammePlacements(ctx.actor) &&
    run.publishedVersion !== null
  ) {
    const me = ctx.actor.userId;
    const mine = (await listRunPlacements(ctx.db, run.id)).filter((p) =>
      p.team.some((m) => m.inspectorId === me),
    );
    if (mine.length > 0) {
      // Their own placements, without the rest of the run's findings about others.
      const v = view(mine, true);
      v.run.options = { ...v.run.options, inspectors: [], pins: [] };
      v.run.summary = { ...v.run.summary, softBreaches: [], loads: [], skipped: [] };
      return v;
    }
  }
  throw new AppError('NOT_FOUND');
}

/** A run the actor may re-solve (the region's planners only). */
export async function readRunToResolve(
  ctx: UseCaseContext,
  runId: string,
): Promise<ProgrammeRunView> {
  const view = await readRun(ctx, runId);
  const region = view.run.region === 'England' ? null : view.run.region;
  if (!policies.solveProgramme(ctx.actor, region)) throw new AppError('NOT_FOUND');
  return view;
}

export interface RunChanges {
  timeLimitSeconds?: number | undefined;
  /** Pins added (a pin of the same LA and activity type replaces the run's). */
  pins?: SolveOptionsStored['pins'];
  leadPins?: LeadPin[];
  whatIf?: {
    longLeave?: { inspectorId: string; fromWeek: number; weeks: number }[];
    riskLevel?: { laId: string; level: 'low' | 'medium' | 'high' }[];
  };
}

/** Solves a saved run again with its options and these changes; saves the child run. */
export async function resolveFrom(
  ctx: UseCaseContext,
  view: ProgrammeRunView,
  changes: RunChanges,
  onProgress?: (p: ProgrammeProgress) => void,
): Promise<SavedSolve> {
  const o = view.run.options;
  const same = (a: { laId: string; activityType: string }, b: typeof a) =>
    a.laId === b.laId && a.activityType === b.activityType;
  const addPins = changes.pins ?? [];
  const addLeads = changes.leadPins ?? [];
  const raw: SolveRaw = {
    region: o.region,
    from: o.from,
    weeks: o.weeks,
    timeLimitSeconds: changes.timeLimitSeconds ?? o.timeLimitSeconds,
    relativeGap: o.relativeGap,
    ...(o.rosterFromProfiles ? {} : { inspectors: o.inspectors }),
    pins: [...o.pins.filter((p) => !addPins.some((q) => same(p, q))), ...addPins],
    leadPins: [...(o.leadPins ?? []).filter((p) => !addLeads.some((q) => same(p, q))), ...addLeads],
    ...(o.weights ? { weights: o.weights } : {}),
    ...(o.crossRegion !== undefined ? { crossRegion: o.crossRegion } : {}),
    whatIf: {
      longLeave: [...(o.whatIf?.longLeave ?? []), ...(changes.whatIf?.longLeave ?? [])],
      riskLevel: [
        ...(o.whatIf?.riskLevel ?? []).filter(
          (r) => !(changes.whatIf?.riskLevel ?? []).some((c) => c.laId === r.laId),
        ),
        ...(changes.whatIf?.riskLevel ?? []),
      ],
    },
  };
  return solveAndSave(ctx, raw, view.run.id, onProgress);
}

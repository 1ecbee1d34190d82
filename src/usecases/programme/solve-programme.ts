// Solves a 12-month programme for a region or England: the LAs, grades, last inspections and risk
// levels from the database, the inspectors from the caller (a JSON roster for now), HiGHS in a
// worker thread. Nothing is stored: the plan is returned, with its gap and the checker's verdict.
import { z } from 'zod';
import { policies } from '../../domain/access/policies.js';
import { ofstedRegions } from '../../domain/access/roles.js';
import { addDays, defaultSettings, type InspectorInput } from '../../domain/programme/instance.js';
import { withLongLeave, withRiskLevel } from '../../domain/programme/transforms.js';
import { AppError } from '../../errors.js';
import {
  solveProgrammeInWorker,
  type ProgrammeProgress,
  type ProgrammeSolution,
} from '../../workers/solve-programme.js';
import type { UseCaseContext } from '../context.js';
import { loadProgrammeInstance } from './programme-instance.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD');
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const InspectorSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  homeRegion: z.string().refine((r) => (ofstedRegions as readonly string[]).includes(r), {
    message: `Use an Ofsted region: ${ofstedRegions.join('; ')}`,
  }),
  leadQualified: z.boolean(),
  roles: z.array(z.string()).default([]),
  unavailable: z
    .array(z.object({ from: isoDate, to: isoDate, reason: z.string().optional() }))
    .default([]),
  conflictedLaIds: z.array(z.string()).default([]),
  maxWeeksOnSitePerQuarter: z.number().int().min(0).max(13).default(6),
  preparationDays: z.number().int().min(0).max(5).default(2),
});

export const SolveProgrammeInput = z.object({
  /** An Ofsted region's name or slug (south-west), or england. */
  region: z.string().min(1),
  from: isoDate,
  weeks: z.number().int().min(4).max(52).default(52),
  timeLimitSeconds: z.number().min(1).max(600).default(30),
  /** Stop once the proven gap is this small (0: prove optimality or reach the limit). */
  relativeGap: z.number().min(0).max(1).default(0),
  inspectors: z.array(InspectorSchema).min(1, 'Give at least one inspector'),
  pins: z
    .array(
      z.object({
        laId: z.string(),
        activityType: z.string(),
        week: z.number().int().min(0).optional(),
        inspectorIds: z.array(z.string()).optional(),
      }),
    )
    .default([]),
  weights: z.record(z.string(), z.number().min(0)).optional(),
  /** The plan changes are counted from (the region's published version), if any. */
  previous: z
    .object({
      placements: z.array(
        z.object({
          laId: z.string(),
          activityType: z.string(),
          week: z.number().int(),
          team: z.array(z.string()),
        }),
      ),
    })
    .nullish(),
  crossRegion: z.boolean().optional(),
  whatIf: z
    .object({
      longLeave: z
        .array(
          z.object({
            inspectorId: z.string(),
            fromWeek: z.number().int().min(0),
            weeks: z.number().int().min(1),
          }),
        )
        .default([]),
      riskLevel: z
        .array(z.object({ laId: z.string(), level: z.enum(['low', 'medium', 'high']) }))
        .default([]),
    })
    .optional(),
});

export interface SolvedProgramme {
  region: string;
  start: string;
  las: number;
  inspectors: number;
  solution: ProgrammeSolution;
  /** The roster as solved (what-ifs applied): the saved run keeps each member's roles. */
  roster: InspectorInput[];
}

/** The region named (by name or slug), or null for England. */
export function resolveRegion(name: string): string | null {
  if (slug(name) === 'england') return null;
  const found = ofstedRegions.find((r) => slug(r) === slug(name));
  if (!found)
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'region',
          value: name,
          reason: `Choose england or one of: ${ofstedRegions.join('; ')}`,
        },
      ],
    });
  return found;
}

/** The Monday on or after a date: a programme starts on a Monday. */
export function mondayOnOrAfter(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, (8 - day) % 7);
}

export async function solveProgramme(
  ctx: UseCaseContext,
  raw: z.input<typeof SolveProgrammeInput>,
  onProgress?: (p: ProgrammeProgress) => void,
): Promise<SolvedProgramme> {
  const parsed = SolveProgrammeInput.safeParse(raw);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues
        .slice(0, 20)
        .map((i) => ({ field: i.path.join('.'), reason: i.message })),
    });
  const input = parsed.data;
  const region = resolveRegion(input.region);
  if (!policies.solveProgramme(ctx.actor, region)) throw new AppError('NOT_FOUND');
  const ids = new Set(input.inspectors.map((p) => p.id));
  for (const pin of input.pins)
    for (const id of pin.inspectorIds ?? [])
      if (!ids.has(id))
        throw new AppError('VALIDATION_FAILED', {
          details: [{ field: 'pins', value: id, reason: 'No such inspector in the roster' }],
        });
  const settings = {
    ...defaultSettings,
    weights: { ...defaultSettings.weights, ...(input.weights ?? {}) },
    crossRegion: input.crossRegion ?? defaultSettings.crossRegion,
  };
  let inst = await loadProgrammeInstance(ctx, {
    region,
    start: mondayOnOrAfter(input.from),
    weeks: input.weeks,
    inspectors: input.inspectors as InspectorInput[],
    settings,
    pins: input.pins,
  });
  if (input.previous) inst = { ...inst, previous: input.previous };
  for (const l of input.whatIf?.longLeave ?? [])
    inst = withLongLeave(inst, l.inspectorId, l.fromWeek, l.weeks);
  for (const r of input.whatIf?.riskLevel ?? []) inst = withRiskLevel(inst, r.laId, r.level);
  const solution = await solveProgrammeInWorker(
    inst,
    { timeLimit: input.timeLimitSeconds, relativeGap: input.relativeGap },
    onProgress,
  );
  return {
    region: region ?? 'England',
    start: inst.start,
    las: inst.las.length,
    inspectors: inst.inspectors.length,
    solution,
    roster: inst.inspectors,
  };
}

export type { ProgrammeProgress, ProgrammeSolution } from '../../workers/solve-programme.js';

// Shapes of the programme API (issue 14), also the OpenAPI document's schemas, and the presenters
// that turn a saved run into them: a run's head, its placements (LA, type, week, team) and what
// the solver and checker found (hard-rule breaches, soft rules broken, activities left out).
import { z } from 'zod';
import type { RunPlacement } from '../../../usecases/programme/get-programme-run.js';
import type { ProgrammeRunView } from '../../../usecases/programme/saved-runs.js';

export const TeamMember = z.object({
  inspectorId: z.string(),
  name: z.string(),
  teamRole: z.enum(['lead', 'inspector', 'specialist', 'qam']),
  homeRegion: z.string(),
});

export const Placement = z.object({
  id: z.string(),
  laId: z.string(),
  laName: z.string(),
  activityType: z.string(),
  typeLabel: z.string(),
  ordinal: z.number().int(),
  week: z.number().int().describe('Week of the programme, from 0'),
  start: z.string(),
  end: z.string(),
  team: z.array(TeamMember),
});

export const RunStatus = z.enum([
  'optimal',
  'time_limit',
  'infeasible',
  'no_plan_in_time',
  'error',
]);

export const RunHead = z.object({
  id: z.string(),
  region: z.string(),
  start: z.string(),
  weeks: z.number().int(),
  status: RunStatus,
  solverStatus: z.string(),
  objective: z.number().nullable(),
  bound: z.number().nullable(),
  gap: z.number().nullable().describe('Proven relative optimality gap'),
  seconds: z.number(),
  parentRunId: z.string().nullable(),
  createdByLabel: z.string(),
  createdAt: z.date(),
  placementCount: z.number().int(),
  publishedVersion: z.number().int().nullable(),
});

const Rule = z.object({ rule: z.string(), detail: z.string() });
const SoftBreach = z.object({ rule: z.string(), amount: z.number(), detail: z.string() });
const Skipped = z.object({ laId: z.string(), activityType: z.string(), why: z.string() });
const Conflict = z.object({ rule: z.string(), amount: z.number(), where: z.array(z.string()) });

export const RunShown = z.object({
  run: RunHead,
  /** True for an inspector: their own placements of a published version only. */
  ownPlacementsOnly: z.boolean(),
  placements: z.array(Placement),
  hardBreaches: z.array(Rule),
  softBreaches: z.array(SoftBreach),
  skipped: z.array(Skipped),
  conflicts: z.array(Conflict),
  pins: z.array(z.record(z.string(), z.unknown())),
  whatIf: z.record(z.string(), z.unknown()).nullable(),
  rosterFromProfiles: z.boolean(),
});

export const RunListed = RunHead.extend({ pins: z.number().int(), whatIfs: z.number().int() });

export const Queued = z.object({
  jobId: z.string(),
  region: z.string(),
  statusUrl: z.string().describe('GET it for the solve’s progress and, when done, its run'),
});

export const SolveJob = z.object({
  id: z.string(),
  region: z.string(),
  fromRunId: z.string().nullable(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  phase: z.string(),
  seconds: z.number(),
  timeLimitSeconds: z.number().nullable(),
  objective: z.number().nullable(),
  gap: z.number().nullable(),
  attempts: z.number().int(),
  outcome: z
    .object({
      runId: z.string(),
      status: z.string(),
      objective: z.number().nullable(),
      gap: z.number().nullable(),
      placements: z.number().int(),
      hardBreaches: z.number().int(),
    })
    .nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  runUrl: z.string().nullable(),
});

export const Explanation = z.object({
  runId: z.string(),
  region: z.string(),
  status: z.string(),
  objective: z.number().nullable(),
  gap: z.number().nullable(),
  placements: z.array(
    Placement.omit({ id: true }).extend({
      binding: z.array(z.string()).describe('Why it is in the plan, and why in this week'),
      softCosts: z.array(
        z.object({ rule: z.string(), amount: z.number(), cost: z.number(), why: z.string() }),
      ),
    }),
  ),
  softBreaches: z.array(SoftBreach),
  skipped: z.array(Skipped),
  hardBreaches: z.array(Rule),
  conflicts: z.array(Conflict).describe('When no plan exists: the rules that had to give'),
});

const Side = z.object({ week: z.number(), start: z.string(), team: z.array(z.string()) });
const ComparedHead = z.object({
  id: z.string(),
  region: z.string(),
  start: z.string(),
  createdAt: z.date(),
  status: z.string(),
});
export const Comparison = z.object({
  a: ComparedHead,
  b: ComparedHead,
  differences: z.array(
    z.object({
      laId: z.string(),
      laName: z.string(),
      activityType: z.string(),
      ordinal: z.number().int(),
      change: z.enum(['added', 'removed', 'moved', 'team']),
      before: Side.extend({ lead: z.string().nullable() }).nullable(),
      after: Side.extend({ lead: z.string().nullable() }).nullable(),
      joined: z.array(z.string()),
      left: z.array(z.string()),
    }),
  ),
  same: z.number().int(),
  counts: z.object({
    added: z.number().int(),
    removed: z.number().int(),
    moved: z.number().int(),
    team: z.number().int(),
  }),
  objective: z.object({
    a: z.number().nullable(),
    b: z.number().nullable(),
    difference: z.number().nullable(),
  }),
  costs: z.array(
    z.object({ rule: z.string(), a: z.number(), b: z.number(), difference: z.number() }),
  ),
  breaches: z.array(z.object({ rule: z.string(), a: z.number(), b: z.number() })),
});

export const Published = z.object({
  runId: z.string(),
  region: z.string(),
  version: z.number().int(),
  created: z.number().int(),
  moved: z.number().int(),
  teamsChanged: z.number().int(),
  cancelled: z.number().int(),
  started: z.number().int(),
  withoutAccount: z.array(z.string()),
});

const Days = z.object({
  preparation: z.number(),
  onSite: z.number(),
  writeUp: z.number(),
  qa: z.number(),
});
export const Board = z.object({
  run: RunHead,
  ownPlacementsOnly: z.boolean(),
  byWeek: z.array(
    z.object({ week: z.number().int(), start: z.string(), placements: z.array(Placement) }),
  ),
  byInspector: z.array(
    z.object({
      inspectorId: z.string(),
      name: z.string(),
      placements: z.number().int(),
      leads: z.number().int(),
      siteWeeks: z.number(),
      days: Days,
      weeks: z
        .array(Days.extend({ weekStart: z.string(), work: z.array(z.string()) }))
        .describe('Only the weeks with work'),
    }),
  ),
  otherRuns: z.array(RunHead),
  canSolve: z.boolean(),
  canPublish: z.boolean(),
});

export const Timeline = z.object({
  la: z.object({ id: z.string(), name: z.string(), region: z.string().nullable() }),
  past: z.array(
    z.object({
      id: z.string(),
      laId: z.string(),
      laName: z.string(),
      activityType: z.string(),
      activityLabel: z.string(),
      frameworkId: z.string().nullable(),
      startDate: z.string(),
      endDate: z.string().nullable(),
      publicationDate: z.string().nullable(),
      theme: z.string().nullable(),
      grades: z.record(z.string(), z.string().nullable()),
      source: z.string(),
      fromPredecessor: z.boolean().describe('An event of an authority this one replaced'),
    }),
  ),
  planned: z
    .object({
      version: z.number().int(),
      runId: z.string(),
      items: z.array(
        z.object({
          activityType: z.string(),
          typeLabel: z.string(),
          week: z.number().int(),
          start: z.string(),
          end: z.string(),
          team: z.array(z.object({ name: z.string(), teamRole: z.string() })),
        }),
      ),
    })
    .nullable()
    .describe('Null for anyone who may not see the region’s plans (LA users never do)'),
  canSeePlans: z.boolean(),
});

type Head = Omit<ProgrammeRunView['run'], 'options' | 'summary' | 'inputsHash' | 'createdBy'>;

/** A run's head: what it is, how it was solved, by whom, and whether it was published. */
export function runHead(r: ProgrammeRunView['run'] | Head): z.input<typeof RunHead> {
  return {
    id: r.id,
    region: r.region,
    start: r.start,
    weeks: r.weeks,
    status: r.status,
    solverStatus: r.solverStatus,
    objective: r.objective,
    bound: r.bound,
    gap: r.gap,
    seconds: r.seconds,
    parentRunId: r.parentRunId,
    createdByLabel: r.createdByLabel,
    createdAt: r.createdAt,
    placementCount: r.placementCount,
    publishedVersion: r.publishedVersion,
  };
}

export function placement(p: RunPlacement): z.input<typeof Placement> {
  return {
    id: p.id,
    laId: p.laId,
    laName: p.laName,
    activityType: p.activityType,
    typeLabel: p.explanation.typeLabel,
    ordinal: p.ordinal,
    week: p.week,
    start: p.start,
    end: p.end,
    team: p.team,
  };
}

export function runShown(v: ProgrammeRunView): z.input<typeof RunShown> {
  const s = v.run.summary;
  const o = v.run.options;
  return {
    run: runHead(v.run),
    ownPlacementsOnly: v.ownPlacementsOnly,
    placements: v.placements.map(placement),
    hardBreaches: s.hardBreaches,
    softBreaches: s.softBreaches,
    skipped: s.skipped,
    conflicts: s.conflicts ?? [],
    pins: o.pins ?? [],
    whatIf: o.whatIf ?? null,
    rosterFromProfiles: o.rosterFromProfiles ?? false,
  };
}

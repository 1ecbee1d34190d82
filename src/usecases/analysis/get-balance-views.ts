import { z } from 'zod';
import {
  activityReach,
  balanceAggregates,
  emptyAggregate,
  type AreaAggregate,
} from '../../data/repositories/balance.js';
import {
  arrivalStatement,
  coverageStatement,
  directionStatement,
  methodMixStatement,
  voiceStatement,
  type DirectionCounts,
  type MethodMix,
  type Spread,
  type Statement,
} from '../../domain/analysis/bias-wording.js';
import { humaniseKey } from '../../domain/evidence/codebook-seed.js';
import { methodFamily, type EvidenceMethod } from '../../domain/evidence/vocabulary.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { judgementAreasOf } from '../../domain/frameworks/installed.js';

export const GetBalanceViewsInput = z.object({ activityId: z.string() });
export type GetBalanceViewsInput = z.input<typeof GetBalanceViewsInput>;

export interface AreaBalance {
  area: { key: string; title: string };
  records: number;
  direction: DirectionCounts & { statement: Statement };
  methods: {
    byMethod: Record<string, number>;
    byFamily: MethodMix;
    statement: Statement;
  };
  coverage: {
    teams: Spread;
    localities: Spread;
    practitioners: Spread;
    sampledCases: { withEvidence: number; sampled: number };
    statement: Statement;
  };
  voice: {
    childVoice: number;
    livedExperience: number;
    conversations: number;
    byServiceArea: Array<{ key: string; label: string; records: number; childVoice: number }>;
    statement: Statement;
  };
  arrival: {
    days: Array<{ date: string; records: number }>;
    firstDay: string | null;
    onFirstDay: number;
    lastDay: string | null;
    onLastDay: number;
    statement: Statement;
  };
}

export interface BalanceViews {
  /** The first day of fieldwork the first-day shares use. */
  firstDay: string | null;
  areas: AreaBalance[];
}

function spread(counts: Map<string, number>, known: number | null): Spread {
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return {
    covered: counts.size,
    known,
    top: top ? { label: top[0], records: top[1] } : null,
  };
}

/** Records by direction, by method and by family of methods. */
function tallyMethods(agg: AreaAggregate): {
  direction: DirectionCounts;
  byMethod: Record<string, number>;
  fam: MethodMix;
} {
  const direction: DirectionCounts = {
    strength: 0,
    areaForImprovement: 0,
    mixed: 0,
    context: 0,
    unset: 0,
  };
  const byMethod: Record<string, number> = {};
  const fam: MethodMix = {
    caseRecords: 0,
    written: 0,
    discussion: 0,
    observation: 0,
    childrenAndFamilies: 0,
  };
  for (const r of agg.byMethodDirection) {
    const n = r.records;
    if (r.direction === 'strength') direction.strength += n;
    else if (r.direction === 'area_for_improvement') direction.areaForImprovement += n;
    else if (r.direction === 'mixed') direction.mixed += n;
    else if (r.direction === 'context') direction.context += n;
    else direction.unset += n;
    byMethod[r.method] = (byMethod[r.method] ?? 0) + n;
    const f = methodFamily(r.method as EvidenceMethod);
    if (f === 'written') fam.written += n;
    else if (f === 'discussion') fam.discussion += n;
    else if (f === 'observation') fam.observation += n;
    else fam.childrenAndFamilies += n;
    if (r.method === 'case_file_reading' || r.method === 'remote_sampling') fam.caseRecords += n;
  }
  return { direction, byMethod, fam };
}

function areaBalance(
  area: { key: string; title: string },
  agg: AreaAggregate,
  reach: Awaited<ReturnType<typeof activityReach>>,
  firstDay: string | null,
): AreaBalance {
  const { direction, byMethod, fam } = tallyMethods(agg);
  const records = agg.records;
  const coverage = {
    records,
    teams: spread(agg.teams, reach.teams || null),
    localities: spread(agg.localities, reach.localities || null),
    practitioners: spread(agg.practitioners, reach.practitioners || null),
    sampledCases: { withEvidence: agg.childCases, sampled: reach.sampledChildren },
  };
  const voice = {
    records,
    childVoice: agg.childVoice,
    livedExperience: agg.livedExperience,
    conversations: byMethod.child_conversation ?? 0,
    byServiceArea: agg.byCohort
      .map((c) => ({
        key: c.cohort,
        label: humaniseKey(c.cohort),
        records: c.records,
        childVoice: c.childVoice,
      }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
  const days = agg.byDay;
  const sortedDays = [...days].sort((a, b) => a[0].localeCompare(b[0]));
  const lastDay = sortedDays.at(-1)?.[0] ?? null;
  const arrival = {
    records,
    firstDay,
    onFirstDay: firstDay ? (days.get(firstDay) ?? 0) : 0,
    lastDay,
    onLastDay: lastDay ? (days.get(lastDay) ?? 0) : 0,
    days: days.size,
  };
  const leadership = /leader|leadership|management/.test(area.key);
  return {
    area,
    records,
    direction: { ...direction, statement: directionStatement(area.title, direction) },
    methods: {
      byMethod,
      byFamily: fam,
      statement: methodMixStatement(area.title, fam, { expectChildrenAndFamilies: !leadership }),
    },
    coverage: { ...coverage, statement: coverageStatement(area.title, coverage) },
    voice: {
      childVoice: voice.childVoice,
      livedExperience: voice.livedExperience,
      conversations: voice.conversations,
      byServiceArea: voice.byServiceArea,
      statement: voiceStatement(area.title, voice),
    },
    arrival: {
      days: sortedDays.map(([date, n]) => ({ date, records: n })),
      firstDay: arrival.firstDay,
      onFirstDay: arrival.onFirstDay,
      lastDay: arrival.lastDay,
      onLastDay: arrival.onLastDay,
      statement: arrivalStatement(area.title, arrival),
    },
  };
}

/**
 * Per judgement area: strengths against areas for improvement, the method mix, coverage of
 * teams, localities, practitioners and sampled cases, the voice of the child by service area and
 * when evidence arrived; each with numbers and a plain-words statement of what it suggests.
 */
export async function getBalanceViews(
  ctx: UseCaseContext,
  raw: GetBalanceViewsInput,
): Promise<BalanceViews> {
  const input = GetBalanceViewsInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const [aggregates, reach] = await Promise.all([
    balanceAggregates(ctx.db, activity.id),
    activityReach(ctx.db, activity.id),
  ]);
  // The first day of fieldwork: the first day with evidence from the planned start on (evidence
  // gathered beforehand, in week zero, is not a first impression of practice).
  const firstDay =
    reach.days.find((d) => activity.plannedStart !== null && d >= activity.plannedStart) ??
    reach.days[0] ??
    null;
  return {
    firstDay,
    areas: judgementAreasOf(activity).map((a) =>
      areaBalance(a, aggregates.get(a.key) ?? emptyAggregate(), reach, firstDay),
    ),
  };
}

// The data profile of an activity's current Annex A, compared with England, the region, the
// statistical neighbours and the LA's own published figures, with the candidate lines of enquiry
// the comparison (and the self-evaluation's claims) proposes. Rows are read a page at a time and
// folded into the profile, so memory does not grow with the import; a computed profile is kept
// per import and population (both fixed once imported) for the next request.
import type { Kysely } from 'kysely';
import { factsOf, findActivity, teamRoleOf } from '../../data/repositories/activities.js';
import { findCurrentAnnexAImport } from '../../data/repositories/annex-a.js';
import {
  findProfileSettings,
  forEachAnnexARowPage,
  listCandidateDecisions,
  listSefClaims,
  type CandidateDecision,
  type SefClaim,
} from '../../data/repositories/annex-a-profile.js';
import { findLocalAuthority } from '../../data/repositories/local-authorities.js';
import { recordIndicatorViews } from '../../data/repositories/data-used.js';
import type { DB } from '../../data/schema.js';
import { policies } from '../../domain/access/policies.js';
import {
  compare,
  loadBenchmarks,
  populationOf,
  withRegisterFacts,
  type Comparison,
} from '../../domain/annex-a-profile/benchmarks.js';
import { candidateFor, type Candidate } from '../../domain/annex-a-profile/candidates.js';
import { annexACoverage, type Coverage } from '../../domain/annex-a-profile/coverage.js';
import type { IndicatorValue } from '../../domain/annex-a-profile/common.js';
import {
  definitionText,
  indicatorDefinitions,
  type IndicatorDefinition,
} from '../../domain/annex-a-profile/indicators.js';
import { ProfileBuilder, type DataProfile } from '../../domain/annex-a-profile/profile.js';
import { AppError } from '../../errors.js';
import { now, todayInEngland } from '../../clock.js';
import type { UseCaseContext } from '../context.js';

export const PAGE_SIZE = 10_000;

export interface ProfileIndicator extends IndicatorValue {
  list: number;
  title: string;
  unit: IndicatorDefinition['unit'];
  polarity: IndicatorDefinition['polarity'];
  /** The definition in words (what the numerator and denominator count). */
  definition: Pick<IndicatorDefinition, 'numerator' | 'denominator' | 'period' | 'source'> & {
    text: string;
  };
  benchmark: string | null;
  comparison: Comparison | null;
  claim: SefClaim | null;
}

export interface ProfileCandidate extends Candidate {
  title: string;
  unit: IndicatorDefinition['unit'];
  numerator: number | null;
  denominator: number | null;
  comparison: Comparison | null;
  claim: SefClaim['claim'] | null;
  decision: CandidateDecision | null;
  /** Set when the file covers far fewer rows than the LA's size suggests. */
  warning: string | null;
}

export interface AnnexAProfileView {
  activityId: string;
  activityTitle: string;
  laName: string;
  laCode: string | null;
  import: { id: string; fileName: string; referenceDate: string; importedAt: Date } | null;
  population: { value: number | null; source: 'entered' | 'ons' | 'none'; note: string | null };
  profile: DataProfile | null;
  /** Rows per list against the LA's size; low coverage warns every candidate. */
  coverage: Coverage | null;
  indicators: ProfileIndicator[];
  candidates: ProfileCandidate[];
  decisions: CandidateDecision[];
  claims: SefClaim[];
  benchmarkSources: Array<{ file: string; publisher: string; indicators: string[] }>;
  can: { decide: boolean; setPopulation: boolean };
}

const cache = new Map<string, DataProfile>();
const CACHE_SIZE = 8;

/** Streams the rows of an import into a profile (the bench measures this). */
export async function computeProfile(
  db: Kysely<DB>,
  importId: string,
  referenceDate: string,
  population: number | null,
): Promise<DataProfile> {
  const key = `${importId}|${population ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const builder = new ProfileBuilder(referenceDate);
  for (let list = 1; list <= 11; list++)
    await forEachAnnexARowPage(db, importId, list, PAGE_SIZE, (rows) => {
      for (const r of rows) builder.add(list, r);
    });
  const profile = builder.finish(population);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, profile);
  return profile;
}

export async function getAnnexAProfile(
  ctx: UseCaseContext,
  activityId: string,
): Promise<AnnexAProfileView> {
  const activity = await findActivity(ctx.db, activityId);
  if (!activity) throw new AppError('NOT_FOUND');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.viewAnnexA(ctx.actor, facts)) throw new AppError('NOT_FOUND');
  const [current, la, settings, claims, decisions] = await Promise.all([
    findCurrentAnnexAImport(ctx.db, activity.id),
    findLocalAuthority(ctx.db, activity.laId),
    findProfileSettings(ctx.db, activity.id),
    listSefClaims(ctx.db, activity.id),
    listCandidateDecisions(ctx.db, activity.id),
  ]);
  const benchmarks = withRegisterFacts(loadBenchmarks(), la ?? null);
  const laCode = la?.dfeCode ?? null;
  const population = populationFor(benchmarks, laCode, settings);
  const profile = current
    ? await computeProfile(ctx.db, current.id, current.referenceDate, population.value)
    : null;
  const coverage = profile
    ? annexACoverage(
        benchmarks,
        laCode,
        population.value,
        Object.fromEntries(profile.lists.map((l) => [l.list, l.rows])),
      )
    : null;
  const { indicators, candidates } = indicatorsOf(benchmarks, laCode, {
    profile,
    coverage,
    claims,
    decisions,
  });
  // The view log of the "data used" statement (issue 16): a person saw these figures today.
  if (ctx.actor.kind === 'user' && profile)
    await recordIndicatorViews(ctx.db, {
      activityId: activity.id,
      userId: ctx.actor.userId,
      indicatorKeys: indicators.filter((i) => i.value !== null).map((i) => i.key),
      day: todayInEngland(),
      at: now(),
    });
  return {
    activityId: activity.id,
    activityTitle: activity.title,
    laName: activity.laName,
    laCode,
    import: current
      ? {
          id: current.id,
          fileName: current.fileName,
          referenceDate: current.referenceDate,
          importedAt: current.importedAt,
        }
      : null,
    population,
    profile,
    coverage,
    indicators,
    candidates,
    decisions,
    claims,
    benchmarkSources: benchmarks.meta.sources,
    can: {
      decide: policies.decideDataCandidates(ctx.actor, facts),
      setPopulation: policies.importAnnexA(ctx.actor, facts),
    },
  };
}

/** The population rates are per: the one entered, else the ONS estimate. */
function populationFor(
  benchmarks: ReturnType<typeof loadBenchmarks>,
  laCode: string | null,
  settings: Awaited<ReturnType<typeof findProfileSettings>>,
): AnnexAProfileView['population'] {
  const ons = populationOf(benchmarks, laCode);
  return settings?.population
    ? { value: settings.population, source: 'entered', note: settings.populationSource }
    : ons
      ? {
          value: ons,
          source: 'ons',
          note: benchmarks.las[laCode ?? '']?.populationYear
            ? `ONS mid-year estimate ${benchmarks.las[laCode ?? '']?.populationYear}`
            : 'from the local authority register',
        }
      : { value: null, source: 'none', note: null };
}

/** Every indicator with its benchmark comparison and claim, and the candidates they raise. */
function indicatorsOf(
  benchmarks: ReturnType<typeof loadBenchmarks>,
  laCode: string | null,
  d: Pick<AnnexAProfileView, 'profile' | 'coverage' | 'claims' | 'decisions'>,
): { indicators: ProfileIndicator[]; candidates: ProfileCandidate[] } {
  const { profile, coverage, claims, decisions } = d;
  const claimOf = new Map(claims.map((c) => [c.indicatorKey, c]));
  const decisionOf = new Map(decisions.map((d) => [d.indicatorKey, d]));
  const values = new Map((profile?.indicators ?? []).map((i) => [i.key, i]));
  const indicators: ProfileIndicator[] = [];
  const candidates: ProfileCandidate[] = [];
  for (const def of indicatorDefinitions) {
    const v = values.get(def.key) ?? {
      key: def.key,
      value: null,
      numerator: null,
      denominator: null,
    };
    const comparison = def.benchmark ? compare(benchmarks, laCode, def.benchmark, v.value) : null;
    const claim = claimOf.get(def.key) ?? null;
    indicators.push({
      ...v,
      list: def.list,
      title: def.title,
      unit: def.unit,
      polarity: def.polarity,
      definition: {
        numerator: def.numerator,
        denominator: def.denominator,
        period: def.period,
        source: def.source,
        text: definitionText(def),
      },
      benchmark: def.benchmark ?? null,
      comparison,
      claim,
    });
    if (!profile) continue;
    const c = candidateFor(def, v.value, v.denominator, comparison, claim?.claim ?? null);
    if (c)
      candidates.push({
        ...c,
        title: def.title,
        unit: def.unit,
        numerator: v.numerator,
        denominator: v.denominator,
        comparison,
        claim: claim?.claim ?? null,
        decision: decisionOf.get(def.key) ?? null,
        warning: coverageWarning(coverage, def.list),
      });
  }
  return { indicators, candidates };
}

/** The profile as JSON (dates as ISO strings): the API, the page's download and the CLI. */
export function profileJson(v: AnnexAProfileView) {
  const decision = (d: AnnexAProfileView['decisions'][number]) => ({
    id: d.id,
    indicatorKey: d.indicatorKey,
    decision: d.decision,
    title: d.title,
    reason: d.reason,
    lineOfEnquiryId: d.lineOfEnquiryId,
    figures: d.figures,
    decidedByLabel: d.decidedByLabel,
    decidedAt: d.decidedAt.toISOString(),
  });
  const claim = (c: NonNullable<AnnexAProfileView['indicators'][number]['claim']>) => ({
    ...c,
    recordedAt: c.recordedAt.toISOString(),
  });
  return {
    activityId: v.activityId,
    laName: v.laName,
    laCode: v.laCode,
    import: v.import ? { ...v.import, importedAt: v.import.importedAt.toISOString() } : null,
    population: v.population,
    coverage: v.coverage,
    lists: v.profile?.lists ?? [],
    indicators: v.indicators.map((i) => ({ ...i, claim: i.claim ? claim(i.claim) : null })),
    candidates: v.candidates.map((c) => ({
      ...c,
      decision: c.decision ? decision(c.decision) : null,
    })),
    benchmarkSources: v.benchmarkSources,
    can: v.can,
  };
}

/** What a candidate line of enquiry says when the file looks partial (null when it does not). */
function coverageWarning(c: Coverage | null, list: number): string | null {
  if (!c?.low) return null;
  const own = c.lists.find((l) => l.list === list && l.low);
  return own
    ? `Check the data first: List ${list} has ${own.rows} rows where the LA's size suggests about ${own.expected} or more, so this figure may describe a partial extract, not the LA.`
    : `Check the data first: the file covers far fewer rows than the LA's size suggests (${c.lists
        .filter((l) => l.low)
        .map((l) => `List ${l.list}: ${l.rows} of about ${l.expected}`)
        .join('; ')}).`;
}

/** "31% vs England 25%, region 27%, statistical neighbours 22% (2025)": the figures behind it. */
export function figuresText(c: {
  value: number | null;
  unit: IndicatorDefinition['unit'];
  comparison: Comparison | null;
}): string {
  const f = (v: number | null) =>
    v === null
      ? '–'
      : c.unit === 'percent'
        ? `${v}%`
        : c.unit === 'rate'
          ? `${v} per 10,000`
          : `${v}`;
  const cmp = c.comparison;
  if (!cmp) return f(c.value);
  const parts = [`England ${f(cmp.england)}`];
  if (cmp.regionName) parts.push(`${cmp.regionName} ${f(cmp.region)}`);
  if (cmp.snCount) parts.push(`statistical neighbours ${f(cmp.snAverage)}`);
  if (cmp.laPublished !== null) parts.push(`LA published ${f(cmp.laPublished)}`);
  return `${f(c.value)} vs ${parts.join(', ')}${cmp.year ? ` (${cmp.year})` : ''}`;
}

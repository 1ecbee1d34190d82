// The seeded, stratified draw. Each stratum's cases are put in a fixed order (by child
// reference), shuffled with a generator seeded from the draw's seed and the stratum's name, and
// taken from the top: the same seed, population and spec always give the same sample, and a
// change to one cohort's spec never reshuffles another's. The LA's audited cases are a stratum
// of their own; a child already in the sample is passed over unless the spec allows it.
import { createRandom } from './seeded-random.js';
import {
  cohortIds,
  stratifierIds,
  type CohortId,
  type PopulationCase,
  type StratifierId,
} from './population.js';
import { stratumKey, type SampleSpec } from './spec.js';

export const AUDITED_STRATUM = 'LA audited';

export interface DrawnCase {
  entry: number;
  cohort: CohortId;
  lineOfEnquiryId: string | null;
  childRef: string;
  stratum: string;
  route: 'advance' | 'la_audit';
  values: Record<StratifierId, string>;
  locality: string;
  list: number;
  row: number;
}

export interface StratumOutcome {
  key: string;
  population: number;
  quota: number;
  drawn: number;
}

export interface EntryOutcome {
  entry: number;
  cohort: CohortId;
  lineOfEnquiryId: string | null;
  population: number;
  strata: StratumOutcome[];
  audited: StratumOutcome;
  /** Cases asked for but not found (strata too small, children already in the sample). */
  shortfall: number;
}

/** Counts of a cohort's population by each stratifier's values and by locality. */
export interface CohortPopulation {
  total: number;
  byStratifier: Record<StratifierId, Record<string, number>>;
  byLocality: Record<string, number>;
}

export interface DrawResult {
  cases: DrawnCase[];
  entries: EntryOutcome[];
  population: Partial<Record<CohortId, CohortPopulation>>;
}

/** FNV-1a over the text, mixed with the seed: an independent stream per stratum. */
export function streamSeed(seed: number, text: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const r = createRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Proportional allocation with a minimum per stratum. Every stratum first gets the minimum (or
 * all its cases if it has fewer); the rest of the size is shared in proportion to the cases left
 * in each stratum by largest remainder. When the minimums alone exceed the size, the largest
 * strata get theirs first and the smallest go without (the statement says which).
 */
export function allocateProportional(
  strata: readonly { key: string; population: number }[],
  size: number,
  minPerStratum: number,
): Map<string, number> {
  const out = new Map<string, number>(strata.map((s) => [s.key, 0]));
  const bySize = [...strata].sort(
    (a, b) => b.population - a.population || (a.key < b.key ? -1 : 1),
  );
  let left = size;
  for (const s of bySize) {
    const n = Math.min(minPerStratum, s.population, left);
    out.set(s.key, n);
    left -= n;
  }
  while (left > 0) {
    const room = bySize.filter((s) => s.population > out.get(s.key)!);
    const roomTotal = room.reduce((t, s) => t + s.population - out.get(s.key)!, 0);
    if (roomTotal === 0) break;
    const shares = room.map((s) => {
      const capacity = s.population - out.get(s.key)!;
      const exact = (left * capacity) / roomTotal;
      const whole = Math.min(Math.floor(exact), capacity);
      return { s, whole, rest: whole === capacity ? 0 : exact - whole };
    });
    let given = 0;
    for (const x of shares) {
      out.set(x.s.key, out.get(x.s.key)! + x.whole);
      given += x.whole;
    }
    // Largest remainders take the cases left over (ties: the larger stratum, then by name).
    const order = [...shares].sort(
      (a, b) => b.rest - a.rest || b.s.population - a.s.population || (a.s.key < b.s.key ? -1 : 1),
    );
    for (const x of order) {
      if (given >= left) break;
      if (out.get(x.s.key)! < x.s.population) {
        out.set(x.s.key, out.get(x.s.key)! + 1);
        given++;
      }
    }
    left -= given;
    if (given === 0) break;
  }
  return out;
}

function summarise(cases: readonly PopulationCase[]): CohortPopulation {
  const byStratifier = Object.fromEntries(stratifierIds.map((s) => [s, {}])) as Record<
    StratifierId,
    Record<string, number>
  >;
  const byLocality: Record<string, number> = {};
  for (const c of cases) {
    for (const s of stratifierIds)
      byStratifier[s][c.values[s]] = (byStratifier[s][c.values[s]] ?? 0) + 1;
    byLocality[c.locality] = (byLocality[c.locality] ?? 0) + 1;
  }
  return { total: cases.length, byStratifier, byLocality };
}

export function drawSample(input: {
  population: readonly PopulationCase[];
  spec: SampleSpec;
  seed: number;
  /** Child references on the LA's audit list. */
  audited: ReadonlySet<string>;
  /** Children already in the sample by another route (kept across redraws). */
  alreadySampled?: ReadonlySet<string>;
}): DrawResult {
  const { spec, seed } = input;
  const byCohort = new Map<CohortId, PopulationCase[]>();
  for (const c of input.population) {
    const list = byCohort.get(c.cohort) ?? [];
    list.push(c);
    byCohort.set(c.cohort, list);
  }
  for (const list of byCohort.values())
    list.sort((a, b) => (a.childRef < b.childRef ? -1 : a.childRef > b.childRef ? 1 : 0));

  const taken = new Set(input.alreadySampled ?? []);
  const cases: DrawnCase[] = [];
  const entries: EntryOutcome[] = [];
  spec.entries.forEach((e, entry) => {
    const pop = byCohort.get(e.cohort) ?? [];
    const inEntry = new Set<string>();
    const free = (ref: string): boolean =>
      !inEntry.has(ref) && (spec.allowSameChild || !taken.has(ref));
    const stream = `${e.cohort}|${e.lineOfEnquiryId ?? ''}`;
    const take = (
      members: readonly PopulationCase[],
      quota: number,
      key: string,
      route: DrawnCase['route'],
    ): number => {
      let drawn = 0;
      for (const c of shuffled(members, streamSeed(seed, `${stream}|${key}`))) {
        if (drawn >= quota) break;
        if (!free(c.childRef)) continue;
        inEntry.add(c.childRef);
        taken.add(c.childRef);
        cases.push({
          entry,
          cohort: e.cohort,
          lineOfEnquiryId: e.lineOfEnquiryId ?? null,
          childRef: c.childRef,
          stratum: key,
          route,
          values: c.values,
          locality: c.locality,
          list: c.list,
          row: c.row,
        });
        drawn++;
      }
      return drawn;
    };

    const auditedMembers = pop.filter((c) => input.audited.has(c.childRef));
    const auditedQuota = Math.min(e.audited, auditedMembers.length);
    const audited: StratumOutcome = {
      key: AUDITED_STRATUM,
      population: auditedMembers.length,
      quota: auditedQuota,
      drawn: take(auditedMembers, auditedQuota, AUDITED_STRATUM, 'la_audit'),
    };

    const strata = new Map<string, PopulationCase[]>();
    for (const c of pop) {
      if (input.audited.has(c.childRef)) continue;
      const key = stratumKey(c.values, e.stratifyBy);
      const list = strata.get(key) ?? [];
      list.push(c);
      strata.set(key, list);
    }
    const keys = [...strata.keys()].sort();
    const quotas =
      e.allocation === 'explicit'
        ? new Map(keys.map((k) => [k, Math.min(e.quotas[k] ?? 0, strata.get(k)!.length)]))
        : allocateProportional(
            keys.map((k) => ({ key: k, population: strata.get(k)!.length })),
            e.size,
            e.minPerStratum,
          );
    const outcomes = keys.map((key) => {
      const quota = quotas.get(key) ?? 0;
      const members = strata.get(key)!;
      return {
        key,
        population: members.length,
        quota,
        drawn: take(members, quota, key, 'advance'),
      };
    });
    const asked =
      (e.allocation === 'explicit' ? Object.values(e.quotas).reduce((t, n) => t + n, 0) : e.size) +
      e.audited;
    const got = audited.drawn + outcomes.reduce((t, s) => t + s.drawn, 0);
    entries.push({
      entry,
      cohort: e.cohort,
      lineOfEnquiryId: e.lineOfEnquiryId ?? null,
      population: pop.length,
      strata: outcomes,
      audited,
      shortfall: Math.max(0, asked - got),
    });
  });

  const population: DrawResult['population'] = {};
  for (const id of cohortIds) {
    const list = byCohort.get(id);
    if (list) population[id] = summarise(list);
  }
  return { cases, entries, population };
}

// Joins the DfE national statistics to LA contexts for the research store: rates per 10,000
// (the figure of the inspection's year, or the nearest within the settings' window) and the
// statistical neighbour group. Not a use case: queries, studies and the outcomes analysis call it.
import type { Kysely } from 'kysely';
import { todayInEngland } from '../../clock.js';
import {
  listNeighboursOfModel,
  listValuesOf,
} from '../../data/repositories/national-statistics.js';
import type { DB } from '../../data/schema.js';
import { statsSettings } from '../../domain/national-stats/installed.js';
import type { NeighbourRow } from '../../domain/national-stats/indicators.js';
import {
  figureNear,
  neighbourGroups,
  type YearValue,
} from '../../domain/research/national-context.js';
import { researchSettings } from '../../domain/research/settings.js';

export interface NationalContext {
  /** The rate of an LA near a year, by indicator. */
  rateOf(laId: string, indicator: string, year: number | null): YearValue | null;
  groupOf(laId: string): number | null;
  neighbourModel: string | null;
}

export async function loadNationalContext(
  db: Kysely<DB>,
  laIds: readonly string[],
): Promise<NationalContext> {
  const settings = researchSettings();
  const figures = await listValuesOf(
    db,
    [...new Set(laIds)],
    settings.rateIndicators.map((r) => r.indicator),
  );
  const series = new Map<string, YearValue[]>();
  for (const f of figures) {
    const k = `${f.areaCode}\u0000${f.indicator}`;
    const list = series.get(k);
    if (list) list.push({ year: f.year, value: f.value });
    else series.set(k, [{ year: f.year, value: f.value }]);
  }
  // The first model of the settings' preference that has lists.
  let model: NeighbourRow['model'] | null = null;
  let lists: NeighbourRow[] = [];
  for (const m of statsSettings(todayInEngland()).statNeighbourModels) {
    lists = await listNeighboursOfModel(db, m);
    if (lists.length > 0) {
      model = m;
      break;
    }
  }
  const groups = neighbourGroups(lists);
  return {
    rateOf: (laId, indicator, year) =>
      figureNear(series.get(`${laId}\u0000${indicator}`) ?? [], year, settings.rateYearWindow),
    groupOf: (laId) => groups.get(laId) ?? null,
    neighbourModel: model,
  };
}

/** The contexts with their rates and neighbour group filled in. */
export async function withNationalContext<
  T extends { laId: string; year: number | null; rates?: unknown; neighbourGroup?: unknown },
>(db: Kysely<DB>, contexts: T[]): Promise<T[]> {
  if (contexts.length === 0) return contexts;
  const nc = await loadNationalContext(
    db,
    contexts.map((c) => c.laId),
  );
  const indicators = researchSettings().rateIndicators.map((r) => r.indicator);
  return contexts.map((c) => {
    const rates: Record<string, YearValue> = {};
    for (const i of indicators) {
      const f = nc.rateOf(c.laId, i, c.year);
      if (f) rates[i] = f;
    }
    return { ...c, rates, neighbourGroup: nc.groupOf(c.laId) };
  });
}

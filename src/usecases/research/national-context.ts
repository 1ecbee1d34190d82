// Joins the DfE national statistics to LA contexts for the research store: rates per 10,000
// (the figure of the inspection's year, or the nearest within the settings' window) and the
// statistical neighbour group. Not a use case: queries, studies and the outcomes analysis call it.
import type { Kysely } from 'kysely';
import { todayInEngland } from '../../clock.js';
import {
  listAllNeighbours,
  listFiguresOfAreas,
} from '../../data/repositories/national-statistics.js';
import type { DB } from '../../data/schema.js';
import { statsSettings } from '../../domain/national-stats/installed.js';
import {
  figureNear,
  neighbourGroups,
  neighbourModel,
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
  const wanted = new Set(settings.rateIndicators.map((r) => r.indicator));
  const ids = [...new Set(laIds)];
  const figures = (await listFiguresOfAreas(db, ids)).filter(
    (f) => wanted.has(f.indicator) && f.value !== null,
  );
  const series = new Map<string, YearValue[]>();
  for (const f of figures) {
    const k = `${f.areaCode}\u0000${f.indicator}`;
    series.set(k, [...(series.get(k) ?? []), { year: f.year, value: f.value! }]);
  }
  const all = await listAllNeighbours(db);
  const model = neighbourModel(all, statsSettings(todayInEngland()).statNeighbourModels);
  const groups = neighbourGroups(all.filter((r) => r.model === model));
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

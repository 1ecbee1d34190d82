// DfE national statistics as stored: figures by indicator, area and year, each LA's statistical
// neighbours by model, and the changes already raised as intelligence.
import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  AreaLevel,
  Figure,
  NeighbourRow,
  SuppressionMarker,
} from '../../domain/national-stats/indicators.js';
import type { DB } from '../schema.js';
import type { NationalStatisticTable } from '../schema/national-stats.js';

const BATCH = 1_000;

function shape(r: Selectable<NationalStatisticTable>): Figure {
  return {
    indicator: r.indicator,
    level: r.level as AreaLevel,
    areaCode: r.area_code,
    areaName: r.area_name,
    year: r.year,
    value: r.value === null ? null : Number(r.value),
    marker: r.marker as SuppressionMarker | null,
  };
}

export async function listAllFigures(db: Kysely<DB>): Promise<Figure[]> {
  const rows = await db.selectFrom('national_statistics').selectAll().execute();
  return rows.map(shape);
}

/** The figures of these areas (LA ids, region codes, E92000001), every indicator and year. */
export async function listFiguresOfAreas(
  db: Kysely<DB>,
  areaCodes: readonly string[],
): Promise<Figure[]> {
  if (areaCodes.length === 0) return [];
  const rows = await db
    .selectFrom('national_statistics')
    .selectAll()
    .where('area_code', 'in', [...areaCodes])
    .orderBy('indicator')
    .orderBy('area_code')
    .orderBy('year')
    .execute();
  return rows.map(shape);
}

/** Inserts new figures and overwrites changed ones (the caller passes only those). */
export async function upsertFigures(db: Kysely<DB>, figures: readonly Figure[]): Promise<void> {
  for (let i = 0; i < figures.length; i += BATCH) {
    await db
      .insertInto('national_statistics')
      .values(
        figures.slice(i, i + BATCH).map((f) => ({
          indicator: f.indicator,
          level: f.level,
          area_code: f.areaCode,
          area_name: f.areaName,
          year: f.year,
          value: f.value,
          marker: f.marker,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['indicator', 'area_code', 'year']).doUpdateSet({
          level: (eb) => eb.ref('excluded.level'),
          area_name: (eb) => eb.ref('excluded.area_name'),
          value: (eb) => eb.ref('excluded.value'),
          marker: (eb) => eb.ref('excluded.marker'),
        }),
      )
      .execute();
  }
}

export async function listAllNeighbours(db: Kysely<DB>): Promise<NeighbourRow[]> {
  const rows = await db
    .selectFrom('statistical_neighbours')
    .selectAll()
    .orderBy('la_id')
    .orderBy('model')
    .orderBy('rank')
    .execute();
  return rows.map((r) => ({
    laId: r.la_id,
    model: r.model as NeighbourRow['model'],
    rank: r.rank,
    neighbourLaId: r.neighbour_la_id,
    closeness: r.closeness,
  }));
}

export async function listNeighboursOf(db: Kysely<DB>, laId: string): Promise<NeighbourRow[]> {
  return (await listAllNeighbours(db)).filter((n) => n.laId === laId);
}

/** Replaces the neighbour lists of these LAs under one model. */
export async function replaceNeighbours(
  db: Kysely<DB>,
  model: NeighbourRow['model'],
  laIds: readonly string[],
  rows: readonly NeighbourRow[],
): Promise<void> {
  if (laIds.length > 0)
    await db
      .deleteFrom('statistical_neighbours')
      .where('model', '=', model)
      .where('la_id', 'in', [...laIds])
      .execute();
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insertInto('statistical_neighbours')
      .values(
        rows.slice(i, i + BATCH).map((n) => ({
          la_id: n.laId,
          model: n.model,
          rank: n.rank,
          neighbour_la_id: n.neighbourLaId,
          closeness: n.closeness,
        })),
      )
      .execute();
}

/** `laId|indicator|toYear` of every change already raised. */
export async function listRaisedAlertKeys(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await db
    .selectFrom('national_statistics_alerts')
    .select(['la_id', 'indicator', 'to_year'])
    .execute();
  return new Set(rows.map((r) => `${r.la_id}|${r.indicator}|${r.to_year}`));
}

export async function insertAlerts(
  db: Kysely<DB>,
  rows: readonly { laId: string; indicator: string; toYear: number; entryId: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insertInto('national_statistics_alerts')
      .values(
        rows.slice(i, i + BATCH).map((r) => ({
          la_id: r.laId,
          indicator: r.indicator,
          to_year: r.toYear,
          intelligence_entry_id: r.entryId,
        })),
      )
      .execute();
}

/** How many figures each level has, and how many LAs have any. */
export async function countFigures(
  db: Kysely<DB>,
): Promise<{ figures: number; las: number; byLevel: Record<string, number> }> {
  const rows = await db
    .selectFrom('national_statistics')
    .select([
      'level',
      sql<number>`count(*)::int`.as('n'),
      sql<number>`count(distinct area_code)::int`.as('areas'),
    ])
    .groupBy('level')
    .execute();
  const byLevel = Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
  return {
    figures: rows.reduce((a, r) => a + Number(r.n), 0),
    las: Number(rows.find((r) => r.level === 'la')?.areas ?? 0),
    byLevel,
  };
}

/** The figures of these areas for these indicators only (with a value), every year. */
export async function listValuesOf(
  db: Kysely<DB>,
  areaCodes: readonly string[],
  indicators: readonly string[],
): Promise<Array<{ areaCode: string; indicator: string; year: number; value: number }>> {
  if (areaCodes.length === 0 || indicators.length === 0) return [];
  const rows = await db
    .selectFrom('national_statistics')
    .select(['area_code', 'indicator', 'year', 'value'])
    .where('area_code', 'in', [...areaCodes])
    .where('indicator', 'in', [...indicators])
    .where('value', 'is not', null)
    .execute();
  return rows.map((r) => ({
    areaCode: r.area_code,
    indicator: r.indicator,
    year: r.year,
    value: Number(r.value),
  }));
}

/** One model's neighbour lists (every LA), in rank order. */
export async function listNeighboursOfModel(
  db: Kysely<DB>,
  model: NeighbourRow['model'],
): Promise<NeighbourRow[]> {
  const rows = await db
    .selectFrom('statistical_neighbours')
    .select(['la_id', 'rank', 'neighbour_la_id'])
    .where('model', '=', model)
    .orderBy('la_id')
    .orderBy('rank')
    .execute();
  return rows.map((r) => ({
    laId: r.la_id,
    model,
    rank: r.rank,
    neighbourLaId: r.neighbour_la_id,
    closeness: null,
  }));
}

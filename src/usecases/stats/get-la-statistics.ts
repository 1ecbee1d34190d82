// One LA's national statistics: every indicator of the settings in force, year by year, beside
// the average of its statistical neighbours, its region (DfE's, from the register's ONS region)
// and England. Readable by whoever reads the LA's risk picture and by the LA's own users.
import { z } from 'zod';
import { findLocalAuthority, loadLaRegister } from '../../data/repositories/local-authorities.js';
import {
  listFiguresOfAreas,
  listNeighboursOf,
} from '../../data/repositories/national-statistics.js';
import { isOnTeamAtLa } from '../../data/repositories/risk-assessments.js';
import { policies } from '../../domain/access/policies.js';
import { comparisonRows, type ComparisonRow } from '../../domain/national-stats/compare.js';
import { ENGLAND_CODE } from '../../domain/national-stats/indicators.js';
import { statsSettings } from '../../domain/national-stats/installed.js';
import { AppError } from '../../errors.js';
import { todayInEngland } from '../../clock.js';
import type { UseCaseContext } from '../context.js';

export const GetLaStatisticsInput = z.object({ laId: z.string().trim().min(1).max(200) });

export interface LaStatisticsIndicator {
  key: string;
  label: string;
  unit: 'percent' | 'rate';
  rows: ComparisonRow[];
}

export interface LaStatistics {
  la: { id: string; name: string; ofstedRegion: string | null };
  region: { code: string; name: string } | null;
  neighbours: {
    model: string | null;
    las: { id: string; name: string; closeness: string | null }[];
  };
  settings: { id: string; versionLabel: string };
  indicators: LaStatisticsIndicator[];
  /** Whether any figure is stored for this LA. */
  hasFigures: boolean;
}

export async function getLaStatistics(
  ctx: UseCaseContext,
  raw: z.input<typeof GetLaStatisticsInput>,
): Promise<LaStatistics> {
  const parsed = GetLaStatisticsInput.safeParse(raw);
  if (!parsed.success) throw new AppError('NOT_FOUND');
  const register = await loadLaRegister(ctx.db);
  const lookup = register.find(parsed.data.laId);
  const la = (await findLocalAuthority(ctx.db, parsed.data.laId)) ?? (lookup.ok ? lookup.la : null);
  if (!la) throw new AppError('NOT_FOUND');
  const a = ctx.actor;
  const onTeam =
    a.kind === 'user' && a.role === 'inspector'
      ? await isOnTeamAtLa(ctx.db, a.userId, la.id)
      : false;
  if (!policies.viewNationalStatistics(a, { id: la.id, region: la.ofstedRegion }, onTeam))
    throw new AppError('NOT_FOUND');

  const settings = statsSettings(todayInEngland());
  const stored = await listNeighboursOf(ctx.db, la.id);
  const model = settings.statNeighbourModels.find((m) => stored.some((n) => n.model === m)) ?? null;
  const mine = stored.filter((n) => n.model === model).sort((x, y) => x.rank - y.rank);
  const regionCode = la.onsRegionCode;
  const figures = await listFiguresOfAreas(ctx.db, [
    la.id,
    ...mine.map((n) => n.neighbourLaId),
    ...(regionCode ? [regionCode] : []),
    ENGLAND_CODE,
  ]);
  const neighbourIds = new Set(mine.map((n) => n.neighbourLaId));
  const names = new Map(figures.map((f) => [f.areaCode, f.areaName]));
  const laFigures = figures.filter((f) => f.areaCode === la.id);
  const series = {
    la: laFigures,
    neighbours: figures.filter((f) => neighbourIds.has(f.areaCode)),
    neighbourCount: mine.length,
    region: figures.filter((f) => f.areaCode === regionCode),
    england: figures.filter((f) => f.areaCode === ENGLAND_CODE),
  };
  return {
    la: { id: la.id, name: la.name, ofstedRegion: la.ofstedRegion },
    region: regionCode
      ? { code: regionCode, name: names.get(regionCode) ?? la.onsRegion ?? regionCode }
      : null,
    neighbours: {
      model,
      las: mine.map((n) => ({
        id: n.neighbourLaId,
        name: register.byId(n.neighbourLaId)?.name ?? n.neighbourLaId,
        closeness: n.closeness,
      })),
    },
    settings: { id: settings.id, versionLabel: settings.versionLabel },
    indicators: settings.indicators.map((s) => ({
      key: s.key,
      label: s.label,
      unit: s.unit,
      rows: comparisonRows(s.key, series),
    })),
    hasFigures: laFigures.length > 0,
  };
}

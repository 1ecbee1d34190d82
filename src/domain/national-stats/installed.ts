// The installed national statistics settings: the files in frameworks/risk/national-statistics/,
// loaded once per process.
import path from 'node:path';
import { riskModelsDir } from '../../paths.js';
import { loadStatsSettings, settingsInForce, type StatsSettings } from './settings.js';

let all: StatsSettings[] | null = null;

export const statsSettingsDir = (): string => path.join(riskModelsDir(), 'national-statistics');

export function statsSettings(onDate: string): StatsSettings {
  all ??= loadStatsSettings(statsSettingsDir());
  return settingsInForce(all, onDate);
}

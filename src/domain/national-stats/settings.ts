// The national statistics settings (frameworks/risk/national-statistics/*.json): which indicators
// the LA statistics page shows, how each is labelled, and the change past which an import raises
// an intelligence entry. Versioned data, like the risk models beside it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../../errors.js';
import { indicatorKeys } from './indicators.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ThresholdSchema = z.object({
  /** Percentage points for a percentage, per 10,000 for a rate. */
  absolute: z.number().positive().nullable(),
  /** Per cent of the earlier value. */
  relativePercent: z.number().positive().nullable(),
  /** Below this earlier value a relative change says little (small numbers). */
  minimumBase: z.number().nonnegative().default(0),
});
export type Threshold = z.output<typeof ThresholdSchema>;

export const IndicatorSettingSchema = z.object({
  key: z.enum(indicatorKeys),
  label: z.string().min(1),
  unit: z.enum(['percent', 'rate']),
  /** Which direction of change is a concern (the entry's wording says so). */
  concernWhen: z.enum(['higher', 'lower', 'either']),
  domainKeys: z.array(z.string().min(1)).default([]),
  threshold: ThresholdSchema,
});
export type IndicatorSetting = z.output<typeof IndicatorSettingSchema>;

export const StatsSettingsSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  versionLabel: z.string().min(1),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  status: z.enum(['draft', 'current', 'superseded']),
  source: z.string().default(''),
  /** Neighbour models in order of preference (the first an LA has is used). */
  statNeighbourModels: z.array(z.enum(['sn_model_2025', 'groupings_2021'])).min(1),
  indicators: z.array(IndicatorSettingSchema).min(1),
});
export type StatsSettings = z.output<typeof StatsSettingsSchema>;

export function parseStatsSettings(raw: unknown, file: string): StatsSettings {
  const parsed = StatsSettingsSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError('FRAMEWORK_INVALID', {
      details: parsed.error.issues.map((i) => ({
        file,
        field: i.path.map(String).join('.'),
        reason: i.message,
      })),
    });
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  parsed.data.indicators.forEach((ind, i) => {
    if (seen.has(ind.key))
      details.push({ file, field: `indicators.${i}.key`, reason: `${ind.key} is listed twice` });
    seen.add(ind.key);
    if (ind.threshold.absolute === null && ind.threshold.relativePercent === null)
      details.push({
        file,
        field: `indicators.${i}.threshold`,
        reason: 'Give an absolute or a relative threshold',
      });
  });
  if (path.basename(file) !== `${parsed.data.id}.json`)
    details.push({ file, field: 'id', reason: `The file must be named ${parsed.data.id}.json` });
  if (details.length > 0) throw new AppError('FRAMEWORK_INVALID', { details });
  return parsed.data;
}

/** Every settings file in a folder; the one in force on a date is the latest current one. */
export function loadStatsSettings(dir: string): StatsSettings[] {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort();
  const all: StatsSettings[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new AppError('FRAMEWORK_INVALID', {
        details: [{ file, reason: `Cannot read the file as JSON (${(err as Error).message})` }],
      });
    }
    all.push(parseStatsSettings(raw, file));
  }
  if (all.length === 0)
    throw new AppError('FRAMEWORK_INVALID', {
      details: [{ file: dir, reason: 'No national statistics settings' }],
    });
  return all.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

export function settingsInForce(all: readonly StatsSettings[], onDate: string): StatsSettings {
  const usable = all.filter((s) => s.status !== 'draft');
  const found =
    usable
      .filter((s) => s.validFrom <= onDate && (s.validTo === null || onDate <= s.validTo))
      .at(-1) ?? usable.at(-1);
  if (!found)
    throw new AppError('INTERNAL', { message: 'No national statistics settings in force' });
  return found;
}

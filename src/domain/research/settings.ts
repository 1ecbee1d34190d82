// The research store's disclosure settings: a versioned data file (reference/research/
// settings.json), never constants in code. Read once per process.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { referenceDir } from '../../paths.js';

export const ResearchSettings = z.object({
  version: z.string(),
  description: z.string().optional(),
  /** Counts from 1 to threshold - 1 are suppressed (and their passages not opened). */
  suppressionThreshold: z.number().int().min(1).max(100),
  sizeBands: z
    .array(z.object({ key: z.string(), label: z.string(), below: z.number().int().nullable() }))
    .min(1),
  maxPassagesPerCell: z.number().int().min(1).max(5000),
  /** National statistics rates offered as dimensions, with their stated band boundaries. */
  rateIndicators: z
    .array(
      z.object({
        indicator: z.string(),
        label: z.string(),
        bands: z
          .array(z.object({ key: z.string(), label: z.string(), below: z.number().nullable() }))
          .min(1),
      }),
    )
    .default([]),
  /** How many years from an inspection's year a rate may come from. */
  rateYearWindow: z.number().int().min(0).max(10).default(3),
});
export type ResearchSettings = z.infer<typeof ResearchSettings>;

let cached: ResearchSettings | null = null;

export function researchSettings(): ResearchSettings {
  cached ??= ResearchSettings.parse(
    JSON.parse(readFileSync(path.join(referenceDir(), 'research', 'settings.json'), 'utf8')),
  );
  return cached;
}

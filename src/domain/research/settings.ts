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
});
export type ResearchSettings = z.infer<typeof ResearchSettings>;

let cached: ResearchSettings | null = null;

export function researchSettings(): ResearchSettings {
  cached ??= ResearchSettings.parse(
    JSON.parse(readFileSync(path.join(referenceDir(), 'research', 'settings.json'), 'utf8')),
  );
  return cached;
}

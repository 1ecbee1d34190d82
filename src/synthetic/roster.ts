// A seeded synthetic inspector roster for demos, `plan solve --synthetic-roster N` and the
// benchmark, until the roster is a table: inspectors spread over the regions given, about 60%
// lead-qualified, two blocks of leave and a training week each, a conflict of interest with one
// of the LAs given (when any are), six weeks on site a quarter, two days' preparation.
import type { InspectorInput } from '../domain/programme/instance.js';
import { createRandom } from '../domain/sampling/seeded-random.js';

const DAY = 86_400_000;
const plus = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export function syntheticRoster(opts: {
  n: number;
  regions: readonly string[];
  /** The programme's first Monday: leave falls in the year from it. */
  start: string;
  /** LAs by region, for conflicts of interest. */
  lasByRegion?: ReadonlyMap<string, readonly string[]>;
  seed?: number;
}): InspectorInput[] {
  const rnd = createRandom(opts.seed ?? 14);
  const out: InspectorInput[] = [];
  for (let k = 0; k < opts.n; k += 1) {
    const region = opts.regions[k % opts.regions.length]!;
    const leave = (weeks: number) => {
      const w = rnd.int(0, 51 - weeks);
      return { from: plus(opts.start, 7 * w), to: plus(opts.start, 7 * (w + weeks) - 3) };
    };
    const las = opts.lasByRegion?.get(region) ?? [];
    out.push({
      id: `insp-${String(k + 1).padStart(3, '0')}`,
      name: `Inspector ${k + 1}`,
      homeRegion: region,
      // Every third inspector in a region is not lead-qualified; the first always is.
      leadQualified: k < opts.regions.length || rnd.next() < 0.6,
      roles: [rnd.next() < 0.15 ? 'senior_hmi' : 'hmi'],
      unavailable: [
        { ...leave(2), reason: 'annual leave' },
        { ...leave(1), reason: 'annual leave' },
        { ...leave(1), reason: 'training' },
      ],
      conflictedLaIds: las.length > 0 ? [rnd.pick(las)] : [],
      maxWeeksOnSitePerQuarter: 6,
      preparationDays: 2,
    });
  }
  return out;
}

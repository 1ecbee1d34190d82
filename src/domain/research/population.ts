// The ONS population aged 0 to 25 per LA, from the bundled register file (the database keeps only
// the 0 to 17 count, which the sources do not give). The outcomes analysis uses it as the measure
// of size when the register holds no 0 to 17 counts. Read once per process.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { referenceDir } from '../../paths.js';
import { LaReferenceFileSchema } from '../las/la.js';

let cached: Map<string, number> | null = null;

export function onsPopulation0to25(): Map<string, number> {
  if (!cached) {
    const file = LaReferenceFileSchema.parse(
      JSON.parse(readFileSync(path.join(referenceDir(), 'local-authorities.json'), 'utf8')),
    );
    cached = new Map(
      file.localAuthorities
        .filter((l) => l.onsPopulation0to25 !== null)
        .map((l) => [l.id, l.onsPopulation0to25!]),
    );
  }
  return cached;
}

// The installed framework versions: the files in frameworks/, loaded once per process. Use cases
// ask here which framework an activity is inspected under; tests may supply their own registry.
import { AppError } from '../../errors.js';
import { frameworksDir } from '../../paths.js';
import { evidenceAreas } from '../evidence/codebook-seed.js';
import { loadFrameworks } from './load.js';
import type { FrameworkRegistry } from './registry.js';
import type { Framework } from './schema.js';

let registry: FrameworkRegistry | null = null;

/** The framework registry (loaded once from frameworks/). Tests may supply their own. */
export function frameworkRegistry(override?: FrameworkRegistry): FrameworkRegistry {
  if (override) registry = override;
  registry ??= loadFrameworks(frameworksDir());
  return registry;
}

/** The framework version an activity (or anything filed under one) is inspected under. */
export function frameworkOf(subject: { frameworkId: string }): Framework {
  const fw = frameworkRegistry().get(subject.frameworkId);
  if (!fw) throw new AppError('INTERNAL', { message: `Unknown framework ${subject.frameworkId}` });
  return fw;
}

/** The judgement areas evidence of this activity can be filed under, in framework order. */
export function judgementAreasOf(subject: {
  frameworkId: string;
}): Array<{ key: string; title: string }> {
  return evidenceAreas(frameworkOf(subject));
}

import { listLocalAuthorities } from '../../data/repositories/local-authorities.js';
import { policies } from '../../domain/access/policies.js';
import type { ActivityTypeInfo } from '../../domain/activities/activity-type.js';
import { AppError } from '../../errors.js';
import { requireCatalog, type UseCaseContext } from '../context.js';
import { todayInEngland } from '../../clock.js';

export interface NewActivityForm {
  /** Current authorities the actor may schedule work for. */
  las: { id: string; name: string; region: string | null }[];
  /** Activity types of the frameworks in force on the date (today by default). */
  activityTypes: ActivityTypeInfo[];
}

/** Probe types: the headline inspection of each family decides which framework versions apply. */
const ANCHOR_TYPES = ['standard_inspection', 'jtai'];

/** What the "create an activity" form offers; FORBIDDEN for those who may create none. */
export async function getNewActivityForm(
  ctx: UseCaseContext,
  on: string = todayInEngland(),
): Promise<NewActivityForm> {
  const catalog = requireCatalog(ctx);
  // Authorities that still exist, by name.
  const rows = (await listLocalAuthorities(ctx.db)).filter((r) => r.validTo === null);
  const las = rows
    .filter((r) => policies.createActivity(ctx.actor, { id: r.id, region: r.ofstedRegion }))
    .map((r) => ({ id: r.id, name: r.name, region: r.ofstedRegion }));
  if (las.length === 0) throw new AppError('FORBIDDEN');

  const seen = new Map<string, ActivityTypeInfo>();
  const frameworks = new Set<string>();
  for (const anchor of ANCHOR_TYPES) {
    const id = catalog.frameworkFor(on, anchor);
    if (id) frameworks.add(id);
  }
  for (const frameworkId of frameworks) {
    for (const type of catalog.activityTypes(frameworkId)) {
      // Offer a type only if some framework version has it in force on the date.
      if (!seen.has(type.id) && catalog.frameworkFor(on, type.id)) seen.set(type.id, type);
    }
  }
  return { las, activityTypes: [...seen.values()] };
}

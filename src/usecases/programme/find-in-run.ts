// Naming things in a saved run the way people do: an LA by id or name, an inspector by id or by
// their account's e-mail, a date as the week of the programme it falls in.
import { findUserByEmail } from '../../data/repositories/users.js';
import { laSlug } from '../../domain/las/names.js';
import { weekOf } from '../../domain/programme/instance.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import type { ProgrammeRunView } from './saved-runs.js';

const invalid = (field: string, value: string, reason: string) =>
  new AppError('VALIDATION_FAILED', { details: [{ field, value, reason }] });

/** The LA of a placement of the run, by id or name. */
export function laInRun(view: ProgrammeRunView, value: string): string {
  const v = value.trim();
  const found = view.placements.find((p) => p.laId === v || laSlug(p.laName) === laSlug(v));
  if (!found) throw invalid('la', value, 'No placement of this run is for that local authority');
  return found.laId;
}

/** The inspector of the run's roster, by id or e-mail. */
export async function inspectorInRun(
  ctx: UseCaseContext,
  view: ProgrammeRunView,
  value: string,
  field = 'inspector',
): Promise<string> {
  const roster = view.run.options.inspectors;
  const v = value.trim();
  if (roster.some((i) => i.id === v)) return v;
  const user = v.includes('@') ? await findUserByEmail(ctx.db, v) : null;
  if (user && (roster.some((i) => i.id === user.id) || view.run.options.rosterFromProfiles))
    return user.id;
  throw invalid(field, value, 'No inspector of this run’s roster has that id or e-mail address');
}

/** The week index of the programme a date falls in (inside the horizon). */
export function weekInRun(view: ProgrammeRunView, date: string, field = 'week'): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw invalid(field, date, 'Use a date as YYYY-MM-DD');
  const w = weekOf({ start: view.run.start }, date);
  if (w < 0 || w >= view.run.weeks)
    throw invalid(
      field,
      date,
      `The programme runs from ${view.run.start} for ${view.run.weeks} weeks`,
    );
  return w;
}

// A region's inspectors' load, week by week (the "Inspectors' load" page, API and CLI): each
// inspector with a profile whose home region it is, their planned days and time away, weeks over
// the limit flagged. Regional staff see their own region (the default), national staff and
// admins any.
import { z } from 'zod';
import { listInspectorProfiles } from '../../data/repositories/inspectors.js';
import type { InspectorLoad } from '../../domain/scheduling/inspector-load.js';
import type { InspectorRole, Weekday } from '../../domain/scheduling/inspector-profile.js';
import { addDays } from '../../clock.js';
import type { UseCaseContext } from '../context.js';
import { chooseRegion, parse, RegionInput } from './inspector-scope.js';
import { loadsOf } from './inspector-loads.js';
import { WindowInput, windowStart } from './window.js';

export const InspectorsLoadInput = z.object({ region: RegionInput.optional(), ...WindowInput });

export interface InspectorLoadRow {
  userId: string;
  displayName: string;
  inspectorRole: InspectorRole;
  leadQualified: boolean;
  workingDays: Weekday[];
  maxSiteWeeksPerQuarter: number;
  load: InspectorLoad;
}

export interface InspectorsLoadView {
  region: string;
  from: string;
  weekStarts: string[];
  inspectors: InspectorLoadRow[];
  /** Inspector-weeks with a flag. */
  overWeeks: number;
}

export async function getInspectorsLoad(
  ctx: UseCaseContext,
  raw: z.input<typeof InspectorsLoadInput>,
): Promise<InspectorsLoadView> {
  const input = parse(InspectorsLoadInput, raw);
  const region = chooseRegion(ctx, input.region);
  const from = windowStart(input.from);
  const profiles = await listInspectorProfiles(ctx.db, { region });
  const loads = await loadsOf(ctx, profiles, from, input.weeks);
  const inspectors = profiles.map((p) => ({
    userId: p.userId,
    displayName: p.displayName,
    inspectorRole: p.inspectorRole,
    leadQualified: p.leadQualified,
    workingDays: p.workingDays,
    maxSiteWeeksPerQuarter: p.maxSiteWeeksPerQuarter,
    load: loads.get(p.userId)!.load,
  }));
  return {
    region,
    from,
    weekStarts: Array.from({ length: input.weeks }, (_, i) => addDays(from, i * 7)),
    inspectors,
    overWeeks: inspectors.reduce((t, i) => t + i.load.overWeeks, 0),
  };
}

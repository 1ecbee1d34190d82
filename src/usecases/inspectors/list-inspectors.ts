// A region's inspectors: those whose profile's home region it is, and (for those who may set
// profiles) inspector accounts with no profile yet. Regional staff see their own region.
import { z } from 'zod';
import { listInspectors as listInspectorRows } from '../../data/repositories/inspectors.js';
import type { InspectorListed } from '../../data/repositories/inspectors.js';
import { policies } from '../../domain/access/policies.js';
import type { UseCaseContext } from '../context.js';
import { chooseRegion, parse, RegionInput } from './inspector-scope.js';

export const ListInspectorsInput = z.object({ region: RegionInput.optional() });

export interface InspectorList {
  region: string;
  inspectors: InspectorListed[];
  withoutProfile: InspectorListed[];
  canEdit: boolean;
}

export async function listInspectors(
  ctx: UseCaseContext,
  raw: z.input<typeof ListInspectorsInput>,
): Promise<InspectorList> {
  const input = parse(ListInspectorsInput, raw);
  const region = chooseRegion(ctx, input.region);
  const canEdit = policies.editInspectorProfile(ctx.actor, { homeRegion: region });
  const rows = await listInspectorRows(ctx.db, { region, withoutProfile: canEdit });
  return {
    region,
    inspectors: rows.filter((r) => r.profile !== null),
    withoutProfile: rows.filter((r) => r.profile === null),
    canEdit,
  };
}

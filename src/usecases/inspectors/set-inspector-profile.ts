// Set an inspector's scheduling profile (create it, or replace it): role on teams, home region,
// working days, lead-qualified, the most weeks on site a quarter, preparation days. Their home
// region's staff, national staff and admins; regional staff keep the inspector in their region.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { findInspector, saveInspectorProfile } from '../../data/repositories/inspectors.js';
import { policies } from '../../domain/access/policies.js';
import { inspectorRoles, weekdays } from '../../domain/scheduling/inspector-profile.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { editableInspector, parse, RegionInput } from './inspector-scope.js';

export const SetInspectorProfileInput = z.object({
  inspector: z.string().trim().min(1).max(320),
  inspectorRole: z.enum(inspectorRoles, { error: 'Select the inspector’s role' }),
  homeRegion: RegionInput,
  workingDays: z
    .array(z.enum(weekdays))
    .min(1, 'Select at least one working day')
    .max(5)
    .default([...weekdays]),
  leadQualified: z.boolean().default(false),
  maxSiteWeeksPerQuarter: z
    .number({ error: 'Enter the most weeks on site a quarter as a number' })
    .int()
    .min(0)
    .max(13, 'A quarter has 13 weeks')
    .default(6),
  preparationDays: z.number().int().min(0).max(20).nullable().default(null),
  note: z.string().trim().max(2_000).nullable().default(null),
  /** The version this change is made on; refused with CONFLICT if stale (0: no profile yet). */
  expectedVersion: z.number().int().min(0).optional(),
});
export type SetInspectorProfileInput = z.input<typeof SetInspectorProfileInput>;

export async function setInspectorProfile(ctx: UseCaseContext, raw: SetInspectorProfileInput) {
  const input = parse(SetInspectorProfileInput, raw);
  const inspector = await editableInspector(ctx, input.inspector);
  // Regional staff may not move an inspector out of their own region.
  if (!policies.editInspectorProfile(ctx.actor, { homeRegion: input.homeRegion }))
    throw new AppError('FORBIDDEN');
  const settings = {
    inspectorRole: input.inspectorRole,
    homeRegion: input.homeRegion,
    // Kept in weekday order, once each.
    workingDays: weekdays.filter((d) => input.workingDays.includes(d)),
    leadQualified: input.leadQualified,
    maxSiteWeeksPerQuarter: input.maxSiteWeeksPerQuarter,
    preparationDays: input.preparationDays,
    note: input.note || null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const outcome = await saveInspectorProfile(
      trx,
      inspector.userId,
      settings,
      input.expectedVersion ?? null,
    );
    if (outcome === 'stale') throw new AppError('CONFLICT');
    const before = inspector.profile;
    await writeAudit(trx, ctx.actor, {
      action: 'inspector.profile_set',
      entityType: 'inspector',
      entityId: inspector.userId,
      before: before
        ? {
            inspectorRole: before.inspectorRole,
            homeRegion: before.homeRegion,
            workingDays: before.workingDays,
            leadQualified: before.leadQualified,
            maxSiteWeeksPerQuarter: before.maxSiteWeeksPerQuarter,
            preparationDays: before.preparationDays,
          }
        : null,
      after: { ...settings },
    });
  });
  const saved = await findInspector(ctx.db, inspector.userId);
  return saved!.profile!;
}

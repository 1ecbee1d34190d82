// The inspectors area's shared first steps: read a region (by name or slug), find an inspector
// and check what the actor may do with their profile, find an LA, and zod issues as errors.
import type { z } from 'zod';
import { z as zod } from 'zod';
import { findInspector, type InspectorListed } from '../../data/repositories/inspectors.js';
import { findUserByEmail } from '../../data/repositories/users.js';
import { policies } from '../../domain/access/policies.js';
import { ofstedRegions, type OfstedRegion } from '../../domain/access/roles.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** An Ofsted region by its name (any case) or slug ('north-west'). */
export const RegionInput = zod.preprocess(
  (v) => (typeof v === 'string' ? (ofstedRegions.find((r) => slug(r) === slug(v.trim())) ?? v) : v),
  zod.enum(ofstedRegions, { error: `Choose one of: ${ofstedRegions.join('; ')}` }),
);

export const IsoDate = zod.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD');

/** zod issues as error details. */
export function validationError(issues: readonly z.core.$ZodIssue[]): AppError {
  const details: ErrorDetail[] = issues.map((i) => ({
    field: i.path.map(String).join('.'),
    reason: i.message,
  }));
  return new AppError('VALIDATION_FAILED', { details });
}

export function parse<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const r = schema.safeParse(raw);
  if (!r.success) throw validationError(r.error.issues);
  return r.data;
}

/** The region a roster view shows: the one asked for, else the actor's own, else the first. */
export function chooseRegion(ctx: UseCaseContext, asked: OfstedRegion | undefined): OfstedRegion {
  const own = ctx.actor.kind === 'user' ? ctx.actor.region : null;
  const chosen = asked ?? (own as OfstedRegion | null) ?? ofstedRegions[0];
  if (!policies.viewInspectorRoster(ctx.actor, chosen)) throw new AppError('NOT_FOUND');
  return chosen;
}

/**
 * An inspector by account id or email, which the actor may read (NOT_FOUND otherwise: it
 * reveals nothing); `canEdit` says whether they may change it.
 */
export async function inspectorScope(
  ctx: UseCaseContext,
  idOrEmail: string,
): Promise<{ inspector: InspectorListed; canEdit: boolean }> {
  let inspector = await findInspector(ctx.db, idOrEmail);
  if (!inspector && idOrEmail.includes('@')) {
    const user = await findUserByEmail(ctx.db, idOrEmail);
    if (user) inspector = await findInspector(ctx.db, user.id);
  }
  if (!inspector) throw new AppError('NOT_FOUND');
  const homeRegion = inspector.profile?.homeRegion ?? null;
  if (!policies.viewInspectorProfile(ctx.actor, { userId: inspector.userId, homeRegion }))
    throw new AppError('NOT_FOUND');
  return { inspector, canEdit: policies.editInspectorProfile(ctx.actor, { homeRegion }) };
}

/** Like inspectorScope, for a change: FORBIDDEN when the actor may read but not edit. */
export async function editableInspector(
  ctx: UseCaseContext,
  idOrEmail: string,
): Promise<InspectorListed> {
  const { inspector, canEdit } = await inspectorScope(ctx, idOrEmail);
  if (!canEdit) throw new AppError('FORBIDDEN');
  return inspector;
}

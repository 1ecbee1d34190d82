// Response shapes of the JSON API (also the OpenAPI document's schemas).
import { z } from 'zod';
import type { User } from '../../../domain/access/user.js';
import type { Activity } from '../../../domain/activities/activity.js';

export const ActivitySchema = z.object({
  id: z.string(),
  laId: z.string(),
  laName: z.string(),
  laRegion: z.string().nullable(),
  activityType: z.string(),
  frameworkId: z.string(),
  state: z.string(),
  title: z.string(),
  theme: z.string().nullable(),
  sequenceNumber: z.number().nullable(),
  partnerInspectorates: z.array(z.string()),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  notifiedAt: z.string().nullable(),
  version: z.number(),
});

export function presentActivity(a: Activity): z.infer<typeof ActivitySchema> {
  return {
    id: a.id,
    laId: a.laId,
    laName: a.laName,
    laRegion: a.laRegion,
    activityType: a.activityType,
    frameworkId: a.frameworkId,
    state: a.state,
    title: a.title,
    theme: a.theme,
    sequenceNumber: a.sequenceNumber,
    partnerInspectorates: a.partnerInspectorates,
    plannedStart: a.plannedStart,
    plannedEnd: a.plannedEnd,
    notifiedAt: a.notifiedAt?.toISOString() ?? null,
    version: a.version,
  };
}

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  region: z.string().nullable(),
  laId: z.string().nullable(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
});

export function presentUser(u: User): z.infer<typeof UserSchema> {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    region: u.region,
    laId: u.laId,
    mustChangePassword: u.mustChangePassword,
    disabled: u.disabled,
  };
}

export const Ok = z.object({ ok: z.literal(true) });

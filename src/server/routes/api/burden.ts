// JSON API for the burden of an inspection (issue 16): the LA's recorded effort (read, record, the
// national medians by inspection type and LA size) and inspectors' working time from their records
// (per person per day inside the activity; by role only across inspections).
import { z } from 'zod';
import { effortKinds } from '../../../domain/burden/la-effort.js';
import { getLaEffort } from '../../../usecases/burden/get-la-effort.js';
import { getNationalLaEffort } from '../../../usecases/burden/get-national-la-effort.js';
import { getNationalWorkingTime } from '../../../usecases/burden/get-national-working-time.js';
import { getWorkingTime } from '../../../usecases/burden/get-working-time.js';
import { recordLaEffort } from '../../../usecases/burden/record-la-effort.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const Kind = z.enum(effortKinds);
const Totals = z.object({ linkPersonHours: z.number(), staffDays: z.number() });
const Effort = z.object({
  activity: z.object({
    id: z.string(),
    title: z.string(),
    laName: z.string(),
    state: z.string(),
    activityType: z.string(),
  }),
  lines: z.array(
    z.object({
      kind: Kind,
      label: z.string(),
      linkPersonHours: z.number(),
      staffDays: z.number(),
      note: z.string().nullable(),
      recordedByLabel: z.string().nullable(),
      recordedAt: z.date().nullable(),
    }),
  ),
  totals: Totals,
  recorded: z.boolean(),
  can: z.object({ record: z.boolean() }),
});
const RecordBody = z.object({
  lines: z
    .array(
      z.object({
        kind: Kind,
        linkPersonHours: z.number(),
        staffDays: z.number(),
        note: z.string().max(2000).nullish(),
      }),
    )
    .min(1)
    .max(effortKinds.length),
});
const Day = z.object({
  userId: z.string(),
  label: z.string(),
  teamRole: z.string().nullable(),
  day: z.string(),
  recorded: z.number(),
  edited: z.number(),
  minutesRecorded: z.number(),
  firstAt: z.string(),
  lastAt: z.string(),
  spanMinutes: z.number(),
  afterHoursActions: z.number(),
  cases: z.number(),
  minutesPerCase: z.number().nullable(),
});
const RoleAggregate = z.object({
  teamRole: z.string(),
  inspectors: z.number().nullable(),
  inspectorDays: z.number().nullable(),
  suppressed: z.boolean(),
  shareDaysAfterHours: z.number().nullable(),
  medianRecordedHoursPerDay: z.number().nullable(),
  medianSpanHoursPerDay: z.number().nullable(),
  medianMinutesPerCase: z.number().nullable(),
});

export const registerBurdenApi: RouteModule = (app, ctx) => {
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/burden',
      summary:
        'The LA’s recorded effort on an inspection: link person hours and staff days by kind',
      tag: 'burden',
      response: Effort,
      handler: async ({ request, params }) =>
        getLaEffort(useCaseContext(request, ctx), { activityId: params.id ?? '' }),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/burden',
      summary:
        'Record the LA’s effort by kind (the inspected LA’s own users; replaces each kind given)',
      tag: 'burden',
      body: RecordBody,
      response: z.object({
        lines: z.array(
          z.object({
            kind: Kind,
            linkPersonHours: z.number(),
            staffDays: z.number(),
            note: z.string().nullable(),
          }),
        ),
        totals: Totals,
      }),
      handler: async ({ request, params, body }) => {
        const out = await recordLaEffort(useCaseContext(request, ctx), {
          activityId: params.id ?? '',
          lines: body.lines,
        });
        return {
          lines: out.lines.map((l) => ({
            kind: l.kind,
            linkPersonHours: l.linkPersonHours,
            staffDays: l.staffDays,
            note: l.note,
          })),
          totals: out.totals,
        };
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/burden/national',
      summary:
        'The LA’s effort across inspections: medians by inspection type and LA size (small groups suppressed)',
      tag: 'burden',
      response: z.object({
        inspections: z.number(),
        minGroup: z.number(),
        groups: z.array(
          z.object({
            activityType: z.string(),
            sizeBand: z.string(),
            sizeBandLabel: z.string(),
            inspections: z.number().nullable(),
            suppressed: z.boolean(),
            medianLinkPersonHours: z.number().nullable(),
            medianStaffDays: z.number().nullable(),
          }),
        ),
      }),
      handler: async ({ request }) => getNationalLaEffort(useCaseContext(request, ctx)),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/working-time',
      summary:
        'Inspectors’ working time per person per day from their records (lead and QAM: all; others: their own)',
      tag: 'burden',
      response: z.object({
        activity: z.object({ id: z.string(), title: z.string(), laName: z.string() }),
        scope: z.enum(['all', 'own']),
        days: z.array(Day),
        totals: z.object({
          inspectorDays: z.number(),
          daysAfterHours: z.number(),
          minutesRecorded: z.number(),
        }),
      }),
      handler: async ({ request, params }) =>
        getWorkingTime(useCaseContext(request, ctx), { activityId: params.id ?? '' }),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/working-time/national',
      summary: 'Inspectors’ working time across inspections, by team role only (no individuals)',
      tag: 'burden',
      response: z.object({
        minGroup: z.number(),
        roles: z.array(RoleAggregate),
        all: RoleAggregate.nullable(),
      }),
      handler: async ({ request }) => getNationalWorkingTime(useCaseContext(request, ctx)),
    }),
  ]);
};

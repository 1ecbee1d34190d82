// Inspectors and capacity over JSON (issue 14): a region's inspectors and their load by week, one
// inspector's profile, leave, conflicts and load, and the changes to them. Access as the pages
// (policies.ts: viewInspectorRoster, viewInspectorProfile, editInspectorProfile).
import { z } from 'zod';
import {
  addInspectorAbsence,
  AddInspectorAbsenceFields,
} from '../../../usecases/inspectors/add-inspector-absence.js';
import {
  addInspectorConflict,
  AddInspectorConflictFields,
} from '../../../usecases/inspectors/add-inspector-conflict.js';
import { getInspector } from '../../../usecases/inspectors/get-inspector.js';
import { getInspectorLoad } from '../../../usecases/inspectors/get-inspector-load.js';
import { getInspectorsLoad } from '../../../usecases/inspectors/get-inspectors-load.js';
import { listInspectors } from '../../../usecases/inspectors/list-inspectors.js';
import { removeInspectorAbsence } from '../../../usecases/inspectors/remove-inspector-absence.js';
import { removeInspectorConflict } from '../../../usecases/inspectors/remove-inspector-conflict.js';
import {
  setInspectorProfile,
  SetInspectorProfileInput,
} from '../../../usecases/inspectors/set-inspector-profile.js';
import {
  AnyObject,
  asObject,
  defineApiRoute,
  registerApiRoutes,
  useCaseContextOf,
} from '../../api-registry.js';
import type { RouteModule } from '../index.js';

const Obj = AnyObject;
const asObj = asObject;
const RegionQuery = z.object({ region: z.string().max(100).optional() });
const WindowQuery = z.object({
  from: z.string().max(20).optional(),
  weeks: z.string().max(3).optional(),
});
const windowOf = (q: z.infer<typeof WindowQuery>) => ({
  ...(q.from ? { from: q.from } : {}),
  ...(q.weeks ? { weeks: q.weeks as unknown as number } : {}),
});

export const registerInspectorApi: RouteModule = (app, ctx) => {
  const uc = useCaseContextOf(ctx);
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/inspectors',
      summary:
        "A region's inspectors with their profiles (and, for those who set profiles, inspector accounts with none yet)",
      tag: 'inspectors',
      query: RegionQuery,
      response: Obj,
      handler: async ({ actor, query }) =>
        asObj(await listInspectors(uc(actor), query.region ? { region: query.region } : {})),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/inspectors/load',
      summary:
        "A region's inspectors' planned load by week (preparation, on site, write-up, QA days; time away; weeks over the limit flagged)",
      tag: 'inspectors',
      query: RegionQuery.merge(WindowQuery),
      response: Obj,
      handler: async ({ actor, query }) =>
        asObj(
          await getInspectorsLoad(uc(actor), {
            ...(query.region ? { region: query.region } : {}),
            ...windowOf(query),
          }),
        ),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/inspectors/:id',
      summary: "An inspector's profile, leave and training, and conflicts of interest",
      tag: 'inspectors',
      response: Obj,
      handler: async ({ actor, params }) =>
        asObj(await getInspector(uc(actor), { inspector: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/inspectors/:id/load',
      summary: "An inspector's planned load by week, with the activities behind each week",
      tag: 'inspectors',
      query: WindowQuery,
      response: Obj,
      handler: async ({ actor, params, query }) =>
        asObj(
          await getInspectorLoad(uc(actor), { inspector: params.id ?? '', ...windowOf(query) }),
        ),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/inspectors/:id/profile',
      summary:
        "Set an inspector's profile: role, home region, working days, lead-qualified, most weeks on site a quarter, preparation days",
      tag: 'inspectors',
      body: SetInspectorProfileInput.omit({ inspector: true }),
      response: Obj,
      handler: async ({ actor, params, body }) =>
        asObj(await setInspectorProfile(uc(actor), { ...body, inspector: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/inspectors/:id/absences',
      summary: "Record an inspector's leave or training (first and last day, inclusive)",
      tag: 'inspectors',
      body: AddInspectorAbsenceFields.omit({ inspector: true }),
      response: Obj,
      handler: async ({ actor, params, body }) =>
        asObj(await addInspectorAbsence(uc(actor), { ...body, inspector: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'DELETE',
      path: '/api/v1/inspectors/:id/absences/:absenceId',
      summary: "Remove one of an inspector's absences",
      tag: 'inspectors',
      response: Obj,
      handler: async ({ actor, params }) =>
        asObj(
          await removeInspectorAbsence(uc(actor), {
            inspector: params.id ?? '',
            absenceId: params.absenceId ?? '',
          }),
        ),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/inspectors/:id/conflicts',
      summary:
        "Record an inspector's conflict of interest with an LA (worked in, lives in, other; with dates)",
      tag: 'inspectors',
      body: AddInspectorConflictFields.omit({ inspector: true }),
      response: Obj,
      handler: async ({ actor, params, body }) =>
        asObj(await addInspectorConflict(uc(actor), { ...body, inspector: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'DELETE',
      path: '/api/v1/inspectors/:id/conflicts/:conflictId',
      summary: "Remove one of an inspector's conflicts of interest",
      tag: 'inspectors',
      response: Obj,
      handler: async ({ actor, params }) =>
        asObj(
          await removeInspectorConflict(uc(actor), {
            inspector: params.id ?? '',
            conflictId: params.conflictId ?? '',
          }),
        ),
    }),
  ]);
};

// The risk picture over JSON: an LA's intelligence log (read, record), its risk picture and
// assessments, the regional and national views. Access as the pages (policies.ts).
import { z } from 'zod';
import { intelligenceKinds } from '../../../domain/risk/intelligence.js';
import { assessRisk, AssessRiskInput } from '../../../usecases/risk/assess-risk.js';
import {
  getNationalRiskView,
  NationalRiskInput,
} from '../../../usecases/risk/get-national-risk-view.js';
import { getRegionalRiskView } from '../../../usecases/risk/get-regional-risk-view.js';
import { getRiskPicture } from '../../../usecases/risk/get-risk-picture.js';
import { listIntelligenceLog } from '../../../usecases/risk/list-intelligence.js';
import {
  recordIntelligence,
  RecordIntelligenceInput,
} from '../../../usecases/risk/record-intelligence.js';
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

export const registerRiskApi: RouteModule = (app, ctx) => {
  const uc = useCaseContextOf(ctx);
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/las/:id/intelligence',
      summary:
        "An LA's intelligence log, newest first, with inspection and visit outcomes from the history (LA users: entries shared with them)",
      tag: 'risk',
      query: z.object({
        kind: z.enum(intelligenceKinds).optional(),
        from: z.string().optional(),
        to: z.string().optional(),
        after: z.string().optional(),
        limit: z.coerce.number().int().min(1).max(200).optional(),
      }),
      response: Obj,
      handler: async ({ actor, params, query }) =>
        asObj(
          await listIntelligenceLog(uc(actor), {
            laId: params.id ?? '',
            kinds: query.kind ? [query.kind] : [],
            ...(query.from ? { from: query.from } : {}),
            ...(query.to ? { to: query.to } : {}),
            ...(query.after ? { after: query.after } : {}),
            ...(query.limit ? { limit: query.limit } : {}),
          }),
        ),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/las/:id/intelligence',
      summary: 'Record an intelligence entry about an LA (regional staff, their region)',
      tag: 'risk',
      body: RecordIntelligenceInput.omit({ laId: true }),
      response: Obj,
      handler: async ({ actor, params, body }) =>
        asObj(await recordIntelligence(uc(actor), { ...body, laId: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/las/:id/risk',
      summary: "An LA's risk picture: current assessment, ratings with evidence, timeline",
      tag: 'risk',
      response: Obj,
      handler: async ({ actor, params }) =>
        asObj(await getRiskPicture(uc(actor), { laId: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/las/:id/risk/assessments',
      summary: 'Record a new version of an LA’s risk assessment (regional staff, their region)',
      tag: 'risk',
      body: AssessRiskInput.omit({ laId: true }),
      response: Obj,
      handler: async ({ actor, params, body }) =>
        asObj(await assessRisk(uc(actor), { ...body, laId: params.id ?? '' })),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/risk/regional',
      summary: "A region's risk view (default: the caller's region)",
      tag: 'risk',
      query: z.object({ region: z.string().max(100).optional() }),
      response: Obj,
      handler: async ({ actor, query }) =>
        asObj(await getRegionalRiskView(uc(actor), query.region ? { region: query.region } : {})),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/risk/national',
      summary: 'Every LA’s risk level and the distribution per region beside inspection outcomes',
      tag: 'risk',
      query: NationalRiskInput,
      response: Obj,
      handler: async ({ actor, query }) => asObj(await getNationalRiskView(uc(actor), query)),
    }),
  ]);
};

// JSON API for case sampling: the sample (draw, cases, statement), drawing, cases added on site,
// taking a case out, the LA's audited children and the transparency statement on its own.
import { z } from 'zod';
import { SampleSpec } from '../../../domain/sampling/spec.js';
import { addSampleCase, AddSampleCaseInput } from '../../../usecases/sampling/add-sample-case.js';
import { drawSample } from '../../../usecases/sampling/draw-sample.js';
import { getSample, type SampleView } from '../../../usecases/sampling/get-sample.js';
import { getSampleStatement } from '../../../usecases/sampling/get-sample-statement.js';
import { recordLaAudits } from '../../../usecases/sampling/record-la-audits.js';
import { removeSampleCase } from '../../../usecases/sampling/remove-sample-case.js';
import { revealSampleIdentifiers } from '../../../usecases/sampling/reveal-sample-identifiers.js';
import type { SampleCase } from '../../../domain/sampling/records.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const Statement = z.object({
  paragraphs: z.array(z.string()),
  tables: z.array(
    z.object({
      caption: z.string(),
      head: z.array(z.string()),
      rows: z.array(z.array(z.string())),
    }),
  ),
});
const Stratum = z.object({
  key: z.string(),
  population: z.number(),
  quota: z.number(),
  drawn: z.number(),
});
const EntryOutcome = z.object({
  entry: z.number(),
  cohort: z.string(),
  lineOfEnquiryId: z.string().nullable(),
  population: z.number(),
  strata: z.array(Stratum),
  audited: Stratum,
  shortfall: z.number(),
});
export const SampleCaseSchema = z.object({
  id: z.string(),
  cohort: z.string(),
  childRef: z.string(),
  caseId: z.string().nullable(),
  lineOfEnquiryId: z.string().nullable(),
  lineOfEnquiry: z.string().nullable(),
  route: z.enum(['advance', 'on_site', 'social_worker', 'la_audit']),
  stratum: z.string().nullable(),
  criteria: z.string().nullable(),
  remote: z.boolean(),
  attributes: z.record(z.string(), z.string()),
  evidenceCount: z.number(),
  addedBy: z.string(),
  addedAt: z.string(),
  removedAt: z.string().nullable(),
  removalReason: z.string().nullable(),
});
export const SampleSchema = z.object({
  annexA: z
    .object({
      importId: z.string(),
      fileName: z.string(),
      referenceDate: z.string(),
      rows: z.number(),
    })
    .nullable(),
  draw: z
    .object({
      id: z.string(),
      seed: z.number(),
      spec: z.unknown(),
      importId: z.string().nullable(),
      referenceDate: z.string(),
      drawnBy: z.string(),
      drawnAt: z.string(),
      entries: z.array(EntryOutcome),
    })
    .nullable(),
  cases: z.array(SampleCaseSchema),
  removed: z.array(SampleCaseSchema),
  laAudits: z.number(),
  statement: Statement.nullable(),
  can: z.object({ draw: z.boolean(), edit: z.boolean() }),
});

export function presentSampleCase(c: SampleCase): z.input<typeof SampleCaseSchema> {
  return {
    id: c.id,
    cohort: c.cohort,
    childRef: c.childRef,
    caseId: c.caseId,
    lineOfEnquiryId: c.lineOfEnquiryId,
    lineOfEnquiry: c.lineOfEnquiryTitle,
    route: c.route,
    stratum: c.stratum,
    criteria: c.criteria,
    remote: c.remote,
    attributes: c.attributes,
    evidenceCount: c.evidenceCount,
    addedBy: c.addedBy,
    addedAt: c.addedAt.toISOString(),
    removedAt: c.removedAt?.toISOString() ?? null,
    removalReason: c.removalReason,
  };
}

export function presentSample(v: SampleView): z.input<typeof SampleSchema> {
  return {
    annexA: v.annexA,
    draw: v.draw
      ? {
          id: v.draw.id,
          seed: v.draw.seed,
          spec: v.draw.spec,
          importId: v.draw.importId,
          referenceDate: v.draw.referenceDate,
          drawnBy: v.draw.drawnBy,
          drawnAt: v.draw.drawnAt.toISOString(),
          entries: v.draw.entries,
        }
      : null,
    cases: v.cases.map(presentSampleCase),
    removed: v.removed.map(presentSampleCase),
    laAudits: v.laAudits,
    statement: v.statement,
    can: v.can,
  };
}

export const registerSamplingApi: RouteModule = (app, ctx) => {
  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/sample',
      summary: 'The case sample: current draw (seed, spec, strata), cases, transparency statement',
      tag: 'sampling',
      response: SampleSchema,
      handler: async ({ request, params }) =>
        presentSample(
          await getSample(useCaseContext(request, ctx), { activityId: params.id ?? '' }),
        ),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/sample/draws',
      summary:
        'Draw the sample (seeded, stratified; the default spec when none is given); replaces the current draw, keeping cases added on site',
      tag: 'sampling',
      body: z.object({
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1),
        spec: SampleSpec.optional(),
        reason: z.string().max(2000).optional(),
      }),
      response: z.object({
        drawId: z.string(),
        seed: z.number(),
        status: z.enum(['drawn', 'redrawn']),
        cases: z.number(),
        replacedCases: z.number(),
        entries: z.array(EntryOutcome),
      }),
      handler: async ({ request, params, body }) =>
        drawSample(useCaseContext(request, ctx), { activityId: params.id ?? '', ...body }),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/sample/cases',
      summary:
        'Add a case chosen on site, by the social worker or from the LA audits (LA child ID or C- reference)',
      tag: 'sampling',
      body: AddSampleCaseInput.omit({ activityId: true }),
      response: SampleCaseSchema,
      handler: async ({ request, params, body }) => {
        const c = await addSampleCase(useCaseContext(request, ctx), {
          ...body,
          activityId: params.id ?? '',
        });
        return presentSampleCase(c);
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/sample/cases/:caseId/removal',
      summary: 'Take a case out of the sample (a reason is required and audited)',
      tag: 'sampling',
      body: z.object({ reason: z.string().max(2000) }),
      response: z.object({ removed: z.literal(true), caseRecordDeleted: z.boolean() }),
      handler: async ({ request, params, body }) =>
        removeSampleCase(useCaseContext(request, ctx), {
          activityId: params.id ?? '',
          sampleCaseId: params.caseId ?? '',
          reason: body.reason,
        }),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/sample/la-audits',
      summary:
        'Record the children the LA recently audited (its child IDs, pseudonymised like Annex A); replaces the list',
      tag: 'sampling',
      body: z.object({ childIds: z.array(z.string().max(100)).max(5000) }),
      response: z.object({ recorded: z.number(), inAnnexA: z.number(), previous: z.number() }),
      handler: async ({ request, params, body }) =>
        recordLaAudits(useCaseContext(request, ctx), {
          activityId: params.id ?? '',
          childIds: body.childIds,
        }),
    }),
    defineApiRoute({
      method: 'POST',
      path: '/api/v1/activities/:id/sample/identifiers',
      summary:
        "Match the sampled cases' pseudonyms to the LA's child IDs given (not stored; the team only; audited, purpose 'export' when saved to a file)",
      tag: 'sampling',
      body: z.object({
        identifiers: z.array(z.string().max(100)).min(1).max(50_000),
        purpose: z.enum(['view', 'export']).optional(),
      }),
      response: z.object({
        cases: z.array(
          z.object({
            sampleCaseId: z.string(),
            cohort: z.string(),
            childRef: z.string(),
            laIdentifier: z.string().nullable(),
          }),
        ),
        matched: z.number(),
        unmatched: z.number(),
      }),
      handler: async ({ request, params, body }) =>
        revealSampleIdentifiers(useCaseContext(request, ctx), {
          activityId: params.id ?? '',
          identifiers: body.identifiers,
          purpose: body.purpose ?? 'view',
        }),
    }),
    defineApiRoute({
      method: 'GET',
      path: '/api/v1/activities/:id/sample/statement',
      summary: 'The sample transparency statement (paragraphs and tables; null before any case)',
      tag: 'sampling',
      response: z.object({ statement: Statement.nullable() }),
      handler: async ({ request, params }) => ({
        statement: await getSampleStatement(useCaseContext(request, ctx), {
          activityId: params.id ?? '',
        }),
      }),
    }),
  ]);
};

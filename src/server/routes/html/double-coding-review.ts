// Double coding once every coder has finished: the agreement between the coders (per record and
// code, character and segment level, Krippendorff's alpha) and the reconciliation view, where the
// disagreements stand side by side and the lead records the agreed coding. Thin.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AgreementReport, CodeAgreement } from '../../../domain/agreement/index.js';
import type { UseCaseContext } from '../../../usecases/context.js';
import { getDoubleCoding } from '../../../usecases/double-coding/get-double-coding.js';
import { getDoubleCodingAgreement } from '../../../usecases/double-coding/get-double-coding-agreement.js';
import { reconcileDoubleCoding } from '../../../usecases/double-coding/reconcile-double-coding.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { crumbsFor } from './double-coding.js';
import { many } from './judgements.js';

const AssignmentParams = z.object({ id: z.string(), assignmentId: z.string() });
const RecordParams = AssignmentParams.extend({ evidenceId: z.string() });
const AgreementQuery = z.object({ uncoded: z.enum(['excluded', 'included']).default('excluded') });
const DoneQuery = z.object({ done: z.string().optional() });
const Form = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** A statistic of a report as the page prints it: value and 95% interval, or why there is none. */
function shown(report: AgreementReport, statistic: string): string {
  const r = report.results.find((x) => x.statistic === statistic);
  if (!r) return 'Not computed';
  if (r.value === null) return r.reason ?? 'Undefined';
  const i = r.interval;
  // Percentage agreement reads as a percentage; coefficients keep two decimals.
  const f =
    statistic === 'percent-agreement'
      ? (v: number) => `${Math.round(v * 100)}%`
      : (v: number) => v.toFixed(2);
  return `${f(r.value)}${i ? ` (${f(i.lower)} to ${f(i.upper)})` : ''}`;
}

/** One code's figures as a row of the agreement tables. */
const codeRow = (c: CodeAgreement) => ({
  code: c.code,
  characters: c.characters,
  charPercent: shown(c.characterLevel, 'percent-agreement'),
  charAlpha: shown(c.characterLevel, 'krippendorff-alpha'),
  segments: c.segmentLevel.units,
  segPercent: shown(c.segmentLevel, 'percent-agreement'),
  segAlpha: shown(c.segmentLevel, 'krippendorff-alpha'),
});

export const registerDoubleCodingReviewRoutes: RouteModule = (app, ctx) => {
  app.get('/activities/:id/double-coding/:assignmentId/agreement', async (request, reply) => {
    const p = AssignmentParams.parse(request.params);
    const { uncoded } = AgreementQuery.parse(request.query);
    const uc = useCaseContext(request, ctx);
    const d = await getDoubleCoding(uc, { activityId: p.id, assignmentId: p.assignmentId });
    const a = await getDoubleCodingAgreement(uc, {
      activityId: p.id,
      assignmentId: p.assignmentId,
      includeUncoded: uncoded === 'included',
    });
    const records = a.records.map((r) => ({
      reference: r.reference,
      characters: r.characters,
      codes: r.codes.map(codeRow),
    }));
    const pooled = {
      records: a.pooled.records,
      characters: a.pooled.characters,
      codes: a.pooled.codes.map(codeRow),
      allSpans: {
        segments: a.pooled.allSpans.units,
        percent: shown(a.pooled.allSpans, 'percent-agreement'),
        alpha: shown(a.pooled.allSpans, 'krippendorff-alpha'),
      },
    };
    return reply.render('double-coding/agreement.njk', {
      d,
      activity: d.activity,
      a,
      records,
      pooled,
      breadcrumbs: crumbsFor(d.activity),
    });
  });

  async function renderReconcile(
    reply: FastifyReply,
    uc: UseCaseContext,
    p: z.infer<typeof AssignmentParams>,
    extra: { problems?: Problem[]; done?: string } = {},
  ) {
    const d = await getDoubleCoding(uc, { activityId: p.id, assignmentId: p.assignmentId });
    return reply.render('double-coding/reconcile.njk', {
      d,
      activity: d.activity,
      notice: noticeFor(extra.done, {
        reconciled: 'The agreed coding was written into the evidence base.',
      }),
      breadcrumbs: crumbsFor(d.activity),
      ...(extra.problems
        ? formErrors(extra.problems, {}, new Set(d.records.map((r) => `agreed-${r.evidenceId}`)))
        : {}),
    });
  }

  app.get('/activities/:id/double-coding/:assignmentId/reconcile', async (request, reply) => {
    const p = AssignmentParams.parse(request.params);
    const { done } = DoneQuery.parse(request.query);
    return renderReconcile(reply, useCaseContext(request, ctx), p, { done });
  });

  app.post(
    '/activities/:id/double-coding/:assignmentId/records/:evidenceId/reconcile',
    async (request, reply) => {
      const p = RecordParams.parse(request.params);
      const uc = useCaseContext(request, ctx);
      const body = Form.parse(request.body ?? {});
      try {
        await reconcileDoubleCoding(uc, {
          activityId: p.id,
          assignmentId: p.assignmentId,
          evidenceId: p.evidenceId,
          agreed: many(body.agreed),
        });
        const back = `/activities/${p.id}/double-coding/${p.assignmentId}/reconcile`;
        return reply.redirect(`${back}?done=reconciled#record-${p.evidenceId}`, 303);
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED', 'CONFLICT']);
        reply.status(r.status);
        const problems = r.problems.map((x) => ({ ...x, field: `agreed-${p.evidenceId}` }));
        return renderReconcile(reply, uc, p, { problems });
      }
    },
  );
};

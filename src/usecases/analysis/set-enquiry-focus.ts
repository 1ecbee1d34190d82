import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { codebookEntries } from '../../data/repositories/coding-query.js';
import {
  findFocus,
  saveFocus,
  type EnquiryFocus,
} from '../../data/repositories/enquiry-analysis.js';
import { parseTextQuery } from '../../domain/analysis/text-query.js';
import { caseAttributeSchemas } from '../../domain/evidence/case-attributes.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { ActivityInPath } from '../shared/found-in-activity.js';
import { actorRef } from '../shared/actor-ref.js';
import { staleFocus } from './enquiry-status-rules.js';
import { loadEnquiry } from './enquiry-challenges.js';

export const SetEnquiryFocusInput = z.object({
  /** The activity in the URL: the line must belong to it. */
  activityId: ActivityInPath,
  lineOfEnquiryId: z.string(),
  /** A hypothesis asserts something (and has a direction); a line of enquiry asks. */
  kind: z.enum(['line_of_enquiry', 'hypothesis']).optional(),
  direction: z.enum(['strength', 'area_for_improvement']).nullable().optional(),
  /** The criteria (codes) it concerns; a folder stands for all its codes. */
  codeIds: z.array(z.string()).max(50).optional(),
  /** Words to look for in evidence not coded to its criteria (the search language). */
  searchTerms: z.string().trim().max(1000).nullable().optional(),
  /** Children's cases it concerns, e.g. { cohort: 'child_protection' }. */
  caseAttributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  /** The focus version the editor started from, when there is one. */
  expectedVersion: z.number().int().min(1).optional(),
});
export type SetEnquiryFocusInput = z.input<typeof SetEnquiryFocusInput>;

/** Says what a line of enquiry or hypothesis is about, so challenging evidence can be found. */
export async function setEnquiryFocus(
  ctx: UseCaseContext,
  raw: SetEnquiryFocusInput,
): Promise<EnquiryFocus> {
  const input = SetEnquiryFocusInput.parse(raw);
  const { activity, line, focus } = await loadEnquiry(
    ctx,
    input.lineOfEnquiryId,
    'write',
    input.activityId,
  );
  const details: ErrorDetail[] = [];
  if (input.codeIds) {
    const known = new Set((await codebookEntries(ctx.db, activity.id)).map((c) => c.id));
    for (const id of input.codeIds)
      if (!known.has(id))
        details.push({
          field: 'codeIds',
          value: id,
          reason: 'No such code in this activity’s codebook',
        });
  }
  if (input.searchTerms && !parseTextQuery(input.searchTerms))
    details.push({ field: 'searchTerms', reason: 'Enter words or a "phrase" to look for' });
  if (input.caseAttributes) {
    const parsed = caseAttributeSchemas.child.safeParse(input.caseAttributes);
    if (!parsed.success)
      details.push({
        field: 'caseAttributes',
        reason: parsed.error.issues
          .map((i) => `${i.path.join('.') || 'attributes'}: ${i.message}`)
          .join('; '),
      });
  }
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', { details });
  const by = actorRef(ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    const current = await findFocus(trx, line.id);
    if (input.expectedVersion !== undefined && current && current.version !== input.expectedVersion)
      throw staleFocus(current, input.expectedVersion);
    const next = {
      lineOfEnquiryId: line.id,
      kind: input.kind ?? current?.kind ?? 'line_of_enquiry',
      direction: input.direction === undefined ? (current?.direction ?? null) : input.direction,
      codeIds: input.codeIds ? [...new Set(input.codeIds)] : (current?.codeIds ?? []),
      searchTerms:
        input.searchTerms === undefined
          ? (current?.searchTerms ?? null)
          : input.searchTerms || null,
      caseAttributes: input.caseAttributes ?? current?.caseAttributes ?? {},
    };
    await saveFocus(trx, { ...next, activityId: activity.id, by });
    await writeAudit(trx, ctx.actor, {
      action: 'line_of_enquiry.focus_set',
      entityType: 'line_of_enquiry',
      entityId: line.id,
      activityId: activity.id,
      laId: activity.laId,
      before: focus
        ? {
            kind: focus.kind,
            direction: focus.direction,
            codeIds: focus.codeIds,
            searchTerms: focus.searchTerms,
            caseAttributes: focus.caseAttributes,
          }
        : null,
      after: next,
    });
  });
  const saved = await findFocus(ctx.db, line.id);
  if (!saved) throw new AppError('INTERNAL');
  return saved;
}

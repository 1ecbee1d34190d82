// The lead accounts for a strength fed back at a keeping-in-touch meeting: links it by hand to a
// paragraph of the current draft, or says why it is not in the report. One use case for both
// (the two differ only in what is stored); each writes its own audit event.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { upsertStrengthDecision } from '../../data/repositories/practice-qa.js';
import { policies } from '../../domain/access/policies.js';
import { paragraphAt } from '../../domain/reports/fed-back-strengths.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { actorRef } from '../shared/actor-ref.js';
import { reportScope, requireDraftReader } from './report-scope.js';
import { currentDraft, strengthsCheck } from './strengths-check.js';

export const AccountForStrengthInput = z.discriminatedUnion('how', [
  z.object({
    how: z.literal('link'),
    activityId: z.string(),
    strengthKey: z.string().max(200),
    /** "sectionKey:index", as the strengths list shows each paragraph. */
    paragraph: z.string().regex(/^[^:]+:\d{1,4}$/, 'Choose a paragraph of the draft'),
  }),
  z.object({
    how: z.literal('explain'),
    activityId: z.string(),
    strengthKey: z.string().max(200),
    reason: z.string().trim().min(1, 'Say why this strength is not in the report').max(5000),
  }),
]);
export type AccountForStrengthInput = z.input<typeof AccountForStrengthInput>;

export async function accountForStrength(
  ctx: UseCaseContext,
  raw: AccountForStrengthInput,
): Promise<void> {
  // Who may act is decided before what they sent is checked: a reader who may not see the draft
  // learns nothing from a validation message.
  const { activityId } = z.object({ activityId: z.string() }).parse(raw);
  const scope = await reportScope(ctx, activityId);
  const report = requireDraftReader(scope);
  if (!policies.trackFedBackStrengths(ctx.actor, scope.facts)) throw new AppError('FORBIDDEN');
  if (report.state === 'published') throw new AppError('REPORT_PUBLISHED');
  const input = AccountForStrengthInput.parse(raw);
  const document = await currentDraft(ctx, scope);
  const tracked = await strengthsCheck(ctx, scope, document);
  if (!tracked.some((t) => t.key === input.strengthKey)) throw new AppError('NOT_FOUND');
  let change: Parameters<typeof upsertStrengthDecision>[3];
  if (input.how === 'link') {
    const [sectionKey, index] = input.paragraph.split(':') as [string, string];
    const p = document ? paragraphAt(document, { sectionKey, index: Number(index) }) : null;
    if (!p)
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            field: 'paragraph',
            value: input.paragraph,
            reason: 'Choose a paragraph of the current draft',
          },
        ],
      });
    change = { link: { sectionKey, index: p.index, text: p.text } };
  } else change = { reason: input.reason };
  await ctx.db.transaction().execute(async (trx) => {
    await upsertStrengthDecision(
      trx,
      scope.activity.id,
      input.strengthKey,
      change,
      actorRef(ctx.actor),
    );
    await writeAudit(trx, ctx.actor, {
      action: input.how === 'link' ? 'report.strength_linked' : 'report.strength_explained',
      entityType: 'report',
      entityId: report.id,
      activityId: scope.activity.id,
      laId: scope.activity.laId,
      after:
        input.how === 'link'
          ? {
              strengthKey: input.strengthKey,
              paragraph: input.paragraph,
              version: report.currentVersion,
            }
          : { strengthKey: input.strengthKey, reason: input.reason },
    });
  });
}

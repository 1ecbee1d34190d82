// The strengths fed back at keeping-in-touch meetings and where each appears in the current draft:
// for the draft's readers; the lead (and admins) may link a paragraph or say why one is left out.
import { z } from 'zod';
import { strengthStatusLabels } from '../../domain/reports/fed-back-strengths.js';
import { policies } from '../../domain/access/policies.js';
import type { UseCaseContext } from '../context.js';
import { AppError } from '../../errors.js';
import { reportScope } from './report-scope.js';
import { currentDraft, strengthsCheck } from './strengths-check.js';

export const ListFedBackStrengthsInput = z.object({ activityId: z.string() });

export async function listFedBackStrengths(
  ctx: UseCaseContext,
  raw: z.input<typeof ListFedBackStrengthsInput>,
) {
  const { activityId } = ListFedBackStrengthsInput.parse(raw);
  const scope = await reportScope(ctx, activityId);
  // The strengths are tracked from the first keeping-in-touch meeting, before any draft exists:
  // then each is "No draft yet" (readers of drafts only, as before).
  if (!scope.can.viewDraft) throw new AppError('NOT_FOUND');
  const report = scope.report;
  const document = await currentDraft(ctx, scope);
  const strengths = await strengthsCheck(ctx, scope, document);
  return {
    activity: { id: scope.activity.id, title: scope.activity.title, laName: scope.activity.laName },
    report: report
      ? { id: report.id, state: report.state, currentVersion: report.currentVersion }
      : null,
    strengths: strengths.map((s) => ({ ...s, statusLabel: strengthStatusLabels[s.status] })),
    /** Every paragraph of the draft, for linking one by hand. */
    paragraphs: (document?.sections ?? []).flatMap((sec) =>
      sec.paragraphs.map((text, index) => ({
        sectionKey: sec.key,
        index,
        heading: sec.heading,
        text,
      })),
    ),
    unaccounted: strengths.filter((s) => s.status === 'missing').length,
    can: {
      decide:
        policies.trackFedBackStrengths(ctx.actor, scope.facts) &&
        report !== null &&
        report.state !== 'published',
    },
  };
}
export type FedBackStrengths = Awaited<ReturnType<typeof listFedBackStrengths>>;

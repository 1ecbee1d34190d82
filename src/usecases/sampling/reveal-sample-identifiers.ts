// Maps the sample's pseudonyms (C-…) back to the LA's own child identifiers, so the team can ask
// the LA for the right case file. Triangulate never stores LA identifiers (Annex A keeps only
// the keyed HMAC pseudonym), so the team supplies the LA's identifiers (pasted, or the ID column
// of the LA's file); each is pseudonymised with the activity's key and matched against the
// sampled cases. The identifiers live only in the answer: nothing is written but the audit
// event, which records who looked, how many matched and which sampled cases, never an identifier.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { factsOf, teamRoleOf } from '../../data/repositories/activities.js';
import { findAnnexASettings } from '../../data/repositories/annex-a.js';
import { listSampleCases } from '../../data/repositories/sampling.js';
import { policies } from '../../domain/access/policies.js';
import { pseudonymiser } from '../../domain/annex-a/pseudonymise.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { sampleScope } from './sample-scope.js';

export const RevealSampleIdentifiersInput = z.object({
  activityId: z.string(),
  /** The LA's child IDs as it writes them; blank entries are ignored. */
  identifiers: z.array(z.string().max(100)).min(1).max(50_000),
  /** 'export' when the answer leaves Triangulate as a file (audited as such). */
  purpose: z.enum(['view', 'export']).default('view'),
});
export type RevealSampleIdentifiersInput = z.input<typeof RevealSampleIdentifiersInput>;

export interface RevealedIdentifier {
  sampleCaseId: string;
  cohort: string;
  childRef: string;
  /** The LA's identifier as supplied; null when none of those given matches. */
  laIdentifier: string | null;
}

export interface RevealedIdentifiers {
  cases: RevealedIdentifier[];
  matched: number;
  unmatched: number;
}

export async function revealSampleIdentifiers(
  ctx: UseCaseContext,
  raw: RevealSampleIdentifiersInput,
): Promise<RevealedIdentifiers> {
  const { activity } = await sampleScope(ctx, String(raw.activityId), 'read');
  const facts = factsOf(activity, await teamRoleOf(ctx.db, activity.id, ctx.actor));
  if (!policies.revealChildIdentifiers(ctx.actor, facts))
    throw new AppError('FORBIDDEN', {
      message:
        'Only the lead inspector, the team’s inspectors and its analyst can see the LA’s child identifiers.',
    });
  const parsed = RevealSampleIdentifiersInput.safeParse(raw);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', {
      details: parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
    });
  const settings = await findAnnexASettings(ctx.db, activity.id);
  if (!settings?.pseudonymKey)
    throw new AppError('CONFLICT', {
      message:
        'This activity has no Annex A pseudonym key (none imported, or purged): pseudonyms can no longer be matched to the LA’s identifiers.',
    });
  const pseudonym = pseudonymiser(settings.pseudonymKey);
  const byRef = new Map<string, string>();
  for (const given of parsed.data.identifiers) {
    const id = given.trim();
    if (!id) continue;
    const ref = pseudonym('child', id);
    if (!byRef.has(ref)) byRef.set(ref, id);
  }
  const sample = await listSampleCases(ctx.db, activity.id);
  const cases = sample.map((c) => ({
    sampleCaseId: c.id,
    cohort: c.cohort,
    childRef: c.childRef,
    laIdentifier: byRef.get(c.childRef) ?? null,
  }));
  const matched = cases.filter((c) => c.laIdentifier !== null);
  await ctx.db.transaction().execute((trx) =>
    writeAudit(trx, ctx.actor, {
      action:
        parsed.data.purpose === 'export'
          ? 'sample.identifiers_exported'
          : 'sample.identifiers_viewed',
      entityType: 'activity',
      entityId: activity.id,
      activityId: activity.id,
      laId: activity.laId,
      after: {
        identifiersGiven: byRef.size,
        matched: matched.length,
        sampleCases: cases.length,
        revealed: matched.map((c) => c.childRef),
      },
    }),
  );
  return { cases, matched: matched.length, unmatched: cases.length - matched.length };
}

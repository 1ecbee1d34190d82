// Inter-coder agreement on one evidence record: how far the people who coded it agree, code by
// code, at character level and at segment level (the agreement engine). Codings on an earlier
// version of the text, or whose text was changed away, are left out; so is text nobody coded,
// unless asked; the result says so.
import { z } from 'zod';
import { listCodings } from '../../data/repositories/codings.js';
import { findEvidence } from '../../data/repositories/evidence.js';
import { codingAgreement, type CodingAgreement } from '../../domain/agreement/index.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';

export const GetCodingAgreementInput = z.object({
  activityId: z.string(),
  evidenceId: z.string(),
  includeUncoded: z.boolean().default(false),
  resamples: z.number().int().min(0).max(10_000).default(1000),
  seed: z.number().int().min(0).max(4_294_967_295).default(1),
});
export type GetCodingAgreementInput = z.input<typeof GetCodingAgreementInput>;

export interface EvidenceCodingAgreement extends CodingAgreement {
  evidence: { id: string; reference: string; version: number; characters: number };
  /** Codings left out: on an earlier version of the text, or lost when the text changed. */
  codingsLeftOut: number;
}

export async function getCodingAgreement(
  ctx: UseCaseContext,
  raw: GetCodingAgreementInput,
): Promise<EvidenceCodingAgreement> {
  const input = GetCodingAgreementInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const record = await findEvidence(ctx.db, input.evidenceId);
  if (!record || record.activityId !== activity.id) throw new AppError('NOT_FOUND');
  const codings = await listCodings(ctx.db, {
    activityId: activity.id,
    evidenceId: record.id,
    limit: 50_000,
  });
  const usable = codings.filter(
    (c) => c.evidenceVersion === record.version && c.anchorStatus !== 'lost',
  );
  const coders = [...new Set(usable.map((c) => c.coder.label))].sort();
  if (coders.length < 2)
    throw new AppError('VALIDATION_FAILED', {
      message: `${record.reference} was coded by ${coders.length === 0 ? 'nobody' : `one coder (${coders[0]})`}: agreement needs two or more.`,
      details: [
        {
          field: 'evidenceId',
          value: record.reference,
          reason: 'needs codings by two or more coders',
        },
      ],
    });
  const result = codingAgreement(
    usable.map((c) => ({ coder: c.coder.label, code: c.codeName, start: c.start, end: c.end })),
    {
      coders,
      textLength: record.textLength,
      includeUncoded: input.includeUncoded,
      resamples: input.resamples,
      seed: input.seed,
    },
  );
  return {
    ...result,
    evidence: {
      id: record.id,
      reference: record.reference,
      version: record.version,
      characters: record.textLength,
    },
    codingsLeftOut: codings.length - usable.length,
  };
}

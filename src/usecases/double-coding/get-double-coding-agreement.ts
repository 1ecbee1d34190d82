// Agreement between the coders of a double coding, record by record and code by code, at
// character and segment level with Krippendorff's alpha (domain/agreement/coding-agreement.ts).
// Only once every coder has finished (before that it would unblind them). Text nobody coded is
// left out unless asked, and the result says which. The same figures are pooled over all the
// records of the assignment (per code, and Krippendorff's alpha over all spans of every code).
import { z } from 'zod';
import { listDoubleCodings } from '../../data/repositories/double-coding.js';
import { findEvidence } from '../../data/repositories/evidence.js';
import { listCodeChoices } from '../../data/repositories/codes.js';
import {
  codingAgreement,
  pooledCodingAgreement,
  type CodedSpan,
  type CodingAgreement,
  type PooledCodingAgreement,
} from '../../domain/agreement/index.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { assignmentScope } from './double-coding-scope.js';

export const GetDoubleCodingAgreementInput = z.object({
  activityId: z.string(),
  assignmentId: z.string(),
  includeUncoded: z.boolean().default(false),
  resamples: z.number().int().min(0).max(10_000).default(1000),
  seed: z.number().int().min(0).max(4_294_967_295).default(1),
});

export interface DoubleCodingAgreement {
  assignmentId: string;
  uncodedText: 'excluded' | 'included';
  coders: string[];
  records: ({ evidenceId: string; reference: string; characters: number } & CodingAgreement)[];
  /** Over all the records together: per code, and alpha over all spans of every code. */
  pooled: Pick<PooledCodingAgreement, 'codes' | 'allSpans'> & {
    records: number;
    characters: number;
  };
}

export async function getDoubleCodingAgreement(
  ctx: UseCaseContext,
  raw: z.input<typeof GetDoubleCodingAgreementInput>,
): Promise<DoubleCodingAgreement> {
  const input = GetDoubleCodingAgreementInput.parse(raw);
  const s = await assignmentScope(ctx, input.activityId, input.assignmentId);
  if (!s.allFinished)
    throw new AppError('CONFLICT', {
      message: 'Agreement is shown once every coder has finished (the coding is blind until then).',
    });
  const codes = await listCodeChoices(ctx.db, s.activity.id);
  const name = (id: string) => codes.find((c) => c.id === id)?.name ?? id;
  const coders = s.assignment.coders.map((c) => c.label);
  const label = (id: string) => s.assignment.coders.find((c) => c.userId === id)?.label ?? id;
  const all = await listDoubleCodings(ctx.db, s.assignment.id);
  const records = [];
  const texts: { spans: CodedSpan[]; textLength: number }[] = [];
  const options = {
    coders,
    includeUncoded: input.includeUncoded,
    resamples: input.resamples,
    seed: input.seed,
  };
  for (const r of s.assignment.records) {
    const e = await findEvidence(ctx.db, r.evidenceId);
    const textLength = e?.textLength ?? 0;
    const spans = all
      .filter((c) => c.evidenceId === r.evidenceId)
      .map((c) => ({ coder: label(c.coderId), code: name(c.codeId), start: c.start, end: c.end }));
    texts.push({ spans, textLength });
    const result = codingAgreement(spans, { ...options, textLength });
    records.push({
      evidenceId: r.evidenceId,
      reference: e?.reference ?? '',
      characters: textLength,
      ...result,
    });
  }
  const pooledResult = pooledCodingAgreement(texts, options);
  return {
    assignmentId: s.assignment.id,
    uncodedText: input.includeUncoded ? 'included' : 'excluded',
    coders,
    records,
    pooled: {
      records: records.length,
      characters: pooledResult.textLength,
      codes: pooledResult.codes,
      allSpans: pooledResult.allSpans,
    },
  };
}

// Coding a passage of a published report inside a thematic review with a national thematic code:
// the selection's offsets (from the browser, while they hold the words sent with them) or the
// pasted words found in the report's text (refused when absent, or when they appear more than
// once and no occurrence is given). Offsets are code points of the stored text. Audited.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { insertCorpusCoding } from '../../data/repositories/corpus-codings.js';
import { listThematicCodes } from '../../data/repositories/research-studies.js';
import { actorLabel, actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { cpSlice } from '../../domain/evidence/offsets.js';
import { locatePassage } from '../../domain/workbench/passage.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { studyCorpusDocument, studyForCorpus } from './study-corpus.js';

export const CodeStudyCorpusPassageInput = z.object({
  studyId: z.string(),
  documentId: z.string().max(80),
  /** The words to code, as in the report. */
  quote: z.string().max(20_000),
  occurrence: z.coerce.number().int().min(1).optional(),
  /** A selection's code-point offsets in the report's text. */
  start: z.coerce.number().int().min(0).optional(),
  end: z.coerce.number().int().min(1).optional(),
  /** The thematic code's key. */
  code: z.string().trim().max(120),
});
export type CodeStudyCorpusPassageInput = z.input<typeof CodeStudyCorpusPassageInput>;

const invalid = (field: string, reason: string) =>
  new AppError('VALIDATION_FAILED', { message: reason, details: [{ field, reason }] });

export async function codeStudyCorpusPassage(
  ctx: UseCaseContext,
  raw: CodeStudyCorpusPassageInput,
): Promise<{ id: string; documentId: string; start: number; end: number; text: string }> {
  const input = CodeStudyCorpusPassageInput.parse(raw);
  const study = await studyForCorpus(ctx, input.studyId);
  const doc = await studyCorpusDocument(ctx, study, input.documentId);
  if (!policies.codeResearchStudy(ctx.actor, study)) throw new AppError('FORBIDDEN');
  const theme = (await listThematicCodes(ctx.db)).find((t) => t.key === input.code);
  if (!theme) throw invalid('code', 'Choose a thematic code');
  const found = locatePassage(doc.body, input, 'report');
  if (!found.ok) throw invalid('quote', found.reason);
  const text = cpSlice(doc.body, found.start, found.end);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertCorpusCoding(trx, {
      studyId: study.id,
      documentId: doc.id,
      start: found.start,
      end: found.end,
      text,
      themeKey: theme.key,
      coderId: actorUserId(ctx.actor),
      coderLabel: actorLabel(ctx.actor),
    });
    await writeAudit(trx, ctx.actor, {
      action: 'research.study_corpus_coded',
      entityType: 'research_study',
      entityId: study.id,
      after: {
        codingId: id,
        documentId: doc.id,
        code: theme.key,
        start: found.start,
        end: found.end,
      },
    });
    return { id, documentId: doc.id, start: found.start, end: found.end, text };
  });
}

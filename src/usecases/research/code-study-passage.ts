// A researcher codes a passage of one of the study's records with a thematic code, by selecting
// it (the browser sends the selection's offsets with its words) or by pasting the words: they are
// found in the record's pseudonymised text (the text the researcher sees), refused when absent or
// when they occur more than once and no occurrence is given. Offsets and the passage stored are
// those of the pseudonymised text. Audited.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { listThematicCodes } from '../../data/repositories/research-studies.js';
import {
  insertStudyCoding,
  studyRecordIds,
  studyRecordsPage,
} from '../../data/repositories/research-study-codings.js';
import { actorLabel, actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { cpSlice } from '../../domain/evidence/offsets.js';
import { studyRecordRef } from '../../domain/research/study-coding.js';
import { locatePassage } from '../../domain/workbench/passage.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { recordView, studyRecordsScope } from './study-records.js';

export const CodeStudyPassageInput = z.object({
  studyId: z.string(),
  /** The record's study reference ("r-…"), as the study's record list gives it. */
  record: z.string().trim().max(40),
  /** The words to code, exactly as in the pseudonymised text. */
  quote: z.string().max(20_000),
  /** Which appearance, when the words occur more than once. */
  occurrence: z.coerce.number().int().min(1).optional(),
  /** A selection's code-point offsets in the pseudonymised text (used while they hold the words). */
  start: z.coerce.number().int().min(0).optional(),
  end: z.coerce.number().int().min(1).optional(),
  /** The thematic code's key. */
  code: z.string().trim().max(120),
});
export type CodeStudyPassageInput = z.input<typeof CodeStudyPassageInput>;

const invalid = (field: string, reason: string) =>
  new AppError('VALIDATION_FAILED', { message: reason, details: [{ field, reason }] });

export async function codeStudyPassage(
  ctx: UseCaseContext,
  raw: CodeStudyPassageInput,
): Promise<{ id: string; record: string; start: number; end: number; text: string }> {
  const input = CodeStudyPassageInput.parse(raw);
  const s = await studyRecordsScope(ctx, input.studyId);
  if (!policies.codeResearchStudy(ctx.actor, s.study)) throw new AppError('FORBIDDEN');
  const theme = (await listThematicCodes(ctx.db)).find((t) => t.key === input.code);
  if (!theme) throw invalid('code', 'Choose a thematic code');
  const ids = await studyRecordIds(ctx.db, s.activityIds);
  const hit = ids.find((r) => studyRecordRef(s.study.id, r.id) === input.record);
  if (!hit) throw invalid('record', 'There is no record with that reference in this study');
  const [row] = await studyRecordsPage(ctx.db, s.activityIds, null, 1, hit.id);
  if (!row) throw invalid('record', 'There is no record with that reference in this study');
  const text = recordView(s, row).text;
  const found = locatePassage(text, input);
  if (!found.ok) throw invalid('quote', found.reason);
  const span = cpSlice(text, found.start, found.end);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertStudyCoding(trx, {
      studyId: s.study.id,
      evidenceId: hit.id,
      start: found.start,
      end: found.end,
      text: span,
      themeKey: theme.key,
      coderId: actorUserId(ctx.actor),
      coderLabel: actorLabel(ctx.actor),
    });
    await writeAudit(trx, ctx.actor, {
      action: 'research.study_coded',
      entityType: 'research_study',
      entityId: s.study.id,
      after: {
        codingId: id,
        record: input.record,
        code: theme.key,
        start: found.start,
        end: found.end,
      },
    });
    return { id, record: input.record, start: found.start, end: found.end, text: span };
  });
}

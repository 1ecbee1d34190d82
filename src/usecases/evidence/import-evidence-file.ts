import { z } from 'zod';
import type { EvidenceRecord } from '../../data/repositories/evidence.js';
import { DocumentProblem } from '../../domain/evidence/import/file-text.js';
import { AppError } from '../../errors.js';
import { evidenceTextInWorker } from '../../workers/parse-files.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { checkAttachment, saveAttachment } from '../shared/store-attachment.js';
import { EvidenceFieldsInput, recordEvidence } from './record-evidence.js';

export const ImportEvidenceFileInput = EvidenceFieldsInput.extend({
  activityId: z.string(),
  fileName: z.string().trim().min(1).max(255),
  /** The type the sender declared (kept beside the type read from the content). */
  declaredType: z.string().max(255).nullish(),
});
export type ImportEvidenceFileInput = z.input<typeof ImportEvidenceFileInput>;

/**
 * Records the text of a .txt, .docx or .pdf file as one evidence record, and keeps the file itself
 * beside it as the record's original (type-checked, size-limited, virus-scanned), in the same
 * transaction: a file that cannot be kept is not imported either.
 */
export async function importEvidenceFile(
  ctx: UseCaseContext,
  raw: ImportEvidenceFileInput,
  bytes: Uint8Array,
): Promise<EvidenceRecord> {
  const input = ImportEvidenceFileInput.parse(raw);
  // Check access before reading the file, so that nothing is parsed for people who may not write.
  await evidenceScope(ctx, input.activityId, 'write');
  const { fileName: given, declaredType, ...fields } = input;
  const fileName = given.split(/[\\/]/).pop() ?? given;
  let extracted: { kind: 'txt' | 'docx' | 'pdf'; text: string };
  try {
    // Read in a worker thread with a heap and time limit: a hostile PDF cannot stall the server.
    extracted = await evidenceTextInWorker(bytes, fileName);
  } catch (err) {
    if (err instanceof DocumentProblem)
      throw new AppError('IMPORT_INVALID', {
        message: `${fileName} could not be imported: ${err.message}.`,
        details: [{ file: fileName, reason: err.message }],
      });
    throw err;
  }
  const original = await checkAttachment(ctx, { fileName, declaredType, bytes });
  return recordEvidence(
    ctx,
    { ...fields, text: extracted.text },
    { kind: extracted.kind, file: fileName },
    async (trx, evidenceId, activity) => {
      await saveAttachment(
        trx,
        ctx,
        activity,
        { kind: 'evidence', id: evidenceId },
        original,
        'evidence_source',
      );
    },
  );
}

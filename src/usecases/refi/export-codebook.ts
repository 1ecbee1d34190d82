import { z } from 'zod';
import { listCodes } from '../../data/repositories/codes.js';
import { codeTree } from '../../domain/refi/to-refi.js';
import { writeCodebook } from '../../domain/refi/write-project.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { auditExport, exportFileName, refiOrigin } from './refi-names.js';

export const ExportCodebookInput = z.object({ activityId: z.string() });
export type ExportCodebookInput = z.input<typeof ExportCodebookInput>;

export interface ExportedCodebook {
  fileName: string;
  contentType: 'application/xml';
  bytes: Uint8Array;
  codes: number;
}

/** The activity's codebook (hierarchy, colours, descriptions) as a REFI-QDA 1.5 .qdc file. */
export async function exportCodebook(
  ctx: UseCaseContext,
  raw: ExportCodebookInput,
): Promise<ExportedCodebook> {
  const input = ExportCodebookInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const codes = await listCodes(ctx.db, activity.id);
  if (codes.length === 0)
    throw new AppError('VALIDATION_FAILED', {
      message: 'The codebook is empty: there is nothing to export.',
      details: [{ field: 'activityId', value: activity.id, reason: 'The codebook has no codes' }],
    });
  const bytes = new TextEncoder().encode(writeCodebook(codeTree(codes), refiOrigin()));
  const fileName = exportFileName(activity, 'qdc');
  await auditExport(ctx, activity, {
    format: 'qdc',
    file: fileName,
    bytes: bytes.length,
    codes: codes.length,
  });
  return { fileName, contentType: 'application/xml', bytes, codes: codes.length };
}

import { z } from 'zod';
import { codebookEntries } from '../../data/repositories/coding-query.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { evidenceConditions } from './analysis-input.js';
import { computePassages } from './coding-query-engine.js';
import { passageRows } from './export-coding-query.js';
import { streamFile, type StreamedFile } from './export-file.js';

export const ExportAllPassagesInput = z.object({
  activityId: z.string(),
  format: z.enum(['csv', 'xlsx']).default('csv'),
  context: z.coerce.number().int().min(0).max(1000).default(120),
});
export type ExportAllPassagesInput = z.input<typeof ExportAllPassagesInput>;

/**
 * Every coded passage of the activity's evidence (overlapping codings merged into one passage,
 * with all the codes on it), as a streamed CSV or XLSX: no limit, one row per passage, the text
 * read a thousand passages at a time while the file is written. `onProgress` hears how many
 * passages are written of how many (the CLI shows it).
 */
export async function exportAllPassages(
  ctx: UseCaseContext,
  raw: ExportAllPassagesInput,
  onProgress?: (done: number, total: number) => void,
): Promise<StreamedFile & { passages: number }> {
  const input = ExportAllPassagesInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const codes = await codebookEntries(ctx.db, activity.id);
  const names = new Map(codes.map((c) => [c.id, c.name]));
  const { passages } =
    codes.length === 0
      ? { passages: [] }
      : await computePassages(ctx.db, {
          expr: { or: codes.map((c) => ({ code: c.id })) },
          codes,
          scope: 'passage',
          includeSubcodes: false,
          evidence: evidenceConditions(activity, undefined),
          coding: {},
        });
  const rows = passageRows(ctx.db, passages, names, {
    context: input.context,
    ...(onProgress ? { onProgress } : {}),
  });
  const name = `passages-${activity.id.slice(0, 8)}.${input.format}`;
  return { ...streamFile(name, 'Passages', rows), passages: passages.length };
}

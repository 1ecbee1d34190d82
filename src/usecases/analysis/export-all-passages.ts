import { z } from 'zod';
import {
  allCodedRecords,
  codebookEntries,
  recordsWithText,
  type CodedRecord,
} from '../../data/repositories/coding-query.js';
import { mergeRanges } from '../../domain/analysis/highlight.js';
import type { WriteCell } from '../../domain/files/index.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { evidenceConditions } from './analysis-input.js';
import type { Passage, PresentedPassage } from './coding-query-engine.js';
import { passageCells, PASSAGE_HEADER } from './export-coding-query.js';
import { streamFile, type StreamedFile } from './export-file.js';

export const ExportAllPassagesInput = z.object({
  activityId: z.string(),
  format: z.enum(['csv', 'xlsx']).default('csv'),
  context: z.coerce.number().int().min(0).max(1000).default(120),
});
export type ExportAllPassagesInput = z.input<typeof ExportAllPassagesInput>;

/** Records whose text is read at a time while the file is written (some 1 MB of text). */
const BATCH = 2_000;
/** The longest passage text a cell holds (spreadsheet cells stop at 32,767 characters). */
const MAX_TEXT = 30_000;

/**
 * Every coded passage of the activity's evidence (overlapping codings merged into one passage,
 * with all the codes on it), as a streamed CSV or XLSX: no limit, one row per passage. The
 * codings are read once, grouped by record; the text is then read 500 records at a time while
 * the file is written and cut in memory. `onProgress` hears how many passages are written of how
 * many (the CLI shows it).
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
  const order = new Map(codes.map((c, i) => [c.id, i]));
  const coded = await allCodedRecords(ctx.db, evidenceConditions(activity, undefined));
  const byRecord = coded.map((r) => passagesOf(r, order));
  const total = byRecord.reduce((n, list) => n + list.length, 0);
  async function* rows(): AsyncGenerator<WriteCell[]> {
    yield PASSAGE_HEADER;
    let done = 0;
    for (let i = 0; i < coded.length; i += BATCH) {
      const batch = coded.slice(i, i + BATCH);
      const texts = await recordsWithText(
        ctx.db,
        activity.id,
        batch[0]!.refNo,
        batch.at(-1)!.refNo,
      );
      for (let j = 0; j < batch.length; j++) {
        const rec = texts.get(batch[j]!.evidenceId);
        if (!rec) continue; // deleted since the codings were read
        const { text, ...header } = rec;
        const index = codePointIndex(text);
        for (const p of byRecord[i + j]!) {
          yield passageCells(present(header, text, index, p, names, input.context));
          done++;
        }
      }
      onProgress?.(done, total);
    }
    if (coded.length === 0) onProgress?.(0, 0);
  }
  const name = `passages-${activity.id.slice(0, 8)}.${input.format}`;
  return { ...streamFile(name, 'Passages', rows()), passages: total };
}

/**
 * A record's passages: its codings' spans merged where they overlap or touch (any code), each
 * with the codes on it in codebook order.
 */
function passagesOf(rec: CodedRecord, order: Map<string, number>): Passage[] {
  const rank = (id: string) => order.get(id) ?? order.size;
  const ranges = mergeRanges(rec.spans.map((s) => [s.start, s.end]));
  return ranges.map(([start, end]) => ({
    evidenceId: rec.evidenceId,
    refNo: rec.refNo,
    start,
    end,
    wholeRecord: false,
    codeIds: [
      ...new Set(rec.spans.filter((s) => s.start < end && start < s.end).map((s) => s.codeId)),
    ].sort((a, b) => rank(a) - rank(b)),
  }));
}

/**
 * Where each code point of a text starts in UTF-16 units: offsets count code points, JavaScript
 * strings count UTF-16 units. A text without characters beyond the BMP (most) needs no table.
 */
function codePointIndex(text: string): { length: number; at: (cp: number) => number } {
  if (!/[\uD800-\uDFFF]/.test(text)) return { length: text.length, at: (cp) => cp };
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    starts.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
  }
  starts.push(text.length);
  const n = starts.length - 1;
  return { length: n, at: (cp) => starts[Math.min(Math.max(cp, 0), n)]! };
}

// What the regular expression \s matches (JavaScript's white space and line terminators).
const SPACE = /\s/;

/**
 * `text` without its last, cut-off word: the same as replacing /\s\S*$/, but scanning back from
 * the end once (the expression is tried at every space, and this runs for every passage).
 */
function withoutLastWord(text: string): string {
  for (let i = text.length - 1; i >= 0; i--) if (SPACE.test(text[i]!)) return text.slice(0, i);
  return text;
}

/**
 * A passage with the text around it (up to `context` code points each side, cut back to whole
 * words where it was cut short, as the coding query shows it).
 */
function present(
  header: Omit<
    PresentedPassage,
    'start' | 'end' | 'before' | 'text' | 'after' | 'truncated' | 'wholeRecord' | 'codes'
  >,
  text: string,
  index: ReturnType<typeof codePointIndex>,
  p: Passage,
  names: Map<string, string>,
  context: number,
): PresentedPassage {
  const cut = (from: number, to: number) => text.slice(index.at(from), index.at(to));
  const before = cut(Math.max(p.start - context, 0), p.start);
  const after = cut(p.end, Math.min(p.end + context, index.length));
  return {
    ...header,
    start: p.start,
    end: p.end,
    before: p.start >= context ? before.replace(/^\S*\s/, '') : before,
    text: cut(p.start, Math.min(p.end, p.start + MAX_TEXT)),
    after: index.length - p.end >= context ? withoutLastWord(after) : after,
    truncated: p.end - p.start > MAX_TEXT,
    wholeRecord: false,
    codes: p.codeIds.map((id) => ({ id, name: names.get(id) ?? id })),
  };
}

import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../data/schema.js';
import type { WriteCell } from '../../domain/files/index.js';
import { evidenceMethodLabels, type EvidenceMethod } from '../../domain/evidence/vocabulary.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import {
  CodingQueryFields,
  computePassages,
  presentPassages,
  buildQueryRun,
  type Passage,
  type PresentedPassage,
} from './coding-query-engine.js';
import { streamFile, type StreamedFile } from './export-file.js';

export const ExportCodingQueryInput = z.object({
  activityId: z.string(),
  ...CodingQueryFields,
  context: z.coerce.number().int().min(0).max(1000).default(120),
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
export type ExportCodingQueryInput = z.input<typeof ExportCodingQueryInput>;

export const PASSAGE_HEADER = [
  'Evidence',
  'Observed on',
  'Method',
  'Direction',
  'Judgement areas',
  'Child case',
  'Recorded by',
  'Start (code points)',
  'End (code points)',
  'Before',
  'Passage',
  'After',
  'Codes',
];

/** Passages read a thousand at a time. */
const CHUNK = 1000;

/**
 * The header and one row per passage, reading the passages' text a chunk at a time as the file
 * is written; `onProgress` hears how many are done of how many.
 */
export async function* passageRows(
  db: Kysely<DB>,
  passages: Passage[],
  names: Map<string, string>,
  opts: { context: number; onProgress?: (done: number, total: number) => void },
): AsyncGenerator<WriteCell[]> {
  yield PASSAGE_HEADER;
  for (let i = 0; i < passages.length; i += CHUNK) {
    const chunk = await presentPassages(db, passages.slice(i, i + CHUNK), names, {
      context: opts.context,
      maxText: 30_000,
    });
    for (const p of chunk) yield passageCells(p);
    opts.onProgress?.(Math.min(i + CHUNK, passages.length), passages.length);
  }
}

/** One passage as a row of the export. */
export function passageCells(p: PresentedPassage): WriteCell[] {
  return [
    p.reference,
    p.observedOn,
    evidenceMethodLabels[p.method as EvidenceMethod] ?? p.method,
    p.direction ?? '',
    p.judgementAreas.join('; '),
    p.childCaseReference ?? '',
    p.recordedBy.label,
    p.start,
    p.end,
    p.before,
    p.text,
    p.after,
    p.codes.map((c) => c.name).join('; '),
  ];
}

/**
 * Every passage of a coding query (no limit) as a CSV or XLSX file, streamed. Every text cell is
 * neutralised against spreadsheet formula injection by the project's writers.
 */
export async function exportCodingQuery(
  ctx: UseCaseContext,
  raw: ExportCodingQueryInput,
): Promise<StreamedFile & { passages: number }> {
  const input = ExportCodingQueryInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const { run, resolved } = await buildQueryRun(ctx.db, activity, input);
  const { passages } = await computePassages(ctx.db, run);
  const name = `coding-query-${activity.id.slice(0, 8)}.${input.format}`;
  const rows = passageRows(ctx.db, passages, resolved.names, { context: input.context });
  return { ...streamFile(name, 'Passages', rows), passages: passages.length };
}

import { z } from 'zod';
import { toCsv, writeXlsx } from '../../domain/files/index.js';
import { evidenceMethodLabels, type EvidenceMethod } from '../../domain/evidence/vocabulary.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../evidence/evidence-access.js';
import { codingConditions, evidenceConditions } from './analysis-input.js';
import {
  CodingQueryFields,
  computePassages,
  presentPassages,
  resolveExpression,
} from './coding-query-engine.js';
import { exportFile, type ExportedFile } from './export-file.js';

export const ExportCodingQueryInput = z.object({
  activityId: z.string(),
  ...CodingQueryFields,
  context: z.coerce.number().int().min(0).max(1000).default(120),
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
export type ExportCodingQueryInput = z.input<typeof ExportCodingQueryInput>;

/** Most passages an export holds. */
export const MAX_EXPORT_PASSAGES = 50_000;

const HEADER = [
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

/**
 * The passages of a coding query as a CSV or XLSX file. Every text cell is neutralised against
 * spreadsheet formula injection by the project's writers.
 */
export async function exportCodingQuery(
  ctx: UseCaseContext,
  raw: ExportCodingQueryInput,
): Promise<ExportedFile> {
  const input = ExportCodingQueryInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  const resolved = await resolveExpression(ctx.db, activity.id, input.expression);
  const { passages } = await computePassages(ctx.db, {
    expr: resolved.expr,
    codes: resolved.codes,
    scope: input.scope,
    includeSubcodes: input.includeSubcodes,
    evidence: evidenceConditions(activity, input.filter),
    coding: codingConditions(input.coding),
  });
  const rows: Array<Array<string | number>> = [HEADER];
  for (let i = 0; i < Math.min(passages.length, MAX_EXPORT_PASSAGES); i += 1000) {
    const chunk = await presentPassages(ctx.db, passages.slice(i, i + 1000), resolved.names, {
      context: input.context,
      maxText: 30_000,
    });
    for (const p of chunk)
      rows.push([
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
      ]);
  }
  const name = `coding-query-${activity.id.slice(0, 8)}`;
  return input.format === 'csv'
    ? exportFile(`${name}.csv`, toCsv(rows))
    : exportFile(`${name}.xlsx`, writeXlsx([{ name: 'Passages', rows }]));
}

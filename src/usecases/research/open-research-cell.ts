// The passages behind one cell of a research query, pseudonymised: only when the cell holds at
// least the threshold of records (a suppressed cell answers CELL_SUPPRESSED), at most the
// settings' maximum, each labelled with its inspection's pseudonym. Logged like every query.
import { z } from 'zod';
import { storeCounts } from '../../data/repositories/research-counts.js';
import { identifyingTerms, storePassages } from '../../data/repositories/research.js';
import { pseudonymisePassage } from '../../domain/research/pseudonymise.js';
import { ResearchQuery, type ResearchPassage } from '../../domain/research/query.js';
import { mayOpenCell } from '../../domain/research/suppression.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { logResearchQuery, queryScope } from './research-engine.js';
import { activityColumns } from './run-research-query.js';

export const OpenResearchCellInput = z.object({
  query: ResearchQuery,
  row: z.coerce.number().int().min(0),
  column: z.string().max(200),
});
export type OpenResearchCellInput = z.input<typeof OpenResearchCellInput>;

export interface ResearchCellPassages {
  rowLabel: string;
  columnLabel: string;
  records: number;
  passages: ResearchPassage[];
  /** Whether more passages exist than were shown. */
  truncated: boolean;
  laIdentityShown: boolean;
}

export async function openResearchCell(
  ctx: UseCaseContext,
  raw: OpenResearchCellInput,
): Promise<ResearchCellPassages> {
  const input = OpenResearchCellInput.parse(raw);
  const q = {
    ...input.query,
    kind: input.query.kind === 'cooccurrence' ? 'coding' : input.query.kind,
  } as ResearchQuery;
  const scope = await queryScope(ctx, q);
  const row = scope.rows[input.row];
  if (!row) throw new AppError('NOT_FOUND');
  const cols = activityColumns(q, scope);
  const column = cols.columns.find((c) => c.value === input.column);
  if (!column) throw new AppError('NOT_FOUND');
  const ids = [...cols.byActivity].filter(([, v]) => v === column.value).map(([a]) => a);
  const counts = await storeCounts(
    ctx.db,
    [{ ...row, row: 0 }],
    ids.map((a) => ({ a, col: 'x' })),
  );
  const records = counts[0]?.records ?? 0;
  const t = scope.settings.suppressionThreshold;
  if (!mayOpenCell(records, t)) throw new AppError('CELL_SUPPRESSED');
  const max = scope.settings.maxPassagesPerCell;
  const raws = await storePassages(ctx.db, row, ids, max + 1);
  const terms = await identifyingTerms(ctx.db, ids);
  const laOf = new Map(scope.contexts.map((c) => [c.activityId, c.laName]));
  const places = scope.laIdentityShown
    ? []
    : [...new Set(scope.contexts.map((c) => c.laName.replace(/ council$/i, '')))];
  const passages = raws.slice(0, max).map((p): ResearchPassage => {
    const out = pseudonymisePassage(p.text, {
      references: terms.references,
      people: [...terms.people, p.recordedBy, p.coder],
      places,
    });
    return {
      inspection: scope.pseudonymOf.get(p.activityId) ?? 'Inspection',
      la: scope.laIdentityShown ? (laOf.get(p.activityId) ?? null) : null,
      method: p.method,
      text: out.text,
      replaced: out.replaced,
    };
  });
  await ctx.db.transaction().execute((trx) =>
    logResearchQuery(trx, ctx, 'cell', q, {
      row: input.row,
      column: input.column,
      passages: passages.length,
    }),
  );
  return {
    rowLabel: row.label,
    columnLabel: column.label,
    records,
    passages,
    truncated: raws.length > max,
    laIdentityShown: scope.laIdentityShown,
  };
}

// A cross-inspection query (coding, matrix by an LA context dimension, or co-occurrence) over the
// published inspections a study or selection picks, with small numbers suppressed and the query
// logged. Nothing here returns text: cells open through openResearchCell.
import { storeCounts } from '../../data/repositories/research-counts.js';
import { storeCoOccurrence } from '../../data/repositories/research.js';
import { findDimension, valueFor } from '../../domain/research/dimensions.js';
import {
  ResearchQuery,
  type ResearchCell,
  type ResearchQueryInput,
  type ResearchResult,
} from '../../domain/research/query.js';
import { describeSelection } from '../../domain/research/selection.js';
import { countCell as cell } from '../../domain/research/suppression.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { logResearchQuery, queryScope, type QueryScope } from './research-engine.js';

export const ALL = 'all';

/** Each selected inspection's column value for the query (one column for a coding query). */
export function activityColumns(
  q: ResearchQuery,
  scope: QueryScope,
): {
  columns: Array<{ value: string; label: string }>;
  byActivity: Map<string, string>;
  dimensionLabel: string | null;
} {
  if (q.kind !== 'matrix') {
    return {
      columns: [{ value: ALL, label: 'All selected inspections' }],
      byActivity: new Map(scope.contexts.map((c) => [c.activityId, ALL])),
      dimensionLabel: null,
    };
  }
  const d = q.dimension
    ? findDimension(scope.contexts, q.dimension, scope.laIdentityShown)
    : undefined;
  if (!d)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'dimension', reason: 'Choose a context dimension this study may use.' }],
    });
  const labels = new Map<string, { label: string; rank?: number }>();
  const byActivity = new Map<string, string>();
  for (const c of scope.contexts) {
    const v = valueFor(d, c, scope.settings);
    labels.set(v.value, { label: v.label, rank: v.rank });
    byActivity.set(c.activityId, v.value);
  }
  const columns = [...labels]
    .sort(([av, a], [bv, b]) =>
      av === 'not_known'
        ? 1
        : bv === 'not_known'
          ? -1
          : a.rank !== undefined && b.rank !== undefined
            ? a.rank - b.rank
            : a.label.localeCompare(b.label),
    )
    .map(([value, { label }]) => ({ value, label }));
  return { columns, byActivity, dimensionLabel: d.label };
}

export async function runResearchQuery(
  ctx: UseCaseContext,
  raw: ResearchQueryInput,
): Promise<ResearchResult> {
  const q = ResearchQuery.parse(raw);
  const scope = await queryScope(ctx, q);
  const t = scope.settings.suppressionThreshold;
  let columns: Array<{ value: string; label: string }>;
  let cells: ResearchCell[][];
  let dimensionLabel: string | null = null;
  if (q.kind === 'cooccurrence') {
    columns = scope.rows.map((r) => ({ value: r.key, label: r.label }));
    const pairs = await storeCoOccurrence(
      ctx.db,
      scope.rows,
      scope.contexts.map((c) => c.activityId),
    );
    const n = new Map(
      pairs.flatMap((p) => [
        [`${p.a}:${p.b}`, p.records],
        [`${p.b}:${p.a}`, p.records],
      ]),
    );
    cells = scope.rows.map((r) =>
      scope.rows.map((c) => {
        const v = n.get(`${r.row}:${c.row}`) ?? 0;
        return { ...cell(c.key, c.label, v, v, t), open: false };
      }),
    );
  } else {
    const cols = activityColumns(q, scope);
    columns = cols.columns;
    dimensionLabel = cols.dimensionLabel;
    const counts = await storeCounts(
      ctx.db,
      scope.rows,
      [...cols.byActivity].map(([a, col]) => ({ a, col })),
    );
    const at = new Map(counts.map((c) => [`${c.row}\u0000${c.column}`, c]));
    cells = scope.rows.map((r) =>
      columns.map((c) => {
        const x = at.get(`${r.row}\u0000${c.value}`);
        return cell(c.value, c.label, x?.records ?? 0, x?.references ?? 0, t);
      }),
    );
  }
  await ctx.db
    .transaction()
    .execute((trx) =>
      logResearchQuery(trx, ctx, 'query', q, { inspections: scope.contexts.length }),
    );
  return {
    kind: q.kind,
    rows: scope.rows.map((r) => ({ key: r.key, label: r.label })),
    columns,
    cells,
    inspections: scope.contexts.length,
    threshold: t,
    codebookVersion: scope.codebookVersion,
    selection: describeSelection(scope.selection),
    laIdentityShown: scope.laIdentityShown,
    dimensionLabel,
  };
}

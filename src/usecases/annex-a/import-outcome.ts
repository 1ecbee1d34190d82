// What an Annex A import reports and stores: counts per list, problems by rule, lists kept from
// the previous file, and whether the file covers the LA. Shared by the import use case's paths
// (imported, replaced, rejected) so that they all say the same things.
import type { AnnexAImport } from '../../data/repositories/annex-a.js';
import type { AnnexAIssue, ListSummary, ParseResult } from '../../domain/annex-a/parse.js';
import type { Coverage } from '../../domain/annex-a-profile/coverage.js';

export interface ListCount {
  list: number;
  title: string;
  sheet: string;
  rows: number;
  flaggedRows: number;
  errors: number;
  queries: number;
  /** Set when the list was not in this file and its rows were kept from that earlier file. */
  keptFrom?: string;
}

export interface OtherLists {
  action: 'kept' | 'removed';
  fromFile: string;
  lists: { list: number; title: string; rows: number }[];
  rows: number;
}

export interface ImportAnnexAOutcome {
  /** imported: first file; replaced: a newer file replaced the old; unchanged: same file again;
   * rejected: errors found and not accepted (nothing stored). */
  status: 'imported' | 'replaced' | 'unchanged' | 'rejected';
  importId: string | null;
  replacedImportId: string | null;
  fileName: string;
  sha256: string;
  format: string | null;
  layout: string | null;
  referenceDate: string | null;
  lists: ListCount[];
  totals: { rows: number; flaggedRows: number; errors: number; queries: number };
  errors: AnnexAIssue[];
  queries: AnnexAIssue[];
  issuesByRule: Record<string, { error: number; query: number }>;
  ignoredSheets: string[];
  /**
   * Lists stored from the previous file that this file does not contain, with their row counts:
   * kept (carried into this import), removed (removeMissingLists), or, for a rejected file, what
   * would have happened. Null when there was no previous file or it had no other lists.
   */
  otherLists: OtherLists | null;
  /** Rows per list against the LA's size (null when the LA's population is not known). */
  coverage: Coverage | null;
}

export function byRule(issues: AnnexAIssue[]): Record<string, { error: number; query: number }> {
  const out: Record<string, { error: number; query: number }> = {};
  for (const i of issues) (out[i.rule] ??= { error: 0, query: 0 })[i.severity]++;
  return out;
}

function listCounts(lists: ListSummary[]): ListCount[] {
  return lists.map((l) => ({
    list: l.list,
    title: l.title,
    sheet: l.sheet,
    rows: l.rows,
    flaggedRows: l.flaggedRows,
    errors: l.errors,
    queries: l.queries,
    ...((l as ListSummary & { keptFrom?: string }).keptFrom
      ? { keptFrom: (l as ListSummary & { keptFrom?: string }).keptFrom }
      : {}),
  }));
}

/** The new file's lists, issues and totals, plus the lists kept from the previous import. */
export function withKeptLists(
  result: ParseResult,
  kept: ListSummary[],
  previous: AnnexAImport | null,
  previousIssues: AnnexAIssue[],
) {
  const keptNumbers = new Set(kept.map((l) => l.list));
  const from = previous?.fileName ?? '';
  const lists = [
    ...result.lists.filter((l) => !keptNumbers.has(l.list)),
    ...kept.map((l) => ({
      ...l,
      keptFrom: (l as ListSummary & { keptFrom?: string }).keptFrom ?? from,
    })),
  ].sort((a, b) => a.list - b.list);
  const issues = [
    ...result.issues.filter((i) => i.list === null || !keptNumbers.has(i.list)),
    ...previousIssues.filter((i) => i.list !== null && keptNumbers.has(i.list)),
  ];
  const totals = { ...result.totals };
  for (const l of kept) {
    totals.rows += l.rows;
    totals.flaggedRows += l.flaggedRows;
    totals.errors += l.errors;
    totals.queries += l.queries;
  }
  return { lists, issues, totals, keptErrors: kept.some((l) => l.errors > 0) };
}

export function outcomeOf(
  parsed: ParseResult,
  status: ImportAnnexAOutcome['status'],
  ids: { importId: string | null; replacedImportId: string | null },
  file: { fileName: string; sha256: string; referenceDate: string },
  otherLists: OtherLists | null,
  coverage: Coverage | null,
): ImportAnnexAOutcome {
  return {
    status,
    ...ids,
    ...file,
    format: parsed.format,
    layout: parsed.layout,
    lists: listCounts(parsed.lists),
    totals: parsed.totals,
    errors: parsed.issues.filter((i) => i.severity === 'error'),
    queries: parsed.issues.filter((i) => i.severity === 'query'),
    issuesByRule: byRule(parsed.issues),
    ignoredSheets: parsed.ignoredSheets,
    otherLists,
    coverage,
  };
}

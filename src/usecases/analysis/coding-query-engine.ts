// The engine behind coding queries, matrix cells and co-occurrence cells: resolve the codes,
// fetch their coded spans in the evidence in scope (one query), combine them with the record- or
// passage-level algebra of src/domain/analysis/code-expression.ts, then fetch the text
// around one page of passages (a second query).
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type {
  CodingConditions,
  EvidenceConditions,
} from '../../data/repositories/analysis-filters.js';
import {
  codebookEntries,
  codedRecords,
  passagesWithContext,
  recordsInScope,
  type CodedRecord,
  type CodeEntry,
  type PassageRow,
} from '../../data/repositories/coding-query.js';
import type { DB } from '../../data/schema.js';
import {
  codesOf,
  describeExpression,
  expressionSize,
  matchesRecord,
  matchesUncoded,
  matchingPassages,
  parseCodeExpression,
  positiveCodes,
  type CodeExpr,
  type QueryScope,
} from '../../domain/analysis/code-expression.js';
import { expandInTree } from '../../domain/analysis/code-tree.js';
import { mergeRanges, type Range } from '../../domain/analysis/highlight.js';
import { AppError } from '../../errors.js';
import {
  codingConditions,
  CodingFilterInput,
  evidenceConditions,
  EvidenceFilterInput,
} from './analysis-input.js';
import type { Activity } from '../../data/repositories/activities.js';

export const CodeExprInput: z.ZodType<CodeExpr> = z.lazy(() =>
  z.union([
    z.strictObject({ code: z.string().max(100) }),
    z.strictObject({ and: z.array(CodeExprInput).min(1).max(30) }),
    z.strictObject({ or: z.array(CodeExprInput).min(1).max(30) }),
    z.strictObject({ not: CodeExprInput }),
  ]),
);

/** What a coding query asks; shared by running it and exporting it. */
export const CodingQueryFields = {
  /** A tree ({ and: [{ code: id }, ...] }) or the typed form: "Front door" AND NOT harm. */
  expression: z.union([z.string().max(2000), CodeExprInput]),
  /** 'passage': the coded text that matches; 'record': the records that match. */
  scope: z.enum(['passage', 'record']).default('passage'),
  /** A code (or folder) also stands for every code below it. */
  includeSubcodes: z.boolean().default(true),
  filter: EvidenceFilterInput.optional(),
  coding: CodingFilterInput.optional(),
};

export interface ResolvedExpression {
  expr: CodeExpr;
  names: Map<string, string>;
  understood: string;
  /** The activity's codebook (for expanding codes into their subcodes). */
  codes: CodeEntry[];
}

/** The expression with every code checked against the activity's codebook. */
export async function resolveExpression(
  db: Kysely<DB>,
  activityId: string,
  expression: string | CodeExpr,
): Promise<ResolvedExpression> {
  const codes = await codebookEntries(db, activityId);
  const names = new Map(codes.map((c) => [c.id, c.name]));
  let expr: CodeExpr;
  if (typeof expression === 'string') {
    const ambiguous: string[] = [];
    const resolve = (name: string): string | null => {
      const n = name.toLowerCase();
      const byId = codes.find((c) => c.id === name);
      if (byId) return byId.id;
      const byKey = codes.find((c) => c.frameworkKey?.toLowerCase() === n);
      if (byKey) return byKey.id;
      const byName = codes.filter((c) => c.name.toLowerCase() === n);
      if (byName.length > 1) ambiguous.push(name);
      return byName[0]?.id ?? null;
    };
    const parsed = parseCodeExpression(expression, resolve);
    const problems = [
      ...parsed.problems,
      ...ambiguous.map((a) => `Several codes are called "${a}": use the framework key or the id`),
    ];
    if (!parsed.expr || problems.length > 0)
      throw new AppError('VALIDATION_FAILED', {
        details: problems.map((reason) => ({ field: 'expression', reason })),
      });
    expr = parsed.expr;
  } else {
    expr = expression;
    const unknown = codesOf(expr).filter((id) => !names.has(id));
    if (unknown.length > 0)
      throw new AppError('VALIDATION_FAILED', {
        details: unknown.map((id) => ({
          field: 'expression',
          value: id,
          reason: 'No such code in this activity’s codebook',
        })),
      });
  }
  if (expressionSize(expr) > 60)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'expression', reason: 'The query is too long (at most 60 terms)' }],
    });
  return {
    expr,
    names,
    understood: describeExpression(expr, (id) => names.get(id) ?? id),
    codes,
  };
}

export interface Passage {
  evidenceId: string;
  refNo: number;
  start: number;
  end: number;
  /** A record-level match with no coded text to show (e.g. "NOT harm"). */
  wholeRecord: boolean;
  /** Codes of the query coded on (overlapping) this passage. */
  codeIds: string[];
}

export interface QueryRun {
  expr: CodeExpr;
  /** The activity's codebook. */
  codes: CodeEntry[];
  scope: QueryScope;
  includeSubcodes: boolean;
  evidence: EvidenceConditions;
  coding: CodingConditions;
}

interface Prepared {
  run: QueryRun;
  uncoded: boolean;
  /** For each code searched (a code or a subcode), the query's codes it stands for. */
  leavesOf: Map<string, string[]>;
  positive: string[];
}

function prepare(run: QueryRun): Prepared {
  const uncoded = matchesUncoded(run.expr);
  if (uncoded && run.scope === 'passage')
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'scope',
          reason:
            'This query also matches text with none of its codes (NOT on its own); run it on whole records (scope "record")',
        },
      ],
    });
  const expanded = expandInTree(run.codes, codesOf(run.expr), run.includeSubcodes);
  const leavesOf = new Map<string, string[]>();
  for (const [leaf, ids] of expanded)
    for (const id of ids) {
      const list = leavesOf.get(id);
      if (list) list.push(leaf);
      else leavesOf.set(id, [leaf]);
    }
  return { run, uncoded, leavesOf, positive: positiveCodes(run.expr) };
}

/** The coded records (and, when NOT alone can match, every record) in a window or all. */
async function fetchRecords(
  db: Kysely<DB>,
  p: Prepared,
  window?: { fromRefNo: number; records: number },
): Promise<{
  records: Array<{ id: string; refNo: number; length: number }>;
  coded: CodedRecord[];
}> {
  const { run } = p;
  const ids = [...p.leavesOf.keys()];
  if (p.uncoded) {
    // Only a query that matches records with none of its codes needs every record in scope.
    const records = await recordsInScope(db, run.evidence, undefined, window);
    const last = records.at(-1);
    const coded =
      window && !last
        ? []
        : await codedRecords(
            db,
            run.evidence,
            run.coding,
            ids,
            window && last ? { fromRefNo: window.fromRefNo, toRefNo: last.refNo } : undefined,
          );
    return { records, coded };
  }
  const coded = await codedRecords(db, run.evidence, run.coding, ids, window);
  return {
    coded,
    records: coded.map((r) => ({ id: r.evidenceId, refNo: r.refNo, length: r.length })),
  };
}

/** The passages of these records that match, in record order. */
function combine(
  p: Prepared,
  records: Array<{ id: string; refNo: number; length: number }>,
  coded: CodedRecord[],
): { passages: Passage[]; records: number } {
  const { expr, scope } = p.run;
  const byRecord = new Map(coded.map((r) => [r.evidenceId, r]));
  const out: Passage[] = [];
  let matchedRecords = 0;
  for (const rec of records.sort((a, b) => a.refNo - b.refNo)) {
    const recSpans = byRecord.get(rec.id)?.spans ?? [];
    const byLeaf = new Map<string, Range[]>();
    for (const s of recSpans)
      for (const leaf of p.leavesOf.get(s.codeId) ?? []) {
        const list = byLeaf.get(leaf);
        if (list) list.push([s.start, s.end]);
        else byLeaf.set(leaf, [[s.start, s.end]]);
      }
    let ranges: Range[];
    let whole = false;
    if (scope === 'record') {
      if (!matchesRecord(expr, new Set(byLeaf.keys()))) continue;
      ranges = mergeRanges(p.positive.flatMap((c) => byLeaf.get(c) ?? []));
      if (ranges.length === 0) {
        ranges = [[0, rec.length]];
        whole = true;
      }
    } else {
      ranges = matchingPassages(expr, byLeaf, rec.length);
      if (ranges.length === 0) continue;
    }
    matchedRecords++;
    for (const [start, end] of ranges)
      out.push({
        evidenceId: rec.id,
        refNo: rec.refNo,
        start,
        end,
        wholeRecord: whole,
        codeIds: [
          ...new Set(recSpans.filter((s) => s.start < end && start < s.end).map((s) => s.codeId)),
        ],
      });
  }
  return { passages: out, records: matchedRecords };
}

/** Every matching passage, in record order, and how many records they come from. */
/** One query as the coding query page, its API and its export ask it. */
export async function buildQueryRun(
  db: Kysely<DB>,
  activity: Activity,
  input: {
    expression: string | CodeExpr;
    scope: QueryScope;
    includeSubcodes: boolean;
    filter?: EvidenceFilterInput | undefined;
    coding?: CodingFilterInput | undefined;
  },
): Promise<{ run: QueryRun; resolved: ResolvedExpression }> {
  const resolved = await resolveExpression(db, activity.id, input.expression);
  const run = {
    expr: resolved.expr,
    codes: resolved.codes,
    scope: input.scope,
    includeSubcodes: input.includeSubcodes,
    evidence: evidenceConditions(activity, input.filter),
    coding: codingConditions(input.coding),
  };
  return { run, resolved };
}

export async function computePassages(
  db: Kysely<DB>,
  run: QueryRun,
): Promise<{ passages: Passage[]; records: number }> {
  const p = prepare(run);
  const { records, coded } = await fetchRecords(db, p);
  return combine(p, records, coded);
}

/** Where a passage sorts: its record's number and its start. */
export type PassageKey = [refNo: number, start: number];

/**
 * The next `limit` passages after `after` (keyset): reads only the records the page needs, a
 * window at a time from the position on, so the thousandth page costs what the first costs.
 */
export async function pageOfPassages(
  db: Kysely<DB>,
  run: QueryRun,
  after: PassageKey | null,
  limit: number,
): Promise<{ passages: Passage[]; more: boolean }> {
  const p = prepare(run);
  const out: Passage[] = [];
  let from = after ? after[0] : 0;
  let batch = Math.min(limit + 1, 500);
  for (;;) {
    const { records, coded } = await fetchRecords(db, p, { fromRefNo: from, records: batch });
    const found = combine(p, records, coded).passages.filter(
      (x) => !after || x.refNo > after[0] || (x.refNo === after[0] && x.start > after[1]),
    );
    out.push(...found);
    const last = records.at(-1);
    if (out.length > limit || !last || records.length < batch) break;
    from = last.refNo + 1;
    batch = Math.min(batch * 2, 2_000);
  }
  return { passages: out.slice(0, limit), more: out.length > limit };
}

export interface PresentedPassage extends PassageRow {
  wholeRecord: boolean;
  codes: Array<{ id: string; name: string }>;
}

/** Cuts context back to whole words (a partial word at the far end is dropped). */
function trimContext(before: string, after: string, context: number) {
  const b = Array.from(before).length >= context ? before.replace(/^\S*\s/u, '') : before;
  const a = Array.from(after).length >= context ? after.replace(/\s\S*$/u, '') : after;
  return { before: b, after: a };
}

/** The text of passages with context and code names. */
export async function presentPassages(
  db: Kysely<DB>,
  passages: Passage[],
  names: Map<string, string>,
  opts: { context: number; maxText?: number },
): Promise<PresentedPassage[]> {
  const rows = await passagesWithContext(db, passages, {
    context: opts.context,
    maxText: opts.maxText ?? 5_000,
  });
  return rows.map((r, i) => {
    const p = passages[i]!;
    return {
      ...r,
      ...trimContext(r.before, r.after, opts.context),
      wholeRecord: p.wholeRecord,
      codes: p.codeIds.map((id) => ({ id, name: names.get(id) ?? id })),
    };
  });
}

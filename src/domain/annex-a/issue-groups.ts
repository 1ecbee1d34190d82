// The problems an Annex A check found, grouped by list, column and rule with a count each, so a
// file with 5,000 bad dates reads as one line ("List 1, Date of birth: not a date, 5,000 rows")
// and its rows are paged rather than printed in one table.
import type { AnnexAIssue } from './parse-types.js';

export interface AnnexAIssueGroup {
  /** Stable within one check: list, column and rule. */
  key: string;
  list: number | null;
  column: string | null;
  rule: string;
  severity: AnnexAIssue['severity'];
  /** The first problem's message, as an example of the group's. */
  message: string;
  count: number;
}

export function issueGroupKey(i: Pick<AnnexAIssue, 'list' | 'column' | 'rule'>): string {
  return `${i.list ?? ''}|${i.column ?? ''}|${i.rule}`;
}

/** Groups in the order their first problem appears (errors come before queries in a check). */
export function groupIssues(issues: readonly AnnexAIssue[]): AnnexAIssueGroup[] {
  const groups = new Map<string, AnnexAIssueGroup>();
  for (const i of issues) {
    const key = issueGroupKey(i);
    const g = groups.get(key);
    if (g) g.count += 1;
    else
      groups.set(key, {
        key,
        list: i.list,
        column: i.column,
        rule: i.rule,
        severity: i.severity,
        message: i.message,
        count: 1,
      });
  }
  return [...groups.values()].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || b.count - a.count,
  );
}

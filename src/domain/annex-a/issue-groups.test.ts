import { describe, expect, it } from 'vitest';
import { groupIssues } from './issue-groups.js';
import type { AnnexAIssue } from './parse-types.js';

const issue = (over: Partial<AnnexAIssue>): AnnexAIssue => ({
  list: 1,
  sheet: 'List 1',
  row: 2,
  column: 'B',
  field: 'dob',
  value: 'x',
  rule: 'date',
  severity: 'error',
  message: 'Not a date',
  ...over,
});

describe('grouping Annex A problems', () => {
  it('counts problems by list, column and rule, errors first and the largest first', () => {
    const groups = groupIssues([
      issue({ severity: 'query', rule: 'age', column: 'C' }),
      issue({ row: 2 }),
      issue({ row: 3 }),
      issue({ row: 4, list: 2 }),
      issue({ row: 5 }),
    ]);
    expect(groups.map((g) => [g.key, g.count])).toEqual([
      ['1|B|date', 3],
      ['2|B|date', 1],
      ['1|C|age', 1],
    ]);
  });
});

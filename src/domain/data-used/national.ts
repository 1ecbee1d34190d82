// Across published inspections: for each Annex A list, indicator and other document, in how many
// inspections it was looked at, used, and cited in judgements, and which were never used at all.
// Counts of inspections only; nothing names an LA or a person.
import { isUsed, type DataUsedStatement, type ItemUse } from './statement.js';

export interface NationalItemUse {
  kind: 'list' | 'indicator' | 'document';
  key: string;
  title: string;
  /** Inspections that provided it (lists: rows in the import; the rest: every inspection). */
  inspections: number;
  viewed: number;
  used: number;
  inJudgements: number;
  neverUsed: boolean;
}

export interface NationalDataUsed {
  inspections: number;
  items: NationalItemUse[];
  neverUsed: NationalItemUse[];
}

export function nationalDataUsed(statements: DataUsedStatement[]): NationalDataUsed {
  const items = new Map<string, NationalItemUse>();
  const count = (kind: NationalItemUse['kind'], i: ItemUse, provided: boolean) => {
    const id = `${kind}:${i.key}`;
    let n = items.get(id);
    if (!n)
      items.set(
        id,
        (n = {
          kind,
          key: i.key,
          title: i.title,
          inspections: 0,
          viewed: 0,
          used: 0,
          inJudgements: 0,
          neverUsed: true,
        }),
      );
    if (provided) n.inspections++;
    if (i.level !== 'none') n.viewed++;
    if (isUsed(i.level)) n.used++;
    if (i.level === 'judgements') n.inJudgements++;
    n.neverUsed = n.used === 0;
  };
  for (const s of statements) {
    for (const l of s.lists) {
      count('list', l, l.rows !== null);
      for (const ind of l.indicators) count('indicator', ind, l.rows !== null);
    }
    for (const d of s.documents) count('document', d, true);
  }
  const all = [...items.values()];
  return { inspections: statements.length, items: all, neverUsed: all.filter((i) => i.neverUsed) };
}

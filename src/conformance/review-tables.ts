// The 2019 review's Tables 1, 2 and 7 recomputed from the real history, printed beside the
// figures the review published (seed 002, Ofsted, "ILACS: the first year", Tables 1, 2 and 7).
// It reports; it fails only when the computation breaks (no rows).
import { computeReviewTables } from '../usecases/history/compute-review-tables.js';
import type { UseCaseContext } from '../usecases/context.js';

/** Table 1, January to December 2018 (ILACS). */
const PUBLISHED_T1: Record<string, number> = {
  focused_visit: 68,
  short_inspection: 8,
  standard_inspection: 26,
  monitoring_visit: 54,
  jtai: 9,
  all: 122,
};
/** Table 2, average days with LA in 2018 by overall effectiveness (and LAs visited). */
const PUBLISHED_T2: Record<string, [number, string]> = {
  outstanding: [2, '2 of 3'],
  good: [3.2, '36 of 54'],
  requires_improvement: [5.3, '65 of 76'],
  inadequate: [7, '19 of 19'],
  overall: [4.8, ''],
};
/** Table 7, focused visits in 2018 by theme (68 in all). */
const PUBLISHED_T7: Record<string, number> = {
  'Front door': 29,
  'Children in need/subject to a plan': 18,
  'Vulnerable adolescents': 5,
  'Care leavers': 9,
  'Achieving permanence': 5,
  'Children in care': 2,
};

export async function checkReviewTables(
  ctx: UseCaseContext,
  summary: string[],
  fail: (msg: string) => void,
): Promise<void> {
  const cal = await computeReviewTables(ctx, { yearStartMonth: 1 });
  const apr = await computeReviewTables(ctx, { yearStartMonth: 4 });
  if (cal.table1.length === 0 || cal.table2.length === 0 || apr.table7.length === 0) {
    fail('review tables: the computation gave no rows');
    return;
  }
  summary.push('Review Table 1, 2018 (published | recomputed from the history):');
  for (const [type, published] of Object.entries(PUBLISHED_T1)) {
    const row = cal.table1.find(
      (r) => r.period === '2018' && r.origin === 'history' && r.type === type,
    );
    const got = type === 'all' ? row?.las : row?.occurrences;
    summary.push(`  ${type}: ${published} | ${got ?? 0}`);
  }
  summary.push(
    '  Differences: the MI records no focused or monitoring visits or JTAIs before April 2024, so 2018 holds only judgement inspections (short and standard match exactly); LAs engaged counts those alone, plus SIF re-inspections that the review excluded.',
  );
  summary.push('Review Table 2, 2018 average days (published | recomputed, LAs visited):');
  for (const [grade, [days, visited]] of Object.entries(PUBLISHED_T2)) {
    const row = cal.table2.find((r) => r.period === '2018' && r.grade === grade);
    summary.push(
      `  ${grade}: ${days} (${visited}) | ${row?.averageDays ?? '–'} (${row?.lasVisited ?? 0} of ${row?.lasWithGrade ?? 0})`,
    );
  }
  summary.push(
    '  Differences: without 2018 visits in the MI, only LAs inspected count, each with 5 or 10 days, so averages are higher and far fewer LAs are visited. The published overall 4.8 lies between the two readings of footnote 2 applied to its own rows: weighted by LAs with the grade 4.7, by LAs visited 4.9.',
  );
  summary.push('Review Table 7 (published 2018 | recomputed 2024-25, April to March):');
  for (const [theme, published] of Object.entries(PUBLISHED_T7)) {
    const row = apr.table7.find(
      (r) => r.period === '2024-25' && r.theme.toLowerCase() === theme.toLowerCase(),
    );
    summary.push(`  ${theme}: ${published} | ${row?.count ?? 0} (${row?.percent ?? 0}%)`);
  }
  summary.push(
    '  Differences: the MI gives focused-visit themes only for 2024-25, six years later, when regions knew LAs from earlier visits: the front door gave way to care leavers and children in need (the review expected this, §77). Vulnerable adolescents is no longer a theme.',
  );
  summary.push(`Review Table 3: ${cal.table3.reason}`);
}

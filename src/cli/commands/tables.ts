// `triangulate tables`: the 2019 review's tables recomputed from the history and the activities.
import type { Command } from 'commander';
import { reviewTableSpecs } from '../../domain/history/review-table-specs.js';
import type { ReviewTables } from '../../domain/history/review-tables.js';
import { computeReviewTables } from '../../usecases/history/compute-review-tables.js';
import { action, output, withDatabase } from '../runtime.js';

export function registerTableCommands(program: Command): void {
  program
    .command('tables')
    .description(
      'The 2019 ILACS review’s Tables 1, 2, 3, 4 and 7 from the inspection history and the activities',
    )
    .option('--year-start-month <month>', '1: calendar years (as the review); 4: from April', '1')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { yearStartMonth: string; json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const r = await computeReviewTables(ctx, { yearStartMonth: Number(opts.yearStartMonth) });
          output(opts.json, r, () => tablesText(r));
        });
      }),
    );
}

function tablesText(r: ReviewTables): string {
  const out: string[] = [];
  for (const spec of reviewTableSpecs(r)) {
    out.push(spec.title, spec.columns.map((c) => c.header).join('\t'));
    for (const row of spec.rows)
      out.push(spec.columns.map((c) => String(c.value(row) ?? '–')).join('\t'));
    out.push('');
  }
  out.push('Table 3: area SEND inspections against ILACS activity', r.table3.reason);
  return out.join('\n');
}

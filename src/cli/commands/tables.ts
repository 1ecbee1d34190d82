// `triangulate tables`: the 2019 review's tables recomputed from the history or the activities.
import type { Command } from 'commander';
import { reviewTableSpecs, sourceLabels } from '../../domain/review-tables/specs.js';
import {
  computeReviewTables,
  type ReviewTablesResult,
} from '../../usecases/history/compute-review-tables.js';
import { action, output, withDatabase } from '../runtime.js';

interface Opts {
  source: string;
  year?: string;
  yearStartMonth: string;
  json?: boolean;
}

export function registerTableCommands(program: Command): void {
  program
    .command('tables')
    .description(
      'The 2019 ILACS review’s Tables 1, 2, 3, 4 and 7 from the published history or Triangulate’s activities',
    )
    .option(
      '--source <source>',
      'history (Ofsted’s published history) or app (activities)',
      'history',
    )
    .option('--year <year>', 'one year only: 2018, or 2018-19 for years from April or September')
    .option(
      '--year-start-month <month>',
      '1: calendar years (as the review); 4: from April; 9: academic years',
      '1',
    )
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (ctx) => {
          const r = await computeReviewTables(ctx, {
            source: opts.source as 'history',
            yearStartMonth: Number(opts.yearStartMonth),
            ...(opts.year ? { year: opts.year } : {}),
          });
          output(opts.json, r, () => tablesText(r));
        });
      }),
    );
}

function tablesText(r: ReviewTablesResult): string {
  const out: string[] = [`Source: ${sourceLabels[r.source]}${r.year ? `, ${r.year}` : ''}`, ''];
  for (const spec of reviewTableSpecs(r, r.typeLabels)) {
    out.push(spec.title);
    if (spec.rows.length === 0) {
      out.push(spec.key === 'table3' ? r.table3.reason : 'No engagements to count.', '');
      continue;
    }
    out.push(spec.columns.map((c) => c.header).join('\t'));
    for (const row of spec.rows)
      out.push(spec.columns.map((c) => String(c.value(row) ?? '–')).join('\t'));
    out.push('');
  }
  return out.join('\n');
}

// `triangulate case-ratings ...`: the spread of an activity's case-level ratings by judgement area
// and cohort (with inspectors' agreement), and rating a sampled case as the inspector who looked
// at it (--as EMAIL).
import type { Command } from 'commander';
import { getCaseRatings } from '../../usecases/judgements/get-case-ratings.js';
import { rateCase } from '../../usecases/judgements/rate-case.js';
import { action, actingAs, output, withDatabase } from '../runtime.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];
const fixed = (x: number | null) => (x === null ? '-' : x.toFixed(2));

export function registerCaseRatingCommands(program: Command): void {
  const group = program
    .command('case-ratings')
    .description('Case-level ratings of sampled cases per judgement area, and their spread');

  group
    .command('list')
    .description(
      'The spread of case ratings by judgement area and cohort, and inspectors’ agreement',
    )
    .requiredOption('--activity <id>', 'the activity')
    .option('--as <email>', 'act as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { activity: string; as?: string; json?: boolean }) => {
        await withDatabase(async (cli) => {
          const d = await getCaseRatings(await actingAs(cli, opts.as), opts.activity);
          const data = {
            areas: d.areas.map((a) => ({
              key: a.key,
              label: a.label,
              spread: a.spread,
              agreement: a.agreement,
            })),
            cases: d.cases,
          };
          output(opts.json, data, () =>
            d.areas
              .flatMap((a) => [
                `${a.label}: ${a.spread.sentence}`,
                ...a.spread.byCohort
                  .filter((c) => c.cases > 0)
                  .map((c) => `  ${c.cohort}: ${c.sentence}`),
                ...(a.agreement?.results ?? [])
                  .filter((r) =>
                    ['percent-agreement', 'agreement-within-one', 'krippendorff-alpha'].includes(
                      r.statistic,
                    ),
                  )
                  .map(
                    (r) =>
                      `  ${r.name}: ${fixed(r.value)}${r.interval ? ` (95% interval ${fixed(r.interval.lower)} to ${fixed(r.interval.upper)})` : ''}`,
                  ),
              ])
              .join('\n'),
          );
        });
      }),
    );

  group
    .command('set')
    .description(
      'Rate a sampled case for a judgement area (your own rating; rating again replaces it)',
    )
    .requiredOption('--activity <id>', 'the activity')
    .requiredOption(
      '--case <ref>',
      "the child's reference in the sample (C-...) or the sampled case's id",
    )
    .requiredOption('--judgement <key>', 'the judgement area (framework key)')
    .requiredOption('--grade <key>', 'the grade (framework key)')
    .option('--met <criterion>', 'an evaluation criterion met (repeatable)', collect)
    .option('--not-met <criterion>', 'an evaluation criterion not met (repeatable)', collect)
    .option('--note <text>', 'a note')
    .requiredOption('--as <email>', 'the inspector rating the case')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          activity: string;
          case: string;
          judgement: string;
          grade: string;
          met?: string[];
          notMet?: string[];
          note?: string;
          as: string;
          json?: boolean;
        }) => {
          await withDatabase(async (cli) => {
            const r = await rateCase(await actingAs(cli, opts.as), {
              activityId: opts.activity,
              sampleCaseId: opts.case,
              judgementKey: opts.judgement,
              grade: opts.grade,
              criteriaMet: opts.met ?? [],
              criteriaNotMet: opts.notMet ?? [],
              note: opts.note ?? '',
            });
            output(opts.json, r, () => `Rated ${opts.case} for ${opts.judgement}: ${opts.grade}`);
          });
        },
      ),
    );
}

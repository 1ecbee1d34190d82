// `triangulate study ...`: reliability studies (blind evidence-base reviews, issue 15). Set one up
// over published inspections, assign reviewer pairs, record a pair's review (--as a reviewer),
// read the results in the format of Tables 5 and 6 with every agreement statistic.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { assignReviewerPair } from '../../usecases/studies/assign-reviewer-pair.js';
import { createStudy } from '../../usecases/studies/create-study.js';
import { getStudyResults } from '../../usecases/studies/get-study-results.js';
import { recordReview } from '../../usecases/studies/record-review.js';
import { action, actingAs, output, withDatabase } from '../runtime.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];
const fixed = (x: number | null) => (x === null ? '-' : x.toFixed(2));

export function registerStudyCommands(program: Command): void {
  const group = program
    .command('study')
    .description('Reliability studies: blind reviews of published evidence bases (Tables 5 and 6)');

  group
    .command('create')
    .description('Set up a study over published inspections (each evidence base copied redacted)')
    .requiredOption('--title <title>', 'the study’s title')
    .requiredOption('--activity <id>', 'a published inspection (repeat)', collect)
    .option('--date-offset <days>', 'move every date by this many days (default: random)')
    .option('--as <email>', 'act as this person')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          title: string;
          activity: string[];
          dateOffset?: string;
          as?: string;
          json?: boolean;
        }) => {
          await withDatabase(async (cli) => {
            const s = await createStudy(await actingAs(cli, opts.as), {
              title: opts.title,
              activityIds: opts.activity,
              ...(opts.dateOffset ? { dateOffsetDays: Number(opts.dateOffset) } : {}),
            });
            output(opts.json, s, () =>
              [
                `Study ${s.id}`,
                ...s.bases.map((b) => {
                  const c = b.redaction.counts;
                  const unsure = b.redaction.unsure.map((u) => u.word).join(', ');
                  return `${b.label}: ${b.records} records; redacted LA ${c.la}, places ${c.place}, inspectors ${c.person}, LA staff ${c.staff}, children ${c.child}, names ${c.name_pattern}, dates ${c.date}${unsure ? `; unsure: ${unsure}` : ''}`;
                }),
              ].join('\n'),
            );
          });
        },
      ),
    );

  group
    .command('assign')
    .description('Assign two reviewers to an evidence base (refused when linked to the LA)')
    .requiredOption('--study <id>', 'the study')
    .requiredOption('--base <id>', 'the evidence base (its id in the study)')
    .requiredOption('--reviewer <email>', 'a reviewer (give two)', collect)
    .option('--as <email>', 'act as this person')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          study: string;
          base: string;
          reviewer: string[];
          as?: string;
          json?: boolean;
        }) => {
          await withDatabase(async (cli) => {
            const r = await assignReviewerPair(await actingAs(cli, opts.as), {
              studyId: opts.study,
              evidenceBaseId: opts.base,
              reviewers: opts.reviewer,
            });
            output(opts.json, r, () => `${r.label} assigned (${r.pairId}).`);
          });
        },
      ),
    );

  group
    .command('review')
    .description(
      'Record a pair’s review from a JSON file: { grades, improvements, sameLines, linesComment }',
    )
    .requiredOption('--study <id>', 'the study')
    .requiredOption('--pair <id>', 'the pair')
    .requiredOption('--file <review.json>', 'the review')
    .requiredOption('--as <email>', 'a reviewer of the pair')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: { study: string; pair: string; file: string; as: string; json?: boolean }) => {
          const review = JSON.parse(readFileSync(opts.file, 'utf8')) as Record<string, unknown>;
          await withDatabase(async (cli) => {
            const r = await recordReview(await actingAs(cli, opts.as), {
              ...(review as object),
              studyId: opts.study,
              pairId: opts.pair,
            } as Parameters<typeof recordReview>[1]);
            output(opts.json, r, () => 'Review recorded.');
          });
        },
      ),
    );

  group
    .command('results')
    .description('The study’s tables (Tables 5 and 6 format), agreement statistics and summary')
    .requiredOption('--study <id>', 'the study')
    .option('--as <email>', 'act as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { study: string; as?: string; json?: boolean }) => {
        await withDatabase(async (cli) => {
          const { study, results } = await getStudyResults(
            await actingAs(cli, opts.as),
            opts.study,
          );
          output(opts.json, { study, ...results }, () =>
            [
              study.title,
              ...results.summary,
              ...results.tables.flatMap((t) => [
                '',
                t.caption,
                ...t.rows.flatMap((r) => [
                  `${r.base} (${r.published})`,
                  ...r.cells.map((c, i) => `  ${t.head[i + 1]}: ${c}`),
                ]),
              ]),
              '',
              ...[results.withPublished, results.betweenPairs].flatMap((rep, i) =>
                (rep?.results ?? []).map(
                  (s) =>
                    `${i === 0 ? 'With published' : 'Between pairs'}: ${s.name}: ${fixed(s.value)}${s.interval ? ` (95% interval ${fixed(s.interval.lower)} to ${fixed(s.interval.upper)})` : ''}`,
                ),
              ),
            ].join('\n'),
          );
        });
      }),
    );
}

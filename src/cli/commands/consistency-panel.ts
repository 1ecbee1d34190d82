// `triangulate consistency-panel ...`: convene a consistency panel across inspections, list
// panels, show one panel's inspections side by side, record a member's view of an inspection.
import type { Command } from 'commander';
import { createConsistencyPanel } from '../../usecases/consistency/create-consistency-panel.js';
import { getConsistencyPanel } from '../../usecases/consistency/get-consistency-panel.js';
import { listConsistencyPanels } from '../../usecases/consistency/list-consistency-panels.js';
import { recordConsistencyView } from '../../usecases/consistency/record-consistency-view.js';
import { action, actingAs, output, withDatabase } from '../runtime.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerConsistencyPanelCommands(program: Command): void {
  const group = program
    .command('consistency-panel')
    .description('Consistency panels across inspections (provisional judgements side by side)');

  group
    .command('create')
    .description('Convene a panel for a week or a month, in a region or nationally')
    .option('--region <name>', 'the region (omit for a national panel)')
    .requiredOption('--period <kind>', 'week or month')
    .option('--day <YYYY-MM-DD>', 'a day in the period (default today)')
    .option('--member <email>', 'a member (repeatable)', collect)
    .option('--as <email>', 'act as this person (national or regional staff)')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          region?: string;
          period: string;
          day?: string;
          member?: string[];
          as?: string;
          json?: boolean;
        }) => {
          await withDatabase(async (cli) => {
            const r = await createConsistencyPanel(await actingAs(cli, opts.as), {
              region: opts.region ?? null,
              periodKind: opts.period as 'week',
              day: opts.day ?? null,
              members: opts.member ?? [],
            });
            output(opts.json, r, () => `Convened ${r.title} (${r.id})`);
          });
        },
      ),
    );

  group
    .command('list')
    .description('The panels you may read, newest first')
    .option('--page <n>', 'page (25 a page)')
    .option('--as <email>', 'act as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { page?: string; as?: string; json?: boolean }) => {
        await withDatabase(async (cli) => {
          const d = await listConsistencyPanels(await actingAs(cli, opts.as), { page: opts.page });
          output(opts.json, d, () =>
            d.panels.length
              ? d.panels.map((p) => `${p.id}  ${p.title}  (${p.members} members)`).join('\n')
              : 'No consistency panels.',
          );
        });
      }),
    );

  group
    .command('show')
    .description('A panel’s inspections side by side, with the members’ views')
    .argument('<id>', 'the panel')
    .option('--page <n>', 'page of inspections')
    .option('--as <email>', 'act as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, opts: { page?: string; as?: string; json?: boolean }) => {
        await withDatabase(async (cli) => {
          const d = await getConsistencyPanel(await actingAs(cli, opts.as), {
            panelId: id,
            page: opts.page,
          });
          output(opts.json, d, () =>
            [
              `${d.panel.title}: ${d.total} inspection(s), page ${d.page} of ${d.pages}`,
              ...d.inspections.flatMap((i) => [
                '',
                `${i.laName}: ${i.title} (${i.activityId}), ${i.stageLabel}; views: ${i.summary}`,
                ...i.judgements.map(
                  (j) =>
                    `  ${j.title}: ${j.gradeLabel ?? 'not graded'}${j.positionLabel ? `, ${j.positionLabel.toLowerCase()}` : ''}` +
                    `${j.spread ? `; cases: ${j.spread.sentence}` : ''}; ${j.national.sentence}`,
                ),
              ]),
            ].join('\n'),
          );
        });
      }),
    );

  group
    .command('view')
    .description('Record your view of one inspection: consistent, or a query with reasons')
    .argument('<id>', 'the panel')
    .requiredOption('--activity <id>', 'the inspection (activity id)')
    .requiredOption('--outcome <outcome>', 'consistent or query')
    .option('--judgement <key>', 'the judgement a query is about (framework key)')
    .option('--reasons <text>', 'the reasons (needed for a query)')
    .requiredOption('--as <email>', 'the panel member')
    .option('--json', 'print JSON')
    .action(
      action(
        async (
          id: string,
          opts: {
            activity: string;
            outcome: string;
            judgement?: string;
            reasons?: string;
            as: string;
            json?: boolean;
          },
        ) => {
          await withDatabase(async (cli) => {
            const r = await recordConsistencyView(await actingAs(cli, opts.as), {
              panelId: id,
              activityId: opts.activity,
              outcome: opts.outcome as 'query',
              judgementKey: opts.judgement ?? null,
              reasons: opts.reasons ?? '',
            });
            output(opts.json, r, () =>
              r.panelCommentId
                ? 'Query recorded and sent to the lead inspector and the QAM.'
                : 'View recorded.',
            );
          });
        },
      ),
    );
}

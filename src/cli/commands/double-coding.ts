// `triangulate double-coding ...`: blind double coding of evidence records. The lead sets one up
// and reconciles; each coder codes in their own layer and finishes (--as EMAIL); the agreement is
// printed once every coder has finished.
import type { Command } from 'commander';
import { assignDoubleCoding } from '../../usecases/double-coding/assign-double-coding.js';
import { codeDoubleCoding } from '../../usecases/double-coding/code-double-coding.js';
import { finishDoubleCoding } from '../../usecases/double-coding/finish-double-coding.js';
import { getDoubleCoding } from '../../usecases/double-coding/get-double-coding.js';
import { getDoubleCodingAgreement } from '../../usecases/double-coding/get-double-coding-agreement.js';
import { listDoubleCodings } from '../../usecases/double-coding/list-double-codings.js';
import { reconcileDoubleCoding } from '../../usecases/double-coding/reconcile-double-coding.js';
import { action, actingAs, output, withDatabase } from '../runtime.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];
const fixed = (x: number | null | undefined) =>
  x === null || x === undefined ? '-' : x.toFixed(2);

interface Base {
  activity: string;
  assignment: string;
  as?: string;
  json?: boolean;
}

function withAssignment(cmd: Command, asRequired: boolean): Command {
  cmd
    .requiredOption('--activity <id>', 'the activity')
    .requiredOption('--assignment <id>', 'the double coding');
  if (asRequired) cmd.requiredOption('--as <email>', 'act as this person');
  else cmd.option('--as <email>', 'act as this person');
  return cmd.option('--json', 'print JSON');
}

export function registerDoubleCodingCommands(program: Command): void {
  const group = program
    .command('double-coding')
    .description('Blind double coding of evidence records, its agreement and reconciliation');

  group
    .command('list')
    .description('The activity’s double codings you may see')
    .requiredOption('--activity <id>', 'the activity')
    .option('--as <email>', 'act as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { activity: string; as?: string; json?: boolean }) => {
        await withDatabase(async (cli) => {
          const d = await listDoubleCodings(await actingAs(cli, opts.as), {
            activityId: opts.activity,
          });
          output(opts.json, d.assignments, () =>
            d.assignments
              .map(
                (a) =>
                  `${a.id}  ${a.title}: ${a.records} records, ${a.coders.map((c) => c.label).join(', ')}${a.blind ? ' (blind)' : ` (${a.reconciled} reconciled)`}`,
              )
              .join('\n'),
          );
        });
      }),
    );

  group
    .command('assign')
    .description('Set up a double coding (the lead): records and two or more coders')
    .requiredOption('--activity <id>', 'the activity')
    .requiredOption('--title <text>', 'a title')
    .requiredOption('--record <ref>', 'an evidence record, E-12 or its id (repeatable)', collect)
    .requiredOption('--coder <email>', 'a coder from the team (repeatable)', collect)
    .option('--as <email>', 'act as this person')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          activity: string;
          title: string;
          record: string[];
          coder: string[];
          as?: string;
          json?: boolean;
        }) => {
          await withDatabase(async (cli) => {
            const r = await assignDoubleCoding(await actingAs(cli, opts.as), {
              activityId: opts.activity,
              title: opts.title,
              records: opts.record,
              coders: opts.coder,
            });
            output(opts.json, r, () => `Set up double coding ${r.id}`);
          });
        },
      ),
    );

  withAssignment(
    group.command('show').description('A double coding as you may see it'),
    false,
  ).action(
    action(async (opts: Base) => {
      await withDatabase(async (cli) => {
        const d = await getDoubleCoding(await actingAs(cli, opts.as), {
          activityId: opts.activity,
          assignmentId: opts.assignment,
        });
        output(opts.json, d, () =>
          [
            `${d.title}${d.blind ? ' (blind)' : ''}`,
            ...d.records.flatMap((r) => [
              `${r.reference}${r.reconciledBy ? ` reconciled by ${r.reconciledBy}` : ''}`,
              ...r.mine.map((m) => `  mine: ${m.code} “${m.text}”`),
              ...(r.candidates ?? []).map(
                (c) =>
                  `  ${c.unanimous ? 'all' : 'some'}: ${c.code} “${c.text}” (${c.coders.join(', ')}) ${c.key}`,
              ),
            ]),
          ].join('\n'),
        );
      });
    }),
  );

  withAssignment(
    group.command('code').description('Code a passage of an assigned record (as a coder)'),
    true,
  )
    .requiredOption('--record <id>', 'the evidence record’s id')
    .requiredOption('--code <id>', 'the code’s id')
    .requiredOption('--passage <words>', 'the words to code, exactly as in the text')
    .option('--occurrence <n>', 'which occurrence of the words', (v) => Number(v))
    .action(
      action(
        async (
          opts: Base & { record: string; code: string; passage: string; occurrence?: number },
        ) => {
          await withDatabase(async (cli) => {
            const r = await codeDoubleCoding(await actingAs(cli, opts.as), {
              activityId: opts.activity,
              assignmentId: opts.assignment,
              evidenceId: opts.record,
              codeId: opts.code,
              passage: opts.passage,
              ...(opts.occurrence ? { occurrence: opts.occurrence } : {}),
            });
            output(opts.json, r, () => (r.id ? `Coded (${r.id})` : 'Already coded'));
          });
        },
      ),
    );

  withAssignment(
    group.command('finish').description('Finish your coding (as a coder)'),
    true,
  ).action(
    action(async (opts: Base) => {
      await withDatabase(async (cli) => {
        await finishDoubleCoding(await actingAs(cli, opts.as), {
          activityId: opts.activity,
          assignmentId: opts.assignment,
        });
        output(opts.json, { ok: true }, () => 'Finished');
      });
    }),
  );

  withAssignment(
    group
      .command('agreement')
      .description('Agreement per record and code, and over all records, once all finished'),
    false,
  )
    .option('--include-uncoded', 'count text nobody coded as agreement (left out by default)')
    .option('--resamples <n>', 'bootstrap resamples', (v) => Number(v))
    .action(
      action(async (opts: Base & { includeUncoded?: boolean; resamples?: number }) => {
        await withDatabase(async (cli) => {
          const a = await getDoubleCodingAgreement(await actingAs(cli, opts.as), {
            activityId: opts.activity,
            assignmentId: opts.assignment,
            includeUncoded: opts.includeUncoded ?? false,
            ...(opts.resamples !== undefined ? { resamples: opts.resamples } : {}),
          });
          const stat = (r: { results: { statistic: string; value: number | null }[] }, k: string) =>
            fixed(r.results.find((x) => x.statistic === k)?.value);
          const line = (c: (typeof a.pooled.codes)[number]) =>
            `  ${c.code}: characters ${stat(c.characterLevel, 'percent-agreement')} agreement, alpha ${stat(c.characterLevel, 'krippendorff-alpha')}; segments ${stat(c.segmentLevel, 'percent-agreement')}, alpha ${stat(c.segmentLevel, 'krippendorff-alpha')}`;
          output(opts.json, a, () =>
            [
              `Uncoded text ${a.uncodedText}. Coders: ${a.coders.join(', ')}`,
              ...a.records.flatMap((r) => [r.reference, ...r.codes.map(line)]),
              `All ${a.pooled.records} records together (${a.pooled.characters} characters)`,
              ...a.pooled.codes.map(line),
              `  All spans: ${a.pooled.allSpans.units} segments, agreement ${stat(a.pooled.allSpans, 'percent-agreement')}, alpha ${stat(a.pooled.allSpans, 'krippendorff-alpha')}`,
            ].join('\n'),
          );
        });
      }),
    );

  withAssignment(
    group.command('reconcile').description('Record the agreed coding of a record (the lead)'),
    false,
  )
    .requiredOption('--record <id>', 'the evidence record’s id')
    .option('--agreed <key>', 'an agreed span, code:start:end from `show` (repeatable)', collect)
    .action(
      action(async (opts: Base & { record: string; agreed?: string[] }) => {
        await withDatabase(async (cli) => {
          const r = await reconcileDoubleCoding(await actingAs(cli, opts.as), {
            activityId: opts.activity,
            assignmentId: opts.assignment,
            evidenceId: opts.record,
            agreed: opts.agreed ?? [],
          });
          output(opts.json, r, () => `Reconciled: ${r.written} codings written`);
        });
      }),
    );
}

// `triangulate data-used show|national`, `triangulate burden show|record|national` and
// `triangulate working-time show|national`: what an inspection asked for against what it used,
// and what it cost the LA and the inspectors (issue 16), through the same use cases and access
// rules as the pages. --as acts as a person (an LA user to record effort).
import type { Command } from 'commander';
import { effortKinds, type EffortKind } from '../../domain/burden/la-effort.js';
import { getLaEffort } from '../../usecases/burden/get-la-effort.js';
import { getNationalLaEffort } from '../../usecases/burden/get-national-la-effort.js';
import { getNationalWorkingTime } from '../../usecases/burden/get-national-working-time.js';
import { getWorkingTime } from '../../usecases/burden/get-working-time.js';
import { recordLaEffort } from '../../usecases/burden/record-la-effort.js';
import { getDataUsed } from '../../usecases/data-used/get-data-used.js';
import { getNationalDataUsed } from '../../usecases/data-used/get-national-data-used.js';
import { action, actingAs, AppError, output, readCommand, withDatabase } from '../runtime.js';

type Opts = Record<string, string | string[] | boolean | undefined>;
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** "KIND=HOURS,DAYS" (e.g. data_preparation=40,12.5). */
function effortLine(spec: string) {
  const m = /^([a-z_]+)=([\d.]+),([\d.]+)$/.exec(spec.trim());
  if (!m || !(effortKinds as readonly string[]).includes(m[1]!))
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: '--effort',
          value: spec,
          reason: `Write KIND=HOURS,DAYS with KIND one of ${effortKinds.join(', ')}`,
        },
      ],
    });
  return { kind: m[1] as EffortKind, linkPersonHours: Number(m[2]), staffDays: Number(m[3]) };
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);

function registerDataUsed(program: Command): void {
  const du = program
    .command('data-used')
    .description('What inspections asked for (Annex A, documents) against what they used');
  readCommand(
    du,
    { name: 'show', description: 'One inspection’s data-used statement', activity: true },
    (ctx, opts) => getDataUsed(ctx, { activityId: String(opts.activity) }),
    (v) =>
      [
        ...v.statement.sentences,
        '',
        ...v.statement.lists.map(
          (l) =>
            `List ${pad(l.list, 3)} ${pad(l.level, 11)} lines ${pad(l.counts.linesOfEnquiry, 3)} strata ${pad(l.counts.sampleStrata, 3)} evidence ${pad(l.counts.evidenceRecords, 4)} judgements ${l.counts.judgements}`,
        ),
        ...v.statement.documents.map(
          (d) =>
            `${pad(d.key, 17)}${pad(d.level, 11)} lines ${pad(d.counts.linesOfEnquiry, 3)} evidence ${pad(d.counts.evidenceRecords, 4)} judgements ${d.counts.judgements}`,
        ),
      ].join('\n'),
  );
  readCommand(
    du,
    {
      name: 'national',
      description: 'Across published inspections: each item’s use, and those never used',
    },
    (ctx) => getNationalDataUsed(ctx),
    (v) =>
      [
        `${v.inspections} published inspections; ${v.neverUsed.length} items never used:`,
        ...v.neverUsed.map((i) => `  ${pad(i.kind, 10)} ${i.title}`),
      ].join('\n'),
  );
}

function registerBurden(program: Command): void {
  const b = program.command('burden').description('What an inspection cost the LA');
  readCommand(
    b,
    { name: 'show', description: 'The LA’s recorded effort on one inspection', activity: true },
    (ctx, opts) => getLaEffort(ctx, { activityId: String(opts.activity) }),
    (v) =>
      [
        ...v.lines.map(
          (l) => `${pad(l.kind, 18)} ${pad(l.linkPersonHours, 7)} hours ${l.staffDays} days`,
        ),
        `${pad('total', 18)} ${pad(v.totals.linkPersonHours, 7)} hours ${v.totals.staffDays} days`,
      ].join('\n'),
  );
  b.command('record')
    .description('Record the LA’s effort (as one of the LA’s users): --effort KIND=HOURS,DAYS')
    .requiredOption('--activity <id>', 'activity id')
    .requiredOption(
      '--effort <kind=hours,days>',
      `link person hours and staff days of a kind (${effortKinds.join(', ')}) (repeatable)`,
      collect,
    )
    .option('--as <email>', 'record as this LA user')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const v = await recordLaEffort(ctx, {
            activityId: String(opts.activity),
            lines: (opts.effort as string[]).map(effortLine),
          });
          output(
            opts.json as boolean,
            v,
            () => `Recorded: ${v.totals.linkPersonHours} hours, ${v.totals.staffDays} days.`,
          );
        });
      }),
    );
  readCommand(
    b,
    {
      name: 'national',
      description: 'The LA’s effort across inspections: medians by inspection type and LA size',
    },
    (ctx) => getNationalLaEffort(ctx),
    (v) =>
      v.groups
        .map(
          (g) =>
            `${pad(g.activityType, 24)} ${pad(g.sizeBandLabel, 28)} ${g.suppressed ? `fewer than ${v.minGroup}` : `${g.inspections} inspections, median ${g.medianLinkPersonHours} hours, ${g.medianStaffDays} days`}`,
        )
        .join('\n') || 'No effort recorded yet.',
  );
}

function registerWorkingTime(program: Command): void {
  const w = program
    .command('working-time')
    .description('Inspectors’ working time from their records');
  readCommand(
    w,
    {
      name: 'show',
      description: 'Per inspector per day within one activity (lead and QAM: all; others: own)',
      activity: true,
    },
    (ctx, opts) => getWorkingTime(ctx, { activityId: String(opts.activity) }),
    (v) =>
      v.days
        .map(
          (d) =>
            `${d.day} ${pad(d.label, 24)} ${pad(d.recorded, 3)} records ${pad(d.minutesRecorded, 5)} min ${d.firstAt}-${d.lastAt} after hours ${d.afterHoursActions}`,
        )
        .join('\n') || 'No evidence recorded yet.',
  );
  readCommand(
    w,
    { name: 'national', description: 'Across inspections, by team role only (no individuals)' },
    (ctx) => getNationalWorkingTime(ctx),
    (v) =>
      v.roles
        .map((r) =>
          r.suppressed
            ? `${pad(r.teamRole, 22)} fewer than ${v.minGroup} inspectors`
            : `${pad(r.teamRole, 22)} ${r.inspectorDays} days, ${Math.round((r.shareDaysAfterHours ?? 0) * 100)}% after hours, median ${r.medianRecordedHoursPerDay} h recorded a day`,
        )
        .join('\n') || 'No evidence recorded yet.',
  );
}

export function registerBurdenCommands(program: Command): void {
  registerDataUsed(program);
  registerBurden(program);
  registerWorkingTime(program);
}

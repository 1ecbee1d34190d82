// `triangulate activities ...`: list activities (by LA and state) and show one. (The notification
// commands are in work.ts.)
import type { Command } from 'commander';
import {
  activityStates,
  stateLabels,
  type ActivityState,
} from '../../domain/activities/lifecycle.js';
import { teamRoleLabels } from '../../domain/access/roles.js';
import { formatIsoDate } from '../../domain/reports/text.js';
import { AppError } from '../../errors.js';
import { getActivity } from '../../usecases/activities/get-activity.js';
import { listMyActivities } from '../../usecases/activities/list-my-activities.js';
import { getLa } from '../../usecases/las/get-la.js';
import { loadActivityTypeCatalog } from '../../domain/frameworks/catalog.js';
import { action, output, withDatabase } from '../runtime.js';

const day = (d: string | null) => (d ? formatIsoDate(d) : '-');

function parseState(s: string | undefined): ActivityState[] | undefined {
  if (s === undefined) return undefined;
  const states = s.split(',').map((x) => x.trim());
  for (const st of states)
    if (!(activityStates as readonly string[]).includes(st))
      throw new AppError('VALIDATION_FAILED', {
        details: [
          { field: '--state', value: st, reason: `Use one of: ${activityStates.join(', ')}` },
        ],
      });
  return states as ActivityState[];
}

export function registerActivityCommands(program: Command): void {
  const activities = program.command('activities').description('Inspection activities');

  activities
    .command('list')
    .description('List activities, newest first')
    .option('--la <code>', 'one local authority: its id, GSS, DfE or URN code, or name')
    .option('--state <state>', `one or more states, comma-separated (${activityStates.join(', ')})`)
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { la?: string; state?: string; json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const states = parseState(opts.state);
          const laId = opts.la ? (await getLa(ctx, { id: opts.la })).la.id : undefined;
          const rows = await listMyActivities(ctx, { laId, states });
          output(opts.json, rows, () =>
            rows.length
              ? rows
                  .map(
                    (a) =>
                      `${a.id}  ${stateLabels[a.state].padEnd(24)} ${day(a.plannedStart)} to ${day(a.plannedEnd)}  ${a.title}`,
                  )
                  .join('\n')
              : 'No activities.',
          );
        });
      }),
    );

  activities
    .command('show')
    .description('Show one activity: its state, dates, team and state history')
    .argument('<id>', 'the activity id')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, opts: { json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const d = await getActivity({ ...ctx, catalog: loadActivityTypeCatalog() }, id);
          const a = d.activity;
          output(opts.json, d, () =>
            [
              a.title,
              `  ${d.typeLabel} (${d.frameworkName}), ${a.laName}`,
              `  state: ${stateLabels[a.state]}`,
              `  planned: ${day(a.plannedStart)} to ${day(a.plannedEnd)}`,
              `  notified: ${a.notifiedAt ? a.notifiedAt.toISOString() : 'not yet'}`,
              '  team:',
              ...d.team.map(
                (m) => `    ${teamRoleLabels[m.teamRole]}: ${m.displayName} <${m.email}>`,
              ),
              '  history:',
              ...d.history.map(
                (h) =>
                  `    ${h.changedAt.toISOString()}  ${h.fromState ? stateLabels[h.fromState] : '-'} -> ${stateLabels[h.toState]}${h.reason ? ` (${h.reason})` : ''}`,
              ),
            ].join('\n'),
          );
        });
      }),
    );
}

// `triangulate action-plan show|add-action|update|submit|acknowledge|return|view|monitoring` and
// `triangulate reform-programme list|add`: the LA's action plan after a published inspection and
// its monitoring from the command line, through the same use cases and access rules as the pages.
import type { Command } from 'commander';
import { addProgressUpdate } from '../../usecases/action-plans/add-progress-update.js';
import { getActionPlan } from '../../usecases/action-plans/get-action-plan.js';
import { getMonitoringReview } from '../../usecases/action-plans/get-monitoring-review.js';
import { listReformProgrammes } from '../../usecases/action-plans/list-reform-programmes.js';
import { recordMonitoringView } from '../../usecases/action-plans/record-monitoring-view.js';
import { respondToActionPlan } from '../../usecases/action-plans/respond-to-action-plan.js';
import { savePlanAction } from '../../usecases/action-plans/save-plan-action.js';
import { saveReformProgramme } from '../../usecases/action-plans/save-reform-programme.js';
import { submitActionPlan } from '../../usecases/action-plans/submit-action-plan.js';
import { action, actingAs, output, withDatabase } from '../runtime.js';

type Opts = Record<string, string | string[] | boolean | undefined>;
const collect = (value: string, previous: string[] = []) => [...previous, value];
const str = (v: unknown) => (v === undefined ? undefined : String(v));

/** One command: acting as `--as`, calling `run`, printing `text` (or JSON with --json). */
function runs<T>(
  fn: (ctx: Awaited<ReturnType<typeof actingAs>>, opts: Opts, args: string[]) => Promise<T>,
  text: (v: T) => string,
) {
  return action(async (...args: unknown[]) => {
    const opts = args.find((a) => a !== null && typeof a === 'object' && !Array.isArray(a)) as Opts;
    const positional = args.filter((a): a is string => typeof a === 'string');
    await withDatabase(async (cli) => {
      const ctx = await actingAs(cli, opts.as as string | undefined);
      const v = await fn(ctx, opts, positional);
      output(opts.json as boolean, v, () => text(v));
    });
  });
}

function registerActionPlan(program: Command): void {
  const ap = program
    .command('action-plan')
    .description('The LA’s action plan after a published inspection, and its monitoring');
  ap.command('show <activity>')
    .description('The plan: each item with its actions, progress and published views')
    .option('--as <email>', 'as this person')
    .option('--json', 'print JSON')
    .action(
      runs(
        (ctx, _o, [id]) => getActionPlan(ctx, { activityId: id! }),
        (p) =>
          [
            `${p.la.name}: ${p.inspection.title} (${p.statusLabel})`,
            ...p.items.flatMap((i) => [
              `- [${i.key}] ${i.text}`,
              ...i.actions.map(
                (a) =>
                  `    ${a.id} ${a.action} | ${a.owner} | ${a.milestone} by ${a.dueOn} | impact: ${a.impactMeasure}`,
              ),
              ...i.updates.map((u) => `    ${u.on}: ${u.text}`),
              ...i.views.map((v) => `    View (${v.visitTitle}): ${v.viewLabel}. ${v.reason}`),
            ]),
            ...p.versions.map(
              (v) =>
                `Version ${v.version}: ${v.response ? v.response.kind : 'awaiting the region'}`,
            ),
          ].join('\n'),
      ),
    );
  ap.command('add-action <activity> <item>')
    .description('Add an action to an item (or change one with --action-id): the LA’s own users')
    .requiredOption('--action <text>', 'what will be done')
    .requiredOption('--owner <text>', 'who owns it')
    .requiredOption('--milestone <text>', 'what marks it done')
    .requiredOption('--due <date>', 'the milestone date, YYYY-MM-DD')
    .requiredOption('--impact <text>', 'how the LA will know it made a difference')
    .option('--action-id <id>', 'change this action instead of adding one')
    .option('--as <email>', 'as this LA user')
    .option('--json', 'print JSON')
    .action(
      runs(
        (ctx, o, [id, item]) =>
          savePlanAction(ctx, {
            activityId: id!,
            itemKey: item!,
            ...(o.actionId ? { actionId: String(o.actionId) } : {}),
            action: String(o.action),
            owner: String(o.owner),
            milestone: String(o.milestone),
            dueOn: String(o.due),
            impactMeasure: String(o.impact),
          }),
        (a) => `Saved action ${a.id} in the draft.`,
      ),
    );
  ap.command('update <activity> <item>')
    .description('Record dated progress on an item')
    .requiredOption('--text <text>', 'the progress made, and how the LA knows')
    .option('--on <date>', 'as of this day (default today)')
    .option('--as <email>', 'as this LA user')
    .option('--json', 'print JSON')
    .action(
      runs(
        (ctx, o, [id, item]) =>
          addProgressUpdate(ctx, {
            activityId: id!,
            itemKey: item!,
            text: String(o.text),
            ...(o.on ? { on: String(o.on) } : {}),
          }),
        (u) => `Saved progress update ${u.id} (${u.on}) in the draft.`,
      ),
    );
  ap.command('submit <activity>')
    .description('Submit the plan: the draft becomes the next version')
    .option('--as <email>', 'as this LA user')
    .option('--json', 'print JSON')
    .action(
      runs(
        (ctx, _o, [id]) => submitActionPlan(ctx, { activityId: id! }),
        (v) => `Submitted version ${v.version}.`,
      ),
    );
  for (const [name, decision] of [
    ['acknowledge', 'acknowledge'],
    ['return', 'return'],
  ] as const)
    ap.command(`${name} <activity> <version>`)
      .description(
        decision === 'acknowledge'
          ? 'Acknowledge a version (regional staff of the LA’s region)'
          : 'Return a version with comments (regional staff of the LA’s region)',
      )
      .option('--comment <text>', 'comments to the LA (needed to return)')
      .option('--as <email>', 'as this regional user')
      .option('--json', 'print JSON')
      .action(
        runs(
          (ctx, o, [id, version]) =>
            respondToActionPlan(ctx, {
              activityId: id!,
              version: version!,
              decision,
              comment: str(o.comment) ?? '',
            }),
          (v) => `Version ${v.version} ${v.response?.kind ?? ''}.`,
        ),
      );
  ap.command('monitoring <visit>')
    .description(
      'A visit’s review of the plan: progress per item, views and the letter’s paragraph',
    )
    .option('--as <email>', 'as this person')
    .option('--json', 'print JSON')
    .action(
      runs(
        (ctx, _o, [id]) => getMonitoringReview(ctx, { visitId: id! }),
        (r) =>
          [
            `${r.visit.title}: reviewing ${r.plan?.title ?? 'no plan'}`,
            ...r.items.map(
              (i) =>
                `- [${i.key}] ${i.text}: ${i.view ? `${i.view.viewLabel}. ${i.view.reason}` : 'no view yet'}`,
            ),
            '',
            r.summary,
          ].join('\n'),
      ),
    );
  ap.command('view <visit> <item>')
    .description('Record the visit’s view on an item (its lead): progress, no_progress or worse')
    .requiredOption('--view <view>', 'progress, no_progress or worse')
    .requiredOption('--reason <text>', 'why, briefly')
    .option('--evidence <id>', 'an evidence record of the visit (repeatable)', collect)
    .option('--as <email>', 'as the visit’s lead')
    .option('--json', 'print JSON')
    .action(
      runs(
        (ctx, o, [id, item]) =>
          recordMonitoringView(ctx, {
            visitId: id!,
            itemKey: item!,
            view: String(o.view) as 'progress',
            reason: String(o.reason),
            evidenceIds: (o.evidence as string[] | undefined) ?? [],
          }),
        (v) => `Recorded: ${v.view} on ${v.itemKey}.`,
      ),
    );
}

function registerReformProgramme(program: Command): void {
  const rp = program
    .command('reform-programme')
    .description('The LA’s reform and improvement programmes (Munro recommendation 9)');
  rp.command('list <la>')
    .description('The programmes and the published reports’ sentences that mention them')
    .option('--as <email>', 'as this person')
    .option('--json', 'print JSON')
    .action(
      runs(
        (ctx, _o, [la]) => listReformProgrammes(ctx, { laId: la! }),
        (v) =>
          v.programmes
            .flatMap((p) => [
              `${p.name} (${p.startsOn} to ${p.endsOn ?? 'ongoing'}): ${p.aims}`,
              ...p.mentions.map((m) => `    “${m.quote}” (${m.activityTitle})`),
            ])
            .join('\n') || 'No programmes.',
      ),
    );
  rp.command('add <la>')
    .description('Record a programme (or change one with --id): the LA’s own users')
    .requiredOption('--name <text>', 'its name')
    .requiredOption('--aims <text>', 'its aims')
    .requiredOption('--starts <date>', 'start date, YYYY-MM-DD')
    .option('--ends <date>', 'end date, YYYY-MM-DD')
    .option('--keywords <list>', 'other words a report might use for it, comma-separated')
    .option('--id <id>', 'change this programme')
    .option('--as <email>', 'as this LA user')
    .option('--json', 'print JSON')
    .action(
      runs(
        (ctx, o, [la]) =>
          saveReformProgramme(ctx, {
            laId: la!,
            ...(o.id ? { programmeId: String(o.id) } : {}),
            name: String(o.name),
            aims: String(o.aims),
            startsOn: String(o.starts),
            ...(o.ends ? { endsOn: String(o.ends) } : {}),
            keywords: str(o.keywords) ?? '',
          }),
        (p) => `Saved ${p.name} (${p.id}).`,
      ),
    );
}

export function registerActionPlanCommands(program: Command): void {
  registerActionPlan(program);
  registerReformProgramme(program);
}

// `triangulate activities create|check|move`: plan activities by hand, with the framework's
// scheduling rules checked (hard rules refuse; soft rules need --reason; advice is printed).
import type { Command } from 'commander';
import type { RuleCheck } from '../../domain/scheduling/check-rules.js';
import { loadActivityTypeCatalog } from '../../domain/frameworks/catalog.js';
import { checkActivityPlan } from '../../usecases/activities/check-activity-plan.js';
import { createActivity } from '../../usecases/activities/create-activity.js';
import { moveActivity } from '../../usecases/activities/move-activity.js';
import { getLa } from '../../usecases/las/get-la.js';
import { action, actingAs, output, withDatabase, type CliContext } from '../runtime.js';

interface PlanOpts {
  la: string;
  type: string;
  start: string;
  end?: string;
  theme?: string;
  visit?: string;
  title?: string;
  reason?: string;
  as?: string;
  json?: boolean;
}

function findingsText(check: Pick<RuleCheck, 'findings' | 'notes'>): string[] {
  const word = { hard: 'refused', soft: 'needs a reason', advice: 'advice' } as const;
  return [
    ...check.findings.map((f) => `  ${word[f.severity]}: ${f.label} [${f.rule}]\n    ${f.detail}`),
    ...check.notes.map((n) => `  note: ${n}`),
  ];
}

/** The options every planning command takes: where, what and when. */
function planOptions(cmd: Command): Command {
  return cmd
    .requiredOption('--la <code>', 'the local authority: id, GSS, DfE or URN code, or name')
    .requiredOption('--type <key>', 'activity type key, e.g. short_inspection')
    .requiredOption('--start <date>', 'planned start, YYYY-MM-DD')
    .option('--end <date>', 'planned end, YYYY-MM-DD (default: the usual length)');
}

/** The command's context (as --as, with the framework catalogue) and the authority's id. */
async function planContext(base: CliContext, opts: { as?: string; la?: string }) {
  const ctx = { ...(await actingAs(base, opts.as)), catalog: loadActivityTypeCatalog() };
  const laId = opts.la ? (await getLa(ctx, { id: opts.la })).la.id : '';
  return { ctx, laId };
}

export function registerActivityPlanCommands(program: Command): void {
  const activities =
    program.commands.find((c) => c.name() === 'activities') ??
    program.command('activities').description('Inspection activities');

  const checkCommand = activities
    .command('check')
    .description('Check a planned activity against the scheduling rules, without creating it');
  planOptions(checkCommand)
    .option('--as <email>', 'act as this account (default: the operator)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: PlanOpts) => {
        await withDatabase(async (base) => {
          const { ctx, laId } = await planContext(base, opts);
          const check = await checkActivityPlan(ctx, {
            laId,
            activityType: opts.type,
            plannedStart: opts.start,
            plannedEnd: opts.end ?? null,
          });
          output(opts.json, check, () =>
            [
              check.allowed
                ? check.reasonNeeded
                  ? 'Allowed with a reason (--reason) for the rules below.'
                  : 'Allowed.'
                : 'Refused: a rule that cannot be set aside is broken.',
              `  on site ${opts.start} to ${check.end} (${check.frameworkId})`,
              ...findingsText(check),
            ].join('\n'),
          );
        });
      }),
    );

  const createCommand = activities
    .command('create')
    .description('Create (schedule) an activity, checked against the scheduling rules');
  planOptions(createCommand)
    .option('--theme <label>', 'theme (focused visits, JTAIs)')
    .option('--visit <n>', 'visit number (monitoring visits)')
    .option('--title <text>', 'title (default: type, number and authority)')
    .option('--reason <text>', 'why a soft scheduling rule is set aside (kept in the audit log)')
    .option('--as <email>', 'act as this account (default: the operator)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: PlanOpts) => {
        await withDatabase(async (base) => {
          const { ctx, laId } = await planContext(base, opts);
          const a = await createActivity(ctx, {
            laId,
            activityType: opts.type,
            plannedStart: opts.start,
            plannedEnd: opts.end ?? null,
            theme: opts.theme ?? null,
            sequenceNumber: opts.visit ? Number(opts.visit) : null,
            ...(opts.title ? { title: opts.title } : {}),
            ruleReason: opts.reason ?? null,
          });
          output(opts.json, a, () => `Created ${a.id}  ${a.title}`);
        });
      }),
    );

  activities
    .command('move')
    .description('Move a planned activity to new dates, checked against the scheduling rules')
    .argument('<id>', 'the activity id')
    .requiredOption('--start <date>', 'new planned start, YYYY-MM-DD')
    .option('--end <date>', 'new planned end, YYYY-MM-DD')
    .option('--reason <text>', 'why a soft scheduling rule is set aside (kept in the audit log)')
    .option('--as <email>', 'act as this account (default: the operator)')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, opts: Omit<PlanOpts, 'la' | 'type'>) => {
        await withDatabase(async (base) => {
          const { ctx } = await planContext(base, opts);
          const a = await moveActivity(ctx, {
            activityId: id,
            plannedStart: opts.start,
            plannedEnd: opts.end ?? null,
            ruleReason: opts.reason ?? null,
          });
          output(opts.json, a, () => `Moved ${a.id}: ${a.plannedStart} to ${a.plannedEnd ?? '-'}`);
        });
      }),
    );
}

// `triangulate plan runs|show|explain|pin|what-if|compare|publish`: saved programme runs from the
// command line, through the same use cases and access rules as the API (--as EMAIL acts as a
// person; without it, the machine's operator).
import type { Command } from 'commander';
import { compareProgrammeRuns } from '../../usecases/programme/compare-programme-runs.js';
import { explainProgrammeRun } from '../../usecases/programme/explain-programme-run.js';
import { getProgrammeRun } from '../../usecases/programme/get-programme-run.js';
import { listProgrammeRuns } from '../../usecases/programme/list-programme-runs.js';
import { pinProgrammeRun } from '../../usecases/programme/pin-programme-run.js';
import { publishProgrammeRun } from '../../usecases/programme/publish-programme-run.js';
import type { ProgrammeRunView } from '../../usecases/programme/saved-runs.js';
import type { ProgrammeProgress } from '../../usecases/programme/solve-programme.js';
import { whatIfProgrammeRun } from '../../usecases/programme/what-if-programme-run.js';
import { action, actingAs, AppError, output, withDatabase, type CliContext } from '../runtime.js';
import { progressLine, savedOutput, solvedText } from './plan.js';

interface Common {
  json?: boolean;
  as?: string;
}
const common = (c: Command) =>
  c.option('--as <email>', 'act as this account').option('--json', 'print JSON');
const run = <T>(o: Common, fn: (ctx: CliContext) => Promise<T>) =>
  withDatabase(async (base) => fn(await actingAs(base, o.as)));
const progress = (p: ProgrammeProgress) => process.stderr.write(`${progressLine(p)}\n`);
const pct = (g: number | null) => (g === null ? '-' : `${(100 * g).toFixed(2)}%`);
const num = (n: number | null) => (n === null ? '-' : n.toFixed(2));
const team = (t: { inspectorId: string; name: string; teamRole: string }[]) =>
  t.map((m) => `${m.name}${m.teamRole === 'inspector' ? '' : ` (${m.teamRole})`}`).join(', ');

function showText(v: ProgrammeRunView): string {
  const r = v.run;
  const lines = [
    `Run ${r.id}: ${r.region}, ${r.weeks} weeks from ${r.start}${r.publishedVersion ? `, published as version ${r.publishedVersion}` : ''}`,
    `Status ${r.status}; objective ${num(r.objective)}; gap ${pct(r.gap)}; ${r.seconds.toFixed(1)} s; by ${r.createdByLabel}${r.parentRunId ? `; from run ${r.parentRunId}` : ''}`,
  ];
  if (v.ownPlacementsOnly) lines.push('Your own placements only.');
  for (const p of v.placements)
    lines.push(
      `week ${String(p.week).padStart(2)} ${p.start}  ${p.laName.padEnd(28)} ${p.explanation.typeLabel.padEnd(20)} ${team(p.team)}`,
    );
  for (const b of v.run.summary.hardBreaches) lines.push(`hard: ${b.rule}: ${b.detail}`);
  return lines.join('\n');
}

/** `--leave EMAIL:FROM:TO` and `--risk CODE:LEVEL`, repeatable. */
const collect = (v: string, prev: string[] = []) => [...prev, v];

export function registerPlanRunCommands(plan: Command): void {
  common(
    plan.command('runs').description('Saved plan runs, newest first').option('--region <region>'),
  ).action(
    action(async (o: Common & { region?: string }) =>
      run(o, async (ctx) => {
        const runs = await listProgrammeRuns(ctx, o.region ? { region: o.region } : {});
        output(o.json, runs, () =>
          runs.length === 0
            ? 'No saved runs.'
            : runs
                .map(
                  (r) =>
                    `${r.id}  ${r.createdAt.toISOString().slice(0, 16)}  ${r.region}  from ${r.start}  ${r.status}  objective ${num(r.objective)}  gap ${pct(r.gap)}  ${r.placementCount} placements${r.pins ? `  ${r.pins} pins` : ''}${r.whatIfs ? `  ${r.whatIfs} what-ifs` : ''}${r.publishedVersion ? `  published v${r.publishedVersion}` : ''}`,
                )
                .join('\n'),
        );
      }),
    ),
  );

  common(
    plan.command('show <run>').description('A saved run: every placement and its team'),
  ).action(
    action(async (runId: string, o: Common) =>
      run(o, async (ctx) => {
        const v = await getProgrammeRun(ctx, { runId });
        output(o.json, v, () => showText(v));
      }),
    ),
  );

  common(
    plan
      .command('explain <run>')
      .description('Why each placement is where it is; soft rules broken; conflicts')
      .option('--la <la>', 'one local authority (id or name)'),
  ).action(
    action(async (runId: string, o: Common & { la?: string }) =>
      run(o, async (ctx) => {
        const e = await explainProgrammeRun(ctx, { runId, ...(o.la ? { la: o.la } : {}) });
        output(o.json, e, () => {
          const lines = [`Run ${e.runId}: ${e.region}, ${e.status}`];
          for (const p of e.placements) {
            lines.push(`${p.laName}, ${p.typeLabel}: week ${p.week} (${p.start} to ${p.end})`);
            lines.push(`  team: ${team(p.team)}`);
            for (const b of p.binding) lines.push(`  binds: ${b}`);
            for (const s of p.softCosts)
              lines.push(`  soft: ${s.rule} ${s.amount} (cost ${s.cost.toFixed(1)}): ${s.why}`);
          }
          for (const b of e.softBreaches)
            lines.push(`soft rule broken: ${b.rule} (${b.amount}): ${b.detail}`);
          for (const k of e.skipped) lines.push(`left out: ${k.laId} ${k.activityType} (${k.why})`);
          for (const b of e.hardBreaches) lines.push(`hard-rule breach: ${b.rule}: ${b.detail}`);
          for (const c of e.conflicts)
            lines.push(
              `conflict: ${c.rule} (${c.amount.toFixed(1)}): ${c.where.slice(0, 5).join('; ')}`,
            );
          return lines.join('\n');
        });
      }),
    ),
  );

  common(
    plan
      .command('pin <run>')
      .description('Pin an LA’s activity to a week and/or inspectors, and solve again (a new run)')
      .requiredOption('--la <la>', 'the local authority (id or name)')
      .option('--type <activityType>', 'which of its activities (when it has several)')
      .option('--week <date>', 'a date in the week it must start in')
      .option('--lead <email>', 'the inspector who must lead it')
      .option('--inspector <email>', 'an inspector who must be on its team (repeatable)', collect)
      .option('--time-limit <seconds>', 'stop with the best plan after this long'),
  ).action(
    action(
      async (
        runId: string,
        o: Common & {
          la: string;
          type?: string;
          week?: string;
          lead?: string;
          inspector?: string[];
          timeLimit?: string;
        },
      ) =>
        run(o, async (ctx) => {
          const r = await pinProgrammeRun(
            ctx,
            {
              runId,
              la: o.la,
              ...(o.type ? { activityType: o.type } : {}),
              ...(o.week ? { week: o.week } : {}),
              ...(o.lead ? { lead: o.lead } : {}),
              inspectors: o.inspector ?? [],
              ...(o.timeLimit ? { timeLimitSeconds: Number(o.timeLimit) } : {}),
            },
            progress,
          );
          output(o.json, savedOutput(r), () => solvedText(r));
        }),
    ),
  );

  common(
    plan
      .command('what-if <run>')
      .description('Solve a run again with an inspector on leave or an LA’s risk changed')
      .option(
        '--leave <email:from:to>',
        'an inspector away between two dates (repeatable)',
        collect,
      )
      .option('--risk <la:level>', 'an LA’s risk level: low, medium or high (repeatable)', collect)
      .option('--time-limit <seconds>', 'stop with the best plan after this long'),
  ).action(
    action(
      async (
        runId: string,
        o: Common & { leave?: string[]; risk?: string[]; timeLimit?: string },
      ) =>
        run(o, async (ctx) => {
          const leave = (o.leave ?? []).map((v) => {
            const m = /^(.+):(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})$/.exec(v);
            if (!m)
              throw new AppError('VALIDATION_FAILED', {
                details: [
                  { field: 'leave', value: v, reason: 'Use EMAIL:FROM:TO (dates YYYY-MM-DD)' },
                ],
              });
            return { inspector: m[1]!, from: m[2]!, to: m[3]! };
          });
          const risk = (o.risk ?? []).map((v) => {
            const at = v.lastIndexOf(':');
            return { la: v.slice(0, at), level: v.slice(at + 1) as 'high' };
          });
          const r = await whatIfProgrammeRun(
            ctx,
            {
              runId,
              leave,
              risk,
              ...(o.timeLimit ? { timeLimitSeconds: Number(o.timeLimit) } : {}),
            },
            progress,
          );
          output(o.json, savedOutput(r), () => solvedText(r));
        }),
    ),
  );

  common(plan.command('compare <runA> <runB>').description('Two runs side by side')).action(
    action(async (a: string, b: string, o: Common) =>
      run(o, async (ctx) => {
        const cmp = await compareProgrammeRuns(ctx, { a, b });
        output(o.json, cmp, () => {
          const n = cmp.counts;
          const lines = [
            `A ${cmp.a.id} (${cmp.a.status}) against B ${cmp.b.id} (${cmp.b.status})`,
            `Objective ${num(cmp.objective.a)} -> ${num(cmp.objective.b)} (${num(cmp.objective.difference)})`,
            `${cmp.same} the same; ${n.moved} moved, ${n.added} added, ${n.removed} removed, ${n.team} with a team change`,
          ];
          for (const d of cmp.differences) {
            const at = (s: typeof d.before) => (s ? `week ${s.week} (${s.start})` : '-');
            lines.push(
              `${d.change.padEnd(8)} ${d.laName}, ${d.activityType}${d.ordinal > 1 ? ` ${d.ordinal}` : ''}: ${at(d.before)} -> ${at(d.after)}${d.joined.length ? `; joined ${d.joined.join(', ')}` : ''}${d.left.length ? `; left ${d.left.join(', ')}` : ''}`,
            );
          }
          for (const c of cmp.costs)
            if (c.difference !== 0)
              lines.push(
                `cost ${c.rule}: ${c.a.toFixed(1)} -> ${c.b.toFixed(1)} (${c.difference > 0 ? '+' : ''}${c.difference.toFixed(1)})`,
              );
          return lines.join('\n');
        });
      }),
    ),
  );

  common(
    plan
      .command('publish <run>')
      .description('Publish a run as the next version of its region’s programme'),
  ).action(
    action(async (runId: string, o: Common) =>
      run(o, async (ctx) => {
        const p = await publishProgrammeRun(ctx, { runId });
        output(o.json, p, () =>
          [
            `Published run ${p.runId} as version ${p.version} of ${p.region}'s programme.`,
            `${p.created} planned activities created, ${p.moved} moved, ${p.teamsChanged} with a new team, ${p.cancelled} cancelled, ${p.started} already under way left as they are.`,
            ...(p.withoutAccount.length > 0
              ? [`Not put on teams (no inspector account): ${p.withoutAccount.join(', ')}`]
              : []),
          ].join('\n'),
        );
      }),
    ),
  );
}

// `triangulate plan solve`: a 12-month programme (saved as a run; plan-runs.ts: the rest) for a region or England, solved by HiGHS in a
// worker thread, with progress on stderr and every placement (LA, type, week, team) on stdout.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ofstedRegions } from '../../domain/access/roles.js';
import { syntheticRoster } from '../../synthetic/roster.js';
import { resolveProgrammeRun } from '../../usecases/programme/resolve-programme-run.js';
import { runProgrammeSolve } from '../../usecases/programme/run-programme-solve.js';
import type { SavedSolve } from '../../usecases/programme/saved-runs.js';
import {
  mondayOnOrAfter,
  resolveRegion,
  type SolvedProgramme,
  type ProgrammeProgress,
} from '../../usecases/programme/solve-programme.js';
import { registerPlanRunCommands } from './plan-runs.js';

import { action, actingAs, AppError, output, withDatabase } from '../runtime.js';

export function progressLine(p: ProgrammeProgress): string {
  const t = `${p.seconds.toFixed(1)} s`;
  const pct = (g: number | null) => (g === null ? 'unknown' : `${(100 * g).toFixed(2)}%`);
  switch (p.kind) {
    case 'model-built':
      return `[${t}] model built: ${p.demands} activities, ${p.columns} variables, ${p.rows} constraints`;
    case 'presolve':
      return `[${t}] presolve: ${p.message}`;
    case 'incumbent':
      return `[${t}] plan found: objective ${p.objective.toFixed(2)}, gap ${pct(p.gap)}`;
    case 'bound':
      return `[${t}] bound ${p.bound.toFixed(2)}, gap ${pct(p.gap)}`;
    case 'diagnosing':
      return `[${t}] no plan exists: relaxing the hard rules to find which conflict`;
  }
}

/** What a saved solve prints: the run's id, then the plan (the roster as solved left out). */
export function savedOutput(r: SavedSolve) {
  const { roster: _roster, ...solved } = r.solved;
  return { runId: r.runId, ...solved };
}

export function solvedText(r: SavedSolve): string {
  return `Saved as run ${r.runId}\n${text(r.solved)}`;
}

function text(r: SolvedProgramme): string {
  const s = r.solution;
  const lines = [
    `${r.region}: ${r.las} LAs, ${r.inspectors} inspectors, ${s.plan?.weeks ?? 52} weeks from ${r.start}`,
    `Status: ${s.status} (${s.solverStatus}); objective ${s.objective?.toFixed(2) ?? '-'}; proven gap ${s.gap === null ? '-' : `${(100 * s.gap).toFixed(2)}%`}; ${s.seconds.toFixed(1)} s`,
  ];
  if (s.work)
    lines.push(
      `Solved by: ${s.method?.kind ?? 'full'}${s.method?.note ? ` (${s.method.note})` : ''}; HiGHS ${s.work.runs} runs, ${s.work.simplexIterations} simplex iterations, ${s.work.nodes} nodes`,
    );
  for (const p of s.plan?.placements ?? [])
    lines.push(
      `week ${String(p.week).padStart(2)} ${p.start}  ${p.laName.padEnd(28)} ${p.typeLabel.padEnd(20)} ${p.team.map((m) => `${m.inspectorId}${m.lead ? ' (lead)' : ''}`).join(', ')}`,
    );
  for (const k of s.plan?.skipped ?? [])
    lines.push(`left out: ${k.laId} ${k.activityType} (${k.why})`);
  lines.push(`Hard-rule breaches: ${s.hardBreaches.length === 0 ? 'none' : ''}`);
  for (const b of s.hardBreaches) lines.push(`  ${b.rule}: ${b.detail}`);
  for (const b of s.plan?.softBreaches ?? [])
    lines.push(`soft: ${b.rule} (${b.amount}): ${b.detail}`);
  for (const c of s.conflicts ?? [])
    lines.push(`conflict: ${c.rule} (${c.amount.toFixed(1)}): ${c.where.slice(0, 5).join('; ')}`);
  return lines.join('\n');
}

export function registerPlanCommands(program: Command): void {
  const plan = program.command('plan').description('The programme of inspection activity');
  plan
    .command('solve')
    .description('Solve a 12-month programme for a region or England (HiGHS, in a worker thread)')
    .option(
      '--region <region>',
      `england, or an Ofsted region's name or slug: ${ofstedRegions.join('; ')}`,
    )
    .option(
      '--from <date>',
      'the first day (YYYY-MM-DD); the programme starts on the Monday on or after it',
    )
    .option('--weeks <n>', 'weeks in the programme (4 to 52)', '52')
    .option('--time-limit <seconds>', 'stop with the best plan after this long', '30')
    .option('--gap <fraction>', 'stop once the proven gap is this small (0.01: 1%)', '0')
    .option(
      '--inspectors <file>',
      'the roster as JSON: an array of inspectors (see README); default: the inspectors’ profiles',
    )
    .option('--synthetic-roster <n>', 'instead, n synthetic inspectors (demos)')
    .option('--from-run <run>', 'solve a saved run again (its options, pins and what-ifs)')
    .option('--as <email>', 'act as this account')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          region?: string;
          from?: string;
          weeks: string;
          timeLimit: string;
          gap: string;
          inspectors?: string;
          syntheticRoster?: string;
          fromRun?: string;
          as?: string;
          json?: boolean;
        }) => {
          const progress = (p: ProgrammeProgress) => process.stderr.write(`${progressLine(p)}\n`);
          if (opts.fromRun) {
            const runId = opts.fromRun;
            await withDatabase(async (base) => {
              const ctx = await actingAs(base, opts.as);
              const r = await resolveProgrammeRun(
                ctx,
                { runId, timeLimitSeconds: Number(opts.timeLimit) },
                progress,
              );
              output(opts.json, savedOutput(r), () => solvedText(r));
              if (r.solved.solution.hardBreaches.length > 0) process.exitCode = 1;
            });
            return;
          }
          if (!opts.region || !opts.from)
            throw new AppError('VALIDATION_FAILED', {
              details: [{ field: 'region', reason: 'Give --region and --from, or --from-run RUN' }],
            });
          const region = opts.region;
          const fromDate = opts.from;
          let inspectors: unknown;
          if (opts.inspectors)
            inspectors = JSON.parse(await readFile(opts.inspectors, 'utf8')) as unknown;
          else if (opts.syntheticRoster) {
            const r = resolveRegion(region);
            inspectors = syntheticRoster({
              n: Number(opts.syntheticRoster),
              regions: r ? [r] : ofstedRegions,
              start: mondayOnOrAfter(fromDate),
            });
          }
          // Neither: the inspectors' profiles (their accounts: a published plan staffs its teams).
          await withDatabase(async (base) => {
            const ctx = await actingAs(base, opts.as);
            const r = await runProgrammeSolve(
              ctx,
              {
                region,
                from: fromDate,
                weeks: Number(opts.weeks),
                timeLimitSeconds: Number(opts.timeLimit),
                relativeGap: Number(opts.gap),
                ...(inspectors ? { inspectors: inspectors as never } : {}),
              },
              progress,
            );
            output(opts.json, savedOutput(r), () => solvedText(r));
            if (r.solved.solution.hardBreaches.length > 0) process.exitCode = 1;
          });
        },
      ),
    );
  registerPlanRunCommands(plan);
}

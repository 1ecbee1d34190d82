// `triangulate plan solve`: a 12-month programme for a region or England, solved by HiGHS in a
// worker thread, with progress on stderr and every placement (LA, type, week, team) on stdout.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ofstedRegions } from '../../domain/access/roles.js';
import { syntheticRoster } from '../../synthetic/roster.js';
import {
  mondayOnOrAfter,
  resolveRegion,
  solveProgramme,
  type SolvedProgramme,
  type ProgrammeProgress,
} from '../../usecases/programme/solve-programme.js';

import { action, output, withDatabase } from '../runtime.js';

function progressLine(p: ProgrammeProgress): string {
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

function text(r: SolvedProgramme): string {
  const s = r.solution;
  const lines = [
    `${r.region}: ${r.las} LAs, ${r.inspectors} inspectors, 52 weeks from ${r.start}`,
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
    .requiredOption(
      '--region <region>',
      `england, or an Ofsted region's name or slug: ${ofstedRegions.join('; ')}`,
    )
    .requiredOption(
      '--from <date>',
      'the first day (YYYY-MM-DD); the programme starts on the Monday on or after it',
    )
    .option('--time-limit <seconds>', 'stop with the best plan after this long', '30')
    .option(
      '--inspectors <file>',
      'the roster as JSON: an array of inspectors (see README); default: the inspectors’ profiles',
    )
    .option('--synthetic-roster <n>', 'instead, n synthetic inspectors (demos)')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          region: string;
          from: string;
          timeLimit: string;
          inspectors?: string;
          syntheticRoster?: string;
          json?: boolean;
        }) => {
          let inspectors: unknown;
          if (opts.inspectors)
            inspectors = JSON.parse(await readFile(opts.inspectors, 'utf8')) as unknown;
          else if (opts.syntheticRoster) {
            const region = resolveRegion(opts.region);
            inspectors = syntheticRoster({
              n: Number(opts.syntheticRoster),
              regions: region ? [region] : ofstedRegions,
              start: mondayOnOrAfter(opts.from),
            });
          }
          // Neither: the roster is the inspectors' profiles in the database.
          await withDatabase(async (ctx) => {
            const r = await solveProgramme(
              ctx,
              {
                region: opts.region,
                from: opts.from,
                timeLimitSeconds: Number(opts.timeLimit),
                inspectors: inspectors as never,
              },
              (p) => process.stderr.write(`${progressLine(p)}\n`),
            );
            output(opts.json, r, () => text(r));
            if (r.solution.hardBreaches.length > 0) process.exitCode = 1;
          });
        },
      ),
    );
}

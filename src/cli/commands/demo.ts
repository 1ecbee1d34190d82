import type { Command } from 'commander';
import { loadActivityTypeCatalog } from '../../domain/frameworks/catalog.js';
import { seedDemo, type DemoSeedResult } from '../../demo/seed-demo.js';
import { action, output, withDatabase } from '../runtime.js';

export function printDemoCredentials(r: DemoSeedResult): void {
  const lines = [
    '',
    'Demo data created. Sign in with any of these accounts (the passwords are shown only now):',
    ...r.users.map(
      (u) =>
        `  ${(u.teamRole ?? u.role).padEnd(15)} ${u.email.padEnd(34)} ${u.password ?? '(unchanged)'}`,
    ),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function registerDemoCommands(program: Command): void {
  const demo = program.command('demo').description('Demonstration data');
  demo
    .command('seed')
    .description(
      'Create the demo (real LA register and history, a synthetic LA with an inspection under way, one account per role)',
    )
    .option('--json', 'print JSON (includes activityId and the one-time passwords)')
    .action(
      action(async (opts: { json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const r = await seedDemo(ctx.db, loadActivityTypeCatalog());
          if (opts.json) output(true, r, () => '');
          else if (r.created) printDemoCredentials(r);
          else
            output(
              false,
              r,
              () => `The demo already exists (activity ${r.activityId}); accounts are unchanged.`,
            );
        });
      }),
    );
}

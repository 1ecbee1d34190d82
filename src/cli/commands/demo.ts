import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadActivityTypeCatalog } from '../../domain/frameworks/catalog.js';
import { seedDemo, type DemoSeedResult } from '../../demo/seed-demo.js';
import { action, output, withDatabase } from '../runtime.js';

/**
 * Writes the demo's one-time passwords to a file only the user can read (0600) in the data folder,
 * so they survive the request log scrolling them away. Returns the file's path.
 */
export function writeDemoCredentials(dataDir: string, r: DemoSeedResult): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'demo-accounts.txt');
  const lines = r.users.map(
    (u) => `${(u.teamRole ?? u.role).padEnd(15)} ${u.email.padEnd(34)} ${u.password ?? ''}`,
  );
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

export function printDemoCredentials(r: DemoSeedResult, file?: string): void {
  const lines = [
    '',
    'Demo data created. Sign in with any of these accounts (the passwords are shown only now):',
    ...r.users.map(
      (u) =>
        `  ${(u.teamRole ?? u.role).padEnd(15)} ${u.email.padEnd(34)} ${u.password ?? '(unchanged)'}`,
    ),
    ...(file ? [`They are also in ${file} (readable only by you).`] : []),
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
          else if (r.created) printDemoCredentials(r, writeDemoCredentials(ctx.config.dataDir, r));
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

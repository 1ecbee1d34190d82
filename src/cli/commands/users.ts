import type { Command } from 'commander';
import { roles } from '../../domain/access/roles.js';
import { AppError } from '../../errors.js';
import { createUser } from '../../usecases/users/create-user.js';
import { listUsers } from '../../usecases/users/list-users.js';
import { action, output, withDatabase } from '../runtime.js';

async function readPassword(fromStdin: boolean | undefined): Promise<string> {
  const env = process.env.TRIANGULATE_PASSWORD;
  if (env) return env;
  if (fromStdin) {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  throw new AppError('VALIDATION_FAILED', {
    message:
      'Give the password with --password-stdin or the TRIANGULATE_PASSWORD environment variable (never on the command line).',
  });
}

export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('Accounts');
  users
    .command('create')
    .description('Create an account')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', `one of: ${roles.join(', ')}`)
    .option('--region <region>', 'Ofsted region (regional role)')
    .option('--la <laId>', 'local authority id (la_user role)')
    .option('--password-stdin', 'read the password from standard input')
    .option('--must-change-password', 'ask for a new password at first sign-in')
    .option('--json', 'print JSON')
    .action(
      action(
        async (opts: {
          email: string;
          name: string;
          role: string;
          region?: string;
          la?: string;
          passwordStdin?: boolean;
          mustChangePassword?: boolean;
          json?: boolean;
        }) => {
          const password = await readPassword(opts.passwordStdin);
          await withDatabase(async (ctx) => {
            const user = await createUser(ctx, {
              email: opts.email,
              displayName: opts.name,
              role: opts.role as (typeof roles)[number],
              region: (opts.region as never) ?? null,
              laId: opts.la ?? null,
              password,
              mustChangePassword: opts.mustChangePassword ?? false,
            });
            output(
              opts.json,
              user,
              () => `Created ${user.role} account ${user.email} (${user.id}).`,
            );
          });
        },
      ),
    );
  users
    .command('list')
    .description('List accounts')
    .option('--role <role>')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { role?: string; json?: boolean }) => {
        await withDatabase(async (ctx) => {
          const list = await listUsers(
            ctx,
            opts.role ? { role: opts.role as (typeof roles)[number] } : {},
          );
          output(
            opts.json,
            list,
            () =>
              list
                .map(
                  (u) =>
                    `${u.email}\t${u.role}\t${u.region ?? u.laId ?? ''}\t${u.disabled ? 'disabled' : ''}`,
                )
                .join('\n') || 'No accounts.',
          );
        });
      }),
    );
}

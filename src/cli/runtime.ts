// Shared plumbing for CLI commands: open the configured database (migrated), print results as
// text or JSON, and turn errors into a clear message and a non-zero exit code.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ZodError } from 'zod';
import { loadConfig, type AppConfig } from '../config.js';
import { openDatabase, type Database } from '../data/database.js';
import { migrateToLatest } from '../data/migrate.js';
import { systemActor, type Actor } from '../domain/access/actor.js';
import { AppError, formatDetail, isAppError } from '../errors.js';
import { actAsAccount } from '../usecases/auth/act-as-account.js';
import type { UseCaseContext } from '../usecases/context.js';

export interface CliContext {
  config: AppConfig;
  database: Database;
  db: UseCaseContext['db'];
  actor: Actor;
  attachments: UseCaseContext['attachments'];
}

/** Runs fn with a migrated database, closing it afterwards whatever happens. */
export async function withDatabase<T>(fn: (ctx: CliContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
    return await fn({
      config,
      database,
      db: database.db,
      actor: systemActor(),
      attachments: config.attachments,
    });
  } finally {
    await database.close();
  }
}

/** `--as EMAIL`: the same context, acting as that active account instead of the operator. */
export async function actingAs(ctx: CliContext, email: string | undefined): Promise<CliContext> {
  if (!email) return ctx;
  return { ...ctx, actor: await actAsAccount(ctx, { email }) };
}

/** Prints data as JSON when asked, otherwise the human text. */
export function output(json: boolean | undefined, data: unknown, text: () => string): void {
  if (json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else process.stdout.write(`${text()}\n`);
}

/**
 * Reports an error on stderr (as JSON with --json, so a script reading stdout never mistakes an
 * error for a result) and sets the exit code.
 */
export function reportError(err: unknown, json: boolean | undefined): void {
  const appErr = isAppError(err)
    ? err
    : err instanceof ZodError
      ? new AppError('VALIDATION_FAILED', {
          details: err.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
        })
      : null;
  const code = appErr?.code ?? 'INTERNAL';
  const message = appErr?.message ?? (err instanceof Error ? err.message : String(err));
  if (json) {
    process.stderr.write(
      `${JSON.stringify({ error: { code, message, details: appErr?.details ?? [] } }, null, 2)}\n`,
    );
  } else {
    process.stderr.write(`Error [${code}]: ${message}\n`);
    for (const d of appErr?.details ?? []) process.stderr.write(`  - ${formatDetail(d)}\n`);
    if (!appErr && err instanceof Error && process.env.TRIANGULATE_DEBUG)
      process.stderr.write(`${err.stack}\n`);
  }
  const invalidInput = new Set([
    'VALIDATION_FAILED',
    'IMPORT_INVALID',
    'ACTIVITY_RULE_BROKEN',
    'ACTIVITY_RULE_REASON_NEEDED',
  ]);
  process.exitCode = appErr && invalidInput.has(appErr.code) ? 2 : 1;
}

/** Wraps a commander action so errors become messages and exit codes, never stack traces. */
export function action<A extends unknown[]>(
  fn: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const opts = args.find(
      (a) => a !== null && typeof a === 'object' && 'json' in (a as object),
    ) as { json?: boolean } | undefined;
    try {
      await fn(...args);
    } catch (err) {
      reportError(err, opts?.json);
    }
  };
}

/** Reads a JSON file a command was given; a file that cannot be read or parsed is a clear error. */
export async function readJsonFile(file: string, field = 'file'): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field, reason: `Cannot read JSON from ${file}: ${(err as Error).message}` }],
    });
  }
}

type CommandOptions = Record<string, string | string[] | boolean | undefined>;

/**
 * A read-only subcommand as most areas have them: `--as EMAIL`, `--json`, optionally a required
 * `--activity ID`; the use case's value printed as JSON or as the text the command writes.
 */
export function readCommand<T>(
  parent: Command,
  spec: { name: string; description: string; activity?: boolean },
  read: (ctx: CliContext, opts: CommandOptions) => Promise<T>,
  text: (value: T) => string,
): void {
  const command = parent.command(spec.name).description(spec.description);
  if (spec.activity) command.requiredOption('--activity <id>', 'activity id');
  command
    .option('--as <email>', 'read as this person')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: CommandOptions) => {
        await withDatabase(async (cli) => {
          const ctx = await actingAs(cli, opts.as as string | undefined);
          const value = await read(ctx, opts);
          output(opts.json as boolean, value, () => text(value));
        });
      }),
    );
}

export { AppError };

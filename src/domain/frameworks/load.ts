// Reading framework files. parseFramework is pure (used by tests and anything holding JSON
// already); the load functions add the file reading, and every error names file, path, reason.
// Synchronous on purpose: a handful of small files read once at start-up.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError, isAppError, type ErrorDetail } from '../../errors.js';
import { createRegistry, type FrameworkRegistry } from './registry.js';
import { FrameworkSchema, type Framework } from './schema.js';
import { checkFramework, formatPath } from './validate.js';

type Issue = z.core.$ZodIssue;

/** Turns zod issues into details; for a union, reports the branch that got furthest. */
function issueDetails(
  issues: readonly Issue[],
  file: string,
  prefix: PropertyKey[] = [],
): ErrorDetail[] {
  return issues.flatMap((issue): ErrorDetail[] => {
    const at = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branches = issue.errors.filter(
        (b) => !b.every((x) => x.code === 'invalid_type' && x.path.length === 0),
      );
      const best = branches.sort((a, b) => a.length - b.length)[0];
      if (best) return issueDetails(best, file, at);
    }
    const keys = issue.code === 'unrecognized_keys' ? `: ${issue.keys.join(', ')}` : '';
    const reason =
      issue.code === 'unrecognized_keys'
        ? `Unknown field${issue.keys.length > 1 ? 's' : ''}${keys}`
        : issue.message;
    return [{ file, field: formatPath(at), reason }];
  });
}

/**
 * Checks raw JSON against the file format and the cross-reference rules. `file` names the
 * source in errors and, when it ends in .json, must match the framework id.
 */
export function parseFramework(raw: unknown, file: string): Framework {
  const parsed = FrameworkSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('FRAMEWORK_INVALID', { details: issueDetails(parsed.error.issues, file) });
  }
  const fw = parsed.data;
  const details: ErrorDetail[] = checkFramework(fw).map((p) => ({ file, ...p }));
  const base = path.basename(file);
  if (base.endsWith('.json') && base !== `${fw.id}.json`) {
    details.unshift({
      file,
      field: 'id',
      value: fw.id,
      reason: `The file must be named after its id (${fw.id}.json)`,
    });
  }
  if (details.length > 0) throw new AppError('FRAMEWORK_INVALID', { details });
  return fw;
}

/** Loads and checks one framework file. Throws FRAMEWORK_INVALID with every problem found. */
export function loadFrameworkFile(file: string): Framework {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError('FRAMEWORK_INVALID', {
      details: [
        {
          file,
          reason: `Cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
        },
      ],
      cause: err,
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AppError('FRAMEWORK_INVALID', {
      details: [{ file, reason: `Not valid JSON: ${(err as Error).message}` }],
      cause: err,
    });
  }
  return parseFramework(raw, file);
}

/**
 * Loads every *.json file in a folder into a registry. Problems in all files are gathered
 * into one FRAMEWORK_INVALID error, so a single run shows everything to fix.
 */
export function loadFrameworks(dir: string): FrameworkRegistry {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch (err) {
    throw new AppError('FRAMEWORK_INVALID', {
      details: [
        {
          file: dir,
          reason: `Cannot read the frameworks folder (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
        },
      ],
      cause: err,
    });
  }
  const frameworks: Framework[] = [];
  const files: string[] = [];
  const details: ErrorDetail[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      frameworks.push(loadFrameworkFile(file));
      files.push(file);
    } catch (err) {
      if (!isAppError(err)) throw err;
      details.push(...err.details);
    }
  }
  try {
    const registry = createRegistry(frameworks, files);
    if (details.length === 0) return registry;
  } catch (err) {
    if (!isAppError(err)) throw err;
    details.push(...err.details);
  }
  throw new AppError('FRAMEWORK_INVALID', { details });
}

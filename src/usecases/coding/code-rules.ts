// Checks shared by the codebook use cases: names, colours, parents, and turning a duplicate
// sibling name into a clear error.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { findCode, type Code } from '../../data/repositories/codes.js';
import type { DB } from '../../data/schema.js';
import { AppError, sqlState } from '../../errors.js';

export const codeName = z.string().trim().min(1, 'Enter a name').max(200);
export const codeColour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1d70b8')
  .transform((c) => c.toLowerCase());

/** The code with this id in this activity, or NOT_FOUND. Merged codes count as missing. */
export async function liveCode(
  db: Kysely<DB>,
  activityId: string,
  id: string,
  field = 'codeId',
): Promise<Code> {
  const code = await findCode(db, id);
  if (!code || code.activityId !== activityId || code.mergedIntoId !== null)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field, value: id, reason: 'No such code in this activity’s codebook' }],
    });
  return code;
}

/** Runs a write, turning a duplicate sibling name into ALREADY_EXISTS. */
export async function uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (sqlState(err) === '23505')
      throw new AppError('ALREADY_EXISTS', {
        message: `There is already a code called “${name}” in that place of the codebook.`,
        details: [{ field: 'name', value: name, reason: 'A sibling code has this name' }],
        cause: err,
      });
    throw err;
  }
}

export function staleCode(code: Code, expected: number): AppError {
  return new AppError('CONFLICT', {
    message: `The code “${code.name}” was changed by someone else (now version ${code.version}; you started from version ${expected}). Reload and try again.`,
    details: [
      {
        field: 'expectedVersion',
        value: String(expected),
        reason: `Current version is ${code.version}`,
      },
    ],
  });
}

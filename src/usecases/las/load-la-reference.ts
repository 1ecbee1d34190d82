// Loads the local authority register (reference/local-authorities.json, or a given file or
// object) into local_authorities and la_successions. Idempotent: a second load with the same
// file changes nothing and, having changed nothing, writes no audit event, so it is safe to run
// at every deployment.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAudit } from '../../data/audit-log.js';
import {
  listLocalAuthorities,
  upsertLaSuccessions,
  upsertLocalAuthorities,
} from '../../data/repositories/local-authorities.js';
import { lockLaRegister } from '../../data/repositories/locks.js';
import { policies } from '../../domain/access/policies.js';
import { LaReferenceFileSchema } from '../../domain/las/la.js';
import { AppError } from '../../errors.js';
import { referenceDir } from '../../paths.js';
import type { UseCaseContext } from '../context.js';

export interface LoadLaReferenceInput {
  /** A file to read; default: the project's reference/local-authorities.json. */
  file?: string;
  /** The parsed content, instead of a file (tests, API uploads). */
  reference?: unknown;
}

export interface LoadLaReferenceResult {
  source: string;
  authorities: { inserted: number; updated: number; unchanged: number };
  successions: { inserted: number; updated: number; unchanged: number };
  /** Stored authorities the file does not list (kept: history and users may refer to them). */
  notInReference: string[];
}

export const bundledLaReferenceFile = (): string =>
  path.join(referenceDir(), 'local-authorities.json');

export async function loadLaReference(
  ctx: UseCaseContext,
  input: LoadLaReferenceInput = {},
): Promise<LoadLaReferenceResult> {
  // The register is national reference data: the same people who import history maintain it.
  if (!policies.importHistory(ctx.actor)) throw new AppError('FORBIDDEN');
  const { content, source, bytes } = await readInput(input);
  const parsed = LaReferenceFileSchema.safeParse(content);
  if (!parsed.success) {
    throw new AppError('IMPORT_INVALID', {
      message: `${source} is not a valid local authority register.`,
      details: parsed.error.issues.slice(0, 50).map((i) => ({
        file: source,
        field: i.path.join('.'),
        reason: i.message,
      })),
    });
  }
  const reference = parsed.data;
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  return ctx.db.transaction().execute(async (trx) => {
    await lockLaRegister(trx);
    const las = await upsertLocalAuthorities(trx, reference.localAuthorities);
    const successions = await upsertLaSuccessions(trx, reference.successions);
    const listed = new Set(reference.localAuthorities.map((l) => l.id));
    const notInReference = (await listLocalAuthorities(trx))
      .map((l) => l.id)
      .filter((id) => !listed.has(id));
    const result: LoadLaReferenceResult = {
      source,
      authorities: {
        inserted: las.inserted.length,
        updated: las.updated.length,
        unchanged: las.unchanged,
      },
      successions: {
        inserted: successions.inserted.length,
        updated: successions.updated.length,
        unchanged: successions.unchanged,
      },
      notInReference,
    };
    const changed =
      las.inserted.length +
      las.updated.length +
      successions.inserted.length +
      successions.updated.length;
    if (changed > 0) {
      await writeAudit(trx, ctx.actor, {
        action: 'la.reference_loaded',
        entityType: 'la_register',
        entityId: path.basename(source),
        after: {
          source,
          sha256,
          inserted: las.inserted,
          updated: las.updated,
          successionsInserted: successions.inserted,
          successionsUpdated: successions.updated,
          unchanged: las.unchanged,
        },
      });
    }
    return result;
  });
}

async function readInput(
  input: LoadLaReferenceInput,
): Promise<{ content: unknown; source: string; bytes: string }> {
  if (input.reference !== undefined) {
    return { content: input.reference, source: 'input', bytes: JSON.stringify(input.reference) };
  }
  const file = input.file ?? bundledLaReferenceFile();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new AppError('IMPORT_INVALID', {
      message: `Cannot read ${file}: ${(err as Error).message}`,
      cause: err,
    });
  }
  try {
    return { content: JSON.parse(text) as unknown, source: file, bytes: text };
  } catch (err) {
    throw new AppError('IMPORT_INVALID', {
      message: `${file} is not valid JSON: ${(err as Error).message}`,
      cause: err,
    });
  }
}

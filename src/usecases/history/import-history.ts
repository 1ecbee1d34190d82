// Imports one inspection-history CSV (Ofsted's management information, the scraped report
// history, or SIF grades extracted from reports) in one transaction. By default any row that cannot be used fails the whole import and
// nothing changes; with skipInvalid the usable rows go in and the others are listed. Rows about
// an event already stored merge into it (see domain/history/merge.ts); every disagreement is
// returned as a conflict. One audit event records the file, its SHA-256 and the counts. Every
// event of the file becomes (or updates) an intelligence entry of its LA, idempotently.
import { countOf } from '../../domain/wording/plural.js';
import { refreshStatistics } from '../../data/repositories/statistics.js';
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import {
  findHistoryBySourceKeys,
  insertHistoryEvents,
  updateHistoryEvent,
} from '../../data/repositories/inspection-history.js';
import {
  listLaSuccessions,
  listLocalAuthorities,
} from '../../data/repositories/local-authorities.js';
import { lockHistoryImports } from '../../data/repositories/locks.js';
import { policies } from '../../domain/access/policies.js';
import type { HistoryFormatId } from '../../domain/history/formats.js';
import {
  combineEvents,
  mergeEvent,
  sameEvent,
  type HistoryConflict,
} from '../../domain/history/merge.js';
import type { HistoryEvent, ParsedHistoryEvent } from '../../domain/history/types.js';
import type { Transaction } from 'kysely';
import type { DB } from '../../data/schema.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import { parseHistoryInWorker } from '../../workers/parse-files.js';
import { sha256Hex } from '../../domain/files/digest.js';
import type { UseCaseContext } from '../context.js';
import { syncOutcomeEntries } from '../shared/outcome-intelligence.js';

export const ImportHistoryInput = z.object({
  /** The file's name, for messages and the audit log. */
  fileName: z.string().trim().min(1).max(500),
  content: z.union([
    z.string(),
    z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'Expected the file content'),
  ]),
  /** Import the usable rows and list the others, instead of failing on the first file problem. */
  skipInvalid: z.boolean().default(false),
});
export type ImportHistoryInput = z.input<typeof ImportHistoryInput>;

export interface ImportHistoryResult {
  file: string;
  sha256: string;
  format: HistoryFormatId;
  formatLabel: string;
  /** Data rows in the file. */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows that could not be used (only when skipInvalid; otherwise the import fails). */
  rejected: ErrorDetail[];
  /** Values that disagreed with what was already known, and which one was kept. */
  conflicts: HistoryConflict[];
}

export async function importHistory(
  ctx: UseCaseContext,
  raw: ImportHistoryInput,
): Promise<ImportHistoryResult> {
  if (!policies.importHistory(ctx.actor)) throw new AppError('FORBIDDEN');
  const checked = ImportHistoryInput.safeParse(raw);
  if (!checked.success) {
    throw new AppError('VALIDATION_FAILED', {
      details: checked.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })),
    });
  }
  const input = checked.data;
  const bytes =
    typeof input.content === 'string' ? new TextEncoder().encode(input.content) : input.content;
  const sha256 = await sha256Hex(bytes);
  const text = decode(bytes, input.fileName);

  const [las, successions] = await Promise.all([
    listLocalAuthorities(ctx.db),
    listLaSuccessions(ctx.db),
  ]);
  if (las.length === 0) {
    throw new AppError('IMPORT_INVALID', {
      message: 'The local authority register is empty: load it first (triangulate la load).',
    });
  }
  // Parsed in a worker thread with a heap and time limit (workers/parse-files.ts).
  const parsed = await parseHistoryInWorker(text, input.fileName, { las, successions });
  if (!parsed.ok) throw new AppError('IMPORT_INVALID', { details: [parsed.problem] });
  if (parsed.problems.length > 0 && !input.skipInvalid) {
    throw new AppError('IMPORT_INVALID', {
      message: `${countOf(parsed.problems.length, 'row problem')} in ${input.fileName}; nothing was imported. Fix the file, or use --skip-invalid to import the other rows.`,
      details: parsed.problems,
    });
  }
  const { events, conflicts } = combineEvents(parsed.events);

  const outcome = await ctx.db.transaction().execute(async (trx) => {
    await lockHistoryImports(trx);
    const { fresh, updated, unchanged } = await storeEvents(trx, events, conflicts);
    // Every event of the file is an entry of its LA's intelligence log (issue 13).
    const stored = await findHistoryBySourceKeys(
      trx,
      events.map((e) => e.sourceKey),
    );
    const outcomeEntries = await syncOutcomeEntries(trx, [...stored.values()]);
    const result: ImportHistoryResult = {
      file: input.fileName,
      sha256,
      format: parsed.format.id,
      formatLabel: parsed.format.label,
      rows: parsed.rows,
      inserted: fresh.length,
      updated,
      unchanged,
      rejected: parsed.problems,
      conflicts,
    };
    await writeAudit(trx, ctx.actor, {
      action: 'history.imported',
      entityType: 'inspection_history',
      entityId: input.fileName,
      after: {
        file: input.fileName,
        sha256,
        format: parsed.format.id,
        rows: parsed.rows,
        inserted: fresh.length,
        updated,
        unchanged,
        skipInvalid: input.skipInvalid,
        outcomeEntries,
        rejected: parsed.problems.length,
        rejectedRows: [...new Set(parsed.problems.map((p) => p.row))],
        conflicts: conflicts.map((c) => ({
          sourceKey: c.sourceKey,
          field: c.field,
          existing: c.existing,
          incoming: c.incoming,
          kept: c.kept,
        })),
      },
    });
    return result;
  });
  // Committed: planner statistics for the events just written (issue 19).
  await refreshStatistics(ctx.db, ['inspection_history', 'intelligence_entries', 'audit_events']);
  return outcome;
}

/** New events are inserted; known ones merged, and written again only when they changed. */
async function storeEvents(
  trx: Transaction<DB>,
  events: ParsedHistoryEvent[],
  conflicts: HistoryConflict[],
): Promise<{ fresh: HistoryEvent[]; updated: number; unchanged: number }> {
  const stored = await findHistoryBySourceKeys(
    trx,
    events.map((e) => e.sourceKey),
  );
  const fresh: HistoryEvent[] = [];
  let updated = 0;
  let unchanged = 0;
  for (const incoming of events) {
    const existing = stored.get(incoming.sourceKey);
    if (!existing) {
      fresh.push(withoutOrigin(incoming));
      continue;
    }
    const { merged, conflicts: found } = mergeEvent(existing, incoming);
    conflicts.push(...found);
    if (sameEvent(existing, merged)) {
      unchanged += 1;
    } else {
      await updateHistoryEvent(trx, merged);
      updated += 1;
    }
  }
  await insertHistoryEvents(trx, fresh);
  return { fresh, updated, unchanged };
}

function withoutOrigin(e: HistoryEvent & { file?: string; row?: number }): HistoryEvent {
  const { file: _file, row: _row, ...event } = e;
  return event;
}

function decode(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    throw new AppError('IMPORT_INVALID', {
      details: [
        { file: fileName, reason: 'The file is not UTF-8 text; save it as CSV (UTF-8) and retry' },
      ],
      cause: err,
    });
  }
}

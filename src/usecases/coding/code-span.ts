import { z } from 'zod';
import { now } from '../../clock.js';
import { writeAudit } from '../../data/audit-log.js';
import type { Transaction } from 'kysely';
import {
  findRecordToCode,
  type Activity,
  type RecordToCode,
} from '../../data/repositories/activities.js';
import { insertCodingOfCode, type Coding } from '../../data/repositories/codings.js';
import { findEvidence, findEvidenceVersion } from '../../data/repositories/evidence.js';
import type { DB } from '../../data/schema.js';
import type { Actor } from '../../domain/access/actor.js';
import { cpSlice, spanProblem } from '../../domain/evidence/offsets.js';
import { reanchor } from '../../domain/evidence/reanchor.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { ActivityInPath } from '../shared/found-in-activity.js';
import { actorRef } from '../shared/actor-ref.js';
import { checkScope } from '../shared/evidence-scope.js';
import { whenText } from '../../domain/calendar/format.js';

export const CodeSpanInput = z.object({
  /** The activity in the URL: the item must belong to it. */
  activityId: ActivityInPath,
  evidenceId: z.string(),
  /** One or more codes to apply to the same span (each becomes its own coding). */
  codeIds: z.array(z.uuid()).min(1, 'Choose a code').max(50),
  /** Unicode code points, 0-based, inclusive (not UTF-16 units: "👩‍👧" counts 3). */
  start: z.number().int().min(0),
  /** Unicode code points, 0-based, exclusive. */
  end: z.number().int().min(1),
  /** The evidence version the offsets refer to; older versions are re-anchored if possible. */
  evidenceVersion: z.number().int().min(1),
  /** The selected words, when the client has them: checked against the offsets. */
  spanText: z.string().optional(),
});
export type CodeSpanInput = z.input<typeof CodeSpanInput>;

export interface CodeSpanOutcome {
  codings: Coding[];
  /** Codes this coder had already applied to exactly this span (left as they were). */
  alreadyCoded: string[];
}

/** Codes a span of an evidence text with one or more codes, as the acting coder, now. */
export async function codeSpan(ctx: UseCaseContext, raw: CodeSpanInput): Promise<CodeSpanOutcome> {
  const input = CodeSpanInput.parse(raw);
  const codeIds = [...new Set(input.codeIds)];
  const created = await ctx.db.transaction().execute(async (trx) => {
    // One read: the record under its share lock, its activity and the coder's role on the team.
    // The access check comes before anything is done with the record.
    const found = await findRecordToCode(trx, input.evidenceId, ctx.actor);
    if (!found || (input.activityId !== undefined && found.activity.id !== input.activityId))
      throw new AppError('NOT_FOUND');
    checkScope(ctx, found.activity, found.teamRole, 'write');
    return codeRecord(trx, ctx.actor, found.activity, found.record, input, codeIds);
  });
  return outcome(created, codeIds);
}

/**
 * The coding itself, for use cases of this area that have already found the record and checked
 * that the actor may write the activity's evidence.
 */
export async function codeSpanOf(
  ctx: UseCaseContext,
  activity: Activity,
  evidenceId: string,
  input: z.output<typeof CodeSpanInput>,
): Promise<CodeSpanOutcome> {
  const codeIds = [...new Set(input.codeIds)];
  const created = await ctx.db.transaction().execute(async (trx) => {
    // Read under a share lock: edits of this record wait until the coding is in (and then
    // re-anchor it).
    const record = await findEvidence(trx, evidenceId, { forShare: true });
    if (!record) throw new AppError('NOT_FOUND');
    return codeRecord(trx, ctx.actor, activity, record, input, codeIds);
  });
  return outcome(created, codeIds);
}

/** The record (read under its share lock) coded: the span placed, the codings inserted. */
async function codeRecord(
  trx: Transaction<DB>,
  actor: Actor,
  activity: Activity,
  record: RecordToCode,
  input: z.output<typeof CodeSpanInput>,
  codeIds: string[],
): Promise<Coding[]> {
  if (record.deleted)
    throw new AppError('CONFLICT', {
      message: `${record.reference} was deleted by ${record.deleted.by.label} at ${whenText(record.deleted.at)}.`,
    });
  const { start, end } = await placeSpan(trx, record, input);
  return insertCodings(trx, actor, activity, record, { codeIds, start, end });
}

function outcome(created: Coding[], codeIds: string[]): CodeSpanOutcome {
  if (created.length === 0)
    throw new AppError('ALREADY_EXISTS', {
      message: 'You have already coded exactly this span with that code.',
    });
  const done = new Set(created.map((c) => c.codeId));
  return { codings: created, alreadyCoded: codeIds.filter((id) => !done.has(id)) };
}

/** Where the span sits in the current text: checked, and re-anchored if it was an older version. */
async function placeSpan(
  trx: Transaction<DB>,
  record: RecordToCode,
  input: z.output<typeof CodeSpanInput>,
): Promise<{ start: number; end: number }> {
  const { start, end } = input;
  if (input.evidenceVersion === record.version) {
    const problem = spanProblem(record.text, start, end);
    if (problem)
      throw new AppError('VALIDATION_FAILED', { details: [{ field: 'end', reason: problem }] });
    checkSpanText(record.text, start, end, input.spanText);
    return { start, end };
  }
  const seen = await findEvidenceVersion(trx, record.id, input.evidenceVersion);
  if (!seen || input.evidenceVersion > record.version)
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'evidenceVersion',
          value: String(input.evidenceVersion),
          reason: `${record.reference} has no such version`,
        },
      ],
    });
  const problem = spanProblem(seen.text, start, end);
  if (problem)
    throw new AppError('VALIDATION_FAILED', { details: [{ field: 'end', reason: problem }] });
  checkSpanText(seen.text, start, end, input.spanText);
  const [placed] = reanchor(seen.text, record.text, [
    { start, end, spanText: cpSlice(seen.text, start, end) },
  ]);
  if (!placed || placed.status === 'lost')
    throw new AppError('CONFLICT', {
      message: `${record.reference} was changed by ${record.updatedBy.label} at ${whenText(record.updatedAt)} and the words you selected are no longer there. Reload it and select again.`,
    });
  return { start: placed.start, end: placed.end };
}

/** One coding per code (skipping those the coder already has there), each audited. */
async function insertCodings(
  trx: Transaction<DB>,
  actor: Actor,
  activity: Activity,
  record: RecordToCode,
  span: { codeIds: string[]; start: number; end: number },
): Promise<Coding[]> {
  const { start, end } = span;
  const by = actorRef(actor);
  const spanText = cpSlice(record.text, start, end);
  const made: Coding[] = [];
  for (const codeId of span.codeIds) {
    // The code is read and the coding inserted in one statement (when the code can take it).
    const { code, row } = await insertCodingOfCode(trx, {
      createdAt: now(),
      activityId: activity.id,
      evidenceId: record.id,
      evidenceVersion: record.version,
      codeId,
      start,
      end,
      spanText,
      coder: by,
    });
    if (!code || code.activityId !== activity.id || code.mergedIntoId !== null)
      throw new AppError('VALIDATION_FAILED', {
        details: [
          { field: 'codeId', value: codeId, reason: 'No such code in this activity’s codebook' },
        ],
      });
    if (!code.isCodable)
      throw new AppError('VALIDATION_FAILED', {
        details: [
          {
            field: 'codeIds',
            value: codeId,
            reason: `“${code.name}” is a folder: choose a code inside it`,
          },
        ],
      });
    if (!row) continue;
    // Shaped from what the transaction already holds: no read-back after the commit.
    made.push({
      ...row,
      activityId: activity.id,
      evidenceId: record.id,
      evidenceReference: record.reference,
      evidenceVersion: record.version,
      codeId: code.id,
      codeName: code.name,
      start,
      end,
      spanText,
      coder: by,
    });
    await writeAudit(trx, actor, {
      action: 'coding.created',
      entityType: 'coding',
      entityId: row.id,
      activityId: activity.id,
      laId: activity.laId,
      after: {
        evidence: record.reference,
        evidenceId: record.id,
        version: record.version,
        code: code.name,
        codeId: code.id,
        start,
        end,
        spanText,
      },
    });
  }
  return made;
}

function checkSpanText(
  text: string,
  start: number,
  end: number,
  expected: string | undefined,
): void {
  if (expected === undefined) return;
  const actual = cpSlice(text, start, end);
  if (actual.normalize('NFC') !== expected.normalize('NFC'))
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'spanText',
          value: expected.slice(0, 80),
          reason: `The offsets ${start}-${end} select “${actual.slice(0, 80)}”, not the text sent. Offsets count Unicode code points, not UTF-16 units.`,
        },
      ],
    });
}

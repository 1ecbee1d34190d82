// The lead records the agreed coding of a double-coded record: the spans chosen from the coders'
// candidates are written into the evidence base's codings, coded by the person who decided (so
// the evidence base says who), and the record is marked reconciled with who decided and when.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { insertCoding } from '../../data/repositories/codings.js';
import { listDoubleCodings, markRecordReconciled } from '../../data/repositories/double-coding.js';
import { findEvidence } from '../../data/repositories/evidence.js';
import { actorLabel, actorUserId } from '../../domain/access/actor.js';
import {
  candidateKey,
  candidateSpans,
  parseCandidateKey,
  type CandidateSpan,
} from '../../domain/calibration/reconcile.js';
import { cpSlice } from '../../domain/evidence/offsets.js';
import { now } from '../../clock.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { assignmentScope } from './double-coding-scope.js';

export const ReconcileDoubleCodingInput = z.object({
  activityId: z.string(),
  assignmentId: z.string(),
  evidenceId: z.string(),
  /** The agreed spans, as candidate keys (code:start:end) from the reconciliation view. */
  agreed: z.array(z.string()).max(5000),
});

export async function reconcileDoubleCoding(
  ctx: UseCaseContext,
  raw: z.input<typeof ReconcileDoubleCodingInput>,
): Promise<{ written: number }> {
  const input = ReconcileDoubleCodingInput.parse(raw);
  const s = await assignmentScope(ctx, input.activityId, input.assignmentId);
  if (!s.lead) throw new AppError('FORBIDDEN', { message: 'The lead inspector reconciles.' });
  const entry = s.assignment.records.find((r) => r.evidenceId === input.evidenceId);
  if (!entry) throw new AppError('NOT_FOUND');
  if (!s.allFinished)
    throw new AppError('CONFLICT', { message: 'Every coder must finish before reconciling.' });
  if (entry.reconciledAt)
    throw new AppError('CONFLICT', { message: 'This record has already been reconciled.' });
  const record = await findEvidence(ctx.db, input.evidenceId);
  if (!record) throw new AppError('NOT_FOUND');
  const codings = await listDoubleCodings(ctx.db, s.assignment.id, { evidenceId: record.id });
  const candidates = new Map(
    candidateSpans(
      codings,
      s.assignment.coders.map((c) => c.userId),
    ).map((c) => [candidateKey(c), c]),
  );
  const chosen: CandidateSpan[] = [];
  for (const key of new Set(input.agreed)) {
    const parsed = parseCandidateKey(key);
    const c = parsed ? candidates.get(candidateKey(parsed)) : undefined;
    if (!c)
      throw new AppError('VALIDATION_FAILED', {
        message: 'Choose the agreed spans from the coders’ codings',
        details: [{ field: 'agreed', value: key, reason: 'not one of the coders’ spans' }],
      });
    chosen.push(c);
  }
  const decider = {
    id: actorUserId(ctx.actor),
    label: ctx.actor.kind === 'user' ? ctx.actor.displayName : actorLabel(ctx.actor),
  };
  return ctx.db.transaction().execute(async (trx) => {
    let written = 0;
    for (const c of chosen) {
      const row = await insertCoding(trx, {
        createdAt: now(),
        activityId: s.activity.id,
        evidenceId: record.id,
        evidenceVersion: record.version,
        codeId: c.codeId,
        start: c.start,
        end: c.end,
        spanText: cpSlice(record.text, c.start, c.end),
        coder: decider,
      });
      if (row) written++;
    }
    await markRecordReconciled(trx, s.assignment.id, record.id, decider);
    await writeAudit(trx, ctx.actor, {
      action: 'double_coding.reconciled',
      entityType: 'double_coding_assignment',
      entityId: s.assignment.id,
      activityId: s.activity.id,
      laId: s.activity.laId,
      after: {
        record: record.reference,
        agreed: chosen.length,
        candidates: candidates.size,
        written,
        decidedBy: decider.label,
      },
    });
    return { written };
  });
}

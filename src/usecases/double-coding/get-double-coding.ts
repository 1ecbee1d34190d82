// A double-coding assignment as the viewer may see it. Blind: until every coder has finished, a
// coder sees only their own codings and the lead only who has finished; afterwards everyone who
// may see the assignment sees every coder's codings side by side, span by span (the
// reconciliation view), and which records have been reconciled, by whom.
import { z } from 'zod';
import { listCodeChoices } from '../../data/repositories/codes.js';
import { listDoubleCodings } from '../../data/repositories/double-coding.js';
import { findEvidence } from '../../data/repositories/evidence.js';
import { actorUserId } from '../../domain/access/actor.js';
import { candidateKey, candidateSpans } from '../../domain/calibration/reconcile.js';
import { cpSlice } from '../../domain/evidence/offsets.js';
import type { UseCaseContext } from '../context.js';
import { assignmentScope } from './double-coding-scope.js';

export const GetDoubleCodingInput = z.object({ activityId: z.string(), assignmentId: z.string() });

export interface DoubleCodingView {
  id: string;
  activityId: string;
  activity: { id: string; title: string; laName: string };
  title: string;
  createdBy: string;
  blind: boolean;
  viewer: { lead: boolean; coder: boolean; finished: boolean };
  coders: { label: string; finished: boolean }[];
  codes: { id: string; name: string }[];
  records: {
    evidenceId: string;
    reference: string;
    text: string;
    reconciledBy: string | null;
    reconciledAt: Date | null;
    /** The viewer's own codings (coders), always. */
    mine: { id: string; code: string; start: number; end: number; text: string }[];
    /** Every distinct span with who coded it: only once no longer blind. */
    candidates:
      | {
          key: string;
          code: string;
          start: number;
          end: number;
          text: string;
          coders: string[];
          unanimous: boolean;
        }[]
      | null;
  }[];
}

export async function getDoubleCoding(
  ctx: UseCaseContext,
  raw: z.input<typeof GetDoubleCodingInput>,
): Promise<DoubleCodingView> {
  const input = GetDoubleCodingInput.parse(raw);
  const s = await assignmentScope(ctx, input.activityId, input.assignmentId);
  const me = actorUserId(ctx.actor);
  const codes = (await listCodeChoices(ctx.db, s.activity.id)).filter((c) => c.isCodable);
  const codeName = (id: string) => codes.find((c) => c.id === id)?.name ?? 'a removed code';
  const coderName = (id: string) => s.assignment.coders.find((c) => c.userId === id)?.label ?? id;
  const all = s.allFinished ? await listDoubleCodings(ctx.db, s.assignment.id) : [];
  const own =
    s.isCoder && me ? await listDoubleCodings(ctx.db, s.assignment.id, { coderId: me }) : [];
  const records = [];
  for (const r of s.assignment.records) {
    const e = await findEvidence(ctx.db, r.evidenceId);
    const text = e?.text ?? '';
    records.push({
      evidenceId: r.evidenceId,
      reference: e?.reference ?? '',
      text,
      reconciledBy: r.reconciledBy,
      reconciledAt: r.reconciledAt,
      mine: own
        .filter((c) => c.evidenceId === r.evidenceId)
        .map((c) => ({
          id: c.id,
          code: codeName(c.codeId),
          start: c.start,
          end: c.end,
          text: c.spanText,
        })),
      candidates: s.allFinished
        ? candidateSpans(
            all.filter((c) => c.evidenceId === r.evidenceId),
            s.assignment.coders.map((c) => c.userId),
          ).map((c) => ({
            key: candidateKey(c),
            code: codeName(c.codeId),
            start: c.start,
            end: c.end,
            text: cpSlice(text, c.start, c.end),
            coders: c.coderIds.map(coderName),
            unanimous: c.unanimous,
          }))
        : null,
    });
  }
  return {
    id: s.assignment.id,
    activityId: s.activity.id,
    activity: { id: s.activity.id, title: s.activity.title, laName: s.activity.laName },
    title: s.assignment.title,
    createdBy: s.assignment.createdBy,
    blind: !s.allFinished,
    viewer: {
      lead: s.lead,
      coder: s.isCoder,
      finished: s.assignment.coders.some((c) => c.userId === me && c.finishedAt !== null),
    },
    coders: s.assignment.coders.map((c) => ({ label: c.label, finished: c.finishedAt !== null })),
    codes: codes.map((c) => ({ id: c.id, name: c.name })),
    records,
  };
}

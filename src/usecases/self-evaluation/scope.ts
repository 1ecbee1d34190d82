// The area's shared first step: find the LA (by id, or any code or name the register knows) and
// decide what the actor may do with its self-evaluations and engagement meetings
// (domain/access/policies.ts). Reads the actor may not make answer NOT_FOUND.
import { z } from 'zod';
import { type LocalAuthority } from '../../data/repositories/local-authorities.js';
import { findMeeting } from '../../data/repositories/engagement-meetings.js';
import { policies, type LaFacts } from '../../domain/access/policies.js';
import { frameworkRegistry } from '../../domain/frameworks/installed.js';
import {
  SELF_EVALUATION_TYPE,
  selfEvaluationQuestions,
} from '../../domain/self-evaluation/self-evaluation.js';
import { AppError, type ErrorDetail } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { laWithAccessFacts } from '../shared/find-la.js';

export interface LaScope {
  la: LocalAuthority;
  facts: LaFacts;
  /** Submitted self-evaluations and their files. */
  viewSubmissions: boolean;
  /** The LA's own side: the draft, submitting. */
  writeSelfEvaluation: boolean;
  acknowledge: boolean;
  /** Engagement meetings in full (notes, agenda, actions). */
  viewMeetings: boolean;
  writeMeetings: boolean;
  /** Only the notes released to the LA. */
  releasedOnly: boolean;
}

/** The LA and what the actor may do; NOT_FOUND when they may see none of it. */
export async function laScope(ctx: UseCaseContext, laId: string): Promise<LaScope> {
  const { la, facts, onTeam } = await laWithAccessFacts(ctx, laId);
  const a = ctx.actor;
  const viewMeetings = policies.viewEngagementMeetings(a, facts, onTeam);
  const scope: LaScope = {
    la,
    facts,
    viewSubmissions: policies.viewSelfEvaluations(a, facts, onTeam),
    writeSelfEvaluation: policies.writeSelfEvaluation(a, facts),
    acknowledge: policies.acknowledgeSelfEvaluation(a, facts),
    viewMeetings,
    writeMeetings: policies.writeEngagementMeeting(a, facts),
    releasedOnly: !viewMeetings && policies.viewReleasedMeetingNotes(a, facts),
  };
  if (!scope.viewSubmissions && !scope.viewMeetings && !scope.releasedOnly)
    throw new AppError('NOT_FOUND');
  return scope;
}

/**
 * An existing meeting the actor may change, checked in this order: the LA (NOT_FOUND), the
 * meeting itself (NOT_FOUND whatever the body says), then the right to write (FORBIDDEN), then
 * the body (VALIDATION_FAILED).
 */
export async function meetingToChange<S extends z.ZodType<{ year: number }>>(
  ctx: UseCaseContext,
  raw: { laId?: unknown; year?: unknown },
  schema: S,
): Promise<{ scope: LaScope; input: z.output<S> }> {
  const scope = await laScope(ctx, String(raw.laId ?? ''));
  if (!scope.viewMeetings) throw new AppError('NOT_FOUND');
  const year = Number(raw.year);
  if (!Number.isInteger(year) || !(await findMeeting(ctx.db, scope.la.id, year)))
    throw new AppError('NOT_FOUND');
  if (!scope.writeMeetings) throw new AppError('FORBIDDEN');
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  return { scope, input: parsed.data };
}

/** The framework in force on a day that has a self-evaluation, and its questions. */
export function questionsInForce(day: string): { frameworkId: string; questions: string[] } {
  const fw = frameworkRegistry().forDate(day, SELF_EVALUATION_TYPE);
  if (!fw)
    throw new AppError('INTERNAL', {
      message: `No framework asks for a self-evaluation on ${day}`,
    });
  return { frameworkId: fw.id, questions: selfEvaluationQuestions(fw) };
}

/** zod issues as error details. */
export function validationError(issues: readonly z.core.$ZodIssue[]): AppError {
  const details: ErrorDetail[] = issues.map((i) => ({
    field: i.path.map(String).join('.'),
    reason: i.message,
  }));
  return new AppError('VALIDATION_FAILED', { details });
}

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD');

// A study's records for coding: the pseudonymised evidence records of its selected inspections,
// a page at a time (keyset: after the last inspection and record number shown), each with the
// study's codings on it, the thematic codebook to code with and the counts per thematic code
// across the study. Logged like every read of the research store.
import { z } from 'zod';
import { writeAudit } from '../../data/audit-log.js';
import { listThematicCodes, type ThematicCode } from '../../data/repositories/research-studies.js';
import {
  listStudyCodings,
  studyCodingCounts,
  studyRecordsPage,
} from '../../data/repositories/research-study-codings.js';
import { policies } from '../../domain/access/policies.js';
import { decodeCursor, encodeCursor } from '../../domain/research/study-coding.js';
import type { UseCaseContext } from '../context.js';
import {
  codingView,
  recordView,
  studyRecordsScope,
  type StudyCodingView,
  type StudyRecordView,
} from './study-records.js';

export const ListStudyRecordsInput = z.object({
  studyId: z.string(),
  after: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type ListStudyRecordsInput = z.input<typeof ListStudyRecordsInput>;

export interface StudyRecordsPage {
  study: { id: string; title: string; question: string };
  inspections: number;
  records: Array<StudyRecordView & { codings: StudyCodingView[] }>;
  /** The cursor of the next page; null on the last. */
  next: string | null;
  themes: ThematicCode[];
  counts: Array<{ key: string; name: string; codings: number; records: number }>;
  can: { code: boolean };
}

export async function listStudyRecords(
  ctx: UseCaseContext,
  raw: ListStudyRecordsInput,
): Promise<StudyRecordsPage> {
  const input = ListStudyRecordsInput.parse(raw);
  const s = await studyRecordsScope(ctx, input.studyId);
  const rows = await studyRecordsPage(
    ctx.db,
    s.activityIds,
    decodeCursor(input.after),
    input.limit + 1,
  );
  const shown = rows.slice(0, input.limit);
  const codings = await listStudyCodings(
    ctx.db,
    s.study.id,
    shown.map((r) => r.id),
  );
  const last = shown[shown.length - 1];
  const records = shown.map((r) => ({
    ...recordView(s, r),
    codings: codings.filter((c) => c.evidenceId === r.id).map((c) => codingView(ctx, s, c)),
  }));
  await ctx.db.transaction().execute((trx) =>
    writeAudit(trx, ctx.actor, {
      action: 'research.queried',
      entityType: 'research_study',
      entityId: s.study.id,
      after: { what: 'study-records', after: input.after ?? null, records: records.length },
    }),
  );
  return {
    study: { id: s.study.id, title: s.study.title, question: s.study.question },
    inspections: s.activityIds.length,
    records,
    next: rows.length > input.limit && last ? encodeCursor(last) : null,
    themes: await listThematicCodes(ctx.db),
    counts: await studyCodingCounts(ctx.db, s.study.id),
    can: { code: policies.codeResearchStudy(ctx.actor, s.study) },
  };
}

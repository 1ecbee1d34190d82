// A study's codings: every passage coded in it (by its study record reference and inspection
// pseudonym, never the record's real id) and the counts per thematic code across the study.
import { z } from 'zod';
import {
  listStudyCodings as listCodings,
  studyCodingCounts,
} from '../../data/repositories/research-study-codings.js';
import type { UseCaseContext } from '../context.js';
import { codingView, studyRecordsScope, type StudyCodingView } from './study-records.js';

export const ListStudyCodingsInput = z.object({ studyId: z.string() });

export interface StudyCodings {
  codings: StudyCodingView[];
  counts: Array<{ key: string; name: string; codings: number; records: number }>;
}

export async function listStudyCodings(
  ctx: UseCaseContext,
  raw: z.input<typeof ListStudyCodingsInput>,
): Promise<StudyCodings> {
  const input = ListStudyCodingsInput.parse(raw);
  const s = await studyRecordsScope(ctx, input.studyId);
  const codings = await listCodings(ctx.db, s.study.id);
  return {
    codings: codings.map((c) => codingView(ctx, s, c)),
    counts: await studyCodingCounts(ctx.db, s.study.id),
  };
}

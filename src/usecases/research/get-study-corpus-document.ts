// One published report inside a thematic review, to code: its text cut into segments at the
// study's codings (each highlighted in its thematic code's colour), the codings in text order,
// the thematic codebook and whether the actor may code. `coding` marks one coding as chosen (a
// coding query's passage opens the report there).
import { z } from 'zod';
import type { CorpusDocument } from '../../data/repositories/corpus.js';
import { listThematicCodes, type ThematicCode } from '../../data/repositories/research-studies.js';
import { policies } from '../../domain/access/policies.js';
import { segmentText, type Segment } from '../../domain/workbench/segments.js';
import type { UseCaseContext } from '../context.js';
import {
  corpusCodingViews,
  studyCorpusDocument,
  studyForCorpus,
  themeColours,
  type CorpusCodingView,
} from './study-corpus.js';

export const GetStudyCorpusDocumentInput = z.object({
  studyId: z.string(),
  documentId: z.string().max(80),
  coding: z.string().max(80).optional(),
});
export type GetStudyCorpusDocumentInput = z.input<typeof GetStudyCorpusDocumentInput>;

export interface StudyCorpusDocument {
  study: { id: string; title: string };
  document: Omit<CorpusDocument, 'findings' | 'body'> & { findings: number };
  segments: Array<Segment & { colourClass: string | null; chosen: boolean }>;
  codings: Array<CorpusCodingView & { chosen: boolean }>;
  themes: ThematicCode[];
  can: { code: boolean };
}

export async function getStudyCorpusDocument(
  ctx: UseCaseContext,
  raw: GetStudyCorpusDocumentInput,
): Promise<StudyCorpusDocument> {
  const input = GetStudyCorpusDocumentInput.parse(raw);
  const study = await studyForCorpus(ctx, input.studyId);
  const doc = await studyCorpusDocument(ctx, study, input.documentId);
  const themes = await listThematicCodes(ctx.db);
  const colours = themeColours(themes);
  const codings = await corpusCodingViews(ctx, study.id, doc.id, colours);
  const byId = new Map(codings.map((c) => [c.id, c]));
  const { body, findings, ...rest } = doc;
  return {
    study: { id: study.id, title: study.title },
    document: { ...rest, findings: findings.length },
    segments: segmentText(body, codings).map((s) => {
      // The innermost coding (last) is the one whose colour shows.
      const inner = s.codingIds.length ? byId.get(s.codingIds[s.codingIds.length - 1]!) : null;
      return {
        ...s,
        colourClass: inner?.colourClass ?? null,
        chosen: input.coding !== undefined && s.codingIds.includes(input.coding),
      };
    }),
    codings: codings.map((c) => ({ ...c, chosen: c.id === input.coding })),
    themes,
    can: { code: policies.codeResearchStudy(ctx.actor, study) },
  };
}

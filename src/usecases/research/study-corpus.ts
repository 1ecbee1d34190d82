// The steps the study-corpus use cases share: the study (authorized, as every study read), the
// corpus filters of its selection narrowed by a page's, and one published report of the study's
// corpus with the study's codings on it. Published reports are public documents: they are shown
// as published (with their LA), whatever the study's LA identity, which governs the
// pseudonymised inspection evidence. Not a use case: the use cases in this folder call it.
import { findCorpusDocument, type CorpusDocument } from '../../data/repositories/corpus.js';
import type { Study } from '../../data/repositories/research-studies.js';
import { listCorpusCodings, type CorpusCoding } from '../../data/repositories/corpus-codings.js';
import { actorUserId } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import { inStudyCorpus } from '../../domain/corpus/coding-query.js';
import { PALETTE } from '../../domain/workbench/segments.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { studyFor } from './study-scope.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The study, when the actor may read it and the corpus (NOT_FOUND otherwise). */
export async function studyForCorpus(ctx: UseCaseContext, studyId: string): Promise<Study> {
  const study = await studyFor(ctx, studyId);
  if (!policies.viewCorpus(ctx.actor)) throw new AppError('NOT_FOUND');
  return study;
}

/** A current document of the study's corpus, or NOT_FOUND. */
export async function studyCorpusDocument(
  ctx: UseCaseContext,
  study: Study,
  documentId: string,
): Promise<CorpusDocument> {
  const doc = UUID.test(documentId) ? await findCorpusDocument(ctx.db, documentId) : null;
  if (!doc || !inStudyCorpus(study.selection, doc)) throw new AppError('NOT_FOUND');
  return doc;
}

export interface CorpusCodingView extends CorpusCoding {
  mine: boolean;
  colourClass: string;
}

/** The palette class of each thematic code, by its place in the codebook. */
export function themeColours(themes: ReadonlyArray<{ key: string }>): Map<string, string> {
  return new Map(themes.map((t, i) => [t.key, `app-wb-c-${PALETTE[i % PALETTE.length]}`]));
}

export async function corpusCodingViews(
  ctx: UseCaseContext,
  studyId: string,
  documentId: string,
  colours: Map<string, string>,
): Promise<CorpusCodingView[]> {
  const me = actorUserId(ctx.actor);
  return (await listCorpusCodings(ctx.db, studyId, documentId)).map((c) => ({
    ...c,
    mine: c.coderId !== null && c.coderId === me,
    colourClass: colours.get(c.themeKey) ?? 'app-wb-c-505a5f',
  }));
}

// One published report of the corpus: its LA, date, framework and grade, its text and the
// language checks' findings in it. Everyone signed in may read it (public documents).
import { findCorpusDocument, type CorpusDocument } from '../../data/repositories/corpus.js';
import { policies } from '../../domain/access/policies.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getCorpusDocument(ctx: UseCaseContext, id: string): Promise<CorpusDocument> {
  if (!policies.viewCorpus(ctx.actor) || !UUID.test(id)) throw new AppError('NOT_FOUND');
  const doc = await findCorpusDocument(ctx.db, id);
  if (!doc) throw new AppError('NOT_FOUND');
  return doc;
}

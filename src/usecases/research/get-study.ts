// One study's workspace: its question, selection, memos, the rows it may query (framework
// criteria and themes) and the context dimensions its matrices may use.
import {
  listStudyMemos,
  listThematicCodes,
  type Study,
  type StudyMemo,
} from '../../data/repositories/research-studies.js';
import { publishedContexts, publishedCriteria } from '../../data/repositories/research.js';
import { policies } from '../../domain/access/policies.js';
import { availableDimensions } from '../../domain/research/dimensions.js';
import { describeSelection } from '../../domain/research/selection.js';
import type { UseCaseContext } from '../context.js';
import { withNationalContext } from './national-context.js';
import { studyFor } from './study-scope.js';

export interface StudyWorkspace {
  study: Study;
  selection: string;
  memos: StudyMemo[];
  rowOptions: Array<{ key: string; label: string; group: 'criterion' | 'theme' }>;
  dimensions: Array<{ key: string; label: string }>;
  can: { setLaIdentity: boolean };
}

export async function getStudy(ctx: UseCaseContext, id: string): Promise<StudyWorkspace> {
  const study = await studyFor(ctx, id);
  const shown = study.laIdentity === 'shown';
  const contexts = await withNationalContext(ctx.db, await publishedContexts(ctx.db));
  const themes = await listThematicCodes(ctx.db);
  const criteria = await publishedCriteria(ctx.db);
  return {
    study,
    selection: describeSelection(study.selection),
    memos: await listStudyMemos(ctx.db, study.id),
    rowOptions: [
      ...themes.map((t) => ({
        key: `theme:${t.key}`,
        label: `Theme: ${t.name}`,
        group: 'theme' as const,
      })),
      ...criteria.map((c) => ({
        key: `criterion:${c.key}`,
        label: c.name,
        group: 'criterion' as const,
      })),
    ],
    dimensions: availableDimensions(contexts)
      .filter((d) => !d.identifying || shown)
      .map((d) => ({ key: d.key, label: d.label })),
    can: { setLaIdentity: policies.setStudyLaIdentity(ctx.actor) },
  };
}

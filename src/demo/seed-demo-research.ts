// The research demo (issue 20): a national thematic codebook with a "Reflective supervision" theme
// gathering the framework's supervision criteria and any emergent code about supervision in the
// published inspections (a second codebook version), and a thematic review on supervision across
// the published inspections with its question and a first memo. Called with the published demo
// activities once they exist; the study belongs to `researcher` when given (else national staff
// see it). All through the use cases, as the CLI would.
import { systemActor, type UserActor } from '../domain/access/actor.js';
import type { UseCaseContext } from '../usecases/context.js';
import { addStudyMemo } from '../usecases/research/add-study-memo.js';
import { addThematicCode } from '../usecases/research/add-thematic-code.js';
import { createStudy } from '../usecases/research/create-study.js';
import { getThematicCodebook } from '../usecases/research/get-thematic-codebook.js';
import { mapToTheme } from '../usecases/research/map-to-theme.js';

export const DEMO_SUPERVISION_CRITERIA = [
  'leaders.supervision_and_practice_model',
  'help_and_protection.management_oversight',
];

export interface DemoResearch {
  studyId: string;
  codebookVersion: number;
}

export async function seedDemoResearch(
  db: UseCaseContext['db'],
  publishedActivityIds: string[],
  researcher?: UserActor,
): Promise<DemoResearch> {
  const national: UseCaseContext = { db, actor: systemActor('demo-seed') };
  await addThematicCode(national, {
    key: 'reflective_supervision',
    name: 'Reflective supervision',
    description:
      'How well the authority provides reflective supervision that changes the direction of work (Munro, "Data management").',
  });
  await mapToTheme(national, {
    changes: DEMO_SUPERVISION_CRITERIA.map((key) => ({
      sourceKind: 'criterion' as const,
      sourceKey: key,
      thematicKey: 'reflective_supervision',
    })),
    note: 'The framework criteria on supervision and management oversight',
  });
  const book = await getThematicCodebook(national);
  const emergent = book.emergentNames.filter((e) => /supervis|oversight/i.test(e.name));
  const codebookVersion = emergent.length
    ? await mapToTheme(national, {
        changes: emergent.map((e) => ({
          sourceKind: 'emergent' as const,
          sourceKey: e.name,
          thematicKey: 'reflective_supervision',
        })),
        note: 'Emergent codes about supervision in the published inspections',
      })
    : (book.version ?? 1);
  const owner: UseCaseContext = { db, actor: researcher ?? national.actor };
  const study = await createStudy(owner, {
    title: 'Reflective supervision across inspections',
    question: `How well do authorities provide reflective supervision? Across the ${publishedActivityIds.length} published inspections, by region and grade.`,
  });
  await addStudyMemo(owner, {
    studyId: study.id,
    body: 'Start with the matrix of the supervision theme by region, then open the cells with the most records.',
  });
  return { studyId: study.id, codebookVersion };
}

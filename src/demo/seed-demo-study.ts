// A reliability study over the three published demo inspections (issue 15): two reviewer pairs
// on each evidence base; both pairs have reviewed A and B, the second pair C, so the first pair
// still has C on their work list. Grades chosen to echo Tables 5 and 6 (mostly agreement, some
// one grade lower). Everything is synthetic.
import type { UserActor } from '../domain/access/actor.js';
import type { ActivityTypeCatalog } from '../domain/activities/activity-type.js';
import type { UseCaseContext } from '../usecases/context.js';
import { assignReviewerPair } from '../usecases/studies/assign-reviewer-pair.js';
import { createStudy } from '../usecases/studies/create-study.js';
import { getStudy } from '../usecases/studies/get-study.js';
import { recordReview } from '../usecases/studies/record-review.js';
import { DEMO_REVIEWERS } from './demo-published.js';

const R = 'requires_improvement';
const G = 'good';
const O = 'outstanding';
/** Per evidence base, per pair: overall, leaders, help and protection, in care, care leavers. */
const REVIEWS: (string[] | null)[][] = [
  [
    [R, R, R, R, R],
    [R, R, R, 'inadequate', R],
  ],
  [
    [G, G, G, G, G],
    [R, R, G, G, G],
  ],
  [null, [G, G, G, O, G]],
];
const KEYS = [
  'overall_effectiveness',
  'impact_of_leaders',
  'help_and_protection',
  'children_in_care',
  'care_leavers',
];
const IMPROVEMENTS = [
  ['Timeliness of strategy discussions', 'Pathway plans for care leavers kept up to date'],
  ['Life-story work for children in care', 'Supervision records in the assessment teams'],
  ['Return home interviews for children who go missing'],
];

export async function seedDemoStudy(
  db: UseCaseContext['db'],
  catalog: ActivityTypeCatalog,
  national: UserActor,
  reviewer: (key: string) => UserActor,
  activityIds: string[],
): Promise<string> {
  const ctx: UseCaseContext = { db, actor: national, catalog };
  const study = await createStudy(ctx, {
    title: 'Demo reliability study 2025',
    activityIds,
    dateOffsetDays: -173,
  });
  const setup = await getStudy(ctx, study.id);
  const pairs = [
    [DEMO_REVIEWERS[0], DEMO_REVIEWERS[1]],
    [DEMO_REVIEWERS[2], DEMO_REVIEWERS[3]],
  ] as const;
  for (const [bi, base] of setup.bases.entries())
    for (const [pi, pair] of pairs.entries()) {
      const { pairId } = await assignReviewerPair(ctx, {
        studyId: study.id,
        evidenceBaseId: base.id,
        reviewers: pair.map((r) => r.email),
      });
      const grades = REVIEWS[bi]?.[pi];
      if (!grades) continue;
      await recordReview(
        { db, actor: reviewer(pair[0].key), catalog },
        {
          studyId: study.id,
          pairId,
          grades: Object.fromEntries(
            KEYS.map((k, i) => [
              k,
              { grade: grades[i]!, reasons: 'The evidence base supports this grade.' },
            ]),
          ),
          improvements: IMPROVEMENTS[bi] ?? [],
          sameLines: pi === 0 ? 'yes' : 'partly',
          linesComment: '',
        },
      );
    }
  return study.id;
}

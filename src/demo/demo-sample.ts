// The demo's Annex A and case sample: a small seeded synthetic Annex A (about 3,000 rows, in the
// messy forms real files come in) imported into the demo inspection, a few children recorded as
// audited by the LA, a drawn sample (seed 2026, the default spec) and one case chosen by a social
// worker on site and looked at remotely, so the sample page and its statement have something to
// show. Cheap: about a second on the embedded database.
import { annexAToXlsx, generateAnnexA } from '../domain/annex-a/generator.js';
import { importAnnexA } from '../usecases/annex-a/import-annex-a.js';
import type { UseCaseContext } from '../usecases/context.js';
import { addSampleCase } from '../usecases/sampling/add-sample-case.js';
import { drawSample } from '../usecases/sampling/draw-sample.js';
import { recordLaAudits } from '../usecases/sampling/record-la-audits.js';
import { loadPopulation } from '../usecases/sampling/sample-scope.js';

export const DEMO_SAMPLE_SEED = 2026;

export async function seedDemoSample(
  ctx: UseCaseContext,
  activityId: string,
  referenceDate: string,
): Promise<void> {
  const g = generateAnnexA({ rows: 3000, seed: 2026, mess: 0.3, referenceDate, errorRate: 0 });
  await importAnnexA(ctx, {
    activityId,
    fileName: 'northfield-annex-a.xlsx',
    bytes: annexAToXlsx(g),
    acceptFlagged: true,
  });
  const population = await loadPopulation(ctx.db, activityId);
  if (!population) return;
  const pick = (cohort: string, n: number, skip = 0) =>
    population.cases
      .filter((c) => c.cohort === cohort)
      .slice(skip, skip + n)
      .map((c) => c.childRef);
  await recordLaAudits(ctx, {
    activityId,
    childIds: [...pick('child_in_need', 3), ...pick('child_in_care', 2)],
  });
  await drawSample(ctx, { activityId, seed: DEMO_SAMPLE_SEED });
  const [extra] = pick('child_protection', 1, 10);
  if (extra)
    await addSampleCase(ctx, {
      activityId,
      childId: extra,
      cohort: 'child_protection',
      route: 'social_worker',
      remote: true,
      allowSameChild: true,
    }).catch(() => undefined); // already drawn at random: nothing to add
}

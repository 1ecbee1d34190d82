// The demo's calibration with vignettes (issue 15): a bank of ten vignettes, an exercise over all
// ten with eight inspectors (seven have submitted, so the spread and the national view show
// figures; Tom Achebe still has it to rate on his home page), and an earlier, smaller exercise
// dated four months back so the national view has more than one quarter. Each inspector counts
// under a region; London has one inspector, so its figures are withheld. Everything is synthetic.
import { systemActor, type UserActor } from '../domain/access/actor.js';
import type { ActivityTypeCatalog } from '../domain/activities/activity-type.js';
import { addCalibrationNote } from '../usecases/calibration/add-calibration-note.js';
import { addVignette } from '../usecases/calibration/add-vignette.js';
import { createExercise } from '../usecases/calibration/create-exercise.js';
import { rateVignette } from '../usecases/calibration/rate-vignette.js';
import { submitRatings } from '../usecases/calibration/submit-ratings.js';
import type { UseCaseContext } from '../usecases/context.js';
import { dateDemoCalibration } from '../usecases/demo/date-demo-calibration.js';
import { addDays, startOfDayInEngland, todayInEngland } from '../clock.js';
import { DEMO_VIGNETTE_FRAMEWORK, DEMO_VIGNETTES } from './demo-vignettes.js';

const SCALE = ['outstanding', 'good', 'requires_improvement', 'inadequate'];

/** The inspectors, the region each counts under, and how far each tends to rate from the panel. */
const RATERS: { key: string; region: 'North West' | 'South East' | 'London'; bias: number[] }[] = [
  { key: 'lead', region: 'North West', bias: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0] },
  { key: 'qam', region: 'North West', bias: [0, 1, 0, 0, 0, 0, 0, 1, 0, 0] },
  { key: 'panel', region: 'North West', bias: [-1, 0, 0, 0, 0, 0, 1, 0, 0, -1] },
  { key: 'reviewer1', region: 'South East', bias: [0, 0, -1, 0, 0, -1, 0, 0, -1, 0] },
  { key: 'reviewer2', region: 'South East', bias: [0, 1, 0, -1, 0, 0, 0, -1, 0, -1] },
  { key: 'reviewer3', region: 'South East', bias: [0, 0, 0, 0, 1, 0, 1, 0, 0, 0] },
  { key: 'analyst', region: 'London', bias: [-1, 0, -1, 0, -1, 0, 0, 0, 0, 0] },
  // Invited, not yet rated: the exercise waits on his home page.
  { key: 'inspector', region: 'North West', bias: [] },
];

const shifted = (grade: string, by: number) =>
  SCALE[Math.min(SCALE.length - 1, Math.max(0, SCALE.indexOf(grade) + by))]!;

export async function seedDemoCalibration(
  db: UseCaseContext['db'],
  catalog: ActivityTypeCatalog,
  national: UserActor,
  actorOf: (key: string) => UserActor,
): Promise<string> {
  const ctx: UseCaseContext = { db, actor: national, catalog };
  const vignettes: { id: string }[] = [];
  for (const v of DEMO_VIGNETTES)
    vignettes.push(await addVignette(ctx, { ...v, frameworkId: DEMO_VIGNETTE_FRAMEWORK }));

  const run = async (title: string, count: number, raters: typeof RATERS) => {
    const { id } = await createExercise(ctx, {
      title,
      vignetteIds: vignettes.slice(0, count).map((v) => v.id),
      inspectors: raters.map((r) => ({ user: actorOf(r.key).email, region: r.region })),
    });
    for (const r of raters) {
      if (r.bias.length === 0) continue;
      const as: UseCaseContext = { db, actor: actorOf(r.key), catalog };
      for (const [i, v] of vignettes.slice(0, count).entries())
        await rateVignette(as, {
          exerciseId: id,
          vignetteId: v.id,
          grade: shifted(DEMO_VIGNETTES[i]!.referenceGrade, r.bias[i] ?? 0),
        });
      await submitRatings(as, { exerciseId: id });
    }
    return id;
  };

  // Four months ago: the first four vignettes, six inspectors.
  const earlier = await run('Demo calibration: help and protection', 4, RATERS.slice(0, 6));
  await dateDemoCalibration(
    { db, actor: systemActor('demo-seed'), catalog },
    earlier,
    new Date(startOfDayInEngland(addDays(todayInEngland(), -120)).getTime() + 14 * 3_600_000),
  );
  const current = await run('Demo calibration: all judgement areas', 10, RATERS);
  await addCalibrationNote(
    { db, actor: actorOf('panel'), catalog },
    {
      exerciseId: current,
      vignetteId: vignettes[0]!.id,
      note: 'I read the three-day wait as a sign of drift; the panel weighed it as occasional and known to managers.',
    },
  );
  await addCalibrationNote(ctx, {
    exerciseId: current,
    vignetteId: vignettes[9]!.id,
    note: 'Two of you rated this more generously than the panel, who found it inadequate because leaders did not know about the overdue visits.',
  });
  return current;
}

// Demo case-level ratings and a consistency panel across inspections (issue 15): the lead rates
// the sampled children in care and care leavers of the demo inspection for their area (the
// team inspector rates every third case too, so agreement can be measured), and the North West's
// regional senior HMI convenes a panel for the month of the fieldwork with the demo panel
// inspector and the national team as members. Through the use cases, as people would.
import type { UserActor } from '../domain/access/actor.js';
import type { Activity } from '../domain/activities/activity.js';
import type { UseCaseContext } from '../usecases/context.js';
import { createConsistencyPanel } from '../usecases/consistency/create-consistency-panel.js';
import { getCaseRatings } from '../usecases/judgements/get-case-ratings.js';
import { rateCase } from '../usecases/judgements/rate-case.js';
import { DEMO_USERS } from './demo-content.js';

type Db = UseCaseContext['db'];
type Catalog = UseCaseContext['catalog'];

/**
 * The judgement area a cohort's cases inform. Help and protection is left for people to rate
 * (the case-ratings walkthrough and its tests start from no ratings there).
 */
const AREA_OF: Record<string, string> = {
  child_in_care: 'children_in_care',
  care_leaver: 'care_leavers',
};
/** A spread, not a uniform grade (the Slough point): the demo's grades in turn. */
const GRADES = ['good', 'requires_improvement', 'good', 'inadequate', 'good', 'outstanding'];

export async function seedDemoConsistency(
  db: Db,
  catalog: Catalog,
  inspection: Activity,
  people: { lead: UserActor; inspector: UserActor; regional: UserActor },
  fieldworkStart: string,
): Promise<void> {
  const as = (actor: UserActor): UseCaseContext => ({ db, actor, catalog });
  const d = await getCaseRatings(as(people.lead), inspection.id);
  const areas = new Set(d.areas.map((a) => a.key));
  let i = 0;
  for (const c of d.cases) {
    const area = AREA_OF[c.cohort];
    if (!area || !areas.has(area)) continue;
    const grade = GRADES[i % GRADES.length]!;
    await rateCase(as(people.lead), {
      activityId: inspection.id,
      sampleCaseId: c.id,
      judgementKey: area,
      grade,
    });
    if (i % 3 === 0)
      await rateCase(as(people.inspector), {
        activityId: inspection.id,
        sampleCaseId: c.id,
        judgementKey: area,
        grade: i % 6 === 0 ? grade : GRADES[(i + 1) % GRADES.length]!,
      });
    i++;
  }
  const members = DEMO_USERS.filter((u) => u.key === 'panel' || u.key === 'national').map(
    (u) => u.email,
  );
  await createConsistencyPanel(as(people.regional), {
    region: inspection.laRegion,
    periodKind: 'month',
    day: fieldworkStart,
    members,
  });
}

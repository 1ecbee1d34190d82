// The views' one-statement lookup (data/repositories/risk-views.ts) says what the seven separate
// lookups it replaced say, for every LA of the demo (a region with three years of intelligence,
// assessments, self-evaluations and meetings; every LA's history), listed or not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestJudgements } from '../../src/data/repositories/inspection-history.js';
import { countIntelligenceSince, latestOfKinds } from '../../src/data/repositories/intelligence.js';
import { listLocalAuthorities } from '../../src/data/repositories/local-authorities.js';
import {
  currentRiskAssessments,
  lastHistoryEvents,
  nextPlannedActivities,
  openReviewRequests,
} from '../../src/data/repositories/risk-assessments.js';
import { riskViewFacts } from '../../src/data/repositories/risk-views.js';
import { quarterStart } from '../../src/usecases/risk/risk-rows.js';
import { addDays, todayInEngland } from '../../src/clock.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 400_000);
afterAll(async () => t?.close());

describe('the risk views’ facts per LA', () => {
  it('match the separate lookups, for every LA and for a listed few', async () => {
    const db = t.database.db;
    const ids = (await listLocalAuthorities(db)).map((l) => l.id);
    const today = todayInEngland();
    // A quarter that reaches back over the demo's entries, so the counts are not all zero.
    const since = addDays(quarterStart(today), -400);
    const kinds = ['self_evaluation', 'engagement_meeting'] as const;
    const [risks, grades, last, next, latest, fresh, requests] = await Promise.all([
      currentRiskAssessments(db, ids),
      latestJudgements(db, { laIds: ids }),
      lastHistoryEvents(db, ids),
      nextPlannedActivities(db, ids),
      latestOfKinds(db, ids, kinds),
      countIntelligenceSince(db, ids, since),
      openReviewRequests(db, ids),
    ]);
    const all = await riskViewFacts(db, 'all', { today, since, kinds });
    expect([...all.keys()].sort()).toEqual([...ids].sort());
    let assessed = 0;
    for (const id of ids) {
      const f = all.get(id)!;
      const r = risks.get(id);
      if (r) assessed += 1;
      expect(f.current, id).toEqual(
        r
          ? {
              version: r.current.version,
              modelId: r.current.modelId,
              overallLevel: r.current.overallLevel,
              assessedOn: r.current.assessedOn,
              nextReviewOn: r.current.nextReviewOn,
            }
          : null,
      );
      expect(f.previousLevel, id).toBe(r?.previousLevel ?? null);
      const g = grades.get(id);
      expect(f.latestGraded, id).toEqual(
        g ? { startDate: g.startDate, overall: g.grades.overall_effectiveness ?? null } : null,
      );
      expect(f.lastEvent?.startDate ?? null, id).toBe(last.get(id)?.startDate ?? null);
      expect(f.nextPlanned, id).toEqual(next.get(id) ?? null);
      expect(f.latestOfKinds, id).toEqual(latest.get(id) ?? {});
      expect(f.newSince, id).toBe(fresh.get(id) ?? 0);
      const q = requests.get(id);
      expect(f.openRequest, id).toEqual(
        q ? { requestedOn: q.requestedOn, reason: q.reason } : null,
      );
    }
    expect(assessed).toBeGreaterThan(5);
    expect([...fresh.values()].some((n) => n > 0)).toBe(true);
    const few = await riskViewFacts(db, ['demo-northfield', 'hartlepool'], { today, since, kinds });
    expect([...few.keys()].sort()).toEqual(['demo-northfield', 'hartlepool']);
    expect(few.get('demo-northfield')).toEqual(all.get('demo-northfield'));
    expect(await riskViewFacts(db, [], { today, since, kinds })).toEqual(new Map());
  });
});

// Reliability studies (issue 15, blind evidence-base reviews as in Tables 5 and 6 of Ofsted's 2019
// review) through the use cases: the demo's three published inspections, a study over them with a
// redacted copy of each evidence base, pairs refused when linked to the LA, blind reviews that
// never carry the LA's name or the published grades, results with the agreement engine, exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowMs } from '../../src/clock.js';
import { DEMO_PUBLISHED, DEMO_REVIEWERS } from '../../src/demo/demo-published.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { listMyWork } from '../../src/usecases/home/list-my-work.js';
import { assignReviewerPair } from '../../src/usecases/studies/assign-reviewer-pair.js';
import { createStudy } from '../../src/usecases/studies/create-study.js';
import { exportStudyResults } from '../../src/usecases/studies/export-study-results.js';
import { getBlindReview } from '../../src/usecases/studies/get-blind-review.js';
import { getStudy } from '../../src/usecases/studies/get-study.js';
import { getStudyResults } from '../../src/usecases/studies/get-study-results.js';
import { listStudies } from '../../src/usecases/studies/list-studies.js';
import { recordReview } from '../../src/usecases/studies/record-review.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { actorFor, contextFor } from '../helpers/reports.js';

let t: TestApp;
let seedMs = 0;
const as = async (email: string): Promise<UseCaseContext> =>
  contextFor(t.database.db, await actorFor(t.database.db, email));
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

beforeAll(async () => {
  const start = nowMs();
  t = await createTestApp();
  seedMs = nowMs() - start;
}, 120_000);
afterAll(async () => t?.close());

describe('the demo', () => {
  it('seeds three published inspections and a study with two pairs per evidence base', async () => {
    console.log(`demo seed with the app: ${seedMs} ms`);
    const national = await as('national@triangulate.example');
    const list = await listStudies(national);
    expect(list.published.map((p) => p.laName).sort()).toEqual(
      DEMO_PUBLISHED.map((d) => d.la.name).sort(),
    );
    expect(list.studies).toHaveLength(1);
    expect(list.studies[0]).toMatchObject({ bases: 3, pairs: 6, recorded: 5 });
  });
});

// Case-level ratings (the Slough point): the inspector who looked at a sampled case rates it per
// judgement area on the framework's scale, with criteria met and not met; the judgement pages show
// the spread by area and cohort and, where two inspectors rated the same case, their agreement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeHtml,
  errorSummary,
  h1,
  signInAs,
  createTestApp,
  type TestApp,
} from '../helpers/app.js';
import { listSampleCases } from '../../src/data/repositories/sampling.js';

let t: TestApp;
let base: string;
let cases: { id: string; childRef: string; cohort: string }[];

beforeAll(async () => {
  t = await createTestApp();
  base = `/activities/${t.demo.activityId}`;
  cases = await listSampleCases(t.database.db, t.demo.activityId);
});
afterAll(async () => t?.close());

describe('case-level ratings', () => {
  it('has a sample to rate in the demo', () => {
    expect(cases.length).toBeGreaterThan(4);
  });

  it('an inspector rates a case per area with criteria; the page shows the spread and agreement', async () => {
    const inspector = await signInAs(t, 'inspector');
    const lead = await signInAs(t, 'lead');
    const form = await inspector.get(`${base}/case-ratings/${cases[0]!.id}`);
    expect(form.statusCode).toBe(200);
    expect(h1(form.body)).toBe(`Rate case ${cases[0]!.childRef}`);
    const criterion =
      /id="met-help_and_protection" name="met" type="checkbox" value="([^"]+)"/.exec(
        form.body,
      )?.[1];
    expect(criterion).toBeDefined();

    const grades = ['good', 'requires_improvement', 'inadequate', 'good'];
    for (const [i, grade] of grades.entries()) {
      const r = await inspector.post(`${base}/case-ratings/${cases[i]!.id}/help_and_protection`, {
        grade,
        ...(i === 0 ? { met: criterion } : {}),
      });
      expect(r.statusCode, decodeHtml(r.body).slice(0, 300)).toBe(303);
    }
    // The lead rated two of the same cases: one the same, one a grade apart.
    for (const [i, grade] of [
      [0, 'good'],
      [1, 'good'],
    ] as const)
      expect(
        (await lead.post(`${base}/case-ratings/${cases[i]!.id}/help_and_protection`, { grade }))
          .statusCode,
      ).toBe(303);

    const page = decodeHtml((await lead.get(`${base}/case-ratings`)).body);
    expect(page).toContain(
      'Of 4 cases, 2 good, 1 inadequate, 1 rated differently by different inspectors',
    );
    expect(page).toContain('Agreement between inspectors on 2 cases rated twice or more');
    expect(page).toContain('Percentage agreement');
    expect(page).toContain("Krippendorff's alpha (ordinal)");

    const api = await lead.get(`/api/v1/activities/${t.demo.activityId}/case-ratings`);
    const body = api.json<{
      areas: {
        key: string;
        spread: { cases: number; byCohort: { cohort: string; cases: number }[] };
        agreement: { results: { name: string; value: number | null; units: number }[] } | null;
      }[];
      cases: { id: string; ratings: Record<string, { rater: string; criteriaMet: string[] }[]> }[];
    }>();
    const hp = body.areas.find((a) => a.key === 'help_and_protection')!;
    expect(hp.spread.cases).toBe(4);
    expect(hp.spread.byCohort.reduce((n, c) => n + c.cases, 0)).toBe(4);
    const pa = hp.agreement!.results.find((r) => r.name === 'Percentage agreement')!;
    expect(pa).toMatchObject({ value: 0.5, units: 2 });
    expect(
      body.cases
        .find((c) => c.id === cases[0]!.id)!
        .ratings.help_and_protection!.find((r) => r.criteriaMet.length)!.criteriaMet,
    ).toEqual([criterion]);
  });

  it('rating again replaces one’s own rating; a bad grade or criterion is named on the form', async () => {
    const inspector = await signInAs(t, 'inspector');
    await inspector.get(`${base}/case-ratings/${cases[3]!.id}`);
    const bad = await inspector.post(`${base}/case-ratings/${cases[3]!.id}/help_and_protection`, {
      grade: 'splendid',
      met: 'no_such_criterion',
    });
    expect(bad.statusCode).toBe(400);
    expect(errorSummary(bad.body).map((e) => e.href)).toEqual([
      '#grade-help_and_protection',
      '#met-help_and_protection',
    ]);
    expect(
      (
        await inspector.post(`${base}/case-ratings/${cases[3]!.id}/help_and_protection`, {
          grade: 'inadequate',
        })
      ).statusCode,
    ).toBe(303);
    const page = decodeHtml((await inspector.get(`${base}/case-ratings`)).body);
    expect(page).toContain(
      'Of 4 cases, 1 good, 2 inadequate, 1 rated differently by different inspectors',
    );
  });

  it('only the inspecting team rate; the QAM reads but may not rate', async () => {
    const qam = await signInAs(t, 'qam');
    expect((await qam.get(`${base}/case-ratings`)).statusCode).toBe(200);
    const r = await qam.post(`${base}/case-ratings/${cases[0]!.id}/help_and_protection`, {
      grade: 'good',
    });
    expect(r.statusCode).toBe(403);
    const la = await signInAs(t, 'la');
    expect((await la.get(`${base}/case-ratings`)).statusCode).toBe(404);
  });
});

// Reliability studies (issue 15, blind evidence-base reviews as in Tables 5 and 6 of Ofsted's 2019
// review) through the use cases: the demo's three published inspections, a study over them with a
// redacted copy of each evidence base, pairs refused when linked to the LA, blind reviews that
// never carry the LA's name or the published grades, results with the agreement engine, exports.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowMs } from '../../src/clock.js';
import { DEMO_PUBLISHED, DEMO_REVIEWERS } from '../../src/demo/demo-published.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { listMyWork } from '../../src/usecases/home/list-my-work.js';
import { getActivity } from '../../src/usecases/activities/get-activity.js';
import { assignReviewerPair } from '../../src/usecases/studies/assign-reviewer-pair.js';
import { createStudy } from '../../src/usecases/studies/create-study.js';
import { exportStudyResults } from '../../src/usecases/studies/export-study-results.js';
import { getBlindReview } from '../../src/usecases/studies/get-blind-review.js';
import { getStudy } from '../../src/usecases/studies/get-study.js';
import { getStudyResults } from '../../src/usecases/studies/get-study-results.js';
import { listStudies } from '../../src/usecases/studies/list-studies.js';
import { recordReview } from '../../src/usecases/studies/record-review.js';
import { createTestApp, decodeHtml, h1, WebClient, type TestApp } from '../helpers/app.js';
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
    // The published inspections and the study, timed from the audit log (the first reviewer
    // account to the last review recorded), apart from the rest of the demo.
    const span = await sql<{
      ms: number;
    }>`select extract(epoch from max(occurred_at) - min(occurred_at)) * 1000 as ms
      from audit_events where seq >= (select min(seq) from audit_events where action = 'user.created'
      and after->>'email' = ${DEMO_REVIEWERS[0].email})`.execute(t.database.db);
    console.log(
      `demo seed with the app: ${seedMs} ms; published inspections and study: ${Math.round(Number(span.rows[0]?.ms))} ms`,
    );
    const national = await as('national@triangulate.example');
    const list = await listStudies(national);
    expect(list.published.map((p) => p.laName).sort()).toEqual(
      DEMO_PUBLISHED.map((d) => d.la.name).sort(),
    );
    expect(list.studies).toHaveLength(1);
    expect(list.studies[0]).toMatchObject({ bases: 3, pairs: 6, recorded: 5 });
  });
});

describe('a study set up by the national team', () => {
  let studyId = '';
  let bases: Awaited<ReturnType<typeof getStudy>>['bases'] = [];

  it('is refused to everyone but national and admin users', async () => {
    const lead = await as('lead@triangulate.example');
    const activityIds = (await listStudies(await as('national@triangulate.example'))).published.map(
      (p) => p.id,
    );
    expect(await code(createStudy(lead, { title: 'x', activityIds }))).toBe('FORBIDDEN');
    expect(await code(listStudies(lead))).toBe('NOT_FOUND');
    expect(
      await code(
        createStudy(await as('national@triangulate.example'), {
          title: 'x',
          activityIds: [t.demo.activityId],
        }),
      ),
    ).toBe('VALIDATION_FAILED');
  });

  it('copies each evidence base redacted and reports what it redacted and what it is unsure of', async () => {
    const national = await as('national@triangulate.example');
    const published = (await listStudies(national)).published;
    const southmere = published.find((p) => p.laName.startsWith('Southmere'))!;
    const made = await createStudy(national, {
      title: 'Test study',
      activityIds: [southmere.id],
      dateOffsetDays: 10,
    });
    studyId = made.id;
    const c = made.bases[0]!.redaction.counts;
    expect(c.child).toBeGreaterThanOrEqual(3);
    expect(c.staff).toBeGreaterThanOrEqual(1); // Helen Tranter, the LA's account
    expect(c.place).toBeGreaterThanOrEqual(2); // Harbourside, Millbrook
    expect(c.name_pattern).toBeGreaterThanOrEqual(2); // Gareth Lowe, Mrs Okonjo
    expect(made.bases[0]!.redaction.unsure.map((u) => u.word)).toEqual(
      expect.arrayContaining(['Kelvin', 'Quarrybank']),
    );
    bases = (await getStudy(national, studyId)).bases;
  });

  it('refuses a pair linked to the LA and records why; assigns two unlinked reviewers', async () => {
    const national = await as('national@triangulate.example');
    const err = await assignReviewerPair(national, {
      studyId,
      evidenceBaseId: bases[0]!.id,
      reviewers: ['lead@triangulate.example', DEMO_REVIEWERS[0].email],
    }).catch((e: { code: string; message: string }) => e);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((err as { message: string }).message).toContain('original inspection’s team');
    const after = (await getStudy(national, studyId)).bases[0]!;
    expect(after.refusals.map((r) => r.reason)).toEqual([
      expect.stringContaining('original inspection’s team'),
    ]);
    expect(
      after.candidates.find((x) => x.email === 'inspector@triangulate.example')?.conflict,
    ).toMatch(/team|region/);
    const ok = await assignReviewerPair(national, {
      studyId,
      evidenceBaseId: bases[0]!.id,
      reviewers: [DEMO_REVIEWERS[0].email, DEMO_REVIEWERS[1].email],
    });
    expect(ok.label).toBe('Pair 1');
  });

  it('gives the reviewer the redacted copy only: no LA name, no published grade, no original', async () => {
    const reviewer = await as(DEMO_REVIEWERS[0].email);
    const pair = (await getStudy(await as('national@triangulate.example'), studyId)).bases[0]!
      .pairs[0]!;
    const view = await getBlindReview(reviewer, { studyId, pairId: pair.id });
    const text = JSON.stringify(view);
    for (const banned of [
      'Southmere',
      'Harbourside',
      'Helen Tranter',
      'SM-1041',
      'Gareth Lowe',
      'Lena Marsh',
      '2025-03-03',
    ])
      expect(text).not.toContain(banned);
    expect(text).not.toMatch(/published/i);
    expect(view.records[0]!.observedOn).toBe('2025-03-13');
    expect(view.records[0]!.text).toContain('22 February 2025');
    expect(view.records[0]!.text).toContain('Child 1');
    const work = await listMyWork(reviewer);
    expect(work.find((w) => w.kind === 'study_review' && w.href.includes(pair.id))?.laName).toBe(
      'blind review',
    );
    // The original stays hidden from the reviewer.
    const original = (await getStudy(await as('national@triangulate.example'), studyId)).bases[0]!;
    expect(await code(getActivity(reviewer, original.activityId))).toBe('NOT_FOUND');
    // Someone not in the pair learns nothing; the national team reads but does not record.
    expect(
      await code(getBlindReview(await as(DEMO_REVIEWERS[2].email), { studyId, pairId: pair.id })),
    ).toBe('NOT_FOUND');
    expect(
      await code(
        recordReview(await as('national@triangulate.example'), {
          studyId,
          pairId: pair.id,
          grades: {},
          sameLines: 'yes',
        }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('records a review with a grade and reasons per judgement, then shows Tables 5/6 results', async () => {
    const reviewer = await as(DEMO_REVIEWERS[1].email);
    const pair = (await getStudy(await as('national@triangulate.example'), studyId)).bases[0]!
      .pairs[0]!;
    const missing = await recordReview(reviewer, {
      studyId,
      pairId: pair.id,
      grades: {},
      sameLines: 'yes',
    }).catch((e: { details: { field: string }[] }) => e);
    expect((missing as { details: { field: string }[] }).details.map((d) => d.field)).toContain(
      'grade-overall_effectiveness',
    );
    const keys = [
      'overall_effectiveness',
      'impact_of_leaders',
      'help_and_protection',
      'children_in_care',
      'care_leavers',
    ];
    await recordReview(reviewer, {
      studyId,
      pairId: pair.id,
      grades: Object.fromEntries(
        keys.map((k) => [
          k,
          {
            grade: k === 'care_leavers' ? 'inadequate' : 'requires_improvement',
            reasons: 'Because.',
          },
        ]),
      ),
      improvements: ['Timeliness of strategy discussions', 'Supervision of social workers'],
      sameLines: 'yes',
    });
    expect((await listMyWork(reviewer)).some((w) => w.href.includes(pair.id))).toBe(false);
    const { results } = await getStudyResults(await as('national@triangulate.example'), studyId, {
      resamples: 50,
    });
    expect(results.tables[0]!.caption).toBe(
      'Outcomes of evidence base reviews of standard inspections',
    );
    expect(results.tables[0]!.head[1]).toBe('Overall effectiveness');
    const row = results.tables[0]!.rows[0]!;
    expect(row.base).toBe('Evidence base A');
    expect(row.cells[0]).toBe('1 x agreement with published judgement');
    expect(row.cells).toContain('1 x one grade lower than published judgement');
    expect(results.counts).toMatchObject({ judgements: 5, matchedPublished: 4, oneLower: 1 });
    expect(results.withPublished?.results.map((r) => r.statistic)).toContain('krippendorff-alpha');
    expect(results.alignment[0]!.withPublished[0]!.matched).toBeGreaterThan(0);
    expect(results.summary[0]).toBe(
      'Of the 5 judgements the reviewers gave, 4 matched the published judgement, 1 was one grade lower.',
    );
  });

  it('exports the results as CSV, XLSX and DOCX', async () => {
    const national = await as('national@triangulate.example');
    const csv = await exportStudyResults(national, { studyId, format: 'csv' });
    expect(String(csv.body)).toContain('1 x one grade lower than published judgement');
    const xlsx = await exportStudyResults(national, { studyId, format: 'xlsx' });
    const docx = await exportStudyResults(national, { studyId, format: 'docx' });
    for (const f of [xlsx, docx])
      expect(
        Buffer.from(f.body as Uint8Array)
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
    expect(
      await code(exportStudyResults(await as(DEMO_REVIEWERS[1].email), { studyId, format: 'csv' })),
    ).toBe('NOT_FOUND');
  });
});

describe('pages and JSON API', () => {
  it('lists studies for the national team only; the reviewer’s work list names no LA', async () => {
    const national = await new WebClient(t.app).signIn('national@triangulate.example');
    const page = await national.get('/studies');
    expect(page.statusCode).toBe(200);
    expect(h1(page.body)).toBe('Reliability studies');
    const api = await national.get('/api/v1/studies');
    expect(api.statusCode).toBe(200);
    const study = (api.json() as { studies: { id: string; title: string }[] }).studies.find(
      (s) => s.title === 'Demo reliability study 2025',
    )!;
    const results = await national.get(`/studies/${study.id}/results`);
    expect(decodeHtml(results.body)).toContain(
      'Outcomes of evidence base reviews of short inspections',
    );
    const reviewer = await new WebClient(t.app).signIn(DEMO_REVIEWERS[0].email);
    expect((await reviewer.get('/studies')).statusCode).toBe(404);
    expect((await reviewer.get(`/studies/${study.id}/results`)).statusCode).toBe(404);
    const work = (await reviewer.get('/api/v1/me/work')).json() as {
      items: { kind: string; laName: string; href: string }[];
    };
    const item = work.items.find((w) => w.kind === 'study_review')!;
    expect(item.laName).toBe('blind review');
    const review = await reviewer.get(item.href);
    expect(review.statusCode).toBe(200);
    for (const d of DEMO_PUBLISHED) expect(review.body).not.toContain(d.la.name);
    // The page's own content (the header's "Published reports" link is the public corpus).
    const main = review.body.slice(review.body.indexOf('<main'), review.body.indexOf('</main>'));
    expect(main.length).toBeGreaterThan(100);
    expect(main).not.toMatch(/published/i);
  });
});

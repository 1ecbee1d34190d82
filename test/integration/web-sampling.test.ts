import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  decodeHtml,
  errorSummary,
  h1,
  signInAs,
  type TestApp,
} from '../helpers/app.js';

let t: TestApp;
let pageUrl: string;
let apiUrl: string;

beforeAll(async () => {
  t = await createTestApp();
  pageUrl = `/activities/${t.demo.activityId}/sample`;
  apiUrl = `/api/v1/activities/${t.demo.activityId}/sample`;
}, 120_000);
afterAll(async () => t?.close());

describe('sample page', () => {
  it('pages the sampled cases 25 at a time by key, every case once, saying where', async () => {
    const lead = await signInAs(t, 'lead');
    let body = decodeHtml((await lead.get(pageUrl)).body);
    const total = Number(
      /Showing (?:1 to \d+|all) of (\d+) cases|Showing all (\d+) cases/
        .exec(body)
        ?.slice(1)
        .find(Boolean),
    );
    expect(total).toBeGreaterThan(20);
    expect(body).toContain(`Showing 1 to 20 of ${total} cases`);
    const refs: string[] = [];
    for (let i = 0; i < 20; i++) {
      const table = /aria-label="Cases in the sample"[\s\S]*?<\/table>/.exec(body)![0];
      refs.push(
        ...[...table.matchAll(/<th scope="row" class="govuk-table__header">([^<]+)<\/th>/g)].map(
          (m) => m[1]!.trim(),
        ),
      );
      const next = /<div class="govuk-pagination__next">\s*<a[^>]*href="([^"]+)"/.exec(body)?.[1];
      if (!next) break;
      body = decodeHtml((await lead.get(next)).body);
    }
    expect(refs).toHaveLength(total);
    expect(body).toContain(`Showing 21 to ${Math.min(40, total)} of ${total} cases`);
  });

  it('shows the demo sample, its cases and the transparency statement to the team', async () => {
    const lead = await signInAs(t, 'lead');
    const activity = await lead.get(`/activities/${t.demo.activityId}`);
    expect(activity.body).toContain(pageUrl);
    const page = await lead.get(pageUrl);
    expect(page.statusCode).toBe(200);
    expect(h1(page.body)).toBe('Case sample');
    const text = decodeHtml(page.body);
    expect(text).toContain('Sample transparency statement');
    expect(text).toContain('Sample size per cohort');
    expect(text).toContain('Selected in advance by inspectors (random draw)');
    expect(text).toContain('Draw the sample again');
  });

  it('draws without JavaScript: the same seed gives the same cases', async () => {
    const analyst = await signInAs(t, 'analyst');
    await analyst.get(pageUrl);
    const form = {
      seed: '314',
      size_child_in_care: '4',
      stratify_child_in_care: 'legalStatus',
      audited_child_in_care: '0',
      size_child_in_need: '3',
      stratify_child_in_need: 'team',
      minPerStratum: '1',
      reason: 'Narrower sample',
    };
    const res = await analyst.post(`${pageUrl}/draw`, form);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${pageUrl}?done=redrawn#cases`);
    const first = (await analyst.get(apiUrl)).json<{
      cases: { childRef: string; route: string; cohort: string }[];
      draw: { seed: number };
    }>();
    expect(first.draw.seed).toBe(314);
    const drawn = first.cases.filter((c) => c.route === 'advance');
    expect(drawn).toHaveLength(7);
    await analyst.get(pageUrl);
    await analyst.post(`${pageUrl}/draw`, form);
    const second = (await analyst.get(apiUrl)).json<typeof first>();
    expect(second.cases.filter((c) => c.route === 'advance').map((c) => c.childRef)).toEqual(
      drawn.map((c) => c.childRef),
    );
  });

  it('shows problems next to the fields', async () => {
    const analyst = await signInAs(t, 'analyst');
    await analyst.get(pageUrl);
    const res = await analyst.post(`${pageUrl}/draw`, { seed: 'abc', size_child_in_care: '-1' });
    expect(res.statusCode).toBe(400);
    const problems = errorSummary(res.body);
    expect(problems.map((p) => p.href)).toEqual(['#seed', '#size_child_in_care']);
    const add = await analyst.post(`${pageUrl}/cases`, { childId: '', cohort: 'child_in_care' });
    expect(add.statusCode).toBe(400);
    expect(errorSummary(add.body).map((p) => p.href)).toContain('#childId');
  });

  it('adds a case on site, takes one out with a reason, records LA audits', async () => {
    const inspector = await signInAs(t, 'inspector');
    const before = (await inspector.get(apiUrl)).json<{
      cases: { id: string; childRef: string; cohort: string }[];
    }>();
    await inspector.get(pageUrl);
    const add = await inspector.post(`${pageUrl}/cases`, {
      childId: 'LA-NOT-IN-ANNEX-A-1',
      cohort: 'child_in_need',
      route: 'social_worker',
      caseRemote: 'yes',
    });
    expect(add.statusCode).toBe(303);
    const after = (await inspector.get(apiUrl)).json<{
      cases: { id: string; childRef: string; route: string; remote: boolean }[];
    }>();
    const added = after.cases.find((c) => !before.cases.some((b) => b.id === c.id))!;
    expect(added).toMatchObject({ route: 'social_worker', remote: true });
    expect(added.childRef).toMatch(/^C-[0-9a-f]{16}$/);

    await inspector.get(pageUrl);
    const noReason = await inspector.post(`${pageUrl}/cases/${added.id}/remove`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(errorSummary(noReason.body)[0]?.href).toBe(`#reason-${added.id}`);
    const removed = await inspector.post(`${pageUrl}/cases/${added.id}/remove`, {
      reason: 'Entered by mistake',
    });
    expect(removed.statusCode).toBe(303);
    const page = await inspector.get(`${pageUrl}?done=removed`);
    expect(decodeHtml(page.body)).toContain('Entered by mistake');

    const audits = await inspector.post(`${pageUrl}/la-audits`, { childIds: 'A1\nA2, A3' });
    expect(audits.statusCode).toBe(303);
    expect((await inspector.get(apiUrl)).json<{ laAudits: number }>().laAudits).toBe(3);
  });

  it('lets only the lead, the analyst and admins draw; 404 to LA users and researchers', async () => {
    const inspector = await signInAs(t, 'inspector');
    const page = await inspector.get(pageUrl);
    expect(page.body).not.toContain(`${pageUrl}/draw`);
    expect((await inspector.post(`${pageUrl}/draw`, { seed: '1' })).statusCode).toBe(403);
    for (const key of ['la', 'researcher', 'regional']) {
      const c = await signInAs(t, key);
      expect((await c.get(pageUrl)).statusCode, key).toBe(404);
      expect((await c.get(`${apiUrl}/statement`)).statusCode, key).toBe(404);
    }
  });

  it('serves the statement as JSON', async () => {
    const lead = await signInAs(t, 'lead');
    const r = await lead.get(`${apiUrl}/statement`);
    expect(r.statusCode).toBe(200);
    const s = r.json<{ statement: { paragraphs: string[]; tables: { caption: string }[] } }>()
      .statement;
    expect(s.paragraphs.length).toBeGreaterThan(2);
    expect(s.tables.map((x) => x.caption)).toContain('Coverage of teams');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLineOfEnquiry } from '../../src/data/repositories/lines-of-enquiry.js';
import { systemActor } from '../../src/domain/access/actor.js';
import { annexAToXlsx, generateAnnexA } from '../../src/synthetic/annex-a.js';
import { importAnnexA } from '../../src/usecases/annex-a/import-annex-a.js';
import {
  brokenErrorAnchors,
  createTestApp,
  decodeHtml,
  h1,
  signInAs,
  type TestApp,
} from '../helpers/app.js';

let t: TestApp;
let pageUrl: string;
let apiUrl: string;

beforeAll(async () => {
  t = await createTestApp();
  pageUrl = `/activities/${t.demo.activityId}/annex-a/profile`;
  apiUrl = `/api/v1/activities/${t.demo.activityId}/annex-a`;
  await importAnnexA(
    { db: t.database.db, actor: systemActor('test') },
    {
      activityId: t.demo.activityId,
      fileName: 'annex-a.xlsx',
      bytes: annexAToXlsx(generateAnnexA({ rows: 1500, seed: 5 })),
      acceptFlagged: true,
    },
  );
});
afterAll(async () => t?.close());

describe('Annex A profile page', () => {
  it('shows candidates, benchmarks, charts with their tables, and per-list breakdowns', async () => {
    const lead = await signInAs(t, 'lead');
    const page = await lead.get(pageUrl);
    expect(page.statusCode).toBe(200);
    expect(h1(page.body)).toBe('Annex A data profile');
    expect(page.body).toContain('Candidate lines of enquiry from the data');
    expect(page.body).toMatch(/<svg class="app-chart" role="img" aria-labelledby="chart-\d+-title/);
    expect(page.body).toContain('List 8: Children in care');
    expect(page.body).toContain('Statistical neighbours');
    expect(page.body).toContain('Accept as a line of enquiry');
    // No inline style attributes (strict CSP), and the page works without scripts.
    expect(page.body).not.toMatch(/<svg[^>]*style=/);
  });

  it('shows the demo LA’s region, neighbours and population from the register', async () => {
    const page = decodeHtml((await (await signInAs(t, 'lead')).get(pageUrl)).body);
    expect(page).toContain('61500 (from the local authority register)');
    expect(page).toContain('region (North West)');
    expect(page).not.toContain('Not known: rates are not shown');
    expect(page).not.toMatch(/÷ -/);
    const api = JSON.parse((await (await signInAs(t, 'lead')).get(`${apiUrl}/profile`)).body) as {
      indicators: { comparison: { snCount: number; regionName: string | null } | null }[];
    };
    const compared = api.indicators.flatMap((i) => (i.comparison ? [i.comparison] : []));
    expect(compared.some((c) => c.snCount > 0)).toBe(true);
    expect(compared.every((c) => c.regionName === 'North West')).toBe(true);
  });

  it('downloads the indicators as CSV and the profile as JSON', async () => {
    const analyst = await signInAs(t, 'analyst');
    const csv = await analyst.get(`${pageUrl}/download?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('referrals.rereferral_percent');
    const json = await analyst.get(`${pageUrl}/download?format=json`);
    const body = JSON.parse(json.body) as { lists: unknown[]; indicators: unknown[] };
    expect(body.lists).toHaveLength(11);
    const api = await analyst.get(`${apiUrl}/profile`);
    expect(api.statusCode).toBe(200);
    expect((JSON.parse(api.body) as { can: { decide: boolean } }).can.decide).toBe(false);
  });

  it('accepts a reworded candidate from the form, and dismissing needs a reason', async () => {
    const lead = await signInAs(t, 'lead');
    const api = JSON.parse((await lead.get(`${apiUrl}/profile`)).body) as {
      candidates: { indicatorKey: string; decision: unknown }[];
    };
    const [first, second] = api.candidates;
    expect(first && second).toBeTruthy();
    const url = `${pageUrl}/candidates`;
    const empty = await lead.post(url, {
      indicatorKey: second!.indicatorKey,
      decision: 'dismiss',
      reason: '',
    });
    expect(empty.statusCode).toBe(400);
    expect(brokenErrorAnchors(empty.body)).toEqual([]);
    const accepted = await lead.post(url, {
      indicatorKey: first!.indicatorKey,
      decision: 'accept',
      title: 'Reworded by the lead',
      description: '',
    });
    expect(accepted.statusCode).toBe(303);
    const after = JSON.parse((await lead.get(`${apiUrl}/profile`)).body) as {
      candidates: {
        indicatorKey: string;
        decision: { lineOfEnquiryId: string; title: string } | null;
      }[];
    };
    const decided = after.candidates.find((c) => c.indicatorKey === first!.indicatorKey)!;
    expect(decided.decision?.title).toBe('Reworded by the lead');
    const line = await findLineOfEnquiry(t.database.db, decided.decision!.lineOfEnquiryId);
    expect(line?.title).toBe('Reworded by the lead');
    const prompt = await lead.get(
      `/api/v1/activities/${t.demo.activityId}/lines-of-enquiry/${line!.id}/data-prompt`,
    );
    expect(JSON.parse(prompt.body).promptedByData.text).toMatch(/^Prompted by data: /);
    const again = await lead.post(url, { indicatorKey: first!.indicatorKey, decision: 'accept' });
    expect(again.statusCode).toBe(409);
    const page = await lead.get(`${pageUrl}?done=accepted`);
    expect(page.body).toContain('Accepted by');
  });

  it('records a self-evaluation claim from the form', async () => {
    const lead = await signInAs(t, 'lead');
    const res = await lead.post(`${pageUrl}/claims`, {
      indicatorKey: 'cp.repeat_percent',
      claim: 'strong',
      note: 'SEF section 3',
    });
    expect(res.statusCode).toBe(303);
    const page = await lead.get(`${pageUrl}?done=claim`);
    expect(page.body).toContain('SEF section 3');
    const bad = await lead.post(`${pageUrl}/claims`, { indicatorKey: '', claim: 'weak' });
    expect(bad.statusCode).toBe(400);
    expect(brokenErrorAnchors(bad.body)).toEqual([]);
  });

  it('is not found for LA users and researchers', async () => {
    for (const who of ['la', 'researcher']) {
      const c = await signInAs(t, who);
      expect((await c.get(pageUrl)).statusCode).toBe(404);
      expect((await c.get(`${apiUrl}/profile`)).statusCode).toBe(404);
    }
  });
});

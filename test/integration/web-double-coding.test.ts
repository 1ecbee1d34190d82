// Blind double coding through the pages and the JSON API: the demo's finished assignment shows
// its agreement and disagreements; a new one is set up by the lead, coded blind by two inspectors
// (neither sees the other's codings), finished, and reconciled into the evidence base.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  decodeHtml,
  demoEmail,
  errorSummary,
  h1,
  signInAs,
  type TestApp,
  type WebClient,
} from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t?.close());

const base = () => `/activities/${t.demo.activityId}/double-coding`;
const idIn = (html: string) => /double-coding\/([0-9a-f-]{36})/.exec(html)?.[1] ?? '';

async function demoAssignment(web: WebClient): Promise<string> {
  return idIn((await web.get(base())).body);
}

describe('the demo double coding', () => {
  it('is listed for the lead and linked from the activity page', async () => {
    const lead = await signInAs(t, 'lead');
    const activity = decodeHtml((await lead.get(`/activities/${t.demo.activityId}`)).body);
    expect(activity).toContain(`href="${base()}"`);
    const res = await lead.get(base());
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('Double coding');
    const html = decodeHtml(res.body);
    expect(html).toContain('Day one: case file and front door');
    expect(html).toContain('Ready to reconcile (0 of 2 records done)');
    expect(html).toContain('Set up a double coding');
  });

  it('shows agreement per code at character and segment level, uncoded text left out', async () => {
    const lead = await signInAs(t, 'lead');
    const id = await demoAssignment(lead);
    const res = await lead.get(`${base()}/${id}/agreement`);
    expect(res.statusCode).toBe(200);
    const html = decodeHtml(res.body);
    expect(html).toContain('Characters: Krippendorff’s alpha');
    expect(html).toContain('Segments: percentage agreement');
    // Percentage agreement is written as a percentage, with its interval.
    expect(html).toMatch(/\d{1,3}% \(\d{1,3}% to \d{1,3}%\)/);
    expect(html).toMatch(/no coder coded with any code is <strong>left out<\/strong>/);
    const incl = decodeHtml((await lead.get(`${base()}/${id}/agreement?uncoded=included`)).body);
    expect(incl).toMatch(/no coder coded with any code is <strong>counted<\/strong>/);
    const api = await lead.get(`/api/v1${base()}/${id}/agreement?resamples=20`);
    expect(api.statusCode).toBe(200);
    const body = api.json() as { uncodedText: string; records: { codes: unknown[] }[] };
    expect(body.uncodedText).toBe('excluded');
    expect(body.records).toHaveLength(2);
    expect(body.records[0]!.codes.length).toBeGreaterThan(0);
  });

  it('pools the figures over all the records: per code, and alpha over all spans', async () => {
    const lead = await signInAs(t, 'lead');
    const id = await demoAssignment(lead);
    const html = decodeHtml((await lead.get(`${base()}/${id}/agreement`)).body);
    expect(html).toContain('All 2 records together');
    expect(html).toContain('All records: agreement by code');
    expect(html).toMatch(/All spans: Krippendorff’s alpha\s*<\/dt>\s*<dd[^>]*>\s*-?\d\.\d\d \(/);
    interface Code {
      code: string;
      characters: number;
      segmentLevel: { units: number };
    }
    const r = await lead.get(`/api/v1${base()}/${id}/agreement?resamples=20`);
    const api = r.json() as {
      records: { characters: number; codes: Code[] }[];
      pooled: {
        records: number;
        characters: number;
        codes: Code[];
        allSpans: { units: number; results: { statistic: string; value: number | null }[] };
      };
    };
    expect(api.pooled.records).toBe(2);
    expect(api.pooled.characters).toBe(api.records.reduce((n, x) => n + x.characters, 0));
    // No unit crosses from one record to the next: each code is compared over the coded text of
    // every record (a record where nobody used it counts as agreement that it is not there), and
    // its segments are the records' segments.
    const coded = api.records.reduce((n, x) => n + (x.codes[0]?.characters ?? 0), 0);
    for (const c of api.pooled.codes) {
      const per = api.records.flatMap((x) => x.codes.filter((y) => y.code === c.code));
      expect(c.characters).toBe(coded);
      expect(c.segmentLevel.units).toBe(per.reduce((n, y) => n + y.segmentLevel.units, 0));
    }
    const spans = api.pooled.codes.reduce((n, c) => n + c.segmentLevel.units, 0);
    expect(api.pooled.allSpans.units).toBe(spans);
    const alpha = api.pooled.allSpans.results.find((x) => x.statistic === 'krippendorff-alpha');
    expect(typeof alpha?.value).toBe('number');
  });

  it('shows the disagreements side by side; national staff read them, the QAM does not', async () => {
    const lead = await signInAs(t, 'lead');
    const id = await demoAssignment(lead);
    const html = decodeHtml((await lead.get(`${base()}/${id}/reconcile`)).body);
    expect(html).toContain('Disagreement');
    expect(html).toContain('All agree');
    expect(html).toContain('Tom Achebe (HMI)');
    expect(html).toContain('Record the agreed coding');
    const national = await signInAs(t, 'national');
    const read = decodeHtml((await national.get(`${base()}/${id}/reconcile`)).body);
    expect(read).toContain('Disagreement');
    expect(read).not.toContain('Record the agreed coding');
    const qam = await signInAs(t, 'qam');
    expect((await qam.get(`${base()}/${id}`)).statusCode).toBe(404);
    expect(decodeHtml((await qam.get(base())).body)).not.toContain('Day one');
  });
});

describe('a new double coding, coded blind and reconciled', () => {
  it('goes from set-up to the agreed coding in the evidence base', async () => {
    const lead = await signInAs(t, 'lead');
    const inspector = await signInAs(t, 'inspector');
    // The set-up form refuses one coder.
    const bad = await lead.post(base(), {
      title: 'One coder',
      records: ['E1'],
      coders: [demoEmail('lead')],
    });
    expect(bad.statusCode).toBe(400);
    expect(errorSummary(bad.body)[0]!.href).toBe('#coders');
    const made = await lead.post(base(), {
      title: 'Zoë, social worker',
      records: ['E1'],
      coders: [demoEmail('lead'), demoEmail('inspector')],
    });
    expect(made.statusCode).toBe(303);
    const page = made.headers.location as string;
    const id = idIn(page);
    // It waits in the inspector's "Your work".
    expect(decodeHtml((await inspector.get('/home')).body)).toContain(
      'Code blind and finish: Zoë, social worker',
    );
    const form = (await inspector.get(page)).body;
    const evidenceId = /name="evidenceId" value="([0-9a-f-]{36})"/.exec(form)![1]!;
    const codeId = /<option value="([0-9a-f-]{36})"/.exec(form)![1]!;
    const code = (web: WebClient, passage: string) =>
      web.post(`${base()}/${id}/codings`, { evidenceId, codeId, passage });
    const wrong = await code(inspector, 'Words that are not in the record');
    expect(wrong.statusCode).toBe(400);
    expect(errorSummary(wrong.body)[0]!.href).toBe(`#passage-${evidenceId}`);
    expect((await code(inspector, 'The worker knows Zoë well')).statusCode).toBe(303);
    expect((await code(lead, 'see her grandmother every weekend')).statusCode).toBe(303);
    expect((await code(lead, 'The worker knows Zoë well')).statusCode).toBe(303);
    // Blind: each sees their own codings only; no agreement or reconciliation yet.
    const mine = decodeHtml((await inspector.get(page)).body);
    expect(mine).toMatch(/Your codings of E1[\s\S]*The worker knows Zoë well/);
    expect(mine).not.toMatch(/<td[^>]*>see her grandmother every weekend<\/td>/);
    const api = (await inspector.get(`/api/v1${base()}/${id}`)).json() as {
      blind: boolean;
      records: { mine: unknown[]; candidates: unknown }[];
    };
    expect(api.blind).toBe(true);
    expect(api.records[0]!.mine).toHaveLength(1);
    expect(api.records[0]!.candidates).toBeNull();
    expect((await lead.get(`${base()}/${id}/agreement`)).statusCode).toBe(409);
    expect(decodeHtml((await lead.get(`${base()}/${id}/reconcile`)).body)).toContain(
      'still coding blind',
    );
    // Removing a coding, then finishing.
    const own = decodeHtml((await lead.get(page)).body);
    const removeUrl = /action="([^"]+\/codings\/[0-9a-f-]{36}\/remove)"/.exec(own)![1]!;
    expect((await lead.post(removeUrl)).statusCode).toBe(303);
    expect((await code(lead, 'see her grandmother every weekend')).statusCode).toBe(303);
    expect((await lead.post(`${base()}/${id}/finish`)).statusCode).toBe(303);
    expect((await code(lead, 'Zoë')).statusCode).toBe(409);
    expect((await inspector.post(`${base()}/${id}/finish`)).statusCode).toBe(303);
    expect(decodeHtml((await inspector.get('/home')).body)).not.toContain('Zoë, social worker');
    // Open now: agreement, and the disagreements side by side.
    expect((await inspector.get(`${base()}/${id}/agreement`)).statusCode).toBe(200);
    const side = decodeHtml((await lead.get(`${base()}/${id}/reconcile`)).body);
    expect(side).toContain('Disagreement');
    const keys = [...side.matchAll(/name="agreed" type="checkbox" value="([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(keys).toHaveLength(2);
    const url = `${base()}/${id}/records/${evidenceId}/reconcile`;
    expect((await inspector.post(url, { agreed: keys })).statusCode).toBe(403);
    expect((await lead.post(url, { agreed: keys })).statusCode).toBe(303);
    const done = decodeHtml((await lead.get(`${base()}/${id}/reconcile`)).body);
    expect(done).toContain('Reconciled by Lena Marsh (lead inspector)');
    expect((await lead.post(url, { agreed: keys })).statusCode).toBe(409);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    const one = '/api/v1/activities/{id}/double-coding/{assignmentId}';
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/activities/{id}/double-coding',
        one,
        `${one}/codings`,
        `${one}/finish`,
        `${one}/agreement`,
        `${one}/records/{evidenceId}/reconcile`,
      ]),
    );
  });

  it('hides the pages from those outside the evidence base', async () => {
    const la = await signInAs(t, 'la');
    expect((await la.get(base())).statusCode).toBe(404);
    const inspector = await signInAs(t, 'inspector');
    const form = await inspector.get(base());
    expect(decodeHtml(form.body)).not.toContain('Set up a double coding');
    const coders = [demoEmail('lead'), demoEmail('inspector')];
    const res = await inspector.post(base(), { title: 'x', records: ['E1'], coders });
    expect(res.statusCode).toBe(403);
  });
});

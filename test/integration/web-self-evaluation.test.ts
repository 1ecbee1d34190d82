// The LA's self-evaluation and the annual engagement meeting (issue 13) through the pages: the LA
// writes, attaches and submits (a version, logged as intelligence); the region acknowledges and
// lists who has not submitted; meetings are recorded with a proposed agenda and their notes
// released; the LA reads released notes only, never risk. On PGlite, and PostgreSQL with
// TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowMs } from '../../src/clock.js';
import {
  createTestApp,
  decodeHtml,
  errorSummary,
  h1,
  signInAs,
  type TestApp,
  WebClient,
} from '../helpers/app.js';
import { multipart } from '../helpers/multipart.js';

let t: TestApp;
let seedMs = 0;
beforeAll(async () => {
  const t0 = nowMs();
  t = await createTestApp();
  seedMs = nowMs() - t0;
}, 180_000);
afterAll(async () => t?.close());

const SE = '/las/demo-northfield/self-evaluation';
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

describe('the LA page leads to each part of the picture its reader may open', () => {
  it('the LA finds its statistics, self-evaluation and meetings; the region its risk too', async () => {
    const la = decodeHtml((await (await signInAs(t, 'la')).get('/las/demo-northfield')).body);
    for (const href of ['statistics', 'self-evaluation', 'engagement', 'intelligence'])
      expect(la).toContain(`href="/las/demo-northfield/${href}"`);
    expect(la).not.toContain('href="/las/demo-northfield/risk"');
    const web = await signInAs(t, 'regional');
    const region = decodeHtml((await web.get('/las/demo-northfield')).body);
    for (const href of ['statistics', 'self-evaluation', 'engagement', 'risk'])
      expect(region).toContain(`href="/las/demo-northfield/${href}"`);
    // Another LA's user sees none of Northfield's.
    const southmere = await new WebClient(t.app).signIn('dcs@southmere.example');
    const other = decodeHtml((await southmere.get('/las/demo-northfield')).body);
    expect(other).not.toContain('href="/las/demo-northfield/self-evaluation"');
  });
});

describe('the demo carries three years of self-evaluations and meetings', () => {
  it('Northfield has three acknowledged versions and released notes', async () => {
    const web = await signInAs(t, 'la');
    const res = await web.get(SE);
    expect(res.statusCode).toBe(200);
    const html = decodeHtml(res.body);
    expect(html).toContain('What do you know about the quality and impact of social work practice');
    expect(html).toContain('Version 3');
    const meetings = await web.get('/las/demo-northfield/engagement');
    expect(meetings.statusCode).toBe(200);
    expect(decodeHtml(meetings.body)).toContain('Released');
    console.log(`demo seeded in ${seedMs} ms`);
  });
});

describe('an LA user writes and submits; the region acknowledges', () => {
  it('saves a draft, attaches a document, submits version 4, and never sees risk', async () => {
    const web = await signInAs(t, 'la');
    const form = await web.get(`${SE}/draft`);
    expect(form.statusCode).toBe(200);
    expect(decodeHtml(form.body)).toContain('How do you know it?');
    const blank = await web.post(`${SE}/draft`, {
      answer_0: '',
      answer_1: '',
      answer_2: '',
      improvementPlan: '',
      reformProgramme: '',
      intent: 'submit',
    });
    expect(blank.statusCode).toBe(400);
    expect(errorSummary(blank.body).length).toBe(3);
    const saved = await web.post(`${SE}/draft`, {
      answer_0: 'We know practice is improving.',
      answer_1: 'Audits.',
      answer_2: 'Keep going.',
      improvementPlan: 'Plan text',
      reformProgramme: 'Reform text',
      intent: 'save',
    });
    expect(saved.statusCode).toBe(303);
    const body = multipart(
      { _csrf: web.csrfToken!, section: 'improvement_plan' },
      { name: 'plan.pdf', data: PDF },
    );
    const up = await t.app.inject({
      method: 'POST',
      url: `${SE}/files`,
      payload: body.payload,
      headers: {
        'content-type': body.contentType,
        cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    expect(up.statusCode, up.body).toBe(303);
    const draft = decodeHtml((await web.get(`${SE}/draft`)).body);
    expect(draft).toContain('plan.pdf');
    const submitted = await web.post(`${SE}/draft`, {
      answer_0: 'We know practice is improving.',
      answer_1: 'Audits.',
      answer_2: 'Keep going.',
      improvementPlan: 'Plan text',
      reformProgramme: 'Reform text',
      intent: 'submit',
    });
    expect(submitted.statusCode).toBe(303);
    const v4 = await web.get(`${SE}/versions/4`);
    expect(v4.statusCode).toBe(200);
    expect(decodeHtml(v4.body)).toContain('Awaiting acknowledgement');
    const entry = await t.database.db
      .selectFrom('intelligence_entries')
      .selectAll()
      .where('la_id', '=', 'demo-northfield')
      .where('title', '=', 'Self-evaluation of social work practice, version 4')
      .executeTakeFirst();
    expect(entry?.kind).toBe('self_evaluation');
    const compare = await web.get(`${SE}/compare?from=3&to=4`);
    expect(compare.statusCode).toBe(200);
    expect(decodeHtml(compare.body)).toContain('Changed');
    for (const url of ['/las/demo-northfield/risk', '/risk/regional', '/self-evaluations'])
      expect((await web.get(url)).statusCode, url).toBe(404);
    expect((await web.get('/las/demo-northfield/engagement/new')).statusCode).toBe(404);
    // Another LA's self-evaluation is not there for them.
    expect((await web.get('/las/E08000001/self-evaluation')).statusCode).toBe(404);
  });

  it('the region acknowledges version 4 once; the LA sees who did', async () => {
    const web = await signInAs(t, 'regional');
    const page = await web.get(`${SE}/versions/4`);
    expect(decodeHtml(page.body)).toContain('Acknowledge receipt');
    // The regional user cannot write the LA's draft.
    expect((await web.get(`${SE}/draft`)).statusCode).toBe(403);
    const ack = await web.post(`${SE}/versions/4/acknowledge`, { note: 'Thank you' });
    expect(ack.statusCode).toBe(303);
    expect((await web.post(`${SE}/versions/4/acknowledge`, {})).statusCode).toBe(409);
    const la = await signInAs(t, 'la');
    expect(decodeHtml((await la.get(`${SE}/versions/4`)).body)).toContain(
      'Acknowledged by Rhys Evans',
    );
    expect((await la.post(`${SE}/versions/3/acknowledge`, {})).statusCode).toBe(403);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'self_evaluation.acknowledged')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('the region lists LAs that have not submitted in the last 12 months; national sees every region', async () => {
    const web = await signInAs(t, 'regional');
    const res = await web.get('/self-evaluations');
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('North West');
    const html = decodeHtml(res.body);
    expect(html).toContain('Not submitted in the last 12 months');
    expect(html).not.toContain('Northfield (demo)');
    expect((await web.get('/self-evaluations?region=London')).statusCode).toBe(404);
    const national = await signInAs(t, 'national');
    const all = await national.get('/self-evaluations');
    expect(all.statusCode).toBe(200);
    expect(h1(all.body)).toBe('Every region');
    expect(all.body).toContain('rel="next"');
    const risk = decodeHtml((await web.get('/risk/regional')).body);
    expect(risk).toContain('Last self-evaluation');
  });
});

describe('the annual engagement meeting', () => {
  it('the region records a meeting with the proposed agenda, releases notes; the LA reads only them', async () => {
    const web = await signInAs(t, 'regional');
    const form = await web.get('/las/demo-northfield/engagement/new');
    expect(form.statusCode).toBe(200);
    const html = decodeHtml(form.body);
    expect(html).toContain('Self-evaluation (version 4');
    const agenda = [...form.body.matchAll(/name="agenda" type="checkbox" value="([^"]+)"/g)].map(
      (m) => decodeHtml(m[1]!),
    );
    expect(agenda.length).toBeGreaterThan(2);
    // The demo's meetings are in the last three years: 2020 is free.
    const res = await web.post('/las/demo-northfield/engagement', {
      'meetingOn-day': '1',
      'meetingOn-month': '1',
      'meetingOn-year': '2020',
      attendees: 'DCS\nSHMI',
      agenda,
      notes: 'Internal: whistle-blowing about caseloads discussed.',
      action_0: 'Send the audit summary',
      owner_0: 'Head of QA',
      due_0: '2027-02-01',
    });
    expect(
      res.statusCode,
      errorSummary(res.body)
        .map((e) => e.text)
        .join(),
    ).toBe(303);
    const url = res.headers.location!.split('?')[0]!;
    const la = await signInAs(t, 'la');
    expect((await la.get(url)).statusCode).toBe(404);
    const rel = await web.post(`${url}/release`, {
      releasedNotes: 'We discussed your self-evaluation.',
      withActions: ['yes', 'no'],
    });
    expect(rel.statusCode).toBe(303);
    const seen = decodeHtml((await la.get(url)).body);
    expect(seen).toContain('We discussed your self-evaluation.');
    expect(seen).toContain('Send the audit summary');
    expect(seen).not.toContain('whistle-blowing');
    const national = await signInAs(t, 'national');
    const full = await national.get(url);
    expect(full.statusCode).toBe(200);
    expect(decodeHtml(full.body)).toContain('whistle-blowing');
    expect((await national.get(`${url}/edit`)).statusCode).toBe(403);
  });
});

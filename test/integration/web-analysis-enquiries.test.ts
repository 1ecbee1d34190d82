// Lines of enquiry and hypotheses in the browser, without JavaScript: create one, link and
// unlink evidence by reference, see the challenging evidence the system finds, be refused when
// closing before it was reviewed, review it, then close with a conclusion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  brokenErrorAnchors,
  createTestApp,
  decodeHtml,
  errorSummary,
  h1,
  signInAs,
  type TestApp,
  type WebClient,
} from '../helpers/app.js';

let t: TestApp;
let base: string;
let lead: WebClient;
let demoLine: string;

beforeAll(async () => {
  t = await createTestApp();
  base = `/activities/${t.demo.activityId}/enquiries`;
  lead = await signInAs(t, 'lead');
  const row = await t.database.db
    .selectFrom('lines_of_enquiry')
    .select('id')
    .where('activity_id', '=', t.demo.activityId)
    .executeTakeFirstOrThrow();
  demoLine = `${base}/${row.id}`;
});
afterAll(async () => t?.close());

const checkboxValues = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`name="${name}" type="checkbox" value="([^"]+)"`, 'g'))].map(
    (m) => m[1]!,
  );

describe('lines of enquiry and hypotheses', () => {
  it('lists them and creates a hypothesis with what it is about', async () => {
    const list = await lead.get(base);
    expect(list.statusCode).toBe(200);
    expect(h1(list.body)).toBe('Lines of enquiry and hypotheses');
    expect(list.body).toContain('plans are reviewed when risks change');
    const missing = await lead.post(base, { title: '' });
    expect(missing.statusCode).toBe(400);
    expect(errorSummary(missing.body)[0]).toEqual({
      href: '#title',
      text: 'Enter the line of enquiry or hypothesis',
    });
    const codes = checkboxValues(list.body, 'codeIds');
    const created = await lead.post(base, {
      title: 'Leaders know their services well',
      source: 'self_evaluation',
      judgementAreas: 'impact_of_leaders',
      kind: 'hypothesis',
      direction: 'strength',
      codeIds: codes[0]!,
      searchTerms: 'audit',
    });
    expect(created.statusCode).toBe(303);
    const page = await lead.get(String(created.headers.location));
    expect(h1(page.body)).toBe('Leaders know their services well');
    expect(page.body).toContain('Hypothesis');
    expect(page.body).toContain('The line of enquiry has been created.');
  });

  it('links evidence by reference, refuses an unknown one, and unlinks', async () => {
    const bad = await lead.post(`${demoLine}/evidence`, { reference: 'E999', stance: 'supports' });
    expect(bad.statusCode).toBe(400);
    expect(errorSummary(bad.body)[0]?.href).toBe('#reference');
    expect(brokenErrorAnchors(bad.body)).toEqual([]);
    const ok = await lead.post(`${demoLine}/evidence`, {
      reference: 'E3',
      stance: 'supports',
      note: 'Timely strategy discussion',
    });
    expect(ok.statusCode).toBe(303);
    const page = await lead.get(demoLine);
    expect(page.body).toContain('Timely strategy discussion');
    const unlink = /action="([^"]+\/unlink)"/.exec(page.body)?.[1];
    expect(unlink).toBeDefined();
    expect((await lead.post(unlink!)).statusCode).toBe(303);
    expect((await lead.get(demoLine)).body).not.toContain('Timely strategy discussion');
  });

  it('refuses to close a hypothesis until its challenging evidence was reviewed', async () => {
    const page = await lead.get(demoLine);
    const items = checkboxValues(page.body, 'items');
    expect(items.length).toBeGreaterThan(0);
    expect(page.body).toContain('To look at');
    const refused = await lead.post(`${demoLine}/status`, {
      status: 'closed',
      conclusion: 'Plans are reviewed when risks change.',
    });
    expect(refused.statusCode).toBe(409);
    const problems = errorSummary(refused.body);
    expect(problems[0]?.href).toBe('#status');
    expect(problems.slice(1).every((p) => /not yet reviewed/.test(p.text))).toBe(true);
    expect(problems.length).toBe(items.length + 1);
    expect(brokenErrorAnchors(refused.body)).toEqual([]);
    expect((await lead.get(demoLine)).body).toContain('Not concluded');

    const noNote = await lead.post(`${demoLine}/reviews`, { items, outcome: 'challenges' });
    expect(noNote.statusCode).toBe(400);
    expect(errorSummary(noNote.body).map((e) => e.href)).toEqual(['#note']);
    const reviewed = await lead.post(`${demoLine}/reviews`, {
      items,
      outcome: 'challenges',
      note: 'Two plans drifted: the claim holds only for the front door.',
    });
    expect(reviewed.statusCode).toBe(303);
    const after = await lead.get(demoLine);
    expect(after.body).toContain('0 still to look at');

    const noConclusion = await lead.post(`${demoLine}/status`, { status: 'closed' });
    expect(noConclusion.statusCode).toBe(400);
    expect(errorSummary(noConclusion.body)[0]?.text).toBe('Write the conclusion before closing');
    const closed = await lead.post(`${demoLine}/status`, {
      status: 'closed',
      conclusion: 'Not supported: plans drift when risks increase.',
    });
    expect(closed.statusCode).toBe(303);
    const done = decodeHtml((await lead.get(String(closed.headers.location))).body);
    expect(done).toContain('Not supported: plans drift when risks increase.');
    expect(done).toContain('The status has been changed.');
    const reopen = await lead.post(`${demoLine}/status`, { status: 'exploring' });
    expect(reopen.statusCode).toBe(400);
    expect(errorSummary(reopen.body)[0]?.text).toBe('Say why it is being reopened');
  });

  it('hides them from people who may not read the evidence, and refuses changes by readers', async () => {
    const la = await signInAs(t, 'la');
    expect((await la.get(demoLine)).statusCode).toBe(404);
    const national = await signInAs(t, 'national');
    expect((await national.get(demoLine)).statusCode).toBe(200);
    expect((await national.post(`${demoLine}/status`, { status: 'exploring' })).statusCode).toBe(
      403,
    );
    expect((await lead.get(`${base}/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });
});

// The evidence pages without JavaScript: the list under the judgement headings and its other
// views, the capture form (server-side validation, consent), a record's page, editing with a
// conflict that never overwrites, deleting and restoring, and importing a file.
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
import { makeDocx } from '../helpers/evidence-files.js';
import { multipart } from '../helpers/multipart.js';

let t: TestApp;
let base: string;
let lead: WebClient;

beforeAll(async () => {
  t = await createTestApp();
  base = `/activities/${t.demo.activityId}/evidence`;
  lead = await signInAs(t, 'lead');
});
afterAll(async () => t?.close());

const form = {
  text: 'The team manager reviews every plan weekly; the review notes name the child’s wishes.',
  method: 'manager_leader_meeting',
  'observedOn-day': '24',
  'observedOn-month': '11',
  'observedOn-year': '2026',
  judgementAreas: ['help_and_protection'],
  direction: 'strength',
  newCaseRef: 'C-900',
  minutesSpent: '20',
};

async function record(client: WebClient, extra: Record<string, string | string[]> = {}) {
  const res = await client.post(base, { ...form, ...extra });
  expect(
    res.statusCode,
    errorSummary(res.body)
      .map((e) => e.text)
      .join('; '),
  ).toBe(303);
  return String(res.headers.location).split('?')[0]!;
}

describe('evidence pages', () => {
  it('lists the demo evidence under the judgement headings, and by person, day and theme', async () => {
    const page = await lead.get(base);
    expect(page.statusCode).toBe(200);
    expect(h1(page.body)).toBe('Evidence');
    expect(page.body).toContain('Help and protection');
    expect(page.body).toContain('Not yet filed under a judgement area');
    for (const by of ['person', 'day', 'case', 'team', 'theme', 'method', 'direction']) {
      const view = await lead.get(`${base}?by=${by}`);
      expect(view.statusCode, by).toBe(200);
    }
    // Views with a group per code or case list the groups, each opening its records.
    const byTheme = await lead.get(`${base}?by=theme`);
    expect(byTheme.body).toContain('Evidence by theme (code)');
    const theme = /href="([^"]*by=theme[^"]*group=[^"]*)"/.exec(byTheme.body)?.[1];
    expect(theme).toBeDefined();
    const opened = await lead.get(decodeHtml(theme!));
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toMatch(/>E\d+</);
    const byPerson = await lead.get(`${base}?by=person`);
    expect(byPerson.body).toContain('Record evidence');
    const filtered = await lead.get(`${base}?direction=strength&q=foster`);
    expect(filtered.body).toMatch(/[1-9]\d* records? match/);
  });

  it('pages through one group', async () => {
    for (let i = 0; i < 6; i++) await record(lead, { text: `Paging check ${i}: plans reviewed.` });
    const overview = await lead.get(`${base}?by=method`);
    const open = /href="([^"]*group=manager_leader_meeting[^"]*)"/.exec(overview.body)?.[1];
    expect(open).toBeDefined();
    const group = await lead.get(decodeHtml(open!));
    expect(group.statusCode).toBe(200);
    expect(h1(group.body)).toBe('Evidence: Meeting with a manager or leader');
  });

  it('validates the capture form on the server and asks for consent after a conversation', async () => {
    const empty = await lead.post(base, { text: '', method: '' });
    expect(empty.statusCode).toBe(400);
    expect(errorSummary(empty.body).map((e) => e.text)).toEqual(
      expect.arrayContaining(['Enter the evidence', 'Select how the evidence was gathered']),
    );
    expect(brokenErrorAnchors(empty.body)).toEqual([]);
    const noConsent = await lead.post(base, { ...form, method: 'child_conversation' });
    expect(noConsent.statusCode).toBe(400);
    expect(errorSummary(noConsent.body)[0]?.text).toMatch(/information sheet/);
    expect(brokenErrorAnchors(noConsent.body)).toEqual([]);
    const refused = await lead.post(base, {
      ...form,
      method: 'child_conversation',
      infoSheetGiven: 'yes',
      consentGiven: 'no',
    });
    expect(errorSummary(refused.body)[0]?.text).toMatch(/Without consent/);
    const url = await record(lead, {
      method: 'child_conversation',
      infoSheetGiven: 'yes',
      consentGiven: 'yes',
      givenBy: 'child',
    });
    const shown = await lead.get(url);
    expect(shown.body).toContain('Information sheet given; consent given by child');
  });

  it('shows a record with its fields, codings and versions', async () => {
    const url = await record(lead);
    const page = await lead.get(url);
    expect(page.statusCode).toBe(200);
    expect(h1(page.body)).toMatch(/^E\d+: Meeting with a manager or leader$/);
    expect(decodeHtml(page.body)).toContain(form.text);
    expect(page.body).toContain('C-900');
    expect(page.body).toContain('Version 1');
    expect(page.body).toContain('Not coded yet');
  });

  it('shows the codings of a coded record, read-only', async () => {
    const coding = await t.database.db
      .selectFrom('codings')
      .select(['evidence_id', 'span_text'])
      .where('activity_id', '=', t.demo.activityId)
      .executeTakeFirstOrThrow();
    const page = await lead.get(`${base}/${coding.evidence_id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('In place');
    expect(decodeHtml(page.body)).toContain(coding.span_text);
    expect(page.body).not.toContain('Not coded yet');
  });

  it('edits, and a stale edit gets a conflict page with both versions and never overwrites', async () => {
    const url = await record(lead);
    const inspector = await signInAs(t, 'inspector');
    const editA = await lead.get(`${url}/edit`);
    expect(editA.statusCode).toBe(200);
    const first = await inspector.post(`${url}/edit`, {
      ...form,
      text: 'Inspector’s wording of the evidence.',
      expectedVersion: '1',
    });
    expect(first.statusCode).toBe(303);
    const stale = await lead.post(`${url}/edit`, {
      ...form,
      text: 'Lead’s wording of the evidence.',
      expectedVersion: '1',
    });
    expect(stale.statusCode).toBe(409);
    const body = decodeHtml(stale.body);
    expect(body).toContain('Someone else changed this record');
    expect(body).toContain('Inspector’s wording of the evidence.');
    expect(body).toContain('Lead’s wording of the evidence.');
    expect(body).toContain('name="expectedVersion" value="2"');
    const after = decodeHtml((await lead.get(url)).body);
    expect(after).toContain('Inspector’s wording of the evidence.');
    expect(after).not.toContain('Lead’s wording of the evidence.');
    // Saving again is an explicit choice against the current version.
    const again = await lead.post(`${url}/edit`, {
      ...form,
      text: 'Lead’s wording of the evidence.',
      expectedVersion: '2',
    });
    expect(again.statusCode).toBe(303);
    expect(decodeHtml((await lead.get(url)).body)).toContain('Version 3');
  });

  it('deletes (recorded, reversible) and restores', async () => {
    const url = await record(lead, { text: 'A record to delete and bring back.' });
    expect((await lead.get(`${url}/delete`)).statusCode).toBe(200);
    const del = await lead.post(`${url}/delete`, {
      reason: 'Recorded twice',
      expectedVersion: '1',
    });
    expect(del.statusCode).toBe(303);
    const deleted = await lead.get(url);
    expect(deleted.body).toContain('Deleted by');
    expect(deleted.body).toContain('Recorded twice');
    const list = await lead.get(`${base}?q=bring`);
    expect(list.body).toContain('0 records match');
    const restore = await lead.post(`${url}/restore`);
    expect(restore.statusCode).toBe(303);
    expect((await lead.get(url)).body).not.toContain('Deleted by');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'in', ['evidence.deleted', 'evidence.restored'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['evidence.deleted', 'evidence.restored']);
  });

  it('imports a .docx file as evidence and names a bad file', async () => {
    expect((await lead.get(`${base}/import`)).statusCode).toBe(200);
    const docx = makeDocx(['Visits to the child were regular and purposeful.']);
    const ok = await upload(
      lead,
      `${base}/import`,
      { ...flat(form), judgementAreas: 'help_and_protection' },
      {
        name: 'visit notes.docx',
        data: docx,
      },
    );
    expect(ok.statusCode).toBe(303);
    const shown = await lead.get(String(ok.headers.location));
    expect(decodeHtml(shown.body)).toContain('Visits to the child were regular and purposeful.');
    expect(shown.body).toContain('visit notes.docx');
    const bad = await upload(lead, `${base}/import`, flat(form), {
      name: 'broken.docx',
      data: new TextEncoder().encode('not a zip'),
    });
    expect(bad.statusCode).toBe(422);
    expect(errorSummary(bad.body)[0]?.href).toBe('#file');
    const none = await upload(lead, `${base}/import`, flat(form));
    expect(none.statusCode).toBe(400);
    expect(errorSummary(none.body)[0]?.text).toBe('Select a .txt, .docx or .pdf file');
  });

  it('offers no capture to people who may only read, and hides the evidence from others', async () => {
    const national = await signInAs(t, 'national');
    const list = await national.get(base);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('Record evidence');
    expect((await national.get(`${base}/new`)).statusCode).toBe(403);
    const la = await signInAs(t, 'la');
    expect((await la.get(base)).statusCode).toBe(404);
  });
});

function flat(f: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(f).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]),
  );
}

async function upload(
  client: WebClient,
  url: string,
  fields: Record<string, string>,
  file?: { name: string; data: Uint8Array },
) {
  const body = multipart({ _csrf: client.csrfToken ?? '', ...fields }, file);
  return t.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: {
      'content-type': body.contentType,
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
}

// Documents kept beside intelligence entries (issue 13): checked as every attachment is (type by
// content, size, the scan hook), downloaded under the entry's read rule (confidential kinds never
// to the LA or an inspection team; the LA only entries shared with it), audited. Through the use
// cases, the page (a multipart form), and the JSON API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntelligenceEntry } from '../../src/data/repositories/intelligence.js';
import { attachIntelligenceFile } from '../../src/usecases/risk/attach-intelligence-file.js';
import { downloadIntelligenceFile } from '../../src/usecases/risk/download-intelligence-file.js';
import { getIntelligenceEntry } from '../../src/usecases/risk/get-intelligence-entry.js';
import { listIntelligenceLog } from '../../src/usecases/risk/list-intelligence.js';
import { recordIntelligence } from '../../src/usecases/risk/record-intelligence.js';
import { removeIntelligenceFile } from '../../src/usecases/risk/remove-intelligence-file.js';
import { createTestApp, decodeHtml, signInAs, type TestApp } from '../helpers/app.js';
import { multipart } from '../helpers/multipart.js';
import { demoContexts } from '../helpers/reports.js';
import { todayInEngland } from '../../src/clock.js';

let t: TestApp;
let c: Awaited<ReturnType<typeof demoContexts>>;
const LA = 'demo-northfield';
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2]);
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

let shared: IntelligenceEntry;
let internal: IntelligenceEntry;
let complaint: IntelligenceEntry;
const files: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  c = await demoContexts(t.database.db);
  const base = { laId: LA, source: 'Test', receivedOn: todayInEngland() };
  shared = await recordIntelligence(c.regional, {
    ...base,
    kind: 'dfe_intervention',
    title: 'Improvement notice lifted',
    sharedWithLa: true,
  });
  internal = await recordIntelligence(c.regional, {
    ...base,
    kind: 'serious_incident',
    title: 'Serious incident notification',
  });
  complaint = await recordIntelligence(c.regional, {
    ...base,
    kind: 'complaint',
    title: 'Complaint about a placement',
  });
}, 400_000);
afterAll(async () => t?.close());

describe('attaching a document to an intelligence entry', () => {
  it('is for regional staff of the region, checked by content', async () => {
    for (const e of [shared, internal, complaint]) {
      const a = await attachIntelligenceFile(
        c.regional,
        { laId: LA, entryId: e.id, fileName: 'letter.pdf' },
        PDF,
      );
      expect(a).toMatchObject({ entryId: e.id, mediaType: 'application/pdf', sizeBytes: 48 });
      files[e.id] = a.id;
    }
    expect(
      await codeOf(
        attachIntelligenceFile(
          c.regional,
          { laId: LA, entryId: shared.id, fileName: 'minutes.docx' },
          PNG,
        ),
      ),
    ).toBe('ATTACHMENT_REFUSED');
    const attach = (ctx: typeof c.lead, entryId: string) =>
      codeOf(attachIntelligenceFile(ctx, { laId: LA, entryId, fileName: 'x.pdf' }, PDF));
    // The team reads the picture but does not write it; the LA reads only what is shared.
    expect(await attach(c.lead, internal.id)).toBe('FORBIDDEN');
    expect(await attach(c.la, shared.id)).toBe('FORBIDDEN');
    expect(await attach(c.la, internal.id)).toBe('NOT_FOUND');
    expect(await attach(c.researcher, shared.id)).toBe('NOT_FOUND');
    // An entry named under another LA is not found.
    expect(
      await codeOf(
        attachIntelligenceFile(
          c.regional,
          { laId: 'E08000001', entryId: shared.id, fileName: 'x.pdf' },
          PDF,
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('downloads follow the entry: never a confidential kind to the LA or the team', async () => {
    const get = (ctx: typeof c.lead, e: IntelligenceEntry) =>
      codeOf(
        downloadIntelligenceFile(ctx, { laId: LA, entryId: e.id, attachmentId: files[e.id]! }),
      );
    expect(await get(c.regional, complaint)).toBe('ok');
    expect(await get(c.la, shared)).toBe('ok');
    expect(await get(c.la, internal)).toBe('NOT_FOUND');
    expect(await get(c.la, complaint)).toBe('NOT_FOUND');
    expect(await get(c.lead, internal)).toBe('ok');
    expect(await get(c.lead, complaint)).toBe('NOT_FOUND');
    expect(await get(c.researcher, shared)).toBe('NOT_FOUND');
    // Another entry's file is not found through this one.
    expect(
      await codeOf(
        downloadIntelligenceFile(c.regional, {
          laId: LA,
          entryId: shared.id,
          attachmentId: files[internal.id]!,
        }),
      ),
    ).toBe('NOT_FOUND');
    const file = await downloadIntelligenceFile(c.la, {
      laId: LA,
      entryId: shared.id,
      attachmentId: files[shared.id]!,
    });
    expect(Buffer.from(file.bytes).equals(Buffer.from(PDF))).toBe(true);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'la_id'])
      .where('entity_id', '=', files[shared.id]!)
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['attachment.uploaded', 'attachment.downloaded']),
    );
    expect(new Set(audit.map((a) => a.la_id))).toEqual(new Set([LA]));
    // The team's log leaves out what it may not open.
    const teamLog = await listIntelligenceLog(c.lead, { laId: LA, limit: 200 });
    expect(teamLog.entries.map((e) => e.id)).toContain(internal.id);
    expect(teamLog.entries.map((e) => e.id)).not.toContain(complaint.id);
    const regionLog = await listIntelligenceLog(c.regional, { laId: LA, limit: 200 });
    expect(regionLog.entries.map((e) => e.id)).toContain(complaint.id);
    const view = await getIntelligenceEntry(c.la, { laId: LA, entryId: shared.id });
    expect(view.canWrite).toBe(false);
    expect(view.attachments.map((a) => a.id)).toEqual([files[shared.id]]);
  });
});

describe('the entry page and the API', () => {
  it('offers regional staff a file upload and takes a multipart form', async () => {
    const web = await signInAs(t, 'regional');
    const url = `/las/${LA}/intelligence/${internal.id}`;
    const log = await web.get(`/las/${LA}/intelligence`);
    expect(log.body).toContain(url);
    const page = await web.get(url);
    expect(page.statusCode).toBe(200);
    expect(decodeHtml(page.body)).toContain('Attach a document');
    expect(page.body).toContain('type="file"');
    const cookie = [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const send = (name: string, data: Uint8Array) => {
      const body = multipart({ _csrf: web.csrfToken ?? '' }, { name, data });
      return t.app.inject({
        method: 'POST',
        url: `${url}/attachments`,
        payload: body.payload,
        headers: { 'content-type': body.contentType, cookie },
      });
    };
    const wrong = await send('report.docx', PNG);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('its content is a PNG image');
    const ok = await send('chart.png', PNG);
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${url}?done=attached#files`);
    const after = await web.get(`${url}?done=attached`);
    expect(decodeHtml(after.body)).toContain('chart.png');
  });

  it('shows the LA a shared entry without the form, and nothing of the others', async () => {
    const la = await signInAs(t, 'la');
    const page = await la.get(`/las/${LA}/intelligence/${shared.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('type="file"');
    expect(page.body).toContain(`/attachments/${files[shared.id]}`);
    const dl = await la.get(`/las/${LA}/intelligence/${shared.id}/attachments/${files[shared.id]}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toContain('attachment');
    expect((await la.get(`/las/${LA}/intelligence/${complaint.id}`)).statusCode).toBe(404);
    expect(
      (await la.get(`/las/${LA}/intelligence/${complaint.id}/attachments/${files[complaint.id]}`))
        .statusCode,
    ).toBe(404);
  });

  it('takes a raw body through the API, lists and downloads it', async () => {
    const signIn = (email: string) =>
      t.app
        .inject({
          method: 'POST',
          url: '/api/v1/sessions',
          payload: { email, password: 'demo-password-for-tests-123' },
        })
        .then((r) => ({ authorization: `Bearer ${r.json<{ token: string }>().token}` }));
    const auth = await signIn('regional@triangulate.example');
    const base = `/api/v1/las/${LA}/intelligence/${shared.id}/attachments`;
    const up = await t.app.inject({
      method: 'POST',
      url: `${base}?fileName=notice.pdf&contentType=application/pdf`,
      payload: Buffer.from(PDF),
      headers: { ...auth, 'content-type': 'application/octet-stream' },
    });
    expect(up.statusCode, up.body).toBe(201);
    const a = up.json<{ id: string; mediaType: string; downloadUrl: string }>();
    expect(a.mediaType).toBe('application/pdf');
    const list = await t.app.inject({ method: 'GET', url: base, headers: auth });
    expect(list.json<{ attachments: { id: string }[] }>().attachments.map((x) => x.id)).toContain(
      a.id,
    );
    const dl = await t.app.inject({ method: 'GET', url: a.downloadUrl, headers: auth });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(Buffer.from(PDF))).toBe(true);
    const la = await signIn('dcs@northfield.example');
    const refused = await t.app.inject({
      method: 'POST',
      url: `${base}?fileName=notice.pdf`,
      payload: Buffer.from(PDF),
      headers: { ...la, 'content-type': 'application/octet-stream' },
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('removing a document from an entry', () => {
  const attachTo = async (e: IntelligenceEntry, name: string) =>
    (await attachIntelligenceFile(c.regional, { laId: LA, entryId: e.id, fileName: name }, PDF)).id;

  it('is for those who may attach: the bytes go, the audit log keeps the SHA-256', async () => {
    const id = await attachTo(internal, 'to-remove.pdf');
    const remove = (ctx: typeof c.lead, e: IntelligenceEntry, attachmentId = id) =>
      codeOf(removeIntelligenceFile(ctx, { laId: LA, entryId: e.id, attachmentId }));
    expect(await remove(c.lead, internal)).toBe('FORBIDDEN');
    expect(await remove(c.admin, internal)).toBe('FORBIDDEN');
    expect(await remove(c.la, internal)).toBe('NOT_FOUND');
    expect(await remove(c.researcher, internal)).toBe('NOT_FOUND');
    // Not through another entry.
    expect(await remove(c.regional, shared)).toBe('NOT_FOUND');
    const removed = await removeIntelligenceFile(c.regional, {
      laId: LA,
      entryId: internal.id,
      attachmentId: id,
      reason: 'Filed against the wrong entry',
    });
    expect(removed.fileName).toBe('to-remove.pdf');
    expect(await remove(c.regional, internal)).toBe('NOT_FOUND');
    expect(
      await codeOf(
        downloadIntelligenceFile(c.regional, { laId: LA, entryId: internal.id, attachmentId: id }),
      ),
    ).toBe('NOT_FOUND');
    const left = await t.database.db
      .selectFrom('attachment_contents')
      .select('attachment_id')
      .where('attachment_id', '=', id)
      .execute();
    expect(left).toHaveLength(0);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'la_id', 'before', 'reason'])
      .where('entity_id', '=', id)
      .where('action', '=', 'attachment.deleted')
      .execute();
    expect(audit).toHaveLength(1);
    const before = (
      typeof audit[0]!.before === 'string' ? JSON.parse(audit[0]!.before) : audit[0]!.before
    ) as { sha256: string; owner: string; fileName: string };
    expect(before).toMatchObject({
      owner: 'intelligence_entry',
      fileName: 'to-remove.pdf',
      sha256: removed.sha256,
    });
    expect(before.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(audit[0]!.la_id).toBe(LA);
    expect(audit[0]!.reason).toBe('Filed against the wrong entry');
  });

  it('has a Remove button on the entry page for regional staff, none for the LA', async () => {
    const id = await attachTo(shared, 'page-remove.pdf');
    const web = await signInAs(t, 'regional');
    const url = `/las/${LA}/intelligence/${shared.id}`;
    const action = `${url}/attachments/${id}/remove`;
    expect((await web.get(url)).body).toContain(`action="${action}"`);
    const la = await signInAs(t, 'la');
    const laPage = await la.get(url);
    expect(laPage.body).toContain(`/attachments/${id}`);
    expect(laPage.body).not.toContain('/remove"');
    expect((await la.post(action)).statusCode).toBe(403);
    const res = await web.post(action);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${url}?done=removed#files`);
    const after = decodeHtml((await web.get(`${url}?done=removed`)).body);
    expect(after).toContain('The document has been removed from the entry.');
    expect(after).not.toContain('page-remove.pdf');
  });

  it('takes a DELETE through the API', async () => {
    const id = await attachTo(shared, 'api-remove.pdf');
    const signIn = (email: string) =>
      t.app
        .inject({
          method: 'POST',
          url: '/api/v1/sessions',
          payload: { email, password: 'demo-password-for-tests-123' },
        })
        .then((r) => ({ authorization: `Bearer ${r.json<{ token: string }>().token}` }));
    const base = `/api/v1/las/${LA}/intelligence/${shared.id}/attachments`;
    const la = await signIn('dcs@northfield.example');
    const refused = await t.app.inject({ method: 'DELETE', url: `${base}/${id}`, headers: la });
    expect(refused.statusCode).toBe(403);
    const auth = await signIn('regional@triangulate.example');
    const del = await t.app.inject({ method: 'DELETE', url: `${base}/${id}`, headers: auth });
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json<{ id: string; sha256: string }>()).toMatchObject({ id });
    const list = await t.app.inject({ method: 'GET', url: base, headers: auth });
    expect(
      list.json<{ attachments: { id: string }[] }>().attachments.map((x) => x.id),
    ).not.toContain(id);
    const again = await t.app.inject({ method: 'DELETE', url: `${base}/${id}`, headers: auth });
    expect(again.statusCode).toBe(404);
  });
});

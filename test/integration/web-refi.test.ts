// The REFI-QDA exchange page without JavaScript: downloads of the project (.qdpx, a zip with
// project.qde) and the codebook (.qdc), an upload answered by the import report, and an invalid
// file refused with the element and the problem named, nothing imported.
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  decodeHtml,
  errorSummary,
  h1,
  signInAs,
  type TestApp,
  type WebClient,
} from '../helpers/app.js';
import { multipart } from '../helpers/multipart.js';

let t: TestApp;
let base: string;
let lead: WebClient;

beforeAll(async () => {
  t = await createTestApp();
  base = `/activities/${t.demo.activityId}/refi`;
  lead = await signInAs(t, 'lead');
});
afterAll(async () => t?.close());

async function upload(
  client: WebClient,
  fields: Record<string, string>,
  file?: { name: string; data: Uint8Array },
) {
  const body = multipart({ _csrf: client.csrfToken ?? '', ...fields }, file);
  return t.app.inject({
    method: 'POST',
    url: base,
    payload: body.payload,
    headers: {
      'content-type': body.contentType,
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
}

const evidenceCount = async () =>
  (
    await t.database.db
      .selectFrom('evidence_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

describe('REFI-QDA exchange page', () => {
  let qdpx: Buffer;

  it('offers the project and the codebook as downloads', async () => {
    const page = await lead.get(base);
    expect(page.statusCode).toBe(200);
    expect(h1(page.body)).toBe('Exchange with other analysis tools');
    const project = await lead.get(`${base}/project.qdpx`);
    expect(project.statusCode).toBe(200);
    expect(project.headers['content-type']).toBe('application/zip');
    expect(project.headers['content-disposition']).toMatch(/^attachment; filename=".+\.qdpx"$/);
    qdpx = project.rawPayload;
    const files = unzipSync(new Uint8Array(qdpx));
    expect(Object.keys(files)).toContain('project.qde');
    expect(Object.keys(files).some((f) => f.startsWith('sources/'))).toBe(true);
    const codebook = await lead.get(`${base}/codebook.qdc`);
    expect(codebook.statusCode).toBe(200);
    expect(codebook.headers['content-disposition']).toMatch(/\.qdc"$/);
    expect(codebook.body).toMatch(/<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/);
  });

  it('imports an uploaded project and shows the report', async () => {
    const res = await upload(lead, {}, { name: 'demo.qdpx', data: qdpx });
    expect(res.statusCode).toBe(200);
    const body = decodeHtml(res.body);
    expect(body).toContain('demo.qdpx (qdpx');
    expect(body).toContain('was imported in full');
    expect(body).toMatch(/0 new, \d+ already here/);
  });

  it('refuses an invalid file naming the element, importing nothing', async () => {
    const before = await evidenceCount();
    const bad = zipSync({
      'project.qde': strToU8(
        '<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes><Code guid="c-joy" name="Joy" isCodable="true"/></Codes></CodeBook></Project>',
      ),
    });
    const res = await upload(lead, {}, { name: 'bad.qdpx', data: bad });
    expect(res.statusCode).toBe(422);
    const problems = errorSummary(res.body);
    expect(problems[0]?.href).toBe('#file');
    expect(problems.map((p) => p.text).join('\n')).toContain(
      'Project/CodeBook[1]/Codes[1]/Code[1]',
    );
    expect(await evidenceCount()).toBe(before);
    const none = await upload(lead, {});
    expect(none.statusCode).toBe(400);
    expect(errorSummary(none.body)[0]?.text).toBe('Select a .qdpx, .qde or .qdc file');
  });

  it('lets readers download but not upload', async () => {
    const national = await signInAs(t, 'national');
    const page = await national.get(base);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Upload and import');
    expect((await national.get(`${base}/codebook.qdc`)).statusCode).toBe(200);
    expect((await upload(national, {}, { name: 'demo.qdpx', data: qdpx })).statusCode).toBe(403);
    const la = await signInAs(t, 'la');
    expect((await la.get(`${base}/project.qdpx`)).statusCode).toBe(404);
  });
});

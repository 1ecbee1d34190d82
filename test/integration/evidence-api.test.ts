import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { buildApp } from '../../src/server/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { makeEvidenceTeam, type EvidenceTeam } from '../helpers/evidence.js';
import { makeDocx, makePdf } from '../helpers/evidence-files.js';

let t: TestDatabase;
let app: FastifyInstance;
let team: EvidenceTeam;
const tokens: Record<string, string> = {};

async function call(who: string, method: string, url: string, payload?: unknown) {
  const res = await app.inject({
    method: method as 'GET',
    url,
    headers: { authorization: `Bearer ${tokens[who]}` },
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are checked by the assertions
  return { status: res.statusCode, body: res.json() as Record<string, any> };
}

beforeAll(async () => {
  t = await createTestDatabase();
  team = await makeEvidenceTeam(t.db, 'api');
  app = await buildApp({
    config: { logLevel: 'silent', sessionSecret: undefined },
    database: t,
    catalog: loadActivityTypeCatalog(),
  });
  for (const who of ['lead', 'member', 'la']) {
    const email = who === 'la' ? 'api-dcs@example.org' : `api-${who}@example.org`;
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email, password: 'fixture password 123' },
    });
    tokens[who] = r.json<{ token: string }>().token;
  }
});
afterAll(async () => {
  await app?.close();
  await t?.destroy();
});

describe('evidence JSON API', () => {
  it('records, lists under headings, codes an emoji span and reports edit conflicts', async () => {
    const base = `/api/v1/activities/${team.activity.id}`;
    const text = 'Zoë 👩‍👧 said she feels listened to by her social worker.';
    const rec = await call('member', 'POST', `${base}/evidence`, {
      text,
      method: 'child_conversation',
      caseRef: 'C-9',
      newCase: true,
      judgementAreas: ['children_in_care'],
      childVoice: true,
      consent: { infoSheetGiven: true, consentGiven: true, givenBy: 'child' },
    });
    expect(rec.status).toBe(201);
    expect(rec.body).toMatchObject({ reference: 'E1', version: 1, textLength: 56 });

    const list = await call('lead', 'GET', `${base}/evidence?fullText=false`);
    expect(list.status).toBe(200);
    expect(list.body.groups.map((g: { key: string }) => g.key)).toEqual([
      'impact_of_leaders',
      'help_and_protection',
      'children_in_care',
      'care_leavers',
      '',
    ]);
    const byCase = await call('lead', 'GET', `${base}/evidence?by=case&methods=child_conversation`);
    expect(byCase.body.groups[0]).toMatchObject({ label: 'C-9', count: 1 });

    const codes = await call('member', 'GET', `${base}/codes`);
    const voice = codes.body.codes.find(
      (c: { frameworkKey: string }) => c.frameworkKey === 'children_in_care.voice',
    );
    const coded = await call('member', 'POST', `${base}/codings`, {
      evidenceId: rec.body.id,
      codeIds: [voice.id],
      start: 0,
      end: 12,
      evidenceVersion: 1,
      spanText: 'Zoë 👩‍👧 said',
    });
    expect(coded.status).toBe(201);
    expect(coded.body.codings[0]).toMatchObject({ start: 0, end: 12, spanText: 'Zoë 👩‍👧 said' });

    const first = await call('lead', 'PATCH', `${base}/evidence/${rec.body.id}`, {
      expectedVersion: 1,
      direction: 'strength',
    });
    expect(first.body).toMatchObject({ changed: true, record: { version: 2 } });
    const second = await call('member', 'PATCH', `${base}/evidence/${rec.body.id}`, {
      expectedVersion: 1,
      direction: 'area_for_improvement',
    });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain(`changed by ${team.lead.displayName}`);

    const detail = await call('member', 'GET', `${base}/evidence/${rec.body.id}?versions=true`);
    expect(detail.body.versions).toHaveLength(2);
    expect(detail.body.codings[0].codeName).toBe(voice.name);

    const hidden = await call('la', 'GET', `${base}/evidence/${rec.body.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('NOT_FOUND');
  });

  it('imports .docx and .pdf text and refuses a broken file clearly', async () => {
    const base = `/api/v1/activities/${team.activity.id}/evidence/import`;
    const docx = await call('member', 'POST', base, {
      fileName: 'KIT notes.docx',
      method: 'manager_leader_meeting',
      contentBase64: Buffer.from(
        makeDocx(['Leaders know their services well.', 'Second point.']),
      ).toString('base64'),
    });
    expect(docx.status).toBe(201);
    expect(docx.body).toMatchObject({
      sourceKind: 'docx',
      sourceFile: 'KIT notes.docx',
      textLength: 47,
    });
    const pdf = await call('member', 'POST', base, {
      fileName: 'audit.pdf',
      method: 'la_audit',
      contentBase64: Buffer.from(makePdf(['The audit found plans were up to date.'])).toString(
        'base64',
      ),
    });
    expect(pdf.body).toMatchObject({ sourceKind: 'pdf' });
    const bad = await call('member', 'POST', base, {
      fileName: 'broken.docx',
      method: 'la_audit',
      contentBase64: Buffer.from('not a zip at all').toString('base64'),
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'IMPORT_INVALID' });
  });

  it('documents the evidence routes in OpenAPI', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    for (const p of [
      '/api/v1/activities/{id}/evidence',
      '/api/v1/activities/{id}/evidence/{evidenceId}',
      '/api/v1/activities/{id}/codes',
      '/api/v1/activities/{id}/codings',
      '/api/v1/activities/{id}/cases',
      '/api/v1/activities/{id}/memos',
      '/api/v1/activities/{id}/lines-of-enquiry',
    ])
      expect(doc.paths[p], p).toBeDefined();
  });
});

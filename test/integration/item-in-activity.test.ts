// Item routes name their activity (/api/v1/activities/:id/memos/:memoId): the use case serving
// the request checks the item belongs to that activity. Someone on two teams who names one
// activity's URL with the other activity's item gets 404 and changes nothing.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { buildApp } from '../../src/server/app.js';
import { addTeamMember } from '../../src/usecases/activities/add-team-member.js';
import { createCase } from '../../src/usecases/cases/create-case.js';
import { codeSpan } from '../../src/usecases/coding/code-span.js';
import { createCode } from '../../src/usecases/coding/create-code.js';
import { markVignette } from '../../src/usecases/analysis/mark-vignette.js';
import { recordEvidence } from '../../src/usecases/evidence/record-evidence.js';
import { createLineOfEnquiry } from '../../src/usecases/analysis/create-line-of-enquiry.js';
import { createMemo } from '../../src/usecases/memos/create-memo.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { contextFor, makeEvidenceTeam, type EvidenceTeam } from '../helpers/evidence.js';

let t: TestDatabase;
let app: FastifyInstance;
let a: EvidenceTeam;
let b: EvidenceTeam;
let token = '';
const ids = {
  evidence: '',
  code: '',
  coding: '',
  case: '',
  memo: '',
  line: '',
  vignette: '',
};

async function call(method: string, url: string, payload?: unknown) {
  const res = await app.inject({
    method: method as 'GET',
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
  return res.statusCode;
}

beforeAll(async () => {
  t = await createTestDatabase();
  a = await makeEvidenceTeam(t.db, 'ia');
  b = await makeEvidenceTeam(t.db, 'ib');
  // A's team inspector is on B's team too: access to both, so only ownership can refuse.
  await addTeamMember(contextFor(t.db, b.lead), {
    activityId: b.activity.id,
    userId: a.member.userId,
    teamRole: 'team_inspector',
  });
  const inB = contextFor(t.db, b.lead);
  const activityId = b.activity.id;
  const record = await recordEvidence(inB, {
    activityId,
    text: 'The plan was reviewed when the risk changed.',
    method: 'la_audit',
  });
  ids.evidence = record.id;
  ids.code = (await createCode(inB, { activityId, name: 'Plans reviewed' })).id;
  const coded = await codeSpan(inB, {
    evidenceId: record.id,
    codeIds: [ids.code],
    start: 0,
    end: 8,
    evidenceVersion: record.version,
  });
  ids.coding = coded.codings[0]!.id;
  ids.case = (await createCase(inB, { activityId, kind: 'child', reference: 'C-1' })).id;
  ids.memo = (await createMemo(inB, { activityId, targetType: 'activity', text: 'A memo' })).id;
  ids.line = (await createLineOfEnquiry(inB, { activityId, title: 'Plans' })).id;
  ids.vignette = (
    await markVignette(inB, { activityId, evidenceId: record.id, start: 0, end: 8 })
  ).id;
  app = await buildApp({
    config: { logLevel: 'silent', sessionSecret: undefined },
    database: t,
    catalog: loadActivityTypeCatalog(),
  });
  const r = await app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { email: 'ia-member@example.org', password: 'fixture password 123' },
  });
  token = r.json<{ token: string }>().token;
});
afterAll(async () => {
  await app?.close();
  await t?.destroy();
});

describe("an item of another activity named under this activity's URL", () => {
  it('answers 404 on every item route and changes nothing', async () => {
    const A = `/api/v1/activities/${a.activity.id}`;
    const line = `${A}/lines-of-enquiry/${ids.line}`;
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', `${A}/evidence/${ids.evidence}`],
      ['PATCH', `${A}/evidence/${ids.evidence}`, { expectedVersion: 1, text: 'Changed.' }],
      ['DELETE', `${A}/evidence/${ids.evidence}`],
      ['POST', `${A}/evidence/${ids.evidence}/restore`, {}],
      ['PATCH', `${A}/codes/${ids.code}`, { expectedVersion: 1, name: 'Renamed' }],
      ['POST', `${A}/codes/${ids.code}/merge`, { targetCodeId: ids.code }],
      [
        'POST',
        `${A}/codings`,
        { evidenceId: ids.evidence, codeIds: [ids.code], start: 9, end: 13, evidenceVersion: 1 },
      ],
      ['DELETE', `${A}/codings/${ids.coding}`],
      ['PATCH', `${A}/cases/${ids.case}`, { expectedVersion: 1, reference: 'C-2' }],
      ['PATCH', `${A}/memos/${ids.memo}`, { expectedVersion: 1, text: 'Changed' }],
      ['DELETE', `${A}/memos/${ids.memo}`],
      ['PATCH', line, { expectedVersion: 1, title: 'Changed' }],
      ['GET', `${line}/challenges`],
      ['PATCH', `${line}/focus`, { kind: 'hypothesis', direction: 'strength', codeIds: [] }],
      ['POST', `${line}/evidence`, { evidenceId: ids.evidence, stance: 'supports' }],
      ['POST', `${line}/status`, { status: 'exploring', expectedVersion: 1 }],
      ['PATCH', `${A}/vignettes/${ids.vignette}`, { expectedVersion: 1, title: 'Changed' }],
      ['DELETE', `${A}/vignettes/${ids.vignette}`],
    ];
    for (const [method, url, body] of attempts) {
      expect({ method, url, status: await call(method, url, body) }).toEqual({
        method,
        url,
        status: 404,
      });
    }
    // Under their own activity's URL the items are all there, unchanged.
    const B = `/api/v1/activities/${b.activity.id}`;
    expect(await call('GET', `${B}/evidence/${ids.evidence}`)).toBe(200);
    expect(await call('GET', `${B}/lines-of-enquiry/${ids.line}/challenges`)).toBe(200);
    const memos = await app.inject({
      method: 'GET',
      url: `${B}/memos`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(memos.json<{ memos: Array<{ id: string; text: string }> }>().memos).toEqual([
      expect.objectContaining({ id: ids.memo, text: 'A memo' }),
    ]);
    const codings = await app.inject({
      method: 'GET',
      url: `${B}/codings`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(codings.json<{ total: number }>().total).toBe(1);
  });

  it('answers 404 on the pages too', async () => {
    const A = `/activities/${a.activity.id}`;
    expect(await call('GET', `${A}/evidence/${ids.evidence}`)).toBe(404);
    expect(await call('GET', `${A}/evidence/${ids.evidence}/edit`)).toBe(404);
    expect(await call('GET', `${A}/enquiries/${ids.line}`)).toBe(404);
  });
});

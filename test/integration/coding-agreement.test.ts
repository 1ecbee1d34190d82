// Inter-coder agreement on an evidence record: two inspectors code the same record blind; the API
// gives agreement per code at character and segment level, says uncoded text was left out, and
// refuses a record only one person coded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCodes } from '../../src/usecases/coding/list-codes.js';
import { codeSpan } from '../../src/usecases/coding/code-span.js';
import { recordEvidence } from '../../src/usecases/evidence/record-evidence.js';
import { actAsAccount } from '../../src/usecases/auth/act-as-account.js';
import { systemActor } from '../../src/domain/access/actor.js';
import { createTestApp, demoEmail, signInAs, type TestApp } from '../helpers/app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('GET /api/v1/activities/:id/evidence/:evidenceId/coding-agreement', () => {
  it('measures two coders’ agreement per code, and refuses a record with one coder', async () => {
    const sys = { db: t.database.db, actor: systemActor('test') };
    const as = async (key: string) => ({
      db: t.database.db,
      actor: await actAsAccount(sys, { email: demoEmail(key) }),
    });
    const lead = await as('lead');
    const inspector = await as('inspector');
    const activityId = t.demo.activityId;
    const text =
      'The plan was reviewed late. The child was not seen alone. Managers noticed the drift.';
    const record = await recordEvidence(lead, { activityId, text, method: 'case_file_reading' });
    const { codes } = await listCodes(lead, { activityId });
    const code = codes.find((c) => c.isCodable)!;
    const url = `/api/v1/activities/${activityId}/evidence/${record.id}/coding-agreement?resamples=50`;
    const reader = await signInAs(t, 'lead');

    await codeSpan(lead, {
      activityId,
      evidenceId: record.id,
      codeIds: [code.id],
      start: 0,
      end: 27,
      evidenceVersion: record.version,
    });
    const one = await reader.get(url);
    expect(one.statusCode).toBe(400);
    expect(one.json<{ error: { message: string } }>().error.message).toMatch(
      /agreement needs two or more/,
    );

    await codeSpan(inspector, {
      activityId,
      evidenceId: record.id,
      codeIds: [code.id],
      start: 0,
      end: 27,
      evidenceVersion: record.version,
    });
    await codeSpan(inspector, {
      activityId,
      evidenceId: record.id,
      codeIds: [code.id],
      start: 28,
      end: 57,
      evidenceVersion: record.version,
    });
    const r = await reader.get(url);
    expect(r.statusCode).toBe(200);
    const body = r.json<{
      uncodedText: string;
      coders: string[];
      codes: {
        code: string;
        characters: number;
        characterLevel: { results: { name: string; value: number | null }[] };
        segmentLevel: { units: number; results: { name: string; value: number | null }[] };
      }[];
    }>();
    expect(body.uncodedText).toBe('excluded');
    expect(body.coders).toHaveLength(2);
    const c = body.codes.find((x) => x.code === code.name)!;
    expect(c.characters).toBe(56);
    const pa = (rs: { name: string; value: number | null }[]) =>
      rs.find((x) => x.name === 'Percentage agreement')!.value;
    expect(pa(c.characterLevel.results)).toBeCloseTo(27 / 56, 10);
    expect(c.segmentLevel.units).toBe(2);
    expect(pa(c.segmentLevel.results)).toBe(0.5);
  });
});

// The language-check JSON API: the report editor posts text and gets findings with offsets it can
// highlight directly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, demoEmail, type TestApp } from '../helpers/app.js';

let t: TestApp;
let auth: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { email: demoEmail('lead'), password: DEMO_PASSWORD },
  });
  auth = { authorization: `Bearer ${r.json<{ token: string }>().token}` };
});
afterAll(async () => t.close());

describe('POST /api/v1/language/lint', () => {
  it('returns positioned findings', async () => {
    const text =
      'Focused visit to Someshire.\nAll children are kept safe. Leaders should introduce a panel.';
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/language/lint',
      headers: auth,
      payload: { text },
    });
    expect(r.statusCode).toBe(200);
    const body = r.json<{ kind: string; findings: Array<Record<string, unknown>> }>();
    expect(body.kind).toBe('focused-visit-letter');
    expect(body.findings.map((f) => f.rule)).toEqual([
      'sweeping-quantifier',
      'certainty',
      'prescription',
    ]);
    const safe = body.findings[1]!;
    expect(text.slice(safe.offset as number, safe.endOffset as number)).toBe('kept safe');
    expect(safe).toMatchObject({ line: 2, column: 18 });
  });

  it('honours rule selection and configuration, and rejects unknown rules', async () => {
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/language/lint',
      headers: auth,
      payload: {
        text: 'The PLO works. All plans are clear.',
        kind: 'inspection-report',
        config: { acronyms: { alsoAllow: ['PLO'] }, disable: ['sweeping-quantifier'] },
      },
    });
    expect(ok.json<{ findings: unknown[] }>().findings).toEqual([]);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/language/lint',
      headers: auth,
      payload: { text: 'x', rules: ['nope'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('lists the rules, and needs a signed-in user', async () => {
    const rules = await t.app.inject({
      method: 'GET',
      url: '/api/v1/language/rules',
      headers: auth,
    });
    expect(rules.json<{ rules: Array<{ id: string }> }>().rules.map((r) => r.id)).toContain(
      'causal-claim',
    );
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/v1/language/lint',
      payload: { text: 'x' },
    });
    expect(anon.statusCode).toBe(401);
  });
});

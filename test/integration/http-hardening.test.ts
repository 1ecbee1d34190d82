// Hostile input at the HTTP edge (issue 10): control characters, redirects after sign-in, upload
// bodies read only after the access check, login throttling, proxies, temporary passwords,
// caching, old password hashes.
import { PassThrough } from 'node:stream';
import argon2 from 'argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowMs, setClock } from '../../src/clock.js';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { systemActor } from '../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { buildApp } from '../../src/server/app.js';
import { MAX_CONCURRENT_UPLOADS_PER_USER } from '../../src/server/plugins/uploads.js';
import { createUser } from '../../src/usecases/users/create-user.js';
import { createTestApp, DEMO_PASSWORD, demoEmail, type TestApp } from '../helpers/app.js';
import { multipart } from '../helpers/multipart.js';

let t: TestApp;
const tokens = new Map<string, string>();
const PASSWORD = 'a long enough password';

async function token(email: string, password = DEMO_PASSWORD): Promise<string> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { email, password },
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ token: string }>().token;
}
const bearer = (key: string) => ({ authorization: `Bearer ${tokens.get(key)}` });

beforeAll(async () => {
  t = await createTestApp();
  for (const key of ['lead', 'researcher', 'analyst']) tokens.set(key, await token(demoEmail(key)));
}, 120_000);
afterAll(async () => t?.close());

describe('control characters', () => {
  it('refuses NUL in JSON fields, form fields and query filters with a 400 naming the field', async () => {
    const a = t.demo.activityId;
    const code = await t.app.inject({
      method: 'POST',
      url: `/api/v1/activities/${a}/codes`,
      headers: bearer('lead'),
      payload: { name: 'Bad\u0000name' },
    });
    expect(code.statusCode).toBe(400);
    expect(code.json().error.details).toEqual([expect.objectContaining({ field: 'name' })]);

    const filter = await t.app.inject({
      method: 'GET',
      url: `/api/v1/activities/${a}/evidence?q=${encodeURIComponent('x\u0000')}`,
      headers: bearer('lead'),
    });
    expect(filter.statusCode).toBe(400);
    expect(filter.json().error.details[0].field).toBe('q');

    const apiSignIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: 'a\u0000@example.org', password: 'x' },
    });
    expect(apiSignIn.statusCode).toBe(400);
    expect(apiSignIn.json().error.details[0].field).toBe('email');

    const formSignIn = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: 'email=a%00%40example.org&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(formSignIn.statusCode).toBe(400);
    expect(formSignIn.body).toContain('email');
  });

  it.each([
    ['memos', { targetType: 'activity', title: 'Memo', text: 'Bad\u0000memo' }, 'text'],
    ['cases', { kind: 'child', reference: 'C\u0000-1' }, 'reference'],
    ['lines-of-enquiry', { title: 'Line\u0000title' }, 'title'],
  ])('refuses NUL in %s with a 400 naming the field', async (path, payload, field) => {
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/v1/activities/${t.demo.activityId}/${path}`,
      headers: bearer('lead'),
      payload,
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().error.details).toEqual([expect.objectContaining({ field })]);
  });

  it('keeps tabs and newlines in text', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/v1/activities/${t.demo.activityId}/codes`,
      headers: bearer('lead'),
      payload: { name: 'Tab and newline', description: 'line one\n\tline two\r\n' },
    });
    expect(r.statusCode).toBe(201);
  });
});

describe('the redirect after sign-in', () => {
  it.each(['/home\nSet-Cookie: x=1', '/%09/evil.example', '//evil.example', '/\\evil.example'])(
    'goes home for next=%j',
    async (next) => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/sign-in',
        payload: { email: demoEmail('inspector'), password: DEMO_PASSWORD, next },
      });
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe('/home');
    },
  );
});

describe('upload bodies', () => {
  const annexA = () => `/api/v1/activities/${t.demo.activityId}/annex-a/imports?fileName=a.csv`;

  it('reads nothing before sign-in, and bodies stay small without it', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 65);
    const upload = await t.app.inject({
      method: 'POST',
      url: annexA(),
      headers: { 'content-type': 'application/octet-stream' },
      payload: big,
    });
    expect(upload.statusCode).toBe(401);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'x@example.org', password: 'y'.repeat(200_000) }),
    });
    expect(json.statusCode).toBe(413);
    expect(json.json().error.code).toBe('UPLOAD_TOO_LARGE');
  });

  it('takes raw bodies only on upload routes', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/v1/activities/${t.demo.activityId}/codes`,
      headers: { ...bearer('lead'), 'content-type': 'application/octet-stream' },
      payload: Buffer.from('hello'),
    });
    expect(r.statusCode).toBe(415);
    expect(r.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('asks the access policies before reading the body', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: annexA(),
      headers: { ...bearer('researcher'), 'content-type': 'application/octet-stream' },
      payload: Buffer.alloc(1024 * 1024, 65),
    });
    expect(r.statusCode).toBe(404);
  });

  it('refuses a file larger than the route takes with 413', async () => {
    const { payload, contentType } = multipart(
      { title: 'x' },
      { name: 'big.txt', data: Buffer.alloc(21 * 1024 * 1024, 65) },
    );
    const r = await t.app.inject({
      method: 'POST',
      url: `/activities/${t.demo.activityId}/evidence/import`,
      headers: { ...bearer('lead'), 'content-type': contentType },
      payload,
    });
    expect(r.statusCode).toBe(413);
  });

  it('caps the uploads one person has in flight', async () => {
    const streams = Array.from(
      { length: MAX_CONCURRENT_UPLOADS_PER_USER },
      () => new PassThrough(),
    );
    const pending = streams.map((s) => {
      s.write(Buffer.alloc(1024, 65));
      return t.app.inject({
        method: 'POST',
        url: annexA(),
        headers: { ...bearer('analyst'), 'content-type': 'application/octet-stream' },
        payload: s,
      });
    });
    // Let both reach the point where they stream the body to disk.
    for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 20));
    const third = await t.app.inject({
      method: 'POST',
      url: annexA(),
      headers: { ...bearer('analyst'), 'content-type': 'application/octet-stream' },
      payload: Buffer.from('x'),
    });
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe('UPLOADS_IN_PROGRESS');
    for (const s of streams) s.end();
    await Promise.all(pending);
    const after = await t.app.inject({
      method: 'POST',
      url: annexA(),
      headers: { ...bearer('analyst'), 'content-type': 'application/octet-stream' },
      payload: Buffer.from(''),
    });
    expect(after.statusCode).not.toBe(429);
  });

  it('caps the uploads the whole process has in flight, whoever sends them', async () => {
    const capped = await buildApp({
      config: { logLevel: 'silent', sessionSecret: undefined },
      database: t.database,
      catalog: loadActivityTypeCatalog(),
      uploadLimits: { perProcess: 2 },
    });
    try {
      const send = (key: string, payload: PassThrough | Buffer) =>
        capped.inject({
          method: 'POST',
          url: annexA(),
          headers: { ...bearer(key), 'content-type': 'application/octet-stream' },
          payload,
        });
      const streams = [new PassThrough(), new PassThrough()];
      const pending = [send('analyst', streams[0]!), send('lead', streams[1]!)];
      for (const s of streams) s.write(Buffer.alloc(1024, 65));
      for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 20));
      // The analyst has one upload in flight (under their own cap), but the process is full.
      const third = await send('analyst', Buffer.from('x'));
      expect(third.statusCode).toBe(429);
      expect(third.json().error).toMatchObject({
        code: 'SERVER_BUSY_WITH_UPLOADS',
        message: expect.stringMatching(/Try again in a minute/),
      });
      for (const s of streams) s.end();
      await Promise.all(pending);
      expect((await send('analyst', Buffer.from(''))).statusCode).not.toBe(429);
    } finally {
      await capped.close();
    }
  });
});

describe('sign-in throttling', () => {
  it('counts concurrent guesses atomically, and delays rather than locks', async () => {
    const email = demoEmail('national');
    // The clock stands still, so the delay cannot pass however slow the machine is.
    const start = nowMs();
    setClock(new Date(start), { frozen: true });
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/sessions',
            payload: { email, password: `wrong guess ${i}` },
          }),
        ),
      );
      const checked = results.filter((r) => r.statusCode === 401).length;
      const throttled = results.filter((r) => r.statusCode === 429).length;
      expect(checked).toBeLessThanOrEqual(5);
      expect(checked + throttled).toBe(20);
      const signIn = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/sessions',
          payload: { email, password: DEMO_PASSWORD },
        });
      // The right password waits for the delay too...
      const right = await signIn();
      expect(right.statusCode).toBe(429);
      expect(right.json().error.message).toMatch(/Wait \d+ (second|minute)/);
      // ...and works once it has passed: a delay, not a lock.
      setClock(new Date(start + 60_000), { frozen: true });
      expect((await signIn()).statusCode).toBe(200);
    } finally {
      // Runs on from there: throttle rows written at that instant must stay in the past.
      setClock(new Date(start + 61_000));
    }
  });

  it('ignores X-Forwarded-For unless the proxy is configured', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      headers: { 'x-forwarded-for': '203.0.113.9' },
      remoteAddress: '192.0.2.10',
      payload: { email: demoEmail('qam'), password: DEMO_PASSWORD },
    });
    const trusted = await buildApp({
      config: { logLevel: 'silent', sessionSecret: undefined, trustProxy: ['192.0.2.0/24'] },
      database: t.database,
      catalog: loadActivityTypeCatalog(),
    });
    try {
      await trusted.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        headers: { 'x-forwarded-for': '203.0.113.7' },
        remoteAddress: '192.0.2.10',
        payload: { email: demoEmail('qam'), password: DEMO_PASSWORD },
      });
    } finally {
      await trusted.close();
    }
    const ips = (await listAuditEvents(t.database.db, { limit: 1000 }))
      .filter((e) => e.action === 'user.signed_in')
      .map((e) => (e.after as { ip?: string } | null)?.ip);
    expect(ips).toContain('192.0.2.10');
    expect(ips).toContain('203.0.113.7');
    expect(ips).not.toContain('203.0.113.9');
  });
});

describe('accounts', () => {
  it('a temporary password works for nothing but changing it, on the API too', async () => {
    const user = await createUser(
      { db: t.database.db, actor: systemActor('test') },
      {
        email: 'temp@example.org',
        displayName: 'Temp',
        role: 'national',
        password: PASSWORD,
        mustChangePassword: true,
      },
    );
    const tok = await token('temp@example.org', PASSWORD);
    const h = { authorization: `Bearer ${tok}` };
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/activities', headers: h });
    expect(list.statusCode).toBe(403);
    expect(list.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: h })).statusCode).toBe(
      200,
    );
    const change = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${user.id}/password`,
      headers: h,
      payload: { currentPassword: PASSWORD, newPassword: 'my very own new password' },
    });
    expect(change.statusCode, change.body).toBe(200);
    const again = await t.app.inject({ method: 'GET', url: '/api/v1/activities', headers: h });
    expect(again.statusCode).toBe(200);
  });

  it('sends Cache-Control: no-store with API data and pages, not with assets', async () => {
    const api = await t.app.inject({
      method: 'GET',
      url: `/api/v1/activities/${t.demo.activityId}/annex-a`,
      headers: bearer('lead'),
    });
    expect(api.headers['cache-control']).toBe('no-store');
    const page = await t.app.inject({ method: 'GET', url: '/sign-in' });
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('verifies hashes made with older parameters and rehashes them at sign-in', async () => {
    const old = await argon2.hash(PASSWORD, {
      type: argon2.argon2id,
      memoryCost: 19_456,
      timeCost: 2,
      parallelism: 1,
    });
    await createUser(
      { db: t.database.db, actor: systemActor('test') },
      { email: 'old@example.org', displayName: 'Old', role: 'researcher', password: PASSWORD },
    );
    await t.database.db
      .updateTable('users')
      .set({ password_hash: old })
      .where('email', '=', 'old@example.org')
      .execute();
    await token('old@example.org', PASSWORD);
    const row = await t.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'old@example.org')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).not.toBe(old);
    expect(row.password_hash).toMatch(/m=47104,p=1,t=1/);
    await token('old@example.org', PASSWORD);
  });
});

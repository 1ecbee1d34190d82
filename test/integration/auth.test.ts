import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { systemActor } from '../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { buildApp } from '../../src/server/app.js';
import { createUser } from '../../src/usecases/users/create-user.js';
import { updateUser } from '../../src/usecases/users/update-user.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let t: TestDatabase;
let app: FastifyInstance;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  t = await createTestDatabase();
  app = await buildApp({
    config: { logLevel: 'silent', sessionSecret: undefined },
    database: t,
    catalog: loadActivityTypeCatalog(),
  });
  const ctx = { db: t.db, actor: systemActor('test') };
  await createUser(ctx, {
    email: 'ada@example.org',
    displayName: 'Ada',
    role: 'admin',
    password: PASSWORD,
  });
  await createUser(ctx, {
    email: 'ivy@example.org',
    displayName: 'Ivy',
    role: 'inspector',
    password: PASSWORD,
  });
  await createUser(ctx, {
    email: 'rob@example.org',
    displayName: 'Rob',
    role: 'researcher',
    password: PASSWORD,
  });
});
afterAll(async () => {
  await app.close();
  await t.destroy();
});

async function apiToken(email: string, password = PASSWORD): Promise<string> {
  const r = await app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { email, password },
  });
  expect(r.statusCode).toBe(200);
  return r.json<{ token: string }>().token;
}

async function browserSession(email: string): Promise<{ cookie: string; csrf: string }> {
  const r = await app.inject({
    method: 'POST',
    url: '/sign-in',
    payload: { email, password: PASSWORD, next: '/home' },
  });
  expect(r.statusCode).toBe(303);
  const set = r.cookies.find((c) => c.name === '__Host-triangulate');
  expect(set).toBeDefined();
  const cookie = `__Host-triangulate=${set!.value}`;
  const page = await app.inject({ method: 'GET', url: '/account/password', headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  expect(csrf).toBeTruthy();
  return { cookie, csrf: csrf! };
}

describe('accounts and sessions', () => {
  it('stores argon2id hashes, never passwords', async () => {
    const row = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'ada@example.org')
      .executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('signs in over the API and identifies the bearer', async () => {
    const token = await apiToken('ada@example.org');
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json()).toMatchObject({ email: 'ada@example.org', role: 'admin' });
    const stored = await t.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(token);
  });

  it('answers a wrong password without saying whether the account exists', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: 'ada@example.org', password: 'nope' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: 'nobody@example.org', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('throttles repeated failures, even when the right password follows', async () => {
    for (let i = 0; i < 5; i++) {
      await app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { email: 'rob@example.org', password: `bad${i}` },
      });
    }
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: 'rob@example.org', password: PASSWORD },
    });
    expect(r.statusCode).toBe(429);
    expect(r.json().error.code).toBe('RATE_LIMITED');
  });

  it('sets a Secure, HttpOnly, SameSite cookie and requires the CSRF token on form posts', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: { email: 'ivy@example.org', password: PASSWORD },
    });
    const c = r.cookies.find((x) => x.name === '__Host-triangulate');
    expect(c).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
    const { cookie, csrf } = await browserSession('ivy@example.org');
    const missing = await app.inject({
      method: 'POST',
      url: '/account/password',
      headers: { cookie },
      payload: { currentPassword: PASSWORD, newPassword: 'x', confirmPassword: 'x' },
    });
    expect(missing.statusCode).toBe(403);
    const wrong = await app.inject({
      method: 'POST',
      url: '/account/password',
      headers: { cookie },
      payload: { _csrf: 'forged', currentPassword: PASSWORD },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await app.inject({
      method: 'POST',
      url: '/account/password',
      headers: { cookie },
      payload: {
        _csrf: csrf,
        currentPassword: PASSWORD,
        newPassword: 'short',
        confirmPassword: 'short',
      },
    });
    expect(ok.statusCode).toBe(400);
    expect(ok.body).toContain('at least 12 characters');
  });

  it('signs out: the session stops working', async () => {
    const { cookie, csrf } = await browserSession('ivy@example.org');
    expect(
      (await app.inject({ method: 'GET', url: '/home', headers: { cookie } })).statusCode,
    ).toBe(200);
    const out = await app.inject({
      method: 'POST',
      url: '/sign-out',
      headers: { cookie },
      payload: { _csrf: csrf },
    });
    expect(out.statusCode).toBe(303);
    const after = await app.inject({ method: 'GET', url: '/home', headers: { cookie } });
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toMatch(/^\/sign-in/);
  });

  it('changing a password ends the other sessions', async () => {
    const other = await apiToken('ivy@example.org');
    const { cookie, csrf } = await browserSession('ivy@example.org');
    const r = await app.inject({
      method: 'POST',
      url: '/account/password',
      headers: { cookie },
      payload: {
        _csrf: csrf,
        currentPassword: PASSWORD,
        newPassword: 'a much longer passphrase',
        confirmPassword: 'a much longer passphrase',
      },
    });
    expect(r.statusCode).toBe(200);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer ${other}` },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/home', headers: { cookie } })).statusCode,
    ).toBe(200);
    await apiToken('ivy@example.org', 'a much longer passphrase');
  });

  it('a disabled account is signed out and cannot sign in', async () => {
    const ctx = { db: t.db, actor: systemActor('test') };
    const u = await createUser(ctx, {
      email: 'dan@example.org',
      displayName: 'Dan',
      role: 'national',
      password: PASSWORD,
    });
    const token = await apiToken('dan@example.org');
    await updateUser(ctx, { userId: u.id, disabled: true });
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(401);
    const again = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: 'dan@example.org', password: PASSWORD },
    });
    expect(again.statusCode).toBe(401);
  });

  it('audits account creation and sign-in, never recording the password', async () => {
    const events = await listAuditEvents(t.db, { limit: 500 });
    expect(
      events.some((e) => e.action === 'user.created' && e.after?.email === 'ada@example.org'),
    ).toBe(true);
    expect(events.some((e) => e.action === 'user.signed_in')).toBe(true);
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
  });

  it('sends security headers and serves an OpenAPI document', async () => {
    const page = await app.inject({ method: 'GET', url: '/sign-in' });
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/sessions', '/api/v1/activities/{id}', '/api/v1/audit']),
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  brokenErrorAnchors,
  createTestApp,
  demoEmail,
  errorSummary,
  h1,
  signInAs,
  WebClient,
  type TestApp,
} from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('signing in and out', () => {
  it('asks for both fields', async () => {
    const c = new WebClient(t.app);
    const page = await c.get('/sign-in');
    expect(h1(page.body)).toBe('Sign in to Triangulate');
    const res = await c.post('/sign-in', {});
    expect(errorSummary(res.body)).toEqual([
      { href: '#email', text: 'Enter your email address' },
      { href: '#password', text: 'Enter your password' },
    ]);
    expect(res.body).toContain('<title>Error: Sign in – Triangulate</title>');
    expect(brokenErrorAnchors(res.body)).toEqual([]);
  });

  it('rejects a wrong password without saying which part was wrong', async () => {
    const c = new WebClient(t.app);
    const res = await c.post('/sign-in', {
      email: demoEmail('lead'),
      password: 'not-the-password',
    });
    expect(res.statusCode).toBe(401);
    expect(errorSummary(res.body)).toEqual([
      { href: '#email', text: 'The email address or password is not correct.' },
    ]);
    expect(res.cookies).toHaveLength(0);
  });

  it('gives every role a home page, and signs out only with the CSRF token', async () => {
    for (const key of [
      'admin',
      'national',
      'regional',
      'lead',
      'inspector',
      'qam',
      'analyst',
      'la',
      'researcher',
    ]) {
      const c = await signInAs(t, key);
      const home = await c.get('/home');
      expect(home.statusCode, key).toBe(200);
      expect(h1(home.body)).toMatch(/^Welcome, /);
      expect(home.body).toContain('action="/sign-out"');
    }
    const c = await signInAs(t, 'researcher');
    expect((await c.post('/sign-out', {}, { csrf: false })).statusCode).toBe(403);
    const out = await c.post('/sign-out');
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/sign-in');
    expect((await c.get('/home')).statusCode).toBe(303);
  });

  it('validates the change-password form', async () => {
    const c = await signInAs(t, 'analyst');
    const mismatch = await c.post('/account/password', {
      currentPassword: 'whatever',
      newPassword: 'a-new-long-password',
      confirmPassword: 'something-else-entirely',
    });
    expect(mismatch.statusCode).toBe(400);
    expect(errorSummary(mismatch.body)).toEqual([
      { href: '#confirmPassword', text: 'The passwords do not match' },
    ]);
    const wrong = await c.post('/account/password', {
      currentPassword: 'whatever',
      newPassword: 'a-new-long-password',
      confirmPassword: 'a-new-long-password',
    });
    expect(errorSummary(wrong.body)).toEqual([
      { href: '#currentPassword', text: 'Your current password is not correct' },
    ]);
    expect(brokenErrorAnchors(wrong.body)).toEqual([]);
  });

  it('answers unknown pages with a GOV.UK 404 page', async () => {
    const c = await signInAs(t, 'national');
    const res = await c.get('/no-such-page');
    expect(res.statusCode).toBe(404);
    expect(h1(res.body)).toBe('Page not found');
  });
});

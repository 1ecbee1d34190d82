import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  brokenErrorAnchors,
  createTestApp,
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

const userIdOf = async (email: string): Promise<string> =>
  (
    await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
  ).id;

describe('user administration', () => {
  it('is for administrators only (403 otherwise)', async () => {
    const national = await signInAs(t, 'national');
    expect((await national.get('/admin/users')).statusCode).toBe(403);
    expect((await national.get('/admin/users/new')).statusCode).toBe(403);
    expect((await national.post('/admin/users', { email: 'x@y.example' })).statusCode).toBe(403);
  });

  it('lists accounts with role, region or LA and status, and searches them', async () => {
    const admin = await signInAs(t, 'admin');
    const res = await admin.get('/admin/users');
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('Users');
    const count = async (role?: 'inspector') => {
      let q = t.database.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n'));
      if (role) q = q.where('role', '=', role);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    expect(res.body).toContain(`${await count()} accounts`);
    expect(res.body).toContain('Northfield (demo)');
    expect(res.body).toContain('North West');
    expect(res.body).toContain('Local authority user');
    const search = await admin.get('/admin/users?q=quinn');
    expect(search.body).toContain('1 account');
    expect(search.body).toContain('Quinn Harper (QAM)');
    const byRole = await admin.get('/admin/users?role=inspector');
    expect(byRole.body).toContain(`${await count('inspector')} accounts`);
  });

  it('validates the create form; region and LA are plain fields, not conditional reveals', async () => {
    const admin = await signInAs(t, 'admin');
    const form = await admin.get('/admin/users/new');
    expect(form.body).toContain('id="region"');
    expect(form.body).toContain('id="laId"');
    expect(form.body).not.toContain('conditional-role');

    const empty = await admin.post('/admin/users', {});
    expect(empty.statusCode).toBe(400);
    expect(errorSummary(empty.body).map((e) => e.href)).toEqual([
      '#email',
      '#displayName',
      '#role',
      '#password',
    ]);
    expect(brokenErrorAnchors(empty.body)).toEqual([]);

    const noRegion = await admin.post('/admin/users', {
      email: 'someone@triangulate.example',
      displayName: 'Someone',
      role: 'regional',
      password: 'a-long-temporary-password',
    });
    expect(errorSummary(noRegion.body)).toEqual([
      { href: '#region', text: 'Select the Ofsted region' },
    ]);
    expect(noRegion.body).toContain('value="someone@triangulate.example"');
    expect(brokenErrorAnchors(noRegion.body)).toEqual([]);

    const weak = await admin.post('/admin/users', {
      email: 'someone@triangulate.example',
      displayName: 'Someone',
      role: 'inspector',
      password: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(errorSummary(weak.body)[0]?.href).toBe('#password');
    expect(weak.body).not.toContain('value="short"');

    const badEmail = await admin.post('/admin/users', {
      email: 'not-an-email',
      displayName: 'Someone',
      role: 'inspector',
      password: 'a-long-temporary-password',
    });
    expect(errorSummary(badEmail.body)).toEqual([
      { href: '#email', text: 'Enter an email address in the correct format' },
    ]);

    const duplicate = await admin.post('/admin/users', {
      email: 'lead@triangulate.example',
      displayName: 'Someone',
      role: 'inspector',
      password: 'a-long-temporary-password',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(errorSummary(duplicate.body)).toEqual([
      { href: '#email', text: 'An account with this email address already exists' },
    ]);
  });

  it('creates an LA account that must change its password, which the new person then does', async () => {
    const admin = await signInAs(t, 'admin');
    const res = await admin.post('/admin/users', {
      email: 'sw@manchester.example',
      displayName: 'Sam Ward',
      role: 'la_user',
      laId: 'manchester',
      region: 'London', // ignored: only regional accounts have a region
      password: 'a-long-temporary-password',
      mustChangePassword: 'true',
    });
    expect(res.statusCode).toBe(303);
    const id = await userIdOf('sw@manchester.example');
    expect(res.headers.location).toBe(`/admin/users/${id}?done=created`);
    const page = await admin.get(res.headers.location as string);
    expect(page.body).toContain('The account has been created.');
    expect(h1(page.body)).toBe('Sam Ward');
    const row = await t.database.db
      .selectFrom('users')
      .select(['la_id', 'region', 'must_change_password'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ la_id: 'manchester', region: null, must_change_password: true });

    // The new person is sent to change their password, and only then reaches their pages.
    const sam = new WebClient(t.app);
    const signIn = await sam.post('/sign-in', {
      email: 'sw@manchester.example',
      password: 'a-long-temporary-password',
    });
    expect(signIn.headers.location).toBe('/account/password');
    await sam.get('/account/password');
    const home = await sam.get('/home');
    expect(home.statusCode).toBe(303);
    expect(home.headers.location).toBe('/account/password');
    expect((await sam.get('/las/manchester')).headers.location).toBe('/account/password');
    const changed = await sam.post('/account/password', {
      currentPassword: 'a-long-temporary-password',
      newPassword: 'my-own-better-password',
      confirmPassword: 'my-own-better-password',
    });
    expect(changed.statusCode).toBe(200);
    expect((await sam.get('/home')).statusCode).toBe(200);
    expect((await sam.get('/las/manchester')).statusCode).toBe(200);
  });

  it('edits an account, validating the role’s scope', async () => {
    const admin = await signInAs(t, 'admin');
    const id = await userIdOf('researcher@triangulate.example');
    const form = await admin.get(`/admin/users/${id}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Rosa Lindqvist (researcher)"');

    const bad = await admin.post(`/admin/users/${id}`, {
      displayName: '',
      role: 'regional',
      region: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(errorSummary(bad.body).map((e) => e.href)).toEqual(['#displayName', '#region']);
    expect(brokenErrorAnchors(bad.body)).toEqual([]);

    const ok = await admin.post(`/admin/users/${id}`, {
      displayName: 'Rosa Lindqvist',
      role: 'regional',
      region: 'London',
    });
    expect(ok.statusCode).toBe(303);
    const page = await admin.get(ok.headers.location as string);
    expect(page.body).toContain('The account has been updated.');
    expect(page.body).toContain('Regional team');
    const row = await t.database.db
      .selectFrom('users')
      .select(['role', 'region'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ role: 'regional', region: 'London' });
    expect((await admin.get('/admin/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
  });

  it('disables and enables an account', async () => {
    const admin = await signInAs(t, 'admin');
    const analyst = await signInAs(t, 'analyst');
    const id = await userIdOf('analyst@triangulate.example');
    const off = await admin.post(`/admin/users/${id}/status`, { disabled: 'true' });
    expect(off.statusCode).toBe(303);
    expect((await admin.get(off.headers.location as string)).body).toContain('Enable account');
    // Their session has ended.
    expect((await analyst.get('/home')).statusCode).toBe(303);
    const on = await admin.post(`/admin/users/${id}/status`, { disabled: 'false' });
    expect(on.statusCode).toBe(303);
    expect((await admin.get(on.headers.location as string)).body).toContain('Disable account');
  });

  it('does not let administrators disable themselves', async () => {
    const admin = await signInAs(t, 'admin');
    const id = await userIdOf('admin@triangulate.example');
    const page = await admin.get(`/admin/users/${id}`);
    expect(page.body).toContain('You cannot disable your own account.');
    const res = await admin.post(`/admin/users/${id}/status`, { disabled: 'true' });
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)[0]?.text).toBe('You cannot remove your own administrator access');
  });

  it('resets a password: the person must change it at next sign-in', async () => {
    const admin = await signInAs(t, 'admin');
    const id = await userIdOf('qam@triangulate.example');
    const weak = await admin.post(`/admin/users/${id}/password`, { password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(errorSummary(weak.body)[0]?.href).toBe('#password');
    expect(brokenErrorAnchors(weak.body)).toEqual([]);
    const res = await admin.post(`/admin/users/${id}/password`, {
      password: 'reset-by-the-admin-1',
    });
    expect(res.statusCode).toBe(303);
    expect((await admin.get(res.headers.location as string)).body).toContain(
      'The password has been reset.',
    );
    const qam = new WebClient(t.app);
    const signIn = await qam.post('/sign-in', {
      email: 'qam@triangulate.example',
      password: 'reset-by-the-admin-1',
    });
    expect(signIn.headers.location).toBe('/account/password');
  });
});

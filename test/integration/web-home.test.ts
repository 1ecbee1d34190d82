import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, decodeHtml, signInAs, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('home page per role', () => {
  it('inspectors see their activities', async () => {
    const page = decodeHtml((await (await signInAs(t, 'lead')).get('/home')).body);
    expect(page).toContain('Your current activities');
    expect(page).toContain('Standard inspection Northfield (demo)');
  });

  it('regional staff see their region’s authorities with latest grades, and its activities', async () => {
    const page = decodeHtml((await (await signInAs(t, 'regional')).get('/home')).body);
    expect(page).toContain('Local authorities in North West');
    expect(page).toContain('Northfield (demo)');
    expect(page).toContain('Manchester');
    expect(page).not.toContain('Leeds');
    expect(page).toContain('Focused visit');
  });

  it('LA users see their own authority and only notified activities', async () => {
    const page = decodeHtml((await (await signInAs(t, 'la')).get('/home')).body);
    expect(page).toContain('You are signed in for');
    expect(page).toContain('Standard inspection Northfield (demo)');
    expect(page).not.toContain('Focused visit');
  });
});

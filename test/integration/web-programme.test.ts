// The programme pages: a region named by its slug (as the CLI takes it) is shown and selected by
// its name; regional staff see their own region; LA users get 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, decodeHtml, h1, signInAs, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => t?.close());

describe('the programme page', () => {
  it('names the region asked for by its slug, and selects it', async () => {
    const web = await signInAs(t, 'national');
    const res = await web.get('/programme?region=north-west');
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('Programme for North West');
    expect(decodeHtml(res.body)).toMatch(/<option value="North West" selected>/);
  });

  it('shows regional staff their own region, and LA users nothing', async () => {
    const regional = await signInAs(t, 'regional');
    expect(h1((await regional.get('/programme')).body)).toBe('Programme for North West');
    const la = await signInAs(t, 'la');
    expect((await la.get('/programme?region=north-west')).statusCode).toBe(404);
  });
});

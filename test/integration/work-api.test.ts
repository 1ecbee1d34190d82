// "Your work" and notifications as JSON (the API, in the OpenAPI document): the same lists the
// home page and the notifications page show, each person's own only. The commands (`work list`,
// `notifications list|read`) are run in activities-cli.test.ts, on its demo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMyWork } from '../../src/usecases/home/list-my-work.js';
import { advanceJudgements } from '../../src/usecases/judgements/advance-judgements.js';
import { createTestApp, DEMO_PASSWORD, demoEmail, type TestApp } from '../helpers/app.js';
import { actorFor, contextFor, demoContexts } from '../helpers/reports.js';

let t: TestApp;
const tokens: Record<string, string> = {};

async function call(who: string, method: 'GET' | 'POST', url: string) {
  const res = await t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${tokens[who]}` },
    ...(method === 'POST' ? { payload: {} } : {}),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are checked by the assertions
  return { status: res.statusCode, body: res.json() as Record<string, any> };
}

beforeAll(async () => {
  t = await createTestApp();
  for (const who of ['panel', 'la', 'lead']) {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: demoEmail(who), password: DEMO_PASSWORD },
    });
    tokens[who] = r.json<{ token: string }>().token;
  }
}, 120_000);
afterAll(async () => t?.close());

describe('your work and notifications as JSON', () => {
  it('lists the caller’s own work, as the home page does', async () => {
    const c = await demoContexts(t.database.db);
    await advanceJudgements(c.lead, {
      activityId: t.demo.activityId,
      toStage: 'consistency_panel',
    });
    const panel = contextFor(t.database.db, await actorFor(t.database.db, demoEmail('panel')));
    const r = await call('panel', 'GET', '/api/v1/me/work');
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual(await listMyWork(panel));
    expect(r.body.items[0]).toMatchObject({
      kind: 'panel_challenges',
      href: `/activities/${t.demo.activityId}/judgements/panel`,
      due: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect((await call('lead', 'GET', '/api/v1/me/work')).body.items).toEqual(
      await listMyWork(c.lead),
    );
  });

  it('lists notifications, marks one read, never someone else’s, then all', async () => {
    const la = await call('la', 'GET', '/api/v1/me/notifications?unread=true');
    expect(la.status).toBe(200);
    expect(la.body.notifications.map((n: { kind: string }) => n.kind)).toEqual([
      'activity_notified',
    ]);
    const [note] = la.body.notifications;
    expect(note).toMatchObject({ readAt: null, createdAt: expect.any(String) });
    // The panel member cannot mark (or learn of) the LA's notification.
    const other = await call('panel', 'POST', `/api/v1/me/notifications/${note.id}/read`);
    expect(other.status).toBe(404);
    const one = await call('la', 'POST', `/api/v1/me/notifications/${note.id}/read`);
    expect(one.body).toEqual({ marked: 1 });
    expect((await call('la', 'GET', '/api/v1/me/notifications?unread=true')).body).toEqual({
      notifications: [],
    });
    const all = await call('la', 'GET', '/api/v1/me/notifications');
    expect(all.body.notifications[0].readAt).toEqual(expect.any(String));
    const panelUnread = (await call('panel', 'GET', '/api/v1/me/notifications?unread=true')).body
      .notifications.length;
    expect(panelUnread).toBeGreaterThan(0);
    expect((await call('panel', 'POST', '/api/v1/me/notifications/read')).body).toEqual({
      marked: panelUnread,
    });
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    for (const p of [
      '/api/v1/me/work',
      '/api/v1/me/notifications',
      '/api/v1/me/notifications/read',
      '/api/v1/me/notifications/{id}/read',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
  });
});

import { todayInEngland } from '../../src/clock.js';
import { auditActions } from '../../src/domain/audit/actions.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../src/data/audit-log.js';
import { systemActor } from '../../src/domain/access/actor.js';
import {
  brokenErrorAnchors,
  createTestApp,
  decodeHtml,
  errorSummary,
  h1,
  signInAs,
  type TestApp,
} from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const seqs = (html: string): number[] =>
  [...html.matchAll(/<span class="app-audit__id">No\. (\d+)<\/span>/g)].map((m) => Number(m[1]));

describe('audit log', () => {
  it('is for administrators and the national team (403 otherwise)', async () => {
    for (const key of ['regional', 'lead', 'la', 'researcher']) {
      const c = await signInAs(t, key);
      expect((await c.get('/audit')).statusCode, key).toBe(403);
    }
    const national = await signInAs(t, 'national');
    expect((await national.get('/audit')).statusCode).toBe(200);
  });

  it('lists events newest first with before/after in a details component, and pages by seq', async () => {
    // Enough events for more than one page.
    await t.database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 60; i++) {
        await writeAudit(trx, systemActor('test'), {
          action: 'demo.seeded',
          entityType: 'demo',
          entityId: `filler-${i}`,
          after: { i },
        });
      }
    });
    const admin = await signInAs(t, 'admin');
    const first = await admin.get('/audit');
    expect(first.statusCode).toBe(200);
    expect(h1(first.body)).toBe('Audit log');
    const page1 = seqs(first.body);
    expect(page1).toHaveLength(50);
    expect([...page1].sort((a, b) => b - a)).toEqual(page1);
    expect(first.body).toContain('govuk-details');
    expect(first.body).toContain('Before and after');
    const older = /<a class="govuk-link govuk-pagination__link" href="([^"]+)" rel="next">/.exec(
      first.body,
    )?.[1];
    expect(older).toBe(`/audit?before=${page1.at(-1)}`);
    const second = await admin.get(decodeHtml(older as string));
    const page2 = seqs(second.body);
    expect(page2[0]).toBe((page1.at(-1) as number) - 1);
    expect(second.body).toContain('Newest events');
  });

  it('filters by action, record type, person and date', async () => {
    const admin = await signInAs(t, 'admin');
    const byAction = await admin.get('/audit?action=activity.state_changed');
    expect(byAction.statusCode).toBe(200);
    const codes = [...byAction.body.matchAll(/<code class="app-code">([^<]+)<\/code>/g)].map(
      (m) => m[1],
    );
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['activity.state_changed']));

    const byType = await admin.get('/audit?entityType=user');
    const typeCodes = [...byType.body.matchAll(/<code class="app-code">([^<]+)<\/code>/g)].map(
      (m) => m[1],
    );
    expect(typeCodes.every((c) => c?.startsWith('user.'))).toBe(true);

    const lead = (
      await t.database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'lead@triangulate.example')
        .executeTakeFirstOrThrow()
    ).id;
    await signInAs(t, 'lead'); // writes user.signed_in by the lead
    const byActor = await admin.get(`/audit?actorId=${lead}`);
    expect(byActor.body).toContain('Lena Marsh (lead inspector)');
    expect(byActor.body).not.toContain('demo-seed</td>');

    const [y, m, d] = todayInEngland().split('-').map(Number);
    const inRange = await admin.get(
      `/audit?from-day=${d}&from-month=${m}&from-year=${y}&to-day=${d}&to-month=${m}&to-year=${y}`,
    );
    expect(seqs(inRange.body).length).toBeGreaterThan(0);
    const past = await admin.get(
      '/audit?from-day=1&from-month=1&from-year=2001&to-day=2&to-month=1&to-year=2001',
    );
    expect(seqs(past.body)).toEqual([]);
    expect(past.body).toContain('No events match.');
  });

  it('explains invalid filters with an error summary', async () => {
    const admin = await signInAs(t, 'admin');
    const res = await admin.get(
      '/audit?action=nonsense&from-day=31&from-month=2&from-year=2026&actorId=zzz',
    );
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body).map((e) => e.href)).toEqual(['#action', '#actorId', '#from-day']);
    expect(brokenErrorAnchors(res.body)).toEqual([]);
  });
});

describe('an activity’s audit trail', () => {
  it('is open to the lead and the QAM, not to other team members', async () => {
    const url = `/activities/${t.demo.activityId}/audit`;
    for (const key of ['lead', 'qam', 'admin', 'national']) {
      const c = await signInAs(t, key);
      const res = await c.get(url);
      expect(res.statusCode, key).toBe(200);
      expect(h1(res.body)).toBe('Audit trail: Standard inspection Northfield (demo)');
      // The newest events come first; the demo's seeding writes many kinds.
      expect(Object.keys(auditActions).some((a) => res.body.includes(a))).toBe(true);
      expect(res.body).not.toContain('user.created');
    }
    const inspector = await signInAs(t, 'inspector');
    expect((await inspector.get(url)).statusCode).toBe(403);
    const la = await signInAs(t, 'la');
    expect((await la.get(`/activities/${t.demo.focusedVisitId}/audit`)).statusCode).toBe(404);
    const researcher = await signInAs(t, 'researcher');
    expect((await researcher.get(url)).statusCode).toBe(404);
  });
});

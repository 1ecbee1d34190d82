// The sample's identifier matching page: the team pastes the LA's child IDs and sees each sampled
// pseudonym beside its ID, or downloads the same as CSV; the QAM is refused, others never see
// it; every look and download is audited without the IDs themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { annexALists } from '../../src/domain/annex-a/lists.js';
import { generateAnnexA } from '../../src/synthetic/annex-a.js';
import {
  createTestApp,
  decodeHtml,
  errorSummary,
  signInAs,
  type TestApp,
  type WebClient,
} from '../helpers/app.js';

let t: TestApp;
let lead: WebClient;
let page: string;
let laIds: string[];

beforeAll(async () => {
  t = await createTestApp();
  lead = await signInAs(t, 'lead');
  page = `/activities/${t.demo.activityId}/sample/identifiers`;
  const a = await t.database.db
    .selectFrom('activities')
    .select('planned_start')
    .where('id', '=', t.demo.activityId)
    .executeTakeFirstOrThrow();
  // The demo's Annex A again (demo/demo-sample.ts): its child IDs are the LA's own.
  const g = generateAnnexA({
    rows: 3000,
    seed: 2026,
    mess: 0.3,
    referenceDate: a.planned_start!,
    errorRate: 0,
  });
  laIds = [
    ...new Set(
      g.lists.flatMap((l) => {
        const def = annexALists.find((d) => d.number === l.list)!;
        const fields =
          l.headers.length === def.fields.length ? def.fields : def.fields.filter((f) => !f.since);
        const i = fields.findIndex((f) => f.key === 'childId');
        return i < 0 ? [] : l.rows.map((r) => String(r[i]));
      }),
    ),
  ];
}, 120_000);
afterAll(async () => t?.close());

describe('matching the sample to the LA’s child IDs', () => {
  it('is linked from the sample page for the team and refused to the QAM', async () => {
    const sample = decodeHtml((await lead.get(`/activities/${t.demo.activityId}/sample`)).body);
    expect(sample).toContain(`href="${page}"`);
    const form = await lead.get(page);
    expect(form.statusCode).toBe(200);
    expect(decodeHtml(form.body)).toContain('The LA’s child IDs');
    const qam = await signInAs(t, 'qam');
    expect((await qam.get(page)).statusCode).toBe(403);
    const qamSample = decodeHtml((await qam.get(`/activities/${t.demo.activityId}/sample`)).body);
    expect(qamSample).not.toContain(`href="${page}"`);
    expect((await (await signInAs(t, 'researcher')).get(page)).statusCode).toBe(404);
  });

  it('asks for the IDs when none are pasted', async () => {
    const r = await lead.post(page, { identifiers: ' \n ', format: 'page' });
    expect(r.statusCode).toBe(400);
    expect(errorSummary(r.body)).toEqual([expect.objectContaining({ href: '#identifiers' })]);
  });

  it('shows each sampled case beside the LA’s ID, and audits the look without the IDs', async () => {
    const r = await lead.post(page, { identifiers: laIds.join('\n'), format: 'page' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    const html = decodeHtml(r.body);
    const m = /(\d+) of (\d+) sampled cases matched/.exec(html);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(0);
    expect(m![1]).toBe(m![2]);
    const shown = laIds.filter((id) => html.includes(`>${id}<`));
    expect(shown.length).toBe(Number(m![1]));
    const [event] = await listAuditEvents(t.database.db, {
      action: 'sample.identifiers_viewed',
      activityId: t.demo.activityId,
    });
    expect(event).toBeDefined();
    const recorded = JSON.stringify(event);
    expect(shown.some((id) => recorded.includes(id))).toBe(false);
  });

  it('downloads the same as CSV, audited as an export', async () => {
    const r = await lead.post(page, { identifiers: laIds.join(','), format: 'csv' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(r.headers['content-disposition']).toMatch(/attachment; filename="sample-la-child-ids/);
    const lines = r.body
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Reference,LA child ID,Cohort');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => /^[^,]+,[^,]+,/.test(l))).toBe(true);
    const events = await listAuditEvents(t.database.db, {
      action: 'sample.identifiers_exported',
      activityId: t.demo.activityId,
    });
    expect(events).toHaveLength(1);
  });
});

// The risk picture linked to the inspection: outcomes of the history as intelligence entries
// (idempotent), week-zero material for the team (no confidential entries), an item made into a
// line of enquiry that stays linked, and "Informed by" on the moderation record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countHistory } from '../../src/data/repositories/inspection-history.js';
import { countOutcomeEntries } from '../../src/data/repositories/intelligence.js';
import { getRiskPicture } from '../../src/usecases/risk/get-risk-picture.js';
import { recordIntelligence } from '../../src/usecases/risk/record-intelligence.js';
import { syncHistoryIntelligence } from '../../src/usecases/risk/sync-history-intelligence.js';
import { getWeekZero } from '../../src/usecases/week-zero/get-week-zero.js';
import { makeEnquiryFromItem } from '../../src/usecases/week-zero/make-enquiry-from-item.js';
import { getModerationRecord } from '../../src/usecases/judgements/get-moderation-record.js';
import { createTestApp, signInAs, type TestApp } from '../helpers/app.js';
import { demoContexts } from '../helpers/reports.js';
import { todayInEngland } from '../../src/clock.js';

let t: TestApp;
let c: Awaited<ReturnType<typeof demoContexts>>;
beforeAll(async () => {
  t = await createTestApp();
  c = await demoContexts(t.database.db);
}, 400_000);
afterAll(async () => t?.close());

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

describe('outcomes of the history', () => {
  it('are one intelligence entry per event, and syncing again changes nothing', async () => {
    const db = t.database.db;
    const events = await countHistory(db);
    expect(events).toBeGreaterThan(100);
    expect(await countOutcomeEntries(db)).toBe(events);
    const again = await syncHistoryIntelligence(c.system);
    expect(again).toEqual({ events, before: events, after: events });
    expect(await codeOf(syncHistoryIntelligence(c.lead))).toBe('FORBIDDEN');
  });
});

describe('week zero', () => {
  it('shows the lead the risk picture and recent intelligence, never confidential entries', async () => {
    await recordIntelligence(c.system, {
      laId: 'demo-northfield',
      kind: 'whistleblowing',
      title: 'Whistle-blower on thresholds',
      source: 'Whistle-blowing line',
      receivedOn: todayInEngland(),
      sensitivity: 'confidential',
    });
    const w = await getWeekZero(c.lead, { activityId: t.demo.activityId });
    expect(w.canWrite).toBe(true);
    const keys = w.sections.map((s) => s.key);
    expect(keys).toEqual([
      'risk',
      'intelligence',
      'improvements',
      'self_evaluation',
      'engagement_meeting',
    ]);
    const intel = w.sections.find((s) => s.key === 'intelligence')!;
    expect(intel.items.length).toBeGreaterThan(0);
    expect(intel.items.map((i) => i.label)).not.toContain('Whistle-blower on thresholds');
    expect(w.sections.find((s) => s.key === 'risk')!.items.length).toBeGreaterThan(0);
    // The LA's risk picture the team reads leaves it out too; the region sees it there.
    const seen = await getRiskPicture(c.lead, { laId: 'demo-northfield' });
    expect(seen.recentIntelligence.map((e) => e.title)).not.toContain(
      'Whistle-blower on thresholds',
    );
    const held = await getRiskPicture(c.regional, { laId: 'demo-northfield' });
    expect(held.recentIntelligence.map((e) => e.title)).toContain('Whistle-blower on thresholds');
    // Neither the LA nor a researcher reads it.
    expect(await codeOf(getWeekZero(c.la, { activityId: t.demo.activityId }))).toBe('NOT_FOUND');
    expect(await codeOf(getWeekZero(c.researcher, { activityId: t.demo.activityId }))).toBe(
      'NOT_FOUND',
    );
  });

  it('turns an item into a line of enquiry that stays linked, shown as "Informed by"', async () => {
    const before = await getWeekZero(c.lead, { activityId: t.demo.activityId });
    const item = before.sections.find((s) => s.key === 'intelligence')!.items[0]!;
    const line = await makeEnquiryFromItem(c.lead, {
      activityId: t.demo.activityId,
      kind: 'intelligence',
      ref: item.ref,
    });
    expect(line.title).toBe(item.label.slice(0, 300));
    expect(line.source).toBe('intelligence');
    const after = await getWeekZero(c.lead, { activityId: t.demo.activityId });
    const same = after.sections
      .find((s) => s.key === 'intelligence')!
      .items.find((i) => i.ref === item.ref)!;
    expect(same.enquiries).toEqual([{ id: line.id, title: line.title }]);
    expect(after.informedBy.map((s) => s.lineOfEnquiryId)).toContain(line.id);
    const row = await t.database.db
      .selectFrom('line_of_enquiry_sources')
      .select(['intelligence_entry_id', 'source_kind'])
      .where('line_of_enquiry_id', '=', line.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ intelligence_entry_id: item.ref, source_kind: 'intelligence' });
    const m = await getModerationRecord(c.lead, t.demo.activityId);
    expect(m.informedBy.map((s) => s.lineTitle)).toContain(line.title);
    // An item the lead cannot see (or that does not exist) cannot be linked.
    expect(
      await codeOf(
        makeEnquiryFromItem(c.lead, {
          activityId: t.demo.activityId,
          kind: 'intelligence',
          ref: '00000000-0000-0000-0000-000000000000',
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(
        makeEnquiryFromItem(c.la, {
          activityId: t.demo.activityId,
          kind: 'intelligence',
          ref: item.ref,
        }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('shows the latest self-evaluation and the last released meeting notes, each linkable', async () => {
    const w = await getWeekZero(c.lead, { activityId: t.demo.activityId });
    const se = w.sections.find((s) => s.key === 'self_evaluation')!;
    expect(se.lead).toMatch(/^Version \d+, submitted /);
    expect(se.items.length).toBeGreaterThan(0);
    expect(se.items.every((i) => i.kind === 'self_evaluation')).toBe(true);
    const meeting = w.sections.find((s) => s.key === 'engagement_meeting')!;
    expect(meeting.lead).toMatch(/released to the LA/);
    expect(meeting.items[0]!.label).toMatch(/^Notes of the meeting of /);
    const action = meeting.items.find((i) => i.label.startsWith('Agreed action: '));
    expect(action?.detail).toMatch(/^Owner: /);
    const improvements = w.sections.find((s) => s.key === 'improvements')!;
    expect(improvements.lead ?? improvements.empty).toMatch(/No report published|From |No earlier/);
    for (const item of [se.items[0]!, action!]) {
      const line = await makeEnquiryFromItem(c.lead, {
        activityId: t.demo.activityId,
        kind: item.kind,
        ref: item.ref,
      });
      expect(line.title).toBe(item.label.slice(0, 300));
      const after = await getWeekZero(c.lead, { activityId: t.demo.activityId });
      const same = after.sections.flatMap((s) => s.items).find((i) => i.ref === item.ref)!;
      expect(same.enquiries).toEqual([{ id: line.id, title: line.title }]);
    }
    expect((await getWeekZero(c.lead, { activityId: t.demo.activityId })).informedBy.length).toBe(
      3,
    );
  });

  it('is a page linked from the activity, with a button per item', async () => {
    const web = await signInAs(t, 'lead');
    const activity = await web.get(`/activities/${t.demo.activityId}`);
    expect(activity.body).toContain(`/activities/${t.demo.activityId}/week-zero`);
    const res = await web.get(`/activities/${t.demo.activityId}/week-zero`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Week-zero material');
    expect(res.body).toContain('Make a line of enquiry');
    expect(res.body).toContain('Informed by');
    const la = await signInAs(t, 'la');
    expect((await la.get(`/activities/${t.demo.activityId}/week-zero`)).statusCode).toBe(404);
  });
});

// The QDPX export reads records and codings a page at a time as JSON text (issue 19): the values
// must be the ones the row reads give (timestamps with microseconds included), every live record
// once, deleted ones left out, and the codings in the row reads' order.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCodings } from '../../src/data/repositories/codings.js';
import { listEvidence } from '../../src/data/repositories/evidence.js';
import { exportPage, type ExportPage } from '../../src/data/repositories/refi-export.js';
import { recordEvidence } from '../../src/usecases/evidence/record-evidence.js';
import { deleteEvidence } from '../../src/usecases/evidence/delete-evidence.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { contextFor } from '../helpers/evidence.js';
import { seedRefiActivity } from '../helpers/refi.js';

let t: TestDatabase;
let team: Awaited<ReturnType<typeof seedRefiActivity>>;

beforeAll(async () => {
  t = await createTestDatabase();
  team = await seedRefiActivity(t.db);
  const lead = contextFor(t.db, team.lead);
  for (const text of ['Third record.', 'Fourth record, deleted.', 'Fifth record.'])
    await recordEvidence(lead, {
      activityId: team.activity.id,
      text,
      method: 'case_file_reading',
      observedOn: '2025-06-01',
      judgementAreas: ['help_and_protection'],
    });
  const fourth = (await listEvidence(t.db, { activityId: team.activity.id })).find((e) =>
    e.text.startsWith('Fourth'),
  )!;
  await deleteEvidence(lead, {
    activityId: team.activity.id,
    evidenceId: fourth.id,
    reason: 'Entered twice',
  });
  // Microseconds that a careless conversion would round rather than cut to milliseconds.
  await sql`update codings set created_at = '2025-06-03T10:11:12.345999+00'
            where activity_id = ${team.activity.id}`.execute(t.db);
  await sql`update evidence_records set recorded_at = '2025-06-03T09:00:00.999999+00'
            where activity_id = ${team.activity.id}`.execute(t.db);
});
afterAll(async () => t.destroy());

async function allPages(limit: number): Promise<ExportPage[]> {
  const pages: ExportPage[] = [];
  for (let after = 0; ;) {
    const page = await exportPage(t.db, team.activity.id, after, limit);
    pages.push(page);
    if (page.lastRefNo === null || page.records.length < limit) return pages;
    after = page.lastRefNo;
  }
}

describe('QDPX export reads', () => {
  it('give the row reads’ values for every live record and coding, a page at a time', async () => {
    const rows = await listEvidence(t.db, { activityId: team.activity.id });
    const codings = await listCodings(t.db, { activityId: team.activity.id });
    for (const limit of [1, 2, 1000]) {
      const pages = await allPages(limit);
      const records = pages.flatMap((p) => p.records);
      expect(records.map((r) => r.refNo)).toEqual(rows.map((r) => r.refNo).sort((a, b) => a - b));
      expect(records.some((r) => r.text.startsWith('Fourth'))).toBe(false);
      for (const r of records) {
        const row = rows.find((x) => x.id === r.id)!;
        expect(r).toEqual({
          id: row.id,
          guid: row.guid,
          refNo: row.refNo,
          text: row.text,
          method: row.method,
          observedOn: row.observedOn,
          judgementAreas: row.judgementAreas,
          direction: row.direction,
          childVoice: row.childVoice,
          livedExperience: row.livedExperience,
          minutesSpent: row.minutesSpent,
          locality: row.locality,
          consent: row.consent,
          childCaseId: row.childCaseId,
          practitionerCaseId: row.practitionerCaseId,
          teamCaseId: row.teamCaseId,
          recordedBy: row.recordedBy,
          recordedAt: row.recordedAt,
          updatedBy: row.updatedBy,
          updatedAt: row.updatedAt,
        });
      }
      expect(pages.flatMap((p) => p.codings)).toEqual(
        codings.map((k) => ({
          id: k.id,
          guid: k.guid,
          evidenceId: k.evidenceId,
          codeId: k.codeId,
          start: k.start,
          end: k.end,
          spanText: k.spanText,
          coder: k.coder,
          createdAt: k.createdAt,
        })),
      );
    }
    const [first] = await allPages(1000);
    expect(first!.codings[0]!.createdAt.toISOString()).toBe('2025-06-03T10:11:12.345Z');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/access/actor.js';
import { importRefi } from '../../src/usecases/refi/import-refi.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { contextFor } from '../helpers/evidence.js';
import { insertLa } from '../helpers/fixtures.js';
import { describeEvidenceBase } from '../helpers/refi.js';
import { STUDY, vendorQdpx, vendorStyles } from '../helpers/refi-vendors.js';

let t: TestDatabase;
const ctx = () => contextFor(t.db, systemActor('test'));

beforeAll(async () => {
  t = await createTestDatabase();
  await insertLa(t.db, 'vendor-la', 'London');
});
afterAll(async () => t.destroy());

describe('importing projects made by other tools', () => {
  for (const style of vendorStyles) {
    it(`imports a ${style.vendor} project`, async () => {
      const r = await importRefi(ctx(), {
        fileName: `${style.vendor}.qdpx`,
        bytes: vendorQdpx(style),
        newActivity: { laId: 'vendor-la', plannedStart: '2025-01-06' },
      });
      expect(r.counts).toMatchObject({ evidence: 2, codings: 3, cases: 1, memos: 2, users: 2 });
      const base = await describeEvidenceBase(t.db, r.activityId);
      expect(base.evidence.map((e) => e.text).sort()).toEqual([...STUDY.texts].sort());
      const imported = base.codes.filter((c) => /School|Worries/.test(c.path));
      expect(imported.map((c) => c.path).sort()).toEqual([
        'School',
        'School / Likes school',
        'Worries',
      ]);
      expect(imported.find((c) => c.path === 'School')).toMatchObject({
        colour: '#1d70b8',
        description: 'About school',
        isCodable: true,
      });
      expect(base.codings.map((k) => [k.code, k.spanText, k.coder]).sort()).toEqual(
        [
          ['School / Likes school', STUDY.spans[0], 'Priya Shah'],
          ['Worries', STUDY.spans[1], 'Tom Evans'],
          ['School', STUDY.texts[1], 'Tom Evans'],
        ].sort(),
      );
      expect(base.cases).toEqual([
        {
          kind: 'child',
          reference: 'Pupil A',
          description: 'Imported variables: Gender: female',
          attributes: {},
        },
      ]);
      const interview = base.evidence.find((e) => e.text === STUDY.texts[0])!;
      expect(interview).toMatchObject({
        childCase: 'Pupil A',
        method: 'case_file_reading',
        observedOn: '2024-05-02',
        recordedBy: 'Priya Shah',
      });
      expect(base.memos.map((m) => [m.targetType, m.title, m.text]).sort()).toEqual(
        [
          [
            'activity',
            `Check after importing ${style.vendor}.qdpx`,
            expect.stringContaining('E1, E2'),
          ],
          ['coding', 'Quote', 'Use in the report'],
          ['evidence', 'Interview memo', 'Zoë was relaxed ✔'],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      expect(r.report.review).toHaveLength(2);
      if (style.extras) {
        const skipped = Object.fromEntries(r.report.skipped.map((s) => [s.what, s.count]));
        expect(skipped).toMatchObject({
          'pictures and their selections': 2,
          'sets of codes, sources or notes': 1,
          'graphs (network views)': 1,
        });
      }
      if (style.atlasNames)
        expect(r.report.repairs.join('\n')).toMatch(
          /'School::Likes school' was nested under 'School'/,
        );
      if (style.emptyWrappers) expect(r.report.repairs.join('\n')).toMatch(/empty <Sets>/);
    });
  }

  it('imports a bare project.qde whose texts are inline', async () => {
    const style = vendorStyles.find((s) => s.inlineText)!;
    const { unzipSync } = await import('fflate');
    const qde = Object.values(unzipSync(vendorQdpx(style)))[0]!;
    const r = await importRefi(ctx(), {
      fileName: 'project.qde',
      bytes: qde,
      newActivity: { laId: 'vendor-la' },
    });
    expect(r.format).toBe('qde');
    expect(r.counts.evidence).toBe(2);
  });
});

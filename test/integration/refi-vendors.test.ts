import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/access/actor.js';
import { compareProjects, comparedQdpx } from '../../src/domain/refi/compare.js';
import { validateProject } from '../../src/domain/refi/validate.js';
import { exportCodebook } from '../../src/usecases/refi/export-codebook.js';
import { exportProject } from '../../src/usecases/refi/export-project.js';
import { importRefi } from '../../src/usecases/refi/import-refi.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { contextFor } from '../helpers/evidence.js';
import { insertLa } from '../helpers/fixtures.js';
import { describeEvidenceBase } from '../helpers/refi.js';
import {
  MEDIA_TEXTS,
  STUDY,
  taguetteCodebook,
  vendorQdpx,
  vendorStyles,
} from '../helpers/refi-vendors.js';

let t: TestDatabase;
const ctx = () => contextFor(t.db, systemActor('test'));

beforeAll(async () => {
  t = await createTestDatabase();
  await insertLa(t.db, 'vendor-la', 'London');
});
afterAll(async () => t.destroy());

const tidy = (s: string) => s.replace(/\r\n/g, '\n').trim();

describe('importing projects made by other tools', () => {
  for (const style of vendorStyles) {
    it(`imports a ${style.vendor} project whole and exports it again without loss`, async () => {
      const file = vendorQdpx(style);
      const r = await importRefi(ctx(), {
        fileName: `${style.vendor}.qdpx`,
        bytes: file,
        newActivity: { laId: 'vendor-la', plannedStart: '2025-01-06' },
      });
      const media = style.media ? 2 : 0;
      expect(r.counts).toMatchObject({
        evidence: 2 + media,
        codings: 3 + (style.media ? 1 : 0),
        cases: 1,
        users: 3,
      });
      const base = await describeEvidenceBase(t.db, r.activityId);
      const texts = [...STUDY.texts, ...(style.media ? Object.values(MEDIA_TEXTS).map(tidy) : [])];
      expect(base.evidence.map((e) => e.text).sort()).toEqual(texts.sort());
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
      expect(
        base.codings
          .filter((k) => STUDY.texts.some((x) => x.includes(k.spanText)))
          .map((k) => [k.code, k.spanText, k.coder])
          .sort(),
      ).toEqual(
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
      const memos = base.memos.map((m) => [m.targetType, m.title, m.text]);
      expect(memos).toContainEqual(['coding', 'Quote', 'Use in the report']);
      expect(memos).toContainEqual([
        'evidence',
        'Interview memo',
        'First visit\n\nZoë was relaxed ✔',
      ]);
      if (style.atlasNames)
        expect(r.report.repairs.join('\n')).toMatch(
          /'School::Likes school' was nested under 'School'/,
        );
      if (style.emptyWrappers) expect(r.report.repairs.join('\n')).toMatch(/empty <Sets>/);

      const exported = await exportProject(ctx(), { activityId: r.activityId });
      const again = comparedQdpx(exported.bytes);
      expect(compareProjects(comparedQdpx(file), again)).toEqual([]);
      expect(validateProject(again.root)).toEqual([]);
      // Only what was imported: not the framework's codebook on top.
      expect(exported.counts.codes).toBe(3);
    });
  }

  it('refuses a project whose source text is missing, naming the source, and changes nothing', async () => {
    const style = vendorStyles.find((s) => s.vendor === 'QualCoder 1.3')!;
    const { unzipSync, zipSync } = await import('fflate');
    const entries = unzipSync(vendorQdpx(style));
    delete entries['sources/Teacher notes.txt'];
    const err = await importRefi(ctx(), {
      fileName: 'broken.qdpx',
      bytes: zipSync(entries),
      newActivity: { laId: 'vendor-la' },
    }).then(
      () => null,
      (e: unknown) => e as Error & { code: string; details: Array<{ reason: string }> },
    );
    expect(err?.code).toBe('IMPORT_INVALID');
    expect(err?.message).toMatch(/Nothing was imported/);
    expect(err?.details[0]?.reason).toMatch(
      /TextSource guid="5e0f7a10-1111-4111-8111-000000000002".*'Teacher notes\.txt' is not in the archive/,
    );
  });

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

  it('imports a Taguette codebook and exports its codes again', async () => {
    const r = await importRefi(ctx(), {
      fileName: 'taguette.qdc',
      bytes: taguetteCodebook(),
      newActivity: { laId: 'vendor-la' },
    });
    expect(r).toMatchObject({ format: 'qdc', counts: { codes: 3 } });
    const qdc = await exportCodebook(ctx(), { activityId: r.activityId });
    const xml = new TextDecoder().decode(qdc.bytes);
    for (const name of ['school', 'school.likes', 'worries'])
      expect(xml).toContain(`name="${name}"`);
    expect(xml).toContain('<Description>About school</Description>');
  });
});

import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import { systemActor } from '../../src/domain/access/actor.js';
import { compareProjects, comparedQdpx } from '../../src/domain/refi/compare.js';
import { validateCodebook, validateProject } from '../../src/domain/refi/validate.js';
import { parseXmlTree } from '../../src/domain/refi/xml-tree.js';
import { exportCodebook } from '../../src/usecases/refi/export-codebook.js';
import { exportProject } from '../../src/usecases/refi/export-project.js';
import { importRefi } from '../../src/usecases/refi/import-refi.js';
import { verifyAuditLog } from '../../src/usecases/audit/verify-audit-log.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { contextFor } from '../helpers/evidence.js';
import { cpRange, describeEvidenceBase, EMOJI_TEXT, seedRefiActivity } from '../helpers/refi.js';

let t: TestDatabase;
let team: Awaited<ReturnType<typeof seedRefiActivity>>;
let qdpx: Uint8Array;

beforeAll(async () => {
  t = await createTestDatabase();
  team = await seedRefiActivity(t.db);
  qdpx = (await exportProject(contextFor(t.db, team.lead), { activityId: team.activity.id })).bytes;
});
afterAll(async () => t.destroy());

describe('REFI-QDA export', () => {
  it('writes a project.qde and sources/<guid>.txt that pass the structural checker', () => {
    const files = unzipSync(qdpx);
    expect(Object.keys(files).sort()).toEqual(
      expect.arrayContaining([
        'project.qde',
        expect.stringMatching(/^sources\/[0-9a-f-]{36}\.txt$/),
      ]),
    );
    const root = parseXmlTree(strFromU8(files['project.qde']!), 'project.qde');
    expect(validateProject(root)).toEqual([]);
    const texts = Object.entries(files)
      .filter(([n]) => n.startsWith('sources/'))
      .map(([, b]) => strFromU8(b));
    expect(texts).toContain(EMOJI_TEXT);
  });

  it('exports the codebook as a .qdc that passes the structural checker', async () => {
    const r = await exportCodebook(contextFor(t.db, team.member), { activityId: team.activity.id });
    expect(r.fileName).toMatch(/\.qdc$/);
    expect(validateCodebook(parseXmlTree(new TextDecoder().decode(r.bytes), 'qdc'))).toEqual([]);
  });

  it('is for the team only, and audited', async () => {
    await expect(
      exportProject(contextFor(t.db, team.outsider), { activityId: team.activity.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      exportProject(contextFor(t.db, team.laUser), { activityId: team.activity.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const events = await listAuditEvents(t.db, {
      action: 'refi.exported',
      activityId: team.activity.id,
    });
    expect(events.length).toBeGreaterThanOrEqual(2);
  });
});

describe('REFI-QDA round trip', () => {
  it('export then import into a new activity keeps texts, codes, codings (emoji offsets), cases and memos', async () => {
    const before = await describeEvidenceBase(t.db, team.activity.id);
    const r = await importRefi(contextFor(t.db, systemActor('test')), {
      fileName: 'export.qdpx',
      bytes: qdpx,
      newActivity: { laId: team.activity.laId, plannedStart: '2025-06-02' },
    });
    expect(r.activityCreated).toBe(true);
    expect(r.counts).toMatchObject({ evidence: 2, cases: 2, memos: 5 });
    expect(r.report.review).toEqual([]);
    const after = await describeEvidenceBase(t.db, r.activityId);
    expect(after.evidence).toEqual(before.evidence);
    expect(after.codes).toEqual(before.codes);
    expect(after.cases).toEqual(before.cases);
    expect(after.memos).toEqual(before.memos);
    // Two coders coded one span with one code: the schema keeps one coding per span, code and
    // coder account, and imported coders have no account, so they are merged (and reported).
    const merged = before.codings.filter(
      (k, i, all) =>
        all.findIndex(
          (x) =>
            x.evidence === k.evidence &&
            x.code === k.code &&
            x.start === k.start &&
            x.end === k.end,
        ) === i,
    );
    expect(after.codings.map(({ coder: _c, ...k }) => k)).toEqual(
      merged.map(({ coder: _c, ...k }) => k),
    );
    expect(r.report.repairs.some((l) => /kept as one coding/.test(l))).toBe(true);
    const emoji = after.codings.find((k) => k.spanText.includes('👩‍👧'))!;
    expect(emoji).toMatchObject(cpRange(EMOJI_TEXT, 'I feel safe with my foster carer 👩‍👧 now.'));
    expect(emoji.start).toBe(16);
    const audit = await listAuditEvents(t.db, {
      action: 'refi.imported',
      activityId: r.activityId,
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({
      sha256: r.sha256,
      format: 'qdpx',
      counts: { evidence: 2 },
    });
    expect((await verifyAuditLog(contextFor(t.db, systemActor('test')))).ok).toBe(true);
    // Exported again, the project loses nothing of what the first export said.
    const again = await exportProject(contextFor(t.db, systemActor('test')), {
      activityId: r.activityId,
    });
    expect(compareProjects(comparedQdpx(qdpx), comparedQdpx(again.bytes))).toEqual([]);
  });

  it('importing the same file into the same activity again adds nothing', async () => {
    const before = await describeEvidenceBase(t.db, team.activity.id);
    const r = await importRefi(contextFor(t.db, team.lead), {
      fileName: 'export.qdpx',
      bytes: qdpx,
      activityId: team.activity.id,
    });
    expect(r.counts).toMatchObject({ evidence: 0, codes: 0, codings: 0, cases: 0, memos: 0 });
    expect(r.counts.alreadyPresent.evidence).toBe(2);
    expect(await describeEvidenceBase(t.db, team.activity.id)).toEqual(before);
  });

  it('only the team (not shadows) and admins import into an activity', async () => {
    const input = { fileName: 'export.qdpx', bytes: qdpx, activityId: team.activity.id };
    await expect(importRefi(contextFor(t.db, team.shadow), input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(importRefi(contextFor(t.db, team.outsider), input)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(importRefi(contextFor(t.db, team.laUser), input)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      importRefi(contextFor(t.db, team.lead), {
        fileName: 'x.qdpx',
        bytes: qdpx,
        newActivity: { laId: team.activity.laId },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

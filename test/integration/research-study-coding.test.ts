// Coding inside a study (issue 20): a researcher codes passages of the study's pseudonymised
// records with the national thematic codebook by pasting the words; the records come a page at a
// time (keyset), by a study reference rather than their real id; codings are audited, removed
// only by whoever coded them, counted per thematic code and carried into the CSV, XLSX and QDPX
// exports. PGlite, and PostgreSQL with TEST_DATABASE_URL.
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/data/audit-log.js';
import type { UserActor } from '../../src/domain/access/actor.js';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { addThematicCode } from '../../src/usecases/research/add-thematic-code.js';
import { codeStudyPassage } from '../../src/usecases/research/code-study-passage.js';
import { createStudy } from '../../src/usecases/research/create-study.js';
import { exportStudyResults } from '../../src/usecases/research/export-study-results.js';
import { listStudyCodings } from '../../src/usecases/research/list-study-codings.js';
import { listStudyRecords } from '../../src/usecases/research/list-study-records.js';
import { removeStudyCoding } from '../../src/usecases/research/remove-study-coding.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { makeUser } from '../helpers/fixtures.js';
import { makePublishedInspection, STANDARD_SPECS, SUPERVISION } from '../helpers/research.js';

let t: TestDatabase;
let researcher: UserActor;
let other: UserActor;
let national: UserActor;
let inspector: UserActor;
let studyId: string;
const catalog = loadActivityTypeCatalog();
const as = (actor: UserActor): UseCaseContext => ({ db: t.db, actor, catalog });

beforeAll(async () => {
  t = await createTestDatabase();
  for (const s of STANDARD_SPECS) await makePublishedInspection(t.db, s);
  researcher = await makeUser(t.db, 'res', 'researcher');
  other = await makeUser(t.db, 'res2', 'researcher');
  national = await makeUser(t.db, 'nat', 'national');
  inspector = await makeUser(t.db, 'insp', 'inspector');
  await addThematicCode(as(national), { key: 'supervision', name: 'Reflective supervision' });
  await addThematicCode(as(national), { key: 'planning', name: 'Planning' });
  studyId = (
    await createStudy(as(researcher), {
      title: 'Supervision across London',
      question: 'How well do authorities provide reflective supervision?',
      selection: { regions: ['London'] },
    })
  ).id;
}, 120_000);
afterAll(async () => t?.destroy());

describe('coding inside a study', () => {
  it('lists the selection’s records pseudonymised, a page at a time, by study reference', async () => {
    const first = await listStudyRecords(as(researcher), { studyId, limit: 5 });
    expect(first.inspections).toBe(2);
    expect(first.records).toHaveLength(5);
    expect(first.next).toMatch(/^\d+\.\d+$/);
    const second = await listStudyRecords(as(researcher), {
      studyId,
      limit: 5,
      after: first.next!,
    });
    expect(second.records).toHaveLength(2);
    expect(second.next).toBeNull();
    const all = [...first.records, ...second.records];
    expect(new Set(all.map((r) => r.ref)).size).toBe(7);
    expect(all.every((r) => /^r-[0-9a-f]{12}$/.test(r.ref))).toBe(true);
    // Pseudonym order (Inspection 1's records, then Inspection 2's), whatever each holds.
    const seq = all.map((r) => Number(r.inspection.replace('Inspection ', '')));
    expect(seq).toEqual([...seq].sort());
    expect(new Set(seq)).toEqual(new Set([1, 2]));
    const text = JSON.stringify(all);
    for (const forbidden of ['Bloggs', 'Patel', 'LCS-4000', 'Ashshire', 'Birchshire'])
      expect(text).not.toContain(forbidden);
    const ids = (await t.db.selectFrom('evidence_records').select('id').execute()).map((r) => r.id);
    for (const id of ids) expect(text).not.toContain(id);
    expect(first.themes.map((x) => x.key)).toEqual(['planning', 'supervision']);
    expect(first.can.code).toBe(true);
  });

  it('codes a pasted passage in the pseudonymised text, refusing absent or ambiguous words', async () => {
    const page = await listStudyRecords(as(researcher), { studyId, limit: 2 });
    const rec = page.records[0]!;
    const coded = await codeStudyPassage(as(researcher), {
      studyId,
      record: rec.ref,
      quote: 'reflective and   regular',
      code: 'supervision',
    });
    expect(coded.text).toBe('reflective and regular');
    expect([...rec.text].slice(coded.start, coded.end).join('')).toBe('reflective and regular');
    await expect(
      codeStudyPassage(as(researcher), {
        studyId,
        record: rec.ref,
        quote: 'Jo Bloggs',
        code: 'supervision',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'quote' }] });
    const twice = rec.text.includes('[') ? rec.text.match(/\[[^\]]+\]/)![0] : 'the';
    const occurrences = rec.text.split(twice).length - 1;
    if (occurrences > 1)
      await expect(
        codeStudyPassage(as(researcher), {
          studyId,
          record: rec.ref,
          quote: twice,
          code: 'planning',
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: /appear \d+ times/ });
    await expect(
      codeStudyPassage(as(researcher), {
        studyId,
        record: 'r-000000000000',
        quote: 'reflective',
        code: 'supervision',
      }),
    ).rejects.toMatchObject({ details: [{ field: 'record' }] });
    await expect(
      codeStudyPassage(as(researcher), {
        studyId,
        record: rec.ref,
        quote: 'reflective',
        code: 'nothing',
      }),
    ).rejects.toMatchObject({ details: [{ field: 'code' }] });
    await codeStudyPassage(as(national), {
      studyId,
      record: page.records[1]!.ref,
      quote: 'the plan changed',
      code: 'planning',
    });
    const again = await listStudyRecords(as(researcher), { studyId, limit: 2 });
    expect(again.records[0]!.codings).toMatchObject([
      { themeKey: 'supervision', text: 'reflective and regular', mine: true },
    ]);
    expect(again.records[1]!.codings).toMatchObject([{ themeKey: 'planning', mine: false }]);
    expect(again.counts).toEqual([
      { key: 'planning', name: 'Planning', codings: 1, records: 1 },
      { key: 'supervision', name: 'Reflective supervision', codings: 1, records: 1 },
    ]);
    const events = await listAuditEvents(t.db, { action: 'research.study_coded' });
    expect(events.length).toBe(2);
  });

  it('keeps the study to its researcher and national staff; removal is the coder’s', async () => {
    await expect(listStudyRecords(as(other), { studyId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(listStudyRecords(as(inspector), { studyId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const { codings } = await listStudyCodings(as(researcher), { studyId });
    const theirs = codings.find((c) => !c.mine)!;
    const mine = codings.find((c) => c.mine)!;
    await expect(
      codeStudyPassage(as(other), { studyId, record: mine.record, quote: 'x', code: 'planning' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      removeStudyCoding(as(researcher), { studyId, codingId: theirs.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await removeStudyCoding(as(national), { studyId, codingId: theirs.id });
    const after = await listStudyCodings(as(researcher), { studyId });
    expect(after.codings.map((c) => c.id)).toEqual([mine.id]);
    expect(await listAuditEvents(t.db, { action: 'research.study_coding_removed' })).toHaveLength(
      1,
    );
  });

  it('carries the study’s codings into the CSV, XLSX and QDPX exports', async () => {
    const query = { kind: 'coding' as const, rows: [`criterion:${SUPERVISION}`] };
    const csv = await exportStudyResults(as(researcher), { studyId, query, format: 'csv' });
    expect(String(csv.body)).toContain(
      'Study coding: Reflective supervision,Coded in this study,1,1',
    );
    const xlsx = await exportStudyResults(as(researcher), { studyId, query, format: 'xlsx' });
    const sheets = unzipSync(xlsx.body as Uint8Array);
    const all = Object.values(sheets)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(all).toContain('Study codings');
    expect(all).toContain('reflective and regular');
    const qdpx = await exportStudyResults(as(researcher), { studyId, query, format: 'qdpx' });
    const project = strFromU8(unzipSync(qdpx.body as Uint8Array)['project.qde']!);
    expect(project).toContain('Theme: Reflective supervision');
    expect(project).toMatch(/<PlainTextSelection[^>]*startPosition="\d+"[^>]*endPosition="\d+"/);
    expect(project).not.toMatch(/Bloggs|Patel|Ashshire/);
  });
});

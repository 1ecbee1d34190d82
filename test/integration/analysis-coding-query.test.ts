import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSpreadsheet, type CellValue } from '../../src/domain/files/index.js';
import { exportCodingQuery } from '../../src/usecases/analysis/export-coding-query.js';
import { collectFile } from '../../src/usecases/analysis/export-file.js';
import { runCodingQuery } from '../../src/usecases/analysis/run-coding-query.js';
import { createWorld, spanOf, TEXTS, type World } from '../helpers/analysis.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.t.destroy());

const run = (input: Record<string, unknown>, actor = w.member) =>
  runCodingQuery(w.as(actor), { activityId: w.activityId, ...input } as never);

describe('coding query, record level', () => {
  it('AND: records coded with both codes', async () => {
    const r = await run({
      expression: { and: [{ code: w.codes.frontDoor }, { code: w.codes.harm }] },
      scope: 'record',
    });
    expect(r.understood).toBe('Front door AND Significant harm');
    expect(r.totalRecords).toBe(1);
    expect(new Set(r.passages.map((p) => p.reference))).toEqual(new Set(['E1']));
  });

  it('OR and NOT, in the typed form too', async () => {
    const or = await run({ expression: '"Front door" OR "Child\'s voice"', scope: 'record' });
    expect([...new Set(or.passages.map((p) => p.reference))]).toEqual(['E1', 'E2', 'E4']);
    const not = await run({
      expression: `"Child's voice" AND NOT help_and_protection.significant_harm`,
      scope: 'record',
    });
    expect([...new Set(not.passages.map((p) => p.reference))]).toEqual(['E2']);
    const onlyNot = await run({ expression: 'NOT "Significant harm"', scope: 'record' });
    expect(onlyNot.passages.map((p) => [p.reference, p.wholeRecord])).toEqual([
      ['E2', true],
      ['E3', true],
      ['E5', true],
    ]);
  });

  it('a folder stands for its codes unless subcodes are excluded', async () => {
    const withSub = await run({ expression: { code: w.codes.hpFolder }, scope: 'record' });
    expect(withSub.totalRecords).toBe(3);
    const without = await run({
      expression: { code: w.codes.hpFolder },
      scope: 'record',
      includeSubcodes: false,
    });
    expect(without.totalRecords).toBe(0);
  });
});

describe('coding query, passage level', () => {
  it('AND is the overlap of the coded text, with context around it', async () => {
    const r = await run({
      expression: { and: [{ code: w.codes.frontDoor }, { code: w.codes.harm }] },
      context: 20,
    });
    expect(r.totalPassages).toBe(1);
    const p = r.passages[0]!;
    expect(p.text).toBe('plan drifted for months');
    expect({ start: p.start, end: p.end }).toEqual(spanOf(TEXTS.E1, 'plan drifted for months'));
    expect(p.before).toBe('child protection ');
    expect(p.after).toBe('; visits were not');
    expect(p.codes.map((c) => c.name).sort()).toEqual(['Front door', 'Significant harm']);
  });

  it('NOT removes the coded text of the other code', async () => {
    const r = await run({
      expression: { and: [{ code: w.codes.voice }, { not: { code: w.codes.harm } }] },
    });
    expect(r.passages.map((p) => [p.reference, p.text])).toEqual([
      ['E2', "the child's wishes shape the plan"],
      ['E4', 'The young person said her '],
    ]);
    await expect(run({ expression: { not: { code: w.codes.harm } } })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('filters by coder, method, attributes and judgement area', async () => {
    const byLead = await run({
      expression: { code: w.codes.frontDoor },
      coding: { coderIds: [w.lead.userId] },
    });
    expect(byLead.totalPassages).toBe(0);
    const byMember = await run({
      expression: { code: w.codes.frontDoor },
      coding: { coderIds: [w.member.userId] },
    });
    expect(byMember.totalPassages).toBe(2);
    const discussion = await run({
      expression: { code: w.codes.frontDoor },
      filter: { methods: ['social_worker_discussion'] },
    });
    expect(discussion.passages.map((p) => p.reference)).toEqual(['E2']);
    const inCare = await run({
      expression: { code: w.codes.harm },
      filter: { attributes: [{ kind: 'child', name: 'cohort', value: 'child_in_care' }] },
    });
    expect(inCare.passages.map((p) => p.reference)).toEqual(['E4']);
    const area = await run({
      expression: { code: w.codes.harm },
      filter: { judgementAreas: ['help_and_protection'] },
    });
    expect(area.passages.map((p) => p.reference)).toEqual(['E1']);
  });

  it('refuses unknown codes and explains typed-form mistakes', async () => {
    await expect(run({ expression: 'Nonsense AND' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      run({ expression: { code: '00000000-0000-4000-8000-000000000000' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('is NOT_FOUND for people outside the team', async () => {
    for (const actor of [w.outsider, w.laUser, w.researcher])
      await expect(run({ expression: { code: w.codes.harm } }, actor)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
  });
});

describe('exporting a coding query', () => {
  it('writes CSV and XLSX with formula injection neutralised', async () => {
    const formula = await w.record(w.lead, {
      text: '=HYPERLINK("http://x") harm was not recognised',
      method: 'case_file_reading',
      judgementAreas: ['help_and_protection'],
    });
    await w.t.db
      .insertInto('codings')
      .values({
        activity_id: w.activityId,
        evidence_id: formula,
        evidence_version: 1,
        code_id: w.codes.harm,
        start_pos: 0,
        end_pos: 22,
        span_text: '=HYPERLINK("http://x")',
        coder_id: w.lead.userId,
        coder_label: 'lead',
      })
      .execute();
    const csv = await collectFile(
      await exportCodingQuery(w.as(w.lead), {
        activityId: w.activityId,
        expression: { code: w.codes.harm },
        format: 'csv',
      }),
    );
    expect(csv.contentType).toMatch(/text\/csv/);
    const text = new TextDecoder().decode(csv.body);
    expect(text.split('\r\n')[0]).toContain('Evidence,Observed on,Method');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain('protection from harm feels weak');
    const xlsx = await collectFile(
      await exportCodingQuery(w.as(w.lead), {
        activityId: w.activityId,
        expression: { code: w.codes.harm },
        format: 'xlsx',
      }),
    );
    const rows: CellValue[][] = [];
    await readSpreadsheet(xlsx.body, xlsx.filename, {
      startSheet: () => true,
      row: (cells) => rows.push(cells),
    });
    const cells = JSON.stringify(rows);
    expect(cells).toContain("'=HYPERLINK");
    expect(cells).toContain('child protection plan drifted for months');
  });
});

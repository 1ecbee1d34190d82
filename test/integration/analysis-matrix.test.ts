import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportMatrix } from '../../src/usecases/analysis/export-matrix.js';
import { getMatrixCell } from '../../src/usecases/analysis/get-matrix-cell.js';
import { runCoOccurrenceQuery } from '../../src/usecases/analysis/run-co-occurrence-query.js';
import { runMatrixQuery } from '../../src/usecases/analysis/run-matrix-query.js';
import { runCodingQuery } from '../../src/usecases/analysis/run-coding-query.js';
import { createWorld, type World } from '../helpers/analysis.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w.t.destroy());

describe('matrix query', () => {
  it('counts coding references of codes by method, and every cell opens to exactly its passages', async () => {
    const rows = {
      kind: 'codes' as const,
      codes: [w.codes.frontDoor, w.codes.harm, w.codes.voice, w.codes.hpFolder],
    };
    const columns = { kind: 'method' as const };
    const m = await runMatrixQuery(w.as(w.member), { activityId: w.activityId, rows, columns });
    expect(m.rows.map((r) => r.label)).toEqual([
      'Front door',
      'Significant harm',
      "Child's voice",
      'Help and protection',
    ]);
    expect(m.columns).toHaveLength(11);
    const col = (k: string) => m.columns.findIndex((c) => c.key === k);
    expect(m.counts[1]![col('case_file_reading')]).toBe(1);
    expect(m.counts[1]![col('child_conversation')]).toBe(1);
    expect(m.counts[3]![col('case_file_reading')]).toBe(2); // the folder: front door + harm in E1
    expect(m.records[3]![col('case_file_reading')]).toBe(1);
    expect(m.rowTotals).toEqual([2, 2, 2, 4]);
    for (let r = 0; r < m.rows.length; r++)
      for (const [j, c] of m.columns.entries()) {
        if (m.counts[r]![j] === 0) continue;
        const cell = await getMatrixCell(w.as(w.member), {
          activityId: w.activityId,
          rows,
          columns,
          row: r,
          column: c.key,
          limit: 200,
        });
        expect(cell.total).toBe(m.counts[r]![j]);
        expect(cell.passages).toHaveLength(m.counts[r]![j]!);
        expect(new Set(cell.passages.map((p) => p.reference)).size).toBe(m.records[r]![j]);
      }
    const harmByChildTalk = await getMatrixCell(w.as(w.member), {
      activityId: w.activityId,
      rows,
      columns,
      row: 1,
      column: 'child_conversation',
    });
    expect(harmByChildTalk.passages[0]).toMatchObject({
      reference: 'E4',
      text: 'protection from harm feels weak',
      codes: [{ name: 'Significant harm' }],
    });
  });

  it('crosses codes with direction, case attributes (restricted values) and coders', async () => {
    const rows = { kind: 'codes' as const, codes: [w.codes.frontDoor, w.codes.harm] };
    const byDirection = await runMatrixQuery(w.as(w.lead), {
      activityId: w.activityId,
      rows,
      columns: { kind: 'direction' },
    });
    expect(byDirection.columns.map((c) => c.key)).toEqual([
      'strength',
      'area_for_improvement',
      'mixed',
      'context',
      'unset',
    ]);
    expect(byDirection.counts).toEqual([
      [1, 1, 0, 0, 0],
      [0, 2, 0, 0, 0],
    ]);
    const byCohort = await runMatrixQuery(w.as(w.lead), {
      activityId: w.activityId,
      rows,
      columns: {
        kind: 'attribute',
        caseKind: 'child',
        name: 'cohort',
        values: ['child_protection', 'child_in_care'],
      },
    });
    expect(byCohort.columns.map((c) => c.label)).toEqual(['Child protection', 'Child in care']);
    expect(byCohort.counts).toEqual([
      [2, 0],
      [1, 1],
    ]);
    const byCoder = await runMatrixQuery(w.as(w.lead), {
      activityId: w.activityId,
      rows,
      columns: { kind: 'coder' },
    });
    expect(byCoder.columns.map((c) => c.label)).toEqual(['lead', 'member']);
    expect(byCoder.counts).toEqual([
      [0, 2],
      [2, 0],
    ]);
  });

  it('puts judgement areas in rows (counting records) and refuses unknown columns', async () => {
    const m = await runMatrixQuery(w.as(w.lead), {
      activityId: w.activityId,
      rows: { kind: 'judgementAreas' },
      columns: { kind: 'methodFamily' },
    });
    expect(m.unit).toBe('evidence records');
    const hp = m.rows.findIndex((r) => r.key === 'help_and_protection');
    expect(m.columns.map((c) => c.key)).toEqual([
      'written',
      'discussion',
      'observation',
      'children_and_families',
    ]);
    expect(m.counts[hp]).toEqual([1, 1, 0, 0]);
    const cell = await getMatrixCell(w.as(w.lead), {
      activityId: w.activityId,
      rows: { kind: 'judgementAreas' },
      columns: { kind: 'methodFamily' },
      row: hp,
      column: 'written',
    });
    expect(cell.passages.map((p) => [p.reference, p.wholeRecord, p.start])).toEqual([
      ['E1', true, 0],
    ]);
    await expect(
      runMatrixQuery(w.as(w.lead), {
        activityId: w.activityId,
        rows: { kind: 'judgementAreas' },
        columns: { kind: 'attribute', caseKind: 'child', name: 'shoeSize' },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('exports CSV and XLSX, and is NOT_FOUND outside the team', async () => {
    const input = {
      activityId: w.activityId,
      rows: { kind: 'codes' as const, codes: [w.codes.frontDoor, w.codes.harm] },
      columns: { kind: 'direction' as const },
    };
    const csv = new TextDecoder().decode(
      (await exportMatrix(w.as(w.lead), { ...input, format: 'csv' })).body,
    );
    expect(csv.replace('\ufeff', '').split('\r\n').slice(0, 3)).toEqual([
      'Coding references,Strength,Area for improvement,Mixed,Context,Not recorded,Total',
      'Front door,1,1,0,0,0,2',
      'Significant harm,0,2,0,0,0,2',
    ]);
    const xlsx = await exportMatrix(w.as(w.lead), { ...input, format: 'xlsx' });
    expect(xlsx.filename).toMatch(/\.xlsx$/);
    for (const actor of [w.outsider, w.laUser, w.researcher])
      await expect(runMatrixQuery(w.as(actor), input)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
  });
});

describe('co-occurrence', () => {
  it('counts records coded with both and records where the codings overlap', async () => {
    const m = await runCoOccurrenceQuery(w.as(w.member), {
      activityId: w.activityId,
      codes: [w.codes.frontDoor, w.codes.harm, w.codes.voice],
    });
    expect(m.records).toEqual([
      [2, 1, 1],
      [1, 2, 1],
      [1, 1, 2],
    ]);
    expect(m.overlapping).toEqual([
      [2, 1, 0],
      [1, 2, 1],
      [0, 1, 2],
    ]);
    // The cell's passages: the coding query A AND B at passage level.
    const cell = await runCodingQuery(w.as(w.member), {
      activityId: w.activityId,
      expression: { and: [{ code: w.codes.harm }, { code: w.codes.voice }] },
    });
    expect(cell.passages.map((p) => [p.reference, p.text])).toEqual([
      ['E4', 'protection from harm feels weak'],
    ]);
  });
});

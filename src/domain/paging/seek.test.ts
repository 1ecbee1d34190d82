import { describe, expect, it } from 'vitest';
import { compareKeys, decodeSeek, encodeSeek, seekSlice } from './seek.js';

const rows = Array.from({ length: 23 }, (_, i) => ({
  name: `n${String(i).padStart(2, '0')}`,
  id: i,
}));
const keyOf = (r: (typeof rows)[number]) => [r.name, r.id];

describe('keyset pages in both directions', () => {
  it('walks forward and back over every row once, with positions and totals', () => {
    const seen: number[] = [];
    let page = seekSlice(rows, 10, null, keyOf);
    expect(page).toMatchObject({ start: 0, total: 23, previous: null });
    const starts = [page.start];
    seen.push(...page.items.map((r) => r.id));
    while (page.next) {
      page = seekSlice(rows, 10, decodeSeek(page.next, 2), keyOf);
      starts.push(page.start);
      seen.push(...page.items.map((r) => r.id));
    }
    expect(seen).toEqual(rows.map((r) => r.id));
    expect(starts).toEqual([0, 10, 20]);
    expect(page.next).toBeNull();
    const back = seekSlice(rows, 10, decodeSeek(page.previous!, 2), keyOf);
    expect(back.items.map((r) => r.id)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(back.start).toBe(10);
    const first = seekSlice(rows, 10, decodeSeek(back.previous!, 2), keyOf);
    expect(first.start).toBe(0);
    expect(first.previous).toBeNull();
    expect(first.items[0]!.id).toBe(0);
  });

  it('keeps its place when the row it names has gone', () => {
    const token = encodeSeek({ direction: 'after', key: ['n04', 4], total: 23, start: 5 });
    const without = rows.filter((r) => r.id !== 4);
    expect(seekSlice(without, 3, decodeSeek(token, 2), keyOf).items.map((r) => r.id)).toEqual([
      5, 6, 7,
    ]);
  });

  it('refuses a token that is not one, naming the field', () => {
    for (const bad of ['x', encodeSeek({ direction: 'after', key: ['a'], total: 1, start: 0 })])
      expect(() => decodeSeek(bad, 2, 'after')).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
  });

  it('compares keys part by part', () => {
    expect(compareKeys(['2026-01-02', 10], ['2026-01-02', 9])).toBeGreaterThan(0);
    expect(compareKeys(['2026-01-01', 10], ['2026-01-02', 9])).toBeLessThan(0);
  });
});

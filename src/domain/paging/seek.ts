// Keyset (seek) pages that go both ways: a token names a row's sort key and which side of it the
// page lies ("after" the last row shown, for the next page; "before" the first row shown, for the
// previous one), the total counted on the first page and where the page starts, so that a page
// can say "Showing 5,001 to 5,050 of 6,000" without counting or skipping the rows before it.
// Page 100 then costs what page 1 costs: the database seeks to the key (an index or a top-N
// sort), never OFFSET. The sort key must end with a unique tiebreaker so no row is skipped or
// repeated. Lists held in memory (a sample, the LA register) page the same way with `seekSlice`.
import { AppError } from '../../errors.js';
import type { CursorKey } from './cursor.js';

export type SeekDirection = 'after' | 'before';

export interface SeekPosition {
  /** 'after': the page starts after `key`; 'before': the page ends before `key`. */
  direction: SeekDirection;
  key: CursorKey;
  /** The total counted on the first page. */
  total: number;
  /** 'after': the index (from 0) of the page's first row; 'before': the index of the row at `key`. */
  start: number;
}

/** An opaque, URL-safe token for a position. */
export function encodeSeek(p: SeekPosition): string {
  const v = [p.direction === 'after' ? 'a' : 'b', p.key, p.total, p.start];
  return Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');
}

const isKeyPart = (x: unknown): boolean =>
  typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x));
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/** The position a token names; anything else is refused as a validation error of `field`. */
export function decodeSeek(token: string, arity: number, field = 'after'): SeekPosition {
  try {
    const v: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 4 &&
      (v[0] === 'a' || v[0] === 'b') &&
      Array.isArray(v[1]) &&
      v[1].length === arity &&
      v[1].every(isKeyPart) &&
      isCount(v[2]) &&
      isCount(v[3])
    )
      return {
        direction: v[0] === 'a' ? 'after' : 'before',
        key: v[1] as CursorKey,
        total: v[2],
        start: v[3],
      };
  } catch {
    // fall through to the refusal
  }
  throw new AppError('VALIDATION_FAILED', {
    details: [
      {
        field,
        reason:
          'Not a page token from this list: follow the list’s "next" or "previous" link (or nextCursor)',
      },
    ],
  });
}

/** One page of a keyset-paged list: what it holds, where it sits, and the way to the rest. */
export interface SeekPage<T> {
  items: T[];
  /** All the rows the list holds (counted when its first page was read). */
  total: number;
  /** The index (from 0) of the first item. */
  start: number;
  /** Token for the page after this one; null on the last page. */
  next: string | null;
  /** Token for the page before this one; null on the first page. */
  previous: string | null;
}

/**
 * A page from rows read at the position: for no position or 'after', the rows after it in list
 * order; for 'before', the rows before it in reverse order. Read `size + 1` rows: the extra one
 * only says whether there are more.
 */
export function seekPage<T>(
  rows: readonly T[],
  size: number,
  position: SeekPosition | null,
  total: number,
  keyOf: (row: T) => CursorKey,
): SeekPage<T> {
  const more = rows.length > size;
  const backwards = position?.direction === 'before';
  const items = backwards ? rows.slice(0, size).reverse() : rows.slice(0, size);
  const start = backwards
    ? more
      ? Math.max(0, position.start - items.length)
      : 0
    : (position?.start ?? 0);
  const first = items[0];
  const last = items[items.length - 1];
  const hasNext = backwards ? items.length > 0 : more;
  const hasPrevious = backwards ? more : start > 0 && items.length > 0;
  return {
    items,
    total,
    start,
    next:
      hasNext && last !== undefined
        ? encodeSeek({ direction: 'after', key: keyOf(last), total, start: start + items.length })
        : null,
    previous:
      hasPrevious && first !== undefined
        ? encodeSeek({ direction: 'before', key: keyOf(first), total, start })
        : null,
  };
}

/** Sort keys compared part by part: numbers as numbers, text by code point. */
export function compareKeys(a: CursorKey, b: CursorKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * A page of a list already in memory and bounded (a sample, the register), sorted by `keyOf` as
 * `compare` (by default `compareKeys`) orders keys. The total is the list's own length.
 */
export function seekSlice<T>(
  sorted: readonly T[],
  size: number,
  position: SeekPosition | null,
  keyOf: (row: T) => CursorKey,
  compare: (a: CursorKey, b: CursorKey) => number = compareKeys,
): SeekPage<T> {
  if (!position) return seekPage(sorted.slice(0, size + 1), size, null, sorted.length, keyOf);
  const at = sorted.findIndex((r) => compare(keyOf(r), position.key) >= 0);
  const split = at === -1 ? sorted.length : at;
  if (position.direction === 'after') {
    const from =
      split < sorted.length && compare(keyOf(sorted[split]!), position.key) === 0
        ? split + 1
        : split;
    return seekPage(
      sorted.slice(from, from + size + 1),
      size,
      { ...position, start: from },
      sorted.length,
      keyOf,
    );
  }
  const before = sorted.slice(Math.max(0, split - size - 1), split).reverse();
  return seekPage(before, size, { ...position, start: split }, sorted.length, keyOf);
}

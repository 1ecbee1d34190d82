// Keyset (seek) paging: a page ends with a cursor naming the last row's sort key, and the next
// page starts after it, so page 300 costs what page 1 costs (OFFSET re-reads every row before the
// page). The cursor also carries the total counted on the first page, so later pages can report
// it without counting again; it is the total when the first page was read.
import { AppError } from '../../errors.js';

export type CursorKey = ReadonlyArray<string | number>;

export interface Cursor {
  /** The sort key of the last row of the previous page. */
  key: CursorKey;
  /** The total counted on the first page. */
  total: number;
  /** A second count some lists give (a coding query's records). */
  records?: number;
}

/** An opaque, URL-safe token for the position after `key`. */
export function encodeCursor(c: Cursor): string {
  const v = c.records === undefined ? [c.key, c.total] : [c.key, c.total, c.records];
  return Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');
}

/** The position a token names; a token that is not one is refused as a validation error. */
export function decodeCursor(token: string, arity: number, field = 'after'): Cursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      (v.length === 2 || (v.length === 3 && Number.isInteger(v[2]))) &&
      Array.isArray(v[0]) &&
      v[0].length === arity &&
      v[0].every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x))) &&
      typeof v[1] === 'number' &&
      Number.isInteger(v[1]) &&
      v[1] >= 0
    )
      return {
        key: v[0] as CursorKey,
        total: v[1],
        ...(v.length === 3 ? { records: v[2] as number } : {}),
      };
  } catch {
    // fall through to the refusal
  }
  throw new AppError('VALIDATION_FAILED', {
    details: [
      { field, reason: 'Not a page cursor from this list: use the "next" value of the last page' },
    ],
  });
}

/** What every paged list says about itself: how many in all, and how to get the rest. */
export interface PageInfo {
  /** All the rows the query matches (when the first page was read). */
  total: number;
  /** How many this page holds. */
  returned: number;
  /** Pass as `after` for the next page; null on the last page. */
  next: string | null;
}

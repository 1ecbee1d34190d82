import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { readRatingsCsv } from './ratings-csv.js';

const bytes = (s: string) => new TextEncoder().encode(s);

async function problems(
  text: string,
  level: 'nominal' | 'ordinal' | 'interval' | 'ratio' = 'nominal',
  categories?: string[],
) {
  try {
    await readRatingsCsv(bytes(text), 'ratings.csv', { level, categories });
  } catch (err) {
    if (err instanceof AppError) return { message: err.message, details: err.details };
    throw err;
  }
  throw new Error('expected the file to be refused');
}

describe('reading a ratings table from CSV', () => {
  it('reads a unit column and rater columns; blanks are missing; the unit is the first heading', async () => {
    const t = await readRatingsCsv(
      bytes('\ufeffcase;A;B\r\nc1;Good;\r\nc2; good ;Inadequate\r\n'),
      'r.csv',
      {
        level: 'ordinal',
        categories: ['Good', 'Inadequate'],
      },
    );
    expect(t).toEqual({
      unit: 'case',
      raters: ['A', 'B'],
      units: [
        { id: 'c1', ratings: ['Good', null] },
        { id: 'c2', ratings: ['Good', 'Inadequate'] },
      ],
    });
  });

  it('names file, row, column and reason for each problem', async () => {
    const p = await problems('case,A,,A\n1,x,,y\n', 'nominal');
    expect(p.details).toEqual([
      {
        file: 'ratings.csv',
        row: 1,
        field: 'column C',
        reason: 'the rater column has no name in the header',
      },
      {
        file: 'ratings.csv',
        row: 1,
        field: 'column D',
        value: 'A',
        reason: "rater 'A' is also the heading of column B",
      },
    ]);
    expect(p.message).toBe(
      'ratings.csv, row 1, column C: the rater column has no name in the header (and 1 more problem)',
    );
  });

  it('refuses words at the interval level, negative numbers at the ratio level, and words at the ordinal level without a scale', async () => {
    expect((await problems('u,A,B\n1,2,two\n', 'interval')).details[0]).toMatchObject({
      row: 2,
      field: "column C (rater 'B')",
      value: 'two',
      reason: 'the interval level needs a number',
    });
    expect((await problems('u,A,B\n1,2,-1\n', 'ratio')).details[0]).toMatchObject({
      reason: 'the ratio level needs a number of 0 or more',
    });
    expect((await problems('u,A,B\n1,high,low\n', 'ordinal')).details[0]!.reason).toMatch(
      /needs numbers, or the scale in order/,
    );
  });

  it('refuses an empty file, a header alone, and a header with one rater', async () => {
    expect((await problems('')).message).toBe('ratings.csv: the file is empty');
    expect((await problems('u,A,B\n')).message).toMatch(/there are no units/);
    expect((await problems('u,A\n1,x\n')).message).toMatch(/at least two rater columns/);
  });
});

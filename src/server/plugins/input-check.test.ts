import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { controlCharacterProblems } from './input-check.js';

describe('controlCharacterProblems', () => {
  it('names each field holding a control character other than tab, newline and return', () => {
    expect(
      controlCharacterProblems({
        name: 'a\u0000b',
        memo: 'fine\tand\nfine\r\n',
        nested: { title: 'x\u001b[31m' },
        list: ['ok', 'bad\u007f'],
      }).map((d) => d.field),
    ).toEqual(['name', 'nested.title', 'list.1']);
  });

  it('checks query objects without Object.prototype, and skips streams and bytes', () => {
    const q = Object.create(Object.create(null) as object) as Record<string, string>;
    q.q = 'x\u0000';
    expect(controlCharacterProblems(q).map((d) => d.field)).toEqual(['q']);
    expect(controlCharacterProblems(new PassThrough())).toEqual([]);
    expect(controlCharacterProblems({ _files: [{ data: Buffer.from([0]) }] })).toEqual([]);
  });

  it('names a field whose own name holds a control character', () => {
    expect(controlCharacterProblems({ 'a\u0000': 'x' })).toHaveLength(1);
  });
});

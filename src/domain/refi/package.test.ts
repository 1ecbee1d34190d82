import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openQdpx } from './package.js';

describe('finding a source file in the package, in every form vendors write its path', () => {
  const q = openQdpx(
    zipSync({
      'project.qde': strToU8('<Project/>'),
      'Sources/board_2017.txt': strToU8('board'),
      'Sources/Interview Zoë.txt': strToU8('zoe'),
      'Sources/ABC.TXT': strToU8('abc'),
    }),
  );
  it.each([
    ['internal://board_2017.txt', 'board'],
    ['board_2017.txt', 'board'],
    ['sources/board_2017.txt', 'board'],
    ['Sources/BOARD_2017.TXT', 'board'],
    ['C:\\Users\\priya\\Documents\\board_2017.txt', 'board'],
    ['/home/priya/qualcoder/board_2017.txt', 'board'],
    ['file:///C:/Users/priya/board_2017.txt', 'board'],
    ['internal://Interview%20Zo%C3%AB.txt', 'zoe'],
    ['\ufeffinternal://abc.txt', 'abc'],
  ])('%s', (path, text) => {
    expect(new TextDecoder().decode(q.readInternal(path)!)).toBe(text);
  });
  it('never leaves the package, and says when the file is not there', () => {
    expect(q.readInternal('internal://../../etc/passwd')).toBeNull();
    expect(q.readInternal('missing.txt')).toBeNull();
    expect(q.readInternal('')).toBeNull();
  });
});

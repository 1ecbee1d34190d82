import { describe, expect, it } from 'vitest';
import { expandInTree } from './code-tree.js';

describe('expandInTree', () => {
  const entries = [
    { id: 'hp', parentId: null },
    { id: 'fd', parentId: 'hp' },
    { id: 'fd1', parentId: 'fd' },
    { id: 'harm', parentId: 'hp' },
    { id: 'voice', parentId: null },
  ];

  it('gives a folder all the codes below it, or only itself', () => {
    expect(expandInTree(entries, ['hp', 'voice'], true)).toEqual(
      new Map([
        ['hp', ['hp', 'fd', 'harm', 'fd1']],
        ['voice', ['voice']],
      ]),
    );
    expect(expandInTree(entries, ['hp'], false)).toEqual(new Map([['hp', ['hp']]]));
  });

  it('leaves out codes that are not in the codebook and survives cycles', () => {
    expect(expandInTree(entries, ['nope'], true).size).toBe(0);
    const cyclic = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect(expandInTree(cyclic, ['a'], true).get('a')).toEqual(['a', 'b']);
  });
});

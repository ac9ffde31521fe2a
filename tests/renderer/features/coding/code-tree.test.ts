import { describe, expect, it } from 'vitest';
import type { Code } from '../../../../electron/common/coding/coding-types';
import { codePaths, filterCodes, subtree, treeRows } from '../../../../renderer/src/features/coding/code-tree';

const code = (id: string, name: string, parentId: string | null = null): Code => ({ id, name, parentId, color: '', description: '', memo: '', createdAt: '', updatedAt: '' });
const BOOK = [code('r', 'Recruitment'), code('w', 'Women', 'r'), code('y', 'Youth', 'r'), code('m', 'Mothers', 'w'), code('v', 'Victory'), code('o', 'Orphan', 'gone')];

describe('the codebook tree', () => {
  it('lists codes in tree order with their depth, sub-codes and path', () => {
    expect(treeRows(BOOK).map((r) => [r.code.id, r.depth, r.hasChildren, r.path])).toEqual([
      ['r', 0, true, 'Recruitment'],
      ['w', 1, true, 'Recruitment / Women'],
      ['m', 2, false, 'Recruitment / Women / Mothers'],
      ['y', 1, false, 'Recruitment / Youth'],
      ['v', 0, false, 'Victory'],
      ['o', 0, false, 'Orphan'],
    ]);
  });

  it('hides the sub-codes of a collapsed code, not the code itself', () => {
    expect(treeRows(BOOK, new Set(['w'])).map((r) => r.code.id)).toEqual(['r', 'w', 'y', 'v', 'o']);
    expect(treeRows(BOOK, new Set(['r'])).map((r) => r.code.id)).toEqual(['r', 'v', 'o']);
  });

  it('gives a code with everything under it, and each code’s path', () => {
    expect([...subtree(BOOK, 'r')].sort()).toEqual(['m', 'r', 'w', 'y']);
    expect([...subtree(BOOK, 'm')]).toEqual(['m']);
    expect(codePaths(BOOK).get('m')).toBe('Recruitment / Women / Mothers');
  });

  it('survives a cycle in the parent links without looping', () => {
    const cyclic = [code('a', 'A', 'b'), code('b', 'B', 'a'), code('c', 'C')];
    expect(treeRows(cyclic).map((r) => r.code.id)).toEqual(['c']);
    expect([...subtree(cyclic, 'a')].sort()).toEqual(['a', 'b']);
  });

  it('filters by every word typed, in any case, over the whole path', () => {
    expect(filterCodes(BOOK, 'wom').map((r) => r.code.id)).toEqual(['w', 'm']);
    expect(filterCodes(BOOK, 'RECRUITMENT moth').map((r) => r.code.id)).toEqual(['m']);
    expect(filterCodes(BOOK, '').length).toBe(6);
  });
});

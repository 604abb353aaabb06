import { describe, expect, it } from 'vitest';
import { countAt, countOver, findKey, held, postingsAt, rowKeys, withCounts, withPostings } from '../../lib/background/evidence-rows';

const blocks = (...b: number[]) => new Int32Array(b);
const counts = (row: ReturnType<typeof withCounts>) => (row ? rowKeys(row).map((k, j) => [k, countAt(row, j).n, [...countAt(row, j).blocks]]) : null);

describe('evidence shard rows', () => {
  it('finds a key in sorted keys, or says where it would go', () => {
    const keys = ['apple', 'kyiv', 'paris'];
    expect(findKey(keys, 'kyiv')).toBe(1);
    expect(findKey(keys, 'aardvark')).toBe(-1);
    expect(findKey(keys, 'london')).toBe(-3);
    expect(findKey(keys, 'zurich')).toBe(-4);
    expect(findKey([], 'kyiv')).toBe(-1);
  });

  it('adds, changes and takes out counts, keeping the keys sorted and the untouched keys as they were', () => {
    const first = withCounts(3, 1, undefined, new Map([['paris', { n: 2, blocks: blocks(0) }], ['kyiv', { n: 5, blocks: blocks(0, 4) }]]));
    expect(first?.keys).toBe('kyiv\nparis');
    expect(counts(first)).toEqual([['kyiv', 5, [0, 4]], ['paris', 2, [0]]]);
    const next = withCounts(3, 1, first!, new Map([['apple', { n: 1, blocks: blocks(7) }], ['paris', { n: 0, blocks: blocks() }], ['london', { n: 3, blocks: blocks(1, 2) }]]));
    expect([next?.s, next?.g]).toEqual([3, 1]);
    expect(counts(next)).toEqual([['apple', 1, [7]], ['kyiv', 5, [0, 4]], ['london', 3, [1, 2]]]);
    // the row it came from is not changed
    expect(counts(first)).toEqual([['kyiv', 5, [0, 4]], ['paris', 2, [0]]]);
  });

  it('sums a key over the rows of its groups, their blocks end to end, and knows a key no row holds', () => {
    const g0 = withCounts(5, 0, undefined, new Map([['kyiv', { n: 3, blocks: blocks(0, 2) }], ['oslo', { n: 1, blocks: blocks(3) }]]));
    const g1 = withCounts(5, 1, undefined, new Map([['kyiv', { n: 4, blocks: blocks(5) }], ['paris', { n: 2, blocks: blocks(4, 7) }]]));
    const rows = [held(g0!), held(g1!)];
    expect(countOver(rows, 'kyiv')).toEqual({ n: 7, blocks: blocks(0, 2, 5) });
    expect(countOver(rows, 'paris')).toEqual({ n: 2, blocks: blocks(4, 7) });
    expect(countOver(rows, 'oslo')?.n).toBe(1);
    expect(countOver(rows, 'berlin')).toBeUndefined();
    expect(countOver([], 'kyiv')).toBeUndefined();
  });

  it('says there is no row when its last key goes', () => {
    const row = withCounts(0, 0, undefined, new Map([['kyiv', { n: 1, blocks: blocks(0) }]]));
    expect(withCounts(0, 0, row!, new Map([['kyiv', { n: 0, blocks: blocks() }]]))).toBeNull();
    expect(withPostings(0, 2, undefined, new Map([['kyiv', []]]))).toBeNull();
  });

  it('replaces the postings of the keys a write changes and copies the others', () => {
    const row = withPostings(1, 2, undefined, new Map([['kyiv', [512, 0, 1, 9]], ['berlin', [513, 2, 1, 7, 514, 0, 2, 11]]]));
    expect(row?.b).toBe(2);
    expect(rowKeys(row!)).toEqual(['berlin', 'kyiv']);
    const next = withPostings(1, 2, row!, new Map([['kyiv', [512, 0, 1, 9, 515, 3, 1, 6]], ['berlin', []], ['oslo', [515, 1, 1, 4]]]));
    expect(rowKeys(next!).map((k, j) => [k, [...postingsAt(next!, j)]])).toEqual([
      ['kyiv', [512, 0, 1, 9, 515, 3, 1, 6]],
      ['oslo', [515, 1, 1, 4]],
    ]);
  });
});

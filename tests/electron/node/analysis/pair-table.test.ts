import { describe, expect, it } from 'vitest';
import { PairTable } from '../../../../electron/node/analysis/pair-table';

describe('PairTable', () => {
  it('keeps what a Map keyed by the pair keeps, through growth and collisions', () => {
    const table = new PairTable();
    const reference = new Map<string, number>();
    let state = 1;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) % 3000;
    for (let i = 0; i < 50_000; i++) {
      const a = next();
      const b = next();
      const key = `${a},${b}`;
      if (reference.has(key)) expect(table.get(a, b)).toBe(reference.get(key));
      else {
        expect(table.get(a, b)).toBe(-1);
        table.insert(a, b, i);
        reference.set(key, i);
      }
    }
    expect(table.size).toBe(reference.size);
    for (const [key, value] of reference) {
      const [a, b] = key.split(',').map(Number);
      expect(table.get(a!, b!)).toBe(value);
    }
    // (a, b) and (b, a) are different keys; 0 and large numbers are keys like any other.
    table.insert(4_000_000_000, 0, 7);
    expect(table.get(4_000_000_000, 0)).toBe(7);
    expect(table.get(0, 4_000_000_000)).toBe(-1);
  });
});

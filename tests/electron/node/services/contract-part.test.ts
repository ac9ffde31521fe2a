import { describe, expect, it } from 'vitest';
import { contractPart, mergeParts } from '../../../../electron/node/services/contract-part';

describe('contractPart and mergeParts', () => {
  it('keeps only the methods of the contract a service implements', () => {
    const search = () => ({ results: [] });
    const part = contractPart({ search, close() {}, requireStore() {} });
    expect(Object.keys(part)).toEqual(['search']);
    expect(part.search).toBe(search);
  });

  it('refuses a method two services claim', () => {
    expect(() => mergeParts({ search: () => 1 }, { findInDocument: () => 2 }, { search: () => 3 })).toThrow('Two services implement search');
    expect(Object.keys(mergeParts({ search: () => 1 }, { findInDocument: () => 2 }))).toEqual(['search', 'findInDocument']);
  });
});
